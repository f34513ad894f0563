"""Checks over the built site's files: knowledge pages point at real paragraphs, every page carries
the feed link and the Content Security Policy, and no page relies on inline script."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from site_paths import ARTICLE_URL
from page_text import article_text

from support.site import build_site

ARTICLE_PARAGRAPHS = {
    # id: (how the paragraph starts, how it ends), as agreed with the question bank that cites them.
    "proactive-succession": ("Proactive coaching is the approach", "promote-from-within-whenever-possible policy."),
    "proactive-candidates": ("First, the organization identifies", "roles he or she may ascend to."),
    "proactive-risk": ("Because a substantial investment", "built-in Return-on-Investment (ROI) component."),
    "jit-impact": ("Just-in-time executive coaching is the approach", "(also known as 360° surveys)."),
    "jit-training": ("Another example of just-in-time coaching", "leadership context."),
    "jit-evaluation": ("This approach is taken by most organizations as a kind of insurance policy", "asked to complete."),
    "aft-remediation": ("Executive coaching that occurs after the fact", "modify the behavior in question."),
    "aft-mandated": ("After-the-fact executive coaching is often mandated.", "if dismissal is the result."),
    "aft-resistance": ("After-the-fact executive coaching is often met with resistance", "peers or superiors."),
    "field-survey": ("This is the fourth in a series of five newsletters", "future success of executive coaching."),
    "field-practices": ("We learned that some organizations routinely offer coaching", "Could your organization benefit from another?"),
}
SECTION_IDS = [
    "proactive-coaching", "just-in-time", "after-the-fact",
    "future-platforms-for-discussion", "your-comments", "feedback-from-the-field",
]
GLOSSARY_TERMS = ["bench strength", "succession", "high potentials", "multi-rater", "ROI", "remediation", "C-level"]


class Elements(HTMLParser):
    """Ids, links, abbreviations and scripts of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.abbreviations: dict[str, str] = {}
        self.scripts: list[dict] = []
        self.head_links: list[dict] = []
        self.metas: list[dict] = []
        self.before_content: list[str] = []  # stylesheets and scripts fetched before the content can show
        self._abbr_title: str | None = None
        self._in_script: dict | None = None
        self._in_head = False
        self._content_started = False
        self._in_noscript = False  # its elements are text to a browser that runs scripts

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "head":
            self._in_head = True
        if tag == "noscript":
            self._in_noscript = True
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        if tag == "abbr":
            self._abbr_title = attributes.get("title", "")
        if tag == "script":
            self._in_script = {**attributes, "body": ""}
            self.scripts.append(self._in_script)
        if tag == "link" and self._in_head:
            self.head_links.append(attributes)
        if tag == "meta":
            self.metas.append(attributes)
        if attributes.get("data-md-component") == "content":
            self._content_started = True
        if not (self._content_started or self._in_noscript) and self.fetched_before_content(tag, attributes):
            self.before_content.append(attributes.get("href") or attributes["src"])

    def fetched_before_content(self, tag: str, attributes: dict) -> bool:
        """Every stylesheet and script of the head (all requested at once), and the blocking
        scripts of the body, which the parser waits for before it reaches the content."""
        if tag == "link":
            return self._in_head and attributes.get("rel") == "stylesheet"
        if tag != "script" or "src" not in attributes:
            return False
        return self._in_head or not ({"async", "defer"} & set(attributes) or attributes.get("type") == "module")

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "noscript":
            self._in_noscript = False
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._abbr_title is not None:
            self.abbreviations[data] = self._abbr_title
            self._abbr_title = None
        if self._in_script is not None:
            self._in_script["body"] += data


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def paragraph_text(html: str, paragraph_id: str) -> str:
    match = re.search(rf'<p id="{paragraph_id}">(.*?)</p>', html, re.S)
    assert match, f"no paragraph with id {paragraph_id!r}"
    return article_text(f"<article>{match.group(1)}</article>")


@pytest.mark.parametrize("paragraph_id", ARTICLE_PARAGRAPHS)
def test_article_paragraph_anchors_hold_the_agreed_paragraphs(article_html, paragraph_id):
    start, end = ARTICLE_PARAGRAPHS[paragraph_id]
    text = paragraph_text(article_html, paragraph_id)
    assert text.startswith(start) and text.endswith(end), text


def test_article_sections_have_the_agreed_ids_and_inside_this_article_links_to_them(article_html):
    elements = parse(article_html)
    for section_id in SECTION_IDS:
        assert section_id in elements.ids
        assert f"#{section_id}" in elements.links


def resolve(page_url: str, href: str) -> tuple[str, str]:
    target = urlsplit(urljoin("https://site.test/" + page_url, href))
    return target.path.lstrip("/"), target.fragment


@pytest.mark.parametrize("page_url", ["approaches/", "glossary/"])
def test_knowledge_pages_link_only_to_paragraphs_that_exist(html_pages, page_url):
    article_ids = parse(html_pages[ARTICLE_URL]).ids
    content = html_pages[page_url][html_pages[page_url].index("<article"):]
    targets = [resolve(page_url, href) for href in parse(content).links]
    into_article = [fragment for path, fragment in targets if path == ARTICLE_URL and fragment]
    assert len(into_article) >= 7
    assert set(into_article) <= set(ARTICLE_PARAGRAPHS) | set(SECTION_IDS)
    assert all(fragment in article_ids for fragment in into_article)


def table_cells(html: str) -> list[str]:
    table = html[html.index("<table"):html.index("</table>")]
    return re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)


def test_every_filled_cell_of_the_comparison_table_cites_a_paragraph(html_pages):
    cells = table_cells(html_pages["approaches/"])
    row_headings = cells[::4]
    assert [article_text(f"<article>{cell}</article>") for cell in row_headings] == [
        "Aim", "Typical trigger", "Who initiates", "Investment", "How it is evaluated", "Main risks", "When it fails",
    ]
    for index, cell in enumerate(cells):
        if index % 4 == 0 or article_text(f"<article>{cell}</article>") == "Not stated in the newsletter":
            continue
        assert f'href="../{ARTICLE_URL}#' in cell, cell


def test_every_entry_of_the_comparison_table_is_labelled_with_its_column_for_phones(html_pages):
    table = html_pages["approaches/"].split("<table", 1)[1].split("</table>", 1)[0]
    headings = re.findall(r"<th\b[^>]*>(.*?)</th>", table, re.S)
    rows = re.findall(r"<tr>\s*(<td.*?)</tr>", table, re.S)
    assert rows
    for row in rows:
        assert re.findall(r'<td data-label="([^"]*)"', row) == headings


def test_glossary_terms_are_tooltips_in_the_article(article_html):
    abbreviations = parse(article_html).abbreviations
    for term in GLOSSARY_TERMS:
        matching = [text for text in abbreviations if term in text]
        assert matching, f"no tooltip for {term!r}"
        assert all(abbreviations[text] for text in matching)


def test_glossary_defines_each_term_with_an_anchor(html_pages):
    glossary = html_pages["glossary/"]
    ids = parse(glossary).ids
    for anchor in ["bench-strength", "succession-planning", "high-potentials", "multi-rater-assessment", "roi", "remediation", "c-level"]:
        assert anchor in ids


def test_the_feed_is_rss_listing_every_published_issue_newest_first_as_a_reader_reads_it(built_site, series):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20" and feed.feed.title and feed.feed.link and feed.feed.subtitle
    newest_first = sorted(series.issues, key=lambda issue: issue.number, reverse=True)
    assert [entry.title for entry in feed.entries] == [issue.title for issue in newest_first]
    for entry, issue in zip(feed.entries, newest_first):
        assert entry.link.endswith("/" + issue.url) and entry.id == entry.link
        assert [tag.term for tag in entry.tags] == list(issue.tags)
        assert unescape(entry.summary) == issue.description
        assert ("published_parsed" in entry) == (issue.date is not None)  # no date the author did not write


def test_the_json_feed_lists_the_same_issues_as_the_rss_feed(built_site):
    rss = feedparser.parse((built_site / "feed.xml").read_bytes())
    feed = json.loads((built_site / "feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] == rss.feed.title
    assert [(item["title"], item["url"]) for item in feed["items"]] == [(entry.title, entry.link) for entry in rss.entries]


@pytest.mark.parametrize("name", ["feed.xml", "feed.json"])
def test_the_feeds_are_the_same_for_the_same_sources(built_site, tmp_path, name):
    build_site(tmp_path)
    assert (tmp_path / name).read_bytes() == (built_site / name).read_bytes()


def test_every_page_links_both_feeds_from_its_head(html_pages, built_site):
    for url, page in html_pages.items():
        links = parse(page).head_links
        for kind, name in (("application/rss+xml", "feed.xml"), ("application/feed+json", "feed.json")):
            feeds = [link for link in links if link.get("type") == kind]
            assert len(feeds) == 1, url
            path, _ = resolve(url, feeds[0]["href"])
            assert path == name and (built_site / path).is_file(), url


def test_every_page_declares_the_content_security_policy_without_inline_script_allowances(html_pages):
    for url, html in html_pages.items():
        policies = [meta["content"] for meta in parse(html).metas if meta.get("http-equiv") == "Content-Security-Policy"]
        assert len(policies) == 1, url
        script_source = re.search(r"script-src ([^;]*)", policies[0]).group(1)
        assert "'unsafe-inline'" not in script_source and "'unsafe-eval'" not in script_source


def test_no_page_has_an_inline_script_the_policy_would_block(html_pages):
    for url, html in html_pages.items():
        for script in parse(html).scripts:
            executable = script.get("type", "text/javascript") in ("text/javascript", "module", "")
            if executable:
                assert script.get("src") and not script["body"].strip(), f"inline script on {url!r}"


# Connections a browser opens to one host that speaks HTTP/1.1 (Chromium): a seventh request waits
# for one of them to be free, a round trip more on a slow line.
CONNECTIONS_PER_HOST = 6


def test_what_a_page_needs_before_its_content_takes_one_round_of_connections(html_pages):
    """On an emulated 4G line the assessment's first question took a click 0.17 s later when a
    blocking script of the theme came seventh, behind the head's six requests."""
    for url, html in html_pages.items():
        needed = parse(html).before_content
        assert len(needed) <= CONNECTIONS_PER_HOST, (url, needed)


LOADED_LINK_TYPES = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "preconnect"}


def test_no_page_loads_scripts_styles_or_icons_from_another_host(html_pages):
    for url, html in html_pages.items():
        elements = parse(html)
        loaded = [script["src"] for script in elements.scripts if script.get("src")]
        loaded += [link["href"] for link in elements.head_links if set(link.get("rel", "").split()) & LOADED_LINK_TYPES]
        assert loaded, url
        assert [href for href in loaded if urlsplit(href).netloc or href.startswith("//")] == [], url


def series_index_text(html_pages) -> str:
    """The series index and, for a long archive, its pages per range of issues, as one text in order."""
    ranges = sorted((url for url in html_pages if url.startswith("issues/range-")), key=lambda url: int(url.split("-")[1]))
    return " ".join(article_text(html_pages[url]) for url in ["issues/", *ranges])


def numbers_said_to_be_lacking(index: str) -> set[int]:
    lacking = set()
    for first, last in re.findall(r"Issues? (\d+)(?:–(\d+))? (?:is|are) not in our archive\.", index):
        lacking.update(range(int(first), int(last or first) + 1))
    return lacking


def test_the_series_index_lists_every_published_issue_in_order_then_the_announced_ones_then_the_gaps(html_pages, series):
    index = series_index_text(html_pages)
    positions = [index.index(f"Issue {issue.number}: {issue.title}") for issue in series.issues]
    assert positions == sorted(positions)
    announced = series.announced()
    for upcoming in announced:
        assert (f"Issue {upcoming.number}: {upcoming.title}, announced in issue {upcoming.announced_by.number} "
                "as the next topic. It is not published here yet.") in index
    accounted_for = {issue.number for issue in series.issues} | {upcoming.number for upcoming in announced}
    assert numbers_said_to_be_lacking(index) == set(range(1, series.total + 1)) - accounted_for


def test_an_issue_announces_the_next_topic_in_its_own_words(html_pages, series):
    announcing = [issue for issue in series.issues if issue.announces]
    for issue in announcing:
        assert issue.announces in article_text(html_pages[issue.url]), issue.source


def test_the_home_page_shows_the_latest_issue_and_the_way_to_the_self_assessment(html_pages, series):
    home = html_pages[""]
    assert f'href="{series.latest.url}"' in home
    assert 'href="assessment/"' in home
    assert "Take the self-assessment" in article_text(home)
