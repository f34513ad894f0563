"""The `_headers` file static hosts read: the pages' own CSP as a header, caching only where safe."""

import re
from html import unescape

from site_build.site.headers import headers_file

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


def rules(text: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith(" "):
            parsed[path].append(line.strip())
        else:
            path = line
            parsed[path] = []
    return parsed


def csp_header(parsed: dict[str, list[str]], path: str) -> str:
    return next(h for h in parsed[path] if h.startswith("Content-Security-Policy: ")).split(": ", 1)[1]


def test_the_header_csp_is_the_pages_meta_csp_plus_frame_ancestors(built_site, html_pages):
    parsed = rules((built_site / "_headers").read_text(encoding="utf-8"))
    header = csp_header(parsed, "/*")
    for url, html in html_pages.items():
        meta = " ".join(unescape(META_CSP.search(html).group(1)).split())
        assert header == meta.rstrip(";") + "; frame-ancestors 'none'", url
    assert "unsafe-inline" not in header and "unsafe-eval" not in header.replace("wasm-unsafe-eval", "")


def test_immutable_caching_covers_the_runtime_folder_and_nothing_else(built_site):
    parsed = rules((built_site / "_headers").read_text(encoding="utf-8"))
    immutable = [path for path, headers in parsed.items() if any("immutable" in h for h in headers)]
    assert len(immutable) == 1
    runtime_folder = built_site / immutable[0].strip("/").removesuffix("*")
    assert (runtime_folder / "pyodide.asm.wasm").is_file()
    assert not list(runtime_folder.rglob("*.html")), "pages must keep short caching"


def matches(pattern: str, path: str) -> bool:
    """How Netlify and Cloudflare Pages match a rule: `*` stands for any run of characters."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path) is not None


def caching_rules_for(parsed: dict[str, list[str]], path: str) -> list[str]:
    return [h for pattern, headers in parsed.items() if matches(pattern, path) for h in headers if h.startswith("Cache-Control")]


def test_every_page_gets_short_caching_and_every_runtime_file_only_immutable(built_site, html_pages):
    parsed = rules((built_site / "_headers").read_text(encoding="utf-8"))
    assert len(html_pages) >= 5
    for page in html_pages:
        url = "/" + page
        assert caching_rules_for(parsed, url) == ["Cache-Control: public, max-age=0, must-revalidate"], url
    runtime = next(built_site.rglob("pyodide.asm.wasm")).parent
    for file in runtime.iterdir():
        url = "/" + file.relative_to(built_site).as_posix()
        [caching] = caching_rules_for(parsed, url)
        assert "immutable" in caching, url


def test_wasm_is_served_as_wasm_with_nosniff(built_site):
    parsed = rules((built_site / "_headers").read_text(encoding="utf-8"))
    assert "Content-Type: application/wasm" in parsed["/*.wasm"]
    assert "X-Content-Type-Options: nosniff" in parsed["/*"]


def test_rules_follow_a_sub_path_deploy():
    parsed = rules(headers_file("default-src 'self';", "/coaching/", "assets/runtime"))
    assert list(parsed) == ["/coaching/*", "/coaching/assets/runtime/*", "/coaching/", "/coaching/*/", "/coaching/*.html",
                            "/coaching/*.wasm"]
    assert csp_header(parsed, "/coaching/*") == "default-src 'self'; frame-ancestors 'none'"
