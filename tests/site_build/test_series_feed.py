"""The feeds, read as a feed reader reads them: whatever an author typed arrives as the author
typed it, and an issue has only the dates its author wrote."""

import datetime

import pytest
from support.feed_reader import read_json_feed, read_rss

from site_build.series.feed import json_feed, rss_xml
from site_build.series.front_matter import parse_issue
from site_build.series.model import build_series

AWKWARD = "R&D <first> \"quoted\" & 'single'"


FEEDS = {"RSS": (rss_xml, read_rss), "JSON Feed": (json_feed, read_json_feed)}


def awkward_series(*, dated: bool):
    def issue(number: int, slug: str, **fields):
        meta = {"series": f"Series {AWKWARD}", "issue": number, "total": 3, "title": f"{AWKWARD} {number}",
                "description": f"About {AWKWARD}", "tags": [AWKWARD, "plain"], **fields}
        return parse_issue(f"issues/{slug}.md", f"issues/{slug}/", meta)

    return build_series([issue(1, "first", **({"date": "2025-01-31"} if dated else {})), issue(2, "second")])


def read(kind: str, *, dated: bool, site_url: str = "https://example.org/"):
    write, reader = FEEDS[kind]
    return reader(write(awkward_series(dated=dated), site_url=site_url, description=f"All {AWKWARD}"))


@pytest.mark.parametrize("kind", FEEDS)
def test_an_authors_awkward_text_arrives_as_typed(kind):
    feed, entries = read(kind, dated=True, site_url="https://example.org/news")
    assert feed["title"] == f"Series {AWKWARD}"
    assert [entry.title for entry in entries] == [f"{AWKWARD} 2", f"{AWKWARD} 1"]
    assert [entry.link for entry in entries] == ["https://example.org/news/issues/second/", "https://example.org/news/issues/first/"]
    assert entries[0].tags == [AWKWARD, "plain"]
    assert entries[0].summary == f"About {AWKWARD}"


@pytest.mark.parametrize("kind", FEEDS)
def test_an_issue_has_only_the_date_its_author_wrote(kind):
    feed, (undated, dated) = read(kind, dated=True)
    assert undated.date is None and dated.date == datetime.date(2025, 1, 31)
    assert not {"published", "updated", "date_published", "date_modified"} & feed.keys()  # no build time stamp


@pytest.mark.parametrize("kind", FEEDS)
def test_the_same_series_gives_the_same_feed(kind):
    write, _reader = FEEDS[kind]
    make = lambda: write(awkward_series(dated=False), site_url="https://example.org/", description="d")  # noqa: E731
    assert make() == make()
