"""The series hook inside a real `mkdocs build --strict`, on small one-scenario projects.

Each project uses the site's own hook and templates, so what passes here is what the site does.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from site_paths import ROOT
from page_text import article_text

from support.feed_reader import READERS
from support.site import mkdocs_build


def write_issue(docs: Path, slug: str, front: str, body: str = "Some text.") -> None:
    path = docs / "issues" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n# {slug}\n\n{body}\n", encoding="utf-8")


def issue_front(number, total=4, title=None, extra=""):
    return f"""
        series: Fixture Series
        issue: {number}
        total: {total}
        title: {title or f"Issue number {number}"}
        description: What issue {number} is about.
        tags: [fixture]
        {extra}
    """


def make_project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""
            site_name: Fixture
            site_url: https://example.org/
            theme:
              name: material
              custom_dir: {ROOT / "overrides"}
              font: false
              features: [navigation.footer]
            plugins:
              - coaching/site:
                  headers_file: false
              - coaching/series
            nav:
              - Home: index.md
              - Issues: issues/index.md
            not_in_nav: /issues/*.md
            validation:
              omitted_files: warn
              unrecognized_links: warn
              anchors: warn
            extra:
              csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
            """
        ),
        encoding="utf-8",
    )
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    return mkdocs_build(project / "site", project / "mkdocs.yml")


@pytest.fixture(scope="module")
def three_issue_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("series"))
    docs = project / "docs"
    # Written out of order on purpose: the series order comes from the issue numbers.
    write_issue(docs, "gamma", issue_front(3, extra="announces: The Fourth Topic"))
    write_issue(docs, "alpha", issue_front(1))
    write_issue(docs, "beta", issue_front(2))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_index_lists_published_issues_in_order_and_the_announced_next_one(three_issue_site):
    text = article_text((three_issue_site / "issues" / "index.html").read_text(encoding="utf-8"))
    positions = [text.index(f"Issue number {number}") for number in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "Issue 4: The Fourth Topic, announced in issue 3 as the next topic." in text
    assert "not in our archive" not in text


def test_previous_and_next_links_stay_within_the_series(three_issue_site):
    html = (three_issue_site / "issues" / "beta" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer">'):]
    assert 'href="../alpha/"' in footer and 'aria-label="Previous: Issue number 1"' in footer
    assert 'href="../gamma/"' in footer and 'aria-label="Next: Issue number 3"' in footer
    first = (three_issue_site / "issues" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "md-footer__link--prev" not in first


def test_an_issue_page_says_where_it_sits_in_the_series(three_issue_site):
    text = article_text((three_issue_site / "issues" / "beta" / "index.html").read_text(encoding="utf-8"))
    assert text.startswith("Fixture Series: issue 2 of 4")


def test_the_site_navigation_does_not_list_every_issue(three_issue_site):
    html = (three_issue_site / "issues" / "beta" / "index.html").read_text(encoding="utf-8")
    navigation = html[html.index('data-md-type="navigation"'):html.index('data-md-type="toc"')]
    assert "Issues" in navigation
    for slug in ("alpha", "gamma"):
        assert f"{slug}/" not in navigation


def test_on_an_issue_page_the_navigation_highlights_the_series_index_and_only_there(three_issue_site):
    def highlighted(html: str) -> list[str]:
        navigation = html[html.index('data-md-type="navigation"'):html.index('data-md-type="toc"')]
        return re.findall(r'md-nav__item--active">\s*<a href="([^"]*)"', navigation)

    assert highlighted((three_issue_site / "issues" / "beta" / "index.html").read_text(encoding="utf-8")) == ["../"]
    assert "issues/" not in highlighted((three_issue_site / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", READERS)
def test_the_feeds_list_issues_newest_first(three_issue_site, name):
    _feed, entries = READERS[name]((three_issue_site / name).read_text("utf-8"))
    assert [entry.title for entry in entries] == ["Issue number 3", "Issue number 2", "Issue number 1"]
    assert entries[0].link == "https://example.org/issues/gamma/"


@pytest.mark.parametrize(
    "files, file, field",
    [
        ({"one": issue_front(1), "two": issue_front(2).replace("issue: 2", "")}, "docs/issues/two.md", "issue"),
        ({"one": issue_front(1), "two": issue_front(1)}, "docs/issues/two.md", "issue"),
        ({"one": issue_front(5, total=4)}, "docs/issues/one.md", "issue"),
        ({"one": issue_front(1).replace("issue: 1", "issue: first")}, "docs/issues/one.md", "issue"),
        ({"one": issue_front(1).replace("tags: [fixture]", "tags: fixture")}, "docs/issues/one.md", "tags"),
    ],
    ids=["missing number", "duplicate number", "beyond series length", "number is text", "tags not a list"],
)
def test_malformed_front_matter_fails_the_build_naming_file_and_field(tmp_path, files, file, field):
    project = make_project(tmp_path)
    for slug, front in files.items():
        write_issue(project / "docs", slug, front)
    result = build(project)
    assert result.returncode != 0
    assert f"{file}: front matter field '{field}'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_front_matter_text_is_escaped_wherever_the_theme_prints_it(tmp_path):
    project = make_project(tmp_path)
    title = '<img src=x onerror=alert(1)> & "more"'
    description = '"><script src=evil.js></script>'
    write_issue(project / "docs", "one", f"""
        series: Fixture Series
        issue: 1
        total: 2
        title: '{title}'
        description: '{description}'
        tags: ['<b>tag</b>']
    """)
    write_issue(project / "docs", "two", issue_front(2, total=2))
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "issues" / "one" / "index.html").read_text(encoding="utf-8")
    neighbour = (project / "site" / "issues" / "two" / "index.html").read_text(encoding="utf-8")
    for html in (page, neighbour):
        assert "<img src=x" not in html and "<script src=evil.js>" not in html and "<b>tag</b>" not in html
    header = page[page.index('<div class="md-header__topic" data-md-component="header-topic">'):]
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;more&#34;" in header[:header.index("</header>")]
    assert '<meta name="description" content="&#34;&gt;&lt;script src=evil.js&gt;&lt;/script&gt;">' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in neighbour[neighbour.index('<footer class="md-footer">'):]
