"""`mkdocs serve` admits MkDocs's reload script by its hash; built pages keep the strict policy as written."""

import base64
import hashlib
import html
import logging
import re

import yaml
from markupsafe import escape
from site_paths import ROOT

from site_build.preview.server import PreviewApp, admit_reload_script, error_page

POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'"
RELOAD_SCRIPT = "\nvar livereload = function(epoch, requestId) {};\nlivereload(17, 42);\n"


def page(policy: str = POLICY, tail: str = f"<script>{RELOAD_SCRIPT}</script>") -> bytes:
    return (f'<html><head><meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'
            f'<script src="app.js"></script></head><body><p>Text</p>{tail}</body></html>').encode()


def policy_of(served: bytes) -> str:
    return html.unescape(re.search(rb'content="([^"]*)"', served)[1].decode())


def test_the_policy_admits_exactly_the_injected_script_by_its_hash():
    digest = base64.b64encode(hashlib.sha256(RELOAD_SCRIPT.encode()).digest()).decode()
    served = admit_reload_script(page())
    assert policy_of(served) == POLICY.replace("script-src ", f"script-src 'sha256-{digest}' ")
    assert served.replace(f"&#39;sha256-{digest}&#39; ".encode(), b"") == page()


def test_a_page_without_an_injected_script_is_left_alone():
    assert admit_reload_script(page(tail="")) == page(tail="")
    assert admit_reload_script(page(tail='<script src="x.js"></script>')) == page(tail='<script src="x.js"></script>')


def test_every_built_page_declares_the_policy_of_mkdocs_yml_byte_for_byte(html_pages):
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nextra:\n", 1)[1], yaml.SafeLoader)
    expected = f'<meta http-equiv="Content-Security-Policy" content="{escape(config["csp"])}">'
    for url, text in html_pages.items():
        assert text.count('http-equiv="Content-Security-Policy"') == 1, url
        assert expected in text, url
        assert "sha256-" not in policy_of(text.encode()) and "unsafe-inline" not in text, url


def served(app: PreviewApp, path: str):
    response = {}
    body = b"".join(app({"PATH_INFO": path}, lambda status, headers: response.update(status=status, headers=dict(headers))))
    return response["status"], response["headers"], body


def test_while_the_last_build_failed_pages_show_its_error_and_other_files_pass():
    inner = lambda environ, start_response: start_response("200 OK", [("Content-Type", "text/css")]) or [b"css"]
    app = PreviewApp(inner)
    app.failure = ["docs/a.md: front matter field 'date': <bad>"]
    status, headers, body = served(app, "/issues/")
    assert status == "200 OK" and headers["Content-Length"] == str(len(body))
    assert body == error_page(app.failure) and b"&lt;bad&gt;" in body and b"<script" not in body
    assert served(app, "/assets/site.css")[2] == b"css"


def test_a_failed_build_is_recorded_not_raised_and_cleared_by_the_next_good_one():
    app = PreviewApp(lambda environ, start_response: [])
    outcomes = iter([ValueError("docs/a.md: front matter field 'issue': missing"), None])

    def builder():
        mistake = next(outcomes)
        if mistake:
            try:
                raise mistake
            except ValueError:
                raise SystemExit("Aborted with a BuildError!")

    build = app.watch(builder, logging.getLogger("test.preview"))
    build()
    assert app.failure == ["docs/a.md: front matter field 'issue': missing"]
    build()
    assert app.failure is None


def test_the_versioned_runtime_is_cached_for_good_and_nothing_else():
    inner = lambda environ, start_response: start_response("200 OK", [("Content-Type", "application/wasm")]) or [b"wasm"]
    app = PreviewApp(inner, immutable_prefixes=("/assets/assessment/pyodide-1.0/",))
    assert served(app, "/assets/assessment/pyodide-1.0/pyodide.asm.wasm")[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Cache-Control" not in served(app, "/assets/assessment/engine-worker.js")[1]
