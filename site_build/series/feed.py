"""The feeds of the published issues, RSS 2.0 and JSON Feed 1.1, rendered from the series model.

Written with the standard library's XML and JSON writers, which escape whatever an author typed.
Deterministic on purpose: no build time stamp, only dates the authors wrote (an issue without one
has no date in the feeds rather than an invented one), so the same sources always give the same feeds.
"""

from __future__ import annotations

import datetime
import email.utils
import html
import json
from urllib.parse import urljoin
from xml.etree import ElementTree

from site_build.series.model import Issue, Series

FEED_PATH = "feed.xml"
JSON_FEED_PATH = "feed.json"
ATOM = "http://www.w3.org/2005/Atom"


def _midnight_utc(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc)


def _add(parent: ElementTree.Element, tag: str, text: str, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _rss_item(channel: ElementTree.Element, issue: Issue, site_url: str) -> None:
    item = ElementTree.SubElement(channel, "item")
    link = urljoin(site_url, issue.url)
    _add(item, "title", issue.title)
    _add(item, "link", link)
    _add(item, "guid", link, isPermaLink="true")
    # An RSS description is HTML (escaped once more as XML): the author's plain text is made HTML
    # first, or a reader would take a "<" they typed for the start of a tag.
    _add(item, "description", html.escape(issue.description, quote=False))
    for tag in issue.tags:
        _add(item, "category", tag)
    if issue.date:
        _add(item, "pubDate", email.utils.format_datetime(_midnight_utc(issue.date)))


def _site_root(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def rss_xml(series: Series, *, site_url: str, description: str, language: str = "en") -> str:
    """Newest issue first, as feed readers expect."""
    site_url = _site_root(site_url)
    ElementTree.register_namespace("atom", ATOM)
    rss = ElementTree.Element("rss", version="2.0")
    channel = ElementTree.SubElement(rss, "channel")
    _add(channel, "title", series.name)
    _add(channel, "link", urljoin(site_url, "issues/"))
    _add(channel, "description", description)
    _add(channel, "language", language)
    ElementTree.SubElement(channel, f"{{{ATOM}}}link", href=urljoin(site_url, FEED_PATH), rel="self", type="application/rss+xml")
    for issue in reversed(series.issues):
        _rss_item(channel, issue, site_url)
    ElementTree.indent(rss)
    return ElementTree.tostring(rss, encoding="unicode", xml_declaration=True) + "\n"


def json_feed(series: Series, *, site_url: str, description: str, language: str = "en") -> str:
    """The same issues, in the same order, as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    site_url = _site_root(site_url)
    items = []
    for issue in reversed(series.issues):
        link = urljoin(site_url, issue.url)
        item = {"id": link, "url": link, "title": issue.title, "summary": issue.description, "content_text": issue.description}
        if issue.tags:
            item["tags"] = list(issue.tags)
        if issue.date:
            item["date_published"] = _midnight_utc(issue.date).isoformat()
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": series.name, "home_page_url": urljoin(site_url, "issues/"),
            "feed_url": urljoin(site_url, JSON_FEED_PATH), "description": description, "language": language, "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
