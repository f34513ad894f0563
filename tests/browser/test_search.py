"""Offline search finds the article by words from its sections, typed key by key into the search box."""

from urllib.parse import urlsplit

import pytest

from assessment import load_bank

ARTICLE = load_bank().article_path
# Words that occur in one section of the article only, so the expected hit is unambiguous.
QUERIES = {
    "marketability": "proactive-coaching",
    "rigors": "just-in-time",
    "scrutiny": "after-the-fact",
    "byline": "your-comments",
}


@pytest.fixture
def search_box(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # Material's search worker reports readiness by replacing "Initializing search". A function, not
    # an expression: Playwright polls an expression with eval, which the site's CSP refuses.
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('Initializing')"
    )
    return box


def wait_for_results_of(page, query):
    """Results update as each key lands; wait for those of the whole query (search.highlight puts
    the query in the result links), not a stale list for the first few letters."""
    page.wait_for_function(
        """query => [...document.querySelectorAll('.md-search-result__list .md-search-result__link')]
            .some(link => new URL(link.href).searchParams.get('h') === query)""",
        arg=query,
    )


@pytest.mark.parametrize("query, section", QUERIES.items())
def test_typing_a_section_word_finds_the_article_at_that_section(page, site_url, search_box, query, section):
    page.keyboard.type(query, delay=40)
    wait_for_results_of(page, query)
    hrefs = page.eval_on_selector_all(".md-search-result__list .md-search-result__link", "links => links.map(l => l.href)")
    # Results come page by page, each followed by its matching sections; search.highlight adds
    # "?h=<query>". Other issues may use the word too: the article must be among the pages found.
    results = [urlsplit(href) for href in hrefs if urlsplit(href).path == "/" + ARTICLE]
    assert results, hrefs
    sections = [result.fragment for result in results if result.fragment]
    assert sections[:1] == [section], hrefs


def test_following_a_search_result_lands_on_the_section(page, site_url, search_box):
    page.keyboard.type("scrutiny", delay=40)
    wait_for_results_of(page, "scrutiny")
    page.locator(".md-search-result__list a[href$='#after-the-fact']").first.click()
    page.wait_for_url(f"{site_url}{ARTICLE}?h=scrutiny#after-the-fact")
    assert page.locator("h2#after-the-fact").is_visible()
