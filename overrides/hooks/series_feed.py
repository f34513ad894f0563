"""An RSS 2.0 feed of the published issues, rendered from the series model.

Deterministic on purpose: no build time stamp, only dates the authors wrote, so the same
sources always give the same feed.
"""

from __future__ import annotations

import datetime
import email.utils
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from series_model import Issue, Series

FEED_PATH = "feed.xml"


def _rfc822(date: datetime.date) -> str:
    moment = datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc)
    return email.utils.format_datetime(moment)


def _item(issue: Issue, site_url: str) -> str:
    link = escape(urljoin(site_url, issue.url))
    parts = [
        "    <item>",
        f"      <title>{escape(issue.title)}</title>",
        f"      <link>{link}</link>",
        f'      <guid isPermaLink="true">{link}</guid>',
        f"      <description>{escape(issue.description)}</description>",
    ]
    parts += [f"      <category>{escape(tag)}</category>" for tag in issue.tags]
    if issue.date:
        parts.append(f"      <pubDate>{_rfc822(issue.date)}</pubDate>")
    parts.append("    </item>")
    return "\n".join(parts)


def rss_xml(series: Series, *, site_url: str, description: str, language: str = "en") -> str:
    """Newest issue first, as feed readers expect."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    feed_url = urljoin(site_url, FEED_PATH)
    items = "\n".join(_item(issue, site_url) for issue in reversed(series.issues))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "  <channel>\n"
        f"    <title>{escape(series.name)}</title>\n"
        f"    <link>{escape(urljoin(site_url, 'issues/'))}</link>\n"
        f"    <description>{escape(description)}</description>\n"
        f"    <language>{escape(language)}</language>\n"
        f"    <atom:link href={quoteattr(feed_url)} rel=\"self\" type=\"application/rss+xml\"/>\n"
        f"{items}\n"
        "  </channel>\n"
        "</rss>\n"
    )
