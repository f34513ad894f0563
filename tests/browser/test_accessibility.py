"""Every page passes axe-core with no violations, in the light and the dark scheme, and runs with no
console error under the site's Content Security Policy."""

import pytest
from axe_check import axe_violations
from support.site import page_files

SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violations_and_no_console_errors(browser, site_url, built_site, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console_errors: list[str] = []
    page.on("console", lambda message: console_errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(f"{page.url}: {error}"))
    problems: dict[str, list[str]] = {}
    paths = list(page_files(built_site))
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        # The scheme under test really is the one on screen (Material follows the system setting).
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
    context.close()
    assert problems == {}
    assert console_errors == []
