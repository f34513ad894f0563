"""Serve the built site on loopback and drive Debian's Chromium through Playwright."""

import pytest

from support.chromium import launch_options
from support.server import StaticSite


@pytest.fixture(scope="session")
def site_url(built_site):
    with StaticSite(built_site) as site:
        yield site.url


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_options()}


@pytest.fixture(scope="session")
def sub_path_site_url(site_builder, tmp_path_factory):
    """The site built for, and served under, a sub-path, as on a project page of a static host."""
    prefix = "/coaching/"
    site = site_builder(tmp_path_factory.mktemp("sub-path-site"), site_url=f"http://127.0.0.1{prefix}")
    with StaticSite(site, prefix=prefix) as served:
        yield served.url


def enter_team(page, entries: list[tuple[str, str]]) -> None:
    """Start over, then type each (label, link or JSON) into its own respondent's fields."""
    page.click("[data-clear-team]")
    for index, (label, text) in enumerate(entries):
        if index >= page.locator("[data-entry]").count():
            page.click("[data-add-entry]")
        entry = page.locator("[data-entry]").nth(index)
        entry.locator("[data-entry-label]").fill(label)
        entry.locator("[data-entry-text]").fill(text)
