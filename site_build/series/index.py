"""The series index: the Markdown of the issues' list, one page per range of issues in a long archive.

Plain Python (no MkDocs): the plugin (`plugin.py`) adds the pages it returns to the site.
"""

from __future__ import annotations

import json
import posixpath
from typing import Mapping

from site_build.series.model import Issue, Series


def _link(from_source: str, to_source: str) -> str:
    """Relative Markdown link between two files under docs/, so MkDocs validates it."""
    return posixpath.relpath(to_source, posixpath.dirname(from_source) or ".")


def _number_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for number in numbers:
        if ranges and ranges[-1][1] == number - 1:
            ranges[-1] = (ranges[-1][0], number)
        else:
            ranges.append((number, number))
    return ranges


def _describe_range(first: int, last: int) -> str:
    return f"Issue {first} is" if first == last else f"Issues {first}–{last} are"


# Past this many issues the index links one page per range of issues instead of listing them all:
# a single list of 500 is ~2,100 elements, and the slowest page of the site to lay out
# (bench/archive_scale.py counts the elements, bench/lighthouse.py --archive 500 shows the blocking time).
ISSUES_PER_INDEX_PAGE = 100


def index_pages(series: Series, index_source: str = "issues/index.md",
                per_page: int = ISSUES_PER_INDEX_PAGE) -> dict[str, str]:
    """Every page of the series index by source path: the index, plus one page per range when long."""
    if len(series.issues) <= per_page:
        return {index_source: index_markdown(series, index_source)}
    folder = posixpath.dirname(index_source)
    ranges = {}
    for start in range(0, len(series.issues), per_page):
        chunk = series.issues[start:start + per_page]
        ranges[posixpath.join(folder, f"range-{chunk[0].number}-{chunk[-1].number}.md")] = chunk
    pages = {index_source: index_markdown(series, index_source, ranges)}
    for source, chunk in ranges.items():
        pages[source] = range_markdown(series, chunk, source, index_source)
    return pages


def _range_title(chunk: list[Issue]) -> str:
    return f"Issues {chunk[0].number}–{chunk[-1].number}"


def _issue_lines(issues: list[Issue], from_source: str) -> list[str]:
    lines = []
    for issue in issues:
        target = _link(from_source, issue.source)
        dated = f" ({issue.date.isoformat()})" if issue.date else ""
        lines.append(f"- **Issue {issue.number}**: [{escape_markdown(issue.title)}]({target}){dated}  ")
        lines.append(f"  {escape_markdown(issue.description)}")
    return lines


def range_markdown(series: Series, chunk: list[Issue], source: str, index_source: str) -> str:
    """One page of a long index: the issues of one range, in order."""
    title = _range_title(chunk)
    return "\n".join([
        "---",
        f"title: {json.dumps(f'{title} · {series.name}')}",
        f"description: {json.dumps(f'{title} of the newsletter series, in order.')}",
        "---",
        "",
        f"# {title}",
        "",
        f"Part of [{escape_markdown(series.name)}]({_link(source, index_source)}).",
        "",
        *_issue_lines(chunk, source),
        "",
    ])


def index_markdown(series: Series, index_source: str = "issues/index.md",
                   ranges: Mapping[str, list[Issue]] | None = None) -> str:
    """The series index page: published issues in order (or their ranges), then what is announced, then what we lack."""
    lines = [
        "---",
        # JSON is valid YAML: the author's title cannot break the front matter.
        f"title: {json.dumps(series.name)}",
        "description: Every issue of the newsletter series, in order.",
        "---",
        "",
        f"# {escape_markdown(series.name)}",
        "",
        f"A series of {series.total} e-newsletters. {len(series.issues)} of them "
        f"{'is' if len(series.issues) == 1 else 'are'} published here.",
        "",
        "## Published issues",
        "",
    ]
    if ranges:
        lines += [f"- [{_range_title(chunk)}]({_link(index_source, source)})" for source, chunk in ranges.items()]
    else:
        lines += _issue_lines(series.issues, index_source)
    lines.append("")
    announced = series.announced()
    if announced:
        lines += ["## Coming next", ""]
        for upcoming in announced:
            source = upcoming.announced_by
            target = _link(index_source, source.source)
            lines.append(
                f"- Issue {upcoming.number}: *{escape_markdown(upcoming.title)}*, announced in "
                f"[issue {source.number}]({target}) as the next topic. It is not published here yet."
            )
        lines.append("")
    announced_numbers = {upcoming.number for upcoming in announced}
    lacking = [number for number in series.missing_numbers() if number not in announced_numbers]
    if lacking:
        lines += ["## Not in this archive", ""]
        for first, last in _number_ranges(lacking):
            lines.append(f"- {_describe_range(first, last)} not in our archive.")
        lines.append("")
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Author text goes into generated Markdown: keep it text, never markup."""
    for character in "\\`*_[]<>#|":
        text = text.replace(character, "\\" + character)
    return text
