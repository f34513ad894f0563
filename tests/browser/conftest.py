"""Serve the built site on loopback and drive Debian's Chromium through Playwright."""

import pytest
from reader_page import PageWatch

from site_build.paths import WORKER_FILE
from support.chromium import RESULT_TIMEOUT_MS, launch_options
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


@pytest.fixture
def engine_on_hold(browser, site_url):
    """A fresh page whose engine never finishes loading: for what must work before Python is ready."""
    context = browser.new_context()
    # An engine worker that does nothing: no boot, no CPU spent, the status stays at loading.
    context.route(
        f"**/{WORKER_FILE}",
        lambda route: route.fulfill(body="", content_type="text/javascript"),
    )
    pages = []

    def open_page(fragment: str = ""):
        page = context.new_page()
        page.set_default_timeout(RESULT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        page.goto(site_url + "assessment/" + fragment)
        page.wait_for_selector("[data-engine-status=loading]", state="attached")
        pages.append(page)
        return page, watch

    yield open_page
    context.close()
