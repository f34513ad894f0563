"""Read built HTML pages the way a reader sees their text: tags gone, permalink symbols dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

INLINE_ELEMENTS = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "small", "span", "strong", "sub", "sup"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """Collects the text inside <article>, skipping heading permalinks (the ¶ after each heading)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_article = 0
        self.skip_depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            if self.depth_in_article and tag == "br":
                self.parts.append(" ")
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth_in_article:
            self.depth_in_article += 1
            # Permalinks, and the site's editorial additions: neither is the newsletter's text.
            if self.skip_depth or "headerlink" in classes or "editorial-callout" in classes:
                self.skip_depth += 1
            # Block boundaries separate words, as a browser's layout does; inline tags do not.
            if tag not in INLINE_ELEMENTS:
                self.parts.append(" ")
        elif tag == "article":
            self.depth_in_article = 1

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS or not self.depth_in_article:
            return
        self.depth_in_article -= 1
        if self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if self.depth_in_article and not self.skip_depth:
            self.parts.append(data)


def normalise_whitespace(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return normalise_whitespace("".join(parser.parts))
