"""The feeds as a feed reader reads them: RSS 2.0 with feedparser, JSON Feed 1.1 with json (which
feedparser does not read), both to the same entries."""

import datetime
import html
import json
from dataclasses import dataclass

import feedparser


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    tags: list[str]
    summary: str
    date: datetime.date | None


def read_rss(text: str) -> tuple[dict, list[Entry]]:
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    # A description is HTML: what a reader shows is its text.
    assert all(entry.summary_detail.type == "text/html" for entry in feed.entries)
    return feed.feed, [Entry(entry.title, entry.link, [tag.term for tag in entry.get("tags", [])], html.unescape(entry.summary),
                             datetime.date(*entry.published_parsed[:3]) if "published_parsed" in entry else None)
                       for entry in feed.entries]


def read_json_feed(text: str) -> tuple[dict, list[Entry]]:
    feed = json.loads(text)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    for item in feed["items"]:
        assert {"id", "url", "title", "content_text"} <= item.keys()
    return feed, [Entry(item["title"], item["url"], item.get("tags", []), item["summary"],
                        datetime.datetime.fromisoformat(item["date_published"]).date() if "date_published" in item else None)
                  for item in feed["items"]]


READERS = {"feed.xml": read_rss, "feed.json": read_json_feed}
