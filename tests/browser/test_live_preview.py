"""`mkdocs serve` for authors: a saved edit reloads the page by itself under the site's CSP, an edit
of the bank is used by the reloaded page's engine (a normal boot, with no snapshot to wait for),
and a failed build shows in the browser until the next good one. Run against a copy of the project."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assessment import load_bank
from assessment.browser import warm_up_answers
from assessment.links import share_link

SERVE_START_TIMEOUT_S = 180
RELOAD_TIMEOUT_MS = 60_000
ARTICLE = "docs/" + load_bank().article_path.rstrip("/") + ".md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVE_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("mkdocs serve did not start in time")


@pytest.fixture
def served(project_copy, tmp_path, shared_build_cache):
    """`mkdocs serve` of a copy of the project, as `make serve` runs it; yields (address, project)."""
    port = free_port()
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **shared_build_cache)
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project_copy, env=environment, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_served(url, server, log)
        yield url, project_copy
    finally:
        server.terminate()
        server.wait(timeout=30)
        # What the author's terminal showed, for a failing test's report.
        print(log.read_text())


def console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def test_a_saved_edit_reloads_the_page_by_itself_with_no_csp_error(page, served):
    url, project = served
    errors = console_errors(page)
    logs: list[str] = []
    page.on("console", lambda message: logs.append(message.text))
    page.goto(url + "approaches/")
    page.wait_for_function("() => document.readyState === 'complete'")
    assert "Enabled live reload" in logs, "the reload script did not run"
    append(project / "docs" / "approaches.md", "\n\nSaved while the page was open.\n")
    page.get_by_text("Saved while the page was open.").wait_for(timeout=RELOAD_TIMEOUT_MS)
    assert errors == []


def test_a_served_page_admits_only_the_reload_script(served):
    url, _ = served
    with urllib.request.urlopen(url + "approaches/") as response:
        html = response.read().decode()
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "&#39;sha256-" in policy and "unsafe-inline" not in policy
    assert policy.count("sha256-") == 1


def test_a_failed_build_shows_in_the_browser_until_the_next_good_one(page, served):
    url, project = served
    article = project / ARTICLE
    good = article.read_text("utf-8")
    page.goto(url + "approaches/")
    page.wait_for_function("() => document.readyState === 'complete'")
    article.write_text(good.replace("\ntitle:", "\ndate: 2025-13-45\ntitle:", 1), "utf-8")
    message = f"{ARTICLE}: front matter field 'date': '2025-13-45' is not a valid date; expected a real date as YYYY-MM-DD"
    page.get_by_text(message).wait_for(timeout=RELOAD_TIMEOUT_MS)
    assert page.locator("h1").inner_text() == "The last build failed"
    article.write_text(good, "utf-8")
    page.locator(".md-header").wait_for(timeout=RELOAD_TIMEOUT_MS)
    assert page.get_by_text(message).count() == 0


def test_a_bank_edit_is_used_at_once_by_the_reloaded_page_booted_normally(page, served):
    url, project = served
    bank_file = project / "assessment" / "bank.toml"
    text = bank_file.read_text("utf-8")
    marker = "Edited while previewing."
    edited = text
    for name in ("headline_one", "headline_several", "headline_none"):
        edited = edited.replace(f'{name} = "', f'{name} = "{marker} ', 1)
    assert edited.count(marker) == 3
    errors = console_errors(page)
    page.goto(url + "assessment/")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate("() => { window.beforeTheEdit = true; }")
    bank_file.write_text(edited, "utf-8")
    page.wait_for_function("() => !window.beforeTheEdit", timeout=RELOAD_TIMEOUT_MS)
    # The preview makes no snapshot (a new one would take half a minute of CPU): the edit is
    # usable after a normal boot, with the whole library compiled once per runtime.
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=RELOAD_TIMEOUT_MS)
    assert page.get_attribute("[data-engine-status]", "data-engine-boot") == "normal"
    assert page.locator("script[data-snapshot-url]").count() == 0
    # Wording is not in a share link's fingerprint: the link made before the edit still opens.
    page.goto(url + "assessment/" + share_link(load_bank(), warm_up_answers()))
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=RELOAD_TIMEOUT_MS)
    assert page.get_attribute("[data-engine-status]", "data-engine-boot") == "normal"
    summary = page.locator(".assessment-result__summary")
    summary.wait_for(timeout=RELOAD_TIMEOUT_MS)
    assert summary.inner_text().startswith(marker)
    assert errors == []
