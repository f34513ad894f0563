"""A long series index is split into one page per range of issues, so no page of it grows with the archive."""

from __future__ import annotations

import re

from site_build.series.front_matter import parse_issue
from site_build.series.index import ISSUES_PER_INDEX_PAGE, index_markdown, index_pages
from site_build.series.model import Issue, build_series


def issue(number: int, total: int) -> Issue:
    meta = {"series": "Hints", "issue": number, "total": total, "title": f"Title {number}",
            "description": f"About topic {number}.", "tags": ["coaching"]}
    return parse_issue(f"issues/issue-{number}.md", f"issues/issue-{number}/", meta)


def listed_numbers(markdown: str) -> list[int]:
    return [int(number) for number in re.findall(r"^- \*\*Issue (\d+)\*\*", markdown, flags=re.MULTILINE)]


def test_a_series_that_fits_one_page_keeps_a_single_index_page():
    series = build_series([issue(number, total=ISSUES_PER_INDEX_PAGE) for number in range(1, ISSUES_PER_INDEX_PAGE + 1)])
    pages = index_pages(series, "issues/index.md")
    assert pages == {"issues/index.md": index_markdown(series, "issues/index.md")}


def test_a_long_series_lists_every_issue_once_across_range_pages_in_order():
    series = build_series([issue(number, total=250) for number in range(250, 0, -1)])
    pages = index_pages(series, "issues/index.md", per_page=100)
    assert list(pages) == ["issues/index.md", "issues/range-1-100.md", "issues/range-101-200.md", "issues/range-201-250.md"]
    ranges = [markdown for source, markdown in pages.items() if source != "issues/index.md"]
    assert [number for markdown in ranges for number in listed_numbers(markdown)] == list(range(1, 251))
    assert all(len(listed_numbers(markdown)) <= 100 for markdown in ranges)


def test_the_index_of_a_long_series_links_each_range_and_each_range_links_back():
    series = build_series([issue(number, total=300) for number in range(1, 251)])
    pages = index_pages(series, "issues/index.md", per_page=100)
    index = pages["issues/index.md"]
    assert listed_numbers(index) == []
    assert "- [Issues 1–100](range-1-100.md)" in index and "- [Issues 201–250](range-201-250.md)" in index
    # What is missing from the series is still reported on the index itself.
    assert "Issues 251–300 are not in our archive." in index
    assert "[Hints](index.md)" in pages["issues/range-101-200.md"]
    assert "[Title 150](issue-150.md)" in pages["issues/range-101-200.md"]
