"""Printing an article gives the article: no header, sidebars, search or footer, black text on white."""

from assessment import load_bank

ARTICLE = load_bank().article_path


def test_printing_an_article_keeps_only_the_text(page, site_url):
    page.goto(site_url + ARTICLE)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("h2#after-the-fact").is_visible()
    assert not page.locator("h2#after-the-fact .headerlink").is_visible()
    colours = page.evaluate(
        "() => { const style = getComputedStyle(document.querySelector('#proactive-risk'));"
        " return [style.color, getComputedStyle(document.body).backgroundColor]; }"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
