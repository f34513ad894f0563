"""The series model on its own: validation names the file and field, order and gaps are reported plainly."""

from __future__ import annotations

import datetime

import pytest
from site_build.series.front_matter import parse_issue, read_front_matter
from site_build.series.index import index_markdown
from site_build.series.model import Issue, SeriesError, build_series


def front_matter(**overrides):
    meta = {
        "series": "Hints",
        "issue": 2,
        "total": 5,
        "title": "Second",
        "description": "About the second topic.",
        "tags": ["coaching"],
    }
    meta.update(overrides)
    return {key: value for key, value in meta.items() if value is not ...}


def issue(number: int, total: int = 5, announces: str | None = None, series: str = "Hints") -> Issue:
    meta = front_matter(issue=number, total=total, title=f"Title {number}", series=series)
    if announces:
        meta["announces"] = announces
    return parse_issue(f"issues/issue-{number}.md", f"issues/issue-{number}/", meta)


def test_valid_front_matter_becomes_an_issue():
    parsed = parse_issue("issues/a.md", "issues/a/", front_matter(date="2024-03-01"))
    assert (parsed.number, parsed.total, parsed.title, parsed.tags) == (2, 5, "Second", ("coaching",))
    assert parsed.date == datetime.date(2024, 3, 1)
    assert parsed.announces is None


@pytest.mark.parametrize("missing", ["series", "issue", "total", "title", "description", "tags"])
def test_a_missing_required_field_is_named(missing):
    with pytest.raises(SeriesError) as error:
        parse_issue("issues/a.md", "issues/a/", front_matter(**{missing: ...}))
    assert (error.value.file, error.value.field) == ("issues/a.md", missing)
    assert "missing" in str(error.value)


@pytest.mark.parametrize(
    "field, value",
    [("issue", "four"), ("issue", 4.0), ("issue", True), ("total", "5"), ("title", 12), ("tags", "coaching"),
     ("tags", ["ok", 3]), ("date", "March 2024"), ("date", 2024), ("announces", ["a", "b"])],
)
def test_a_field_of_the_wrong_type_is_named_with_what_was_expected(field, value):
    with pytest.raises(SeriesError) as error:
        parse_issue("issues/a.md", "issues/a/", front_matter(**{field: value}))
    assert error.value.field == field
    assert "expected" in str(error.value)
    assert str(error.value).startswith("issues/a.md: front matter field '" + field + "'")


def test_an_issue_number_beyond_the_series_length_is_rejected():
    with pytest.raises(SeriesError) as error:
        parse_issue("issues/a.md", "issues/a/", front_matter(issue=6, total=5))
    assert error.value.field == "issue"
    assert "beyond the series length" in error.value.message


@pytest.mark.parametrize("field", ["issue", "total"])
def test_numbers_start_at_one(field):
    with pytest.raises(SeriesError) as error:
        parse_issue("issues/a.md", "issues/a/", front_matter(**{field: 0}))
    assert error.value.field == field


def test_a_duplicate_issue_number_names_both_files():
    first = parse_issue("issues/a.md", "issues/a/", front_matter(issue=3))
    second = parse_issue("issues/b.md", "issues/b/", front_matter(issue=3))
    with pytest.raises(SeriesError) as error:
        build_series([second, first])
    assert error.value.line("docs/") == "docs/issues/b.md: front matter field 'issue': issue number 3 is also used by docs/issues/a.md"


def test_of_two_files_with_one_number_the_one_changed_last_is_blamed():
    first = parse_issue("issues/a.md", "issues/a/", front_matter(issue=3))
    second = parse_issue("issues/b.md", "issues/b/", front_matter(issue=3))
    with pytest.raises(SeriesError) as error:
        build_series([first, second], modified={"issues/a.md": 200.0, "issues/b.md": 100.0})
    assert (error.value.file, error.value.other) == ("issues/a.md", "issues/b.md")


@pytest.mark.parametrize("block, expected", [
    (None, "issues/a.md: front matter block: missing; expected the file to start with fields between two '---' lines"),
    ("title: [unclosed\n", "issues/a.md: front matter line 3: not valid YAML (expected ',' or ']', but got '<stream end>')"),
    ("- a list\n", "issues/a.md: front matter block: expected fields (name: value), got list"),
])
def test_front_matter_that_cannot_be_read_says_why(block, expected):
    with pytest.raises(SeriesError) as error:
        read_front_matter("issues/a.md", block)
    assert str(error.value) == expected


def test_dates_are_read_as_text_and_checked_as_dates():
    assert read_front_matter("issues/a.md", "date: 2025-01-31\n") == {"date": "2025-01-31"}
    assert parse_issue("issues/a.md", "issues/a/", front_matter(date="2025-01-31")).date.isoformat() == "2025-01-31"
    with pytest.raises(SeriesError) as error:
        parse_issue("issues/a.md", "issues/a/", front_matter(date="2025-13-45"))
    assert str(error.value) == "issues/a.md: front matter field 'date': '2025-13-45' is not a valid date; expected a real date as YYYY-MM-DD"


def test_issues_must_agree_on_series_and_length():
    with pytest.raises(SeriesError) as error:
        build_series([issue(1), issue(2, total=6)])
    assert error.value.field == "total"
    with pytest.raises(SeriesError) as error:
        build_series([issue(1), issue(2, series="Other")])
    assert error.value.field == "series"


def test_an_empty_archive_is_an_error_not_an_empty_index():
    with pytest.raises(SeriesError):
        build_series([])


def test_issues_come_out_in_issue_order_with_neighbours_inside_the_series():
    series = build_series([issue(3), issue(1), issue(2)])
    assert [each.number for each in series.issues] == [1, 2, 3]
    assert series.latest.number == 3
    middle = series.neighbours("issues/issue-2.md")
    assert (middle.previous.number, middle.next.number) == (1, 3)
    first = series.neighbours("issues/issue-1.md")
    assert first.previous is None and first.next.number == 2


def test_the_index_lists_published_issues_then_the_announced_one_then_the_missing_ones():
    series = build_series([issue(4, announces="Diversifying Your Executive Ranks and Coaching Team")])
    markdown = index_markdown(series, "issues/index.md")
    published = markdown.index("## Published issues")
    coming = markdown.index("## Coming next")
    missing = markdown.index("## Not in this archive")
    assert published < coming < missing
    assert "[Title 4](issue-4.md)" in markdown
    assert "Issue 5: *Diversifying Your Executive Ranks and Coaching Team*" in markdown
    assert "Issues 1–3 are not in our archive." in markdown


def test_gaps_are_reported_as_ranges():
    series = build_series([issue(2, total=7), issue(5, total=7)])
    markdown = index_markdown(series)
    assert "Issue 1 is not in our archive." in markdown
    assert "Issues 3–4 are not in our archive." in markdown
    assert "Issues 6–7 are not in our archive." in markdown
    assert "## Coming next" not in markdown


def test_a_complete_series_has_neither_announcements_nor_gaps():
    series = build_series([issue(1, total=2, announces="Second"), issue(2, total=2)])
    markdown = index_markdown(series)
    assert "## Coming next" not in markdown and "## Not in this archive" not in markdown


def test_author_text_cannot_inject_markup_into_the_index():
    hostile = parse_issue(
        "issues/x.md", "issues/x/", front_matter(issue=1, title="<script>alert(1)</script> [link](http://evil)")
    )
    markdown = index_markdown(build_series([hostile]))
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown
    # Escaped brackets: Markdown shows them as text instead of making a link.
    assert "\\[link\\](http://evil)" in markdown


def test_a_long_archive_is_indexed_in_order_with_every_issue_listed_once():
    series = build_series([issue(number, total=500) for number in range(500, 0, -1)])
    markdown = index_markdown(series)
    assert [each.number for each in series.issues] == list(range(1, 501))
    assert markdown.count("- **Issue ") == 500
    assert "## Not in this archive" not in markdown
