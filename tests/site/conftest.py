"""Fixtures for checking the built site's files (no browser)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_URL = "issues/proactive-just-in-time-or-after-the-fact/"
# The newsletter exactly as it was scraped (a verbatim copy of the source text), damage included.
SCRAPED_ISSUE_4 = Path(__file__).parent / "fixtures" / "issue-4-as-scraped.txt"

# The series model is plain Python next to the hook that uses it; tests call it directly.
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))


@pytest.fixture(scope="session")
def article_html(built_site) -> str:
    return (built_site / ARTICLE_URL / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, str]:
    """Every HTML page of the built site, by URL path relative to the site root."""
    pages = {}
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        url = relative.removesuffix("index.html")
        pages[url] = path.read_text(encoding="utf-8")
    return pages
