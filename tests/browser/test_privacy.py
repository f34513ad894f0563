"""No page asks any host but the site's own for anything, whatever the page loads or starts."""

from urllib.parse import urlsplit

from support.site import page_files

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}


def test_every_page_talks_only_to_its_own_host(browser, site_url, built_site):
    own_host = urlsplit(site_url).netloc
    requested: list[tuple[str, str]] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda request: requested.append((page.url, request.url)))
    paths = list(page_files(built_site))
    assert len(paths) >= 6
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        # Opening search starts Material's search worker and fetches the index: part of every page.
        page.locator("input.md-search__input").click()
        page.keyboard.type("coaching")
        page.wait_for_load_state("networkidle")
    context.close()
    visited = {urlsplit(url).path for url, _ in requested}
    assert len(visited) >= len(paths)
    foreign = [
        (on_page, url)
        for on_page, url in requested
        if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own_host
    ]
    assert foreign == []
