"""Fixtures for checking the built site's files (no browser)."""

import pytest
from mkdocs.utils import meta as front_matter
from site_build.series.front_matter import parse_issue
from site_build.series.model import Series, build_series
from site_paths import ARTICLE_URL

from support.site import ROOT, page_files


@pytest.fixture(scope="session")
def article_html(built_site) -> str:
    return (built_site / ARTICLE_URL / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, str]:
    """Every HTML page of the built site, by URL path relative to the site root."""
    return {url: path.read_text(encoding="utf-8") for url, path in page_files(built_site).items()}


@pytest.fixture(scope="session")
def series() -> Series:
    """The newsletter series as docs/issues/ holds it today, read with the site's own model: what the
    built pages are checked against, so the checks hold however many issues there are."""
    docs = ROOT / "docs"
    issues = []
    for path in sorted((docs / "issues").glob("*.md")):
        source = path.relative_to(docs).as_posix()
        _, meta = front_matter.get_data(path.read_text(encoding="utf-8"))
        issues.append(parse_issue(source, source.removesuffix(".md") + "/", meta))
    return build_series(issues)
