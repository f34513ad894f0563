"""Fixtures for checking the built site's files (no browser)."""

import pytest
from site_paths import ARTICLE_URL

from support.site import page_files


@pytest.fixture(scope="session")
def article_html(built_site) -> str:
    return (built_site / ARTICLE_URL / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, str]:
    """Every HTML page of the built site, by URL path relative to the site root."""
    return {url: path.read_text(encoding="utf-8") for url, path in page_files(built_site).items()}
