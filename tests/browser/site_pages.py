"""Which pages the browser tests visit: every HTML file of the built site, found by walking it, so a
new page is covered without touching the tests."""

from pathlib import Path


def site_page_paths(built_site: Path) -> list[str]:
    paths = []
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths
