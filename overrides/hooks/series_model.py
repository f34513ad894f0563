"""The newsletter series as plain data: one issue per Markdown file, described by its front matter.

Nothing here knows about MkDocs. The hook in `series.py` feeds it front matter and file paths;
tests call it directly. Everything is linear in the number of issues, so a long archive builds fast.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import yaml

# Front-matter fields of an issue: name -> (expected Python types, human description, required).
ISSUE_FIELDS: dict[str, tuple[tuple[type, ...], str, bool]] = {
    "series": ((str,), "text", True),
    "issue": ((int,), "a whole number", True),
    "total": ((int,), "a whole number", True),
    "title": ((str,), "text", True),
    "description": ((str,), "text", True),
    "tags": ((list,), "a list of text", True),
    "date": ((datetime.date, str), "a date (YYYY-MM-DD)", False),
    # The title of the next issue as this issue announces it, in the author's words.
    "announces": ((str,), "text", False),
}


class SeriesError(ValueError):
    """Bad series data, with the file and field a person must fix.

    Paths are inside docs/; `line(folder)` gives the one line with paths from the project root.
    `place` replaces the field when the problem is not in one field (a YAML error's line);
    `other` is a second file the message names (a duplicate number's first user).
    """

    def __init__(self, file: str, field_name: str, message: str, *, place: str | None = None, other: str | None = None):
        self.file = file
        self.field = field_name
        self.message = message
        self.place = place or f"field '{field_name}'"
        self.other = other
        super().__init__(self.line())

    def line(self, folder: str = "") -> str:
        other = f" {folder}{self.other}" if self.other else ""
        return f"{folder}{self.file}: front matter {self.place}: {self.message}{other}"


class _DatesAsTextLoader(yaml.SafeLoader):
    """YAML's safe loader, except that dates stay text: a wrong date is then reported as the date
    field's mistake, not as a file that cannot be read."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_front_matter(source: str, block: str | None) -> dict[str, Any]:
    """The fields of a front matter block (the YAML between the `---` lines), or SeriesError saying why not."""
    if block is None:
        raise SeriesError(source, "", "missing; expected the file to start with fields between two '---' lines", place="block")
    try:
        fields = yaml.load(block, _DatesAsTextLoader)
    except yaml.MarkedYAMLError as error:
        # The block starts on the file's second line, after the opening '---'.
        line = error.problem_mark.line + 2 if error.problem_mark else 2
        raise SeriesError(source, "", f"not valid YAML ({error.problem})", place=f"line {line}") from None
    except yaml.YAMLError as error:
        raise SeriesError(source, "", f"not valid YAML ({error})", place="block") from None
    if not isinstance(fields, dict):
        raise SeriesError(source, "", f"expected fields (name: value), got {type(fields).__name__}", place="block")
    return fields


@dataclass(frozen=True)
class Issue:
    source: str  # path of the Markdown file inside docs/, e.g. issues/some-title.md
    url: str  # site-relative URL of the built page
    series: str
    number: int
    total: int
    title: str
    description: str
    tags: tuple[str, ...]
    date: datetime.date | None = None
    announces: str | None = None


@dataclass(frozen=True)
class Neighbours:
    previous: Issue | None
    next: Issue | None


@dataclass(frozen=True)
class AnnouncedIssue:
    number: int
    title: str
    announced_by: Issue


@dataclass
class Series:
    name: str
    total: int
    issues: list[Issue]  # published issues, in issue order
    _by_source: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_source = {issue.source: position for position, issue in enumerate(self.issues)}

    @property
    def latest(self) -> Issue:
        return self.issues[-1]

    def issue_for(self, source: str) -> Issue | None:
        position = self._by_source.get(source)
        return None if position is None else self.issues[position]

    def neighbours(self, source: str) -> Neighbours:
        position = self._by_source[source]
        previous = self.issues[position - 1] if position > 0 else None
        following = self.issues[position + 1] if position + 1 < len(self.issues) else None
        return Neighbours(previous, following)

    def missing_numbers(self) -> list[int]:
        published = {issue.number for issue in self.issues}
        return [number for number in range(1, self.total + 1) if number not in published]

    def announced(self) -> list[AnnouncedIssue]:
        """Unpublished issues that a published issue announces as coming next."""
        published = {issue.number for issue in self.issues}
        return [
            AnnouncedIssue(issue.number + 1, issue.announces, issue)
            for issue in self.issues
            if issue.announces and issue.number + 1 not in published and issue.number < self.total
        ]


def parse_issue(source: str, url: str, meta: Mapping[str, Any]) -> Issue:
    """Validate one file's front matter and turn it into an Issue; raise SeriesError naming the field."""
    for name, (types, description, required) in ISSUE_FIELDS.items():
        if name not in meta or meta[name] is None:
            if required:
                raise SeriesError(source, name, f"missing; expected {description}")
            continue
        value = meta[name]
        # bool is an int in Python, but `issue: true` is a mistake, not issue number 1.
        if isinstance(value, bool) or not isinstance(value, types):
            raise SeriesError(source, name, f"expected {description}, got {type(value).__name__} {value!r}")
    tags = meta["tags"]
    for tag in tags:
        if not isinstance(tag, str):
            raise SeriesError(source, "tags", f"expected a list of text, got item {tag!r}")
    for name in ("issue", "total"):
        if meta[name] < 1:
            raise SeriesError(source, name, f"expected a number from 1 up, got {meta[name]}")
    if meta["issue"] > meta["total"]:
        raise SeriesError(
            source, "issue", f"issue {meta['issue']} is beyond the series length (total: {meta['total']})"
        )
    return Issue(
        source=source,
        url=url,
        series=meta["series"],
        number=meta["issue"],
        total=meta["total"],
        title=meta["title"],
        description=meta["description"],
        tags=tuple(tags),
        date=_parse_date(source, meta.get("date")),
        announces=meta.get("announces"),
    )


def _parse_date(source: str, value: datetime.date | str | None) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise SeriesError(source, "date", f"{value!r} is not a valid date; expected a real date as YYYY-MM-DD") from None


def build_series(issues: Iterable[Issue], modified: Mapping[str, float] | None = None) -> Series:
    """Check the issues agree with each other (one series, one length, unique numbers) and order them.

    `modified` (source -> modification time), when known, decides which of two clashing files is
    blamed: the one changed last, since that is where the author just made the mistake.
    """
    changed = modified or {}
    ordered = sorted(issues, key=lambda issue: (issue.number, changed.get(issue.source, 0.0), issue.source))
    if not ordered:
        raise SeriesError("issues/", "issue", "no issue files found")
    # The file the others are held to: the one left alone longest (the first in order when not known).
    first = min(ordered, key=lambda issue: (changed.get(issue.source, 0.0), issue.number, issue.source))
    seen: dict[int, Issue] = {}
    for issue in ordered:
        if issue.series != first.series:
            raise SeriesError(issue.source, "series", f"{issue.series!r} differs from {first.series!r} in", other=first.source)
        if issue.total != first.total:
            raise SeriesError(issue.source, "total", f"{issue.total} differs from {first.total} in", other=first.source)
        if issue.number in seen:
            raise SeriesError(issue.source, "issue", f"issue number {issue.number} is also used by", other=seen[issue.number].source)
        seen[issue.number] = issue
    return Series(name=first.series, total=first.total, issues=ordered)


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
