"""The published issue 4 says what the scraped newsletter says, word for word, in the same order.

Only the listed scraping damage is repaired; anything else that differs fails here.
"""

from __future__ import annotations

import re

import pytest
from site_paths import SCRAPED_ISSUE_4
from site_build.site.contact import ADDRESS_NOT_PRESERVED
from page_text import article_text, normalise_whitespace

# What the obfuscator left of the address (with a no-break space, as scraped).
DESTROYED_ADDRESS = "[email\u00a0protected]"
# Word-level damage, each repaired exactly as listed for publication.
WORD_REPAIRS = {
    "Just-in- Time": "Just-in-Time",
    "your forth e-newsletter": "your fourth e-newsletter",
    "360∞": "360°",
}
# Sentences glued together where the scraper lost a space or paragraph break: "Initiatives.You".
LOST_BREAK = re.compile(r"(?<=[a-z)][.?!,])(?=[A-Z])")
DECORATION = re.compile(r"^[\s.]*$")
LIST_BULLET = re.compile(r"^\s*•\s*")


def repaired_seed(text: str) -> str:
    for damaged, repaired in WORD_REPAIRS.items():
        text = text.replace(damaged, repaired)
    text = LOST_BREAK.sub(" ", text)
    lines = []
    for line in text.splitlines():
        if DECORATION.match(line):
            continue
        # The destroyed address is not guessed: with no address configured, the contact line goes
        # and the sentence that named it says the address was not preserved.
        if line.strip() == f"email: {DESTROYED_ADDRESS}":
            continue
        lines.append(LIST_BULLET.sub("", line).replace(DESTROYED_ADDRESS, ADDRESS_NOT_PRESERVED))
    return normalise_whitespace("\n".join(lines))


def sentences(text: str) -> list[str]:
    return [sentence for sentence in re.split(r"(?<=[.?!])\s+", text) if sentence]


def test_the_scraped_text_still_shows_the_damage_this_test_repairs():
    scraped = SCRAPED_ISSUE_4.read_text(encoding="utf-8")
    for damaged in [*WORD_REPAIRS, DESTROYED_ADDRESS, "Initiatives.You"]:
        assert damaged in scraped


def test_every_sentence_of_the_newsletter_appears_in_the_article_in_order(article_html):
    page = article_text(article_html)
    expected = sentences(repaired_seed(SCRAPED_ISSUE_4.read_text(encoding="utf-8")))
    assert len(expected) > 45  # guards against the splitter silently finding nothing
    position = 0
    for number, sentence in enumerate(expected, start=1):
        found = page.find(sentence, position)
        assert found >= 0, (
            f"sentence {number} of {len(expected)} is missing or out of order:\n  {sentence!r}\n"
            f"page text after the previous sentence:\n  {page[position:position + 300]!r}"
        )
        position = found + len(sentence)


@pytest.mark.parametrize("damage", [*WORD_REPAIRS, "360∞", DESTROYED_ADDRESS, "Initiatives.You", "policy.First"])
def test_no_scraping_damage_is_published(article_html, damage):
    assert damage not in article_text(article_html)


def test_without_a_configured_address_there_is_no_mailto_link(article_html):
    assert "mailto:" not in article_html
    assert ADDRESS_NOT_PRESERVED in article_text(article_html)


def test_the_phone_number_that_survived_is_published_as_a_phone_link(article_html):
    assert 'href="tel:+19147933936"' in article_html
    assert "voice: +1-914-793-3936" in article_text(article_html)
