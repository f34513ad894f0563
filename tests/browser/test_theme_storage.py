"""The theme's own scripts with storage blocked or a saved preference damaged: no page error, the
default colour scheme, and the scheme toggle still works."""

import json

import pytest

from site_build.paths import WORKER_FILE

PAGES = ["", "assessment/"]
BLOCKED_STORAGE = {
    # Reading `localStorage` itself throws (cookies blocked for the site, sandboxed frames).
    "storage property throws": """
        for (const name of ["localStorage", "sessionStorage"]) {
            Object.defineProperty(window, name, { get() { throw new DOMException("denied-" + name, "SecurityError"); } });
        }""",
    # The storage object is there but every call on it throws.
    "storage calls throw": """
        for (const method of ["getItem", "setItem", "removeItem", "clear", "key"]) {
            Storage.prototype[method] = () => { throw new DOMException("denied-" + method, "SecurityError"); };
        }""",
}
DAMAGED_PALETTES = ["}{", "[]", "5", '"slate"', '{"color": {}}', '{"index": "x", "color": {}}', '{"index": 0}',
                    '{"index": 0, "color": "slate"}', '{"index": 0, "color": {"bad key": "x"}}',
                    '{"index": 0, "color": {"scheme": 7}}', '{"index": -1, "color": {}}']


def open_page(context, site_url: str, path: str) -> tuple:
    # The assessment engine is not what is tested here: its worker is a no-op, so no Python boots.
    context.route(f"**/{WORKER_FILE}", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    return page, problems


def assert_default_scheme_and_working_toggle(page) -> None:
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for]:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("blocking", BLOCKED_STORAGE.values(), ids=BLOCKED_STORAGE.keys())
def test_blocked_storage_leaves_the_theme_working(browser, site_url, path, blocking):
    context = browser.new_context(color_scheme="light")
    try:
        context.add_init_script(blocking)
        page, problems = open_page(context, site_url, path)
        assert_default_scheme_and_working_toggle(page)
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("saved", DAMAGED_PALETTES)
def test_a_damaged_saved_palette_falls_back_to_the_default_scheme(browser, site_url, saved):
    context = browser.new_context(color_scheme="light")
    try:
        context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(saved)});")
        page, problems = open_page(context, site_url, "")
        assert_default_scheme_and_working_toggle(page)
        assert problems == []
    finally:
        context.close()


def test_a_saved_dark_scheme_still_applies(browser, site_url):
    saved = {"index": 1, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "indigo"}}
    context = browser.new_context(color_scheme="light")
    try:
        context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(saved))});")
        page, problems = open_page(context, site_url, "")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert problems == []
    finally:
        context.close()
