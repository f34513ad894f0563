"""When a file Python needs cannot be had, the reader knows in seconds, in words: which file, and
what to do. Each row of the fault table is one page whose one runtime file is blocked, refused,
damaged or served with the wrong type; the time from that response to the message is printed.

The times are printed, not asserted (the machine is shared); the one bound is the point of the
issue: the message comes long before the 90-second stall deadline that used to be the only way out.
"""

from __future__ import annotations

import time

import pytest

from assessment import load_bank
from assessment.browser import warm_up_answers
from assessment.links import share_link
from site_build.paths import LOCK_FILE, RUNTIME_LOADER, RUNTIME_MODULE, RUNTIME_WASM, SNAPSHOT_FILE, STDLIB_FILE
from support.chromium import BOOT_TIMEOUT_MS

# Far under the stall deadline (90 s); a failure must not wait for it.
FAILURE_BOUND_S = 45
ADVICE = "python -m assessment"

# Each file a boot downloads, by its name: where to find it (the lock file and the snapshot carry a query).
RUNTIME_FILES = {
    RUNTIME_LOADER: f"**/{RUNTIME_LOADER}",
    RUNTIME_MODULE: f"**/{RUNTIME_MODULE}",
    RUNTIME_WASM: f"**/{RUNTIME_WASM}",
    STDLIB_FILE: f"**/{STDLIB_FILE}",
    LOCK_FILE: f"**/{LOCK_FILE}*",
    ".whl": "**/*.whl",
    SNAPSHOT_FILE: f"**/{SNAPSHOT_FILE}*",
}


def blocked(route):
    route.abort()


def refused(route):
    route.fulfill(status=500, body="Internal Server Error", content_type="text/plain")


def damaged(route):
    # Cut in half, as an interrupted download or a bad disk leaves a file.
    response = route.fetch()
    body = response.body()
    route.fulfill(response=response, body=body[: len(body) // 2])


def wrong_type(route):
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})


FAULTS = {"blocked": blocked, "500": refused, "damaged": damaged, "served as text/plain": wrong_type}
# (file, fault): the types only matter to the browser for scripts and WebAssembly.
FAILING = [(name, fault) for name in (RUNTIME_LOADER, RUNTIME_MODULE, RUNTIME_WASM) for fault in FAULTS]
FAILING += [(name, fault) for name in (STDLIB_FILE, LOCK_FILE, ".whl") for fault in ("blocked", "500", "damaged")]


class FaultyHost:
    """One browser context whose host answers one runtime file badly; records when it did."""

    def __init__(self, browser, site_url, file_name, fault, fragment=""):
        self.context = browser.new_context()
        self.answered_at = None
        self.problems = []
        handler = FAULTS[fault]

        def answer_badly(route):
            handler(route)
            if self.answered_at is None:
                self.answered_at = time.monotonic()

        self.context.route(RUNTIME_FILES[file_name], answer_badly)
        self.page = self.context.new_page()
        self.page.set_default_timeout(BOOT_TIMEOUT_MS)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("console", self._console)
        self.page.goto(site_url + "assessment/" + fragment)

    def _console(self, message):
        # The browser's own report of a refused download is expected; a script's error is not.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console error: {message.text}")

    def status(self) -> str:
        return self.page.text_content("[data-engine-status-text]")


def submit_all_first_options(page):
    page.evaluate(
        """() => {
            const form = document.querySelector("[data-assessment-form]");
            for (const fieldset of form.querySelectorAll("fieldset[data-question]")) fieldset.querySelector("input").checked = true;
            form.dispatchEvent(new Event("change", { bubbles: true }));
        }"""
    )
    page.click("form[data-assessment-form] button[type=submit]")


@pytest.mark.parametrize("file_name, fault", FAILING, ids=[f"{name} {fault}" for name, fault in FAILING])
def test_a_runtime_file_that_cannot_be_had_fails_the_boot_in_seconds_naming_it(browser, site_url, file_name, fault):
    host = FaultyHost(browser, site_url, file_name, fault)
    try:
        host.page.wait_for_selector("[data-engine-status=failed]", state="attached")
        seconds = time.monotonic() - host.answered_at
        message = host.status()
        print(f"\n{file_name} {fault}: {seconds:.1f} s to: {message}")
        assert seconds < FAILURE_BOUND_S
        assert file_name in message and ADVICE in message and "connection" in message
        assert "pyodide.org" not in message
        assert host.page.locator("[data-engine-retry]").is_visible()

        submit_all_first_options(host.page)
        assert host.status() == message, "a submit while failed keeps the reason"
        assert host.problems == []
    finally:
        host.context.close()


@pytest.mark.parametrize("fault", ["blocked", "500", "damaged"])
def test_a_snapshot_that_cannot_be_had_means_a_normal_boot(browser, site_url, fault):
    # A share link: a plain visit boots normally and never asks for the snapshot.
    answers = warm_up_answers()
    host = FaultyHost(browser, site_url, SNAPSHOT_FILE, fault, fragment=share_link(load_bank(), answers))
    try:
        host.page.wait_for_selector("[data-engine-status=ready]", state="attached")
        print(f"\nengine.snapshot {fault}: ready after {time.monotonic() - host.answered_at:.1f} s, normal boot")
        assert host.page.get_attribute("[data-engine-status]", "data-engine-boot") == "normal"
        host.page.wait_for_selector("[data-result]:not([hidden])", state="attached")
        assert host.problems == []
    finally:
        host.context.close()


def test_a_slow_download_is_waited_for(browser, site_url):
    context = browser.new_context()
    try:
        def slowly(route):
            time.sleep(8)  # a slow line, well inside the stall deadline
            route.continue_()

        context.route(RUNTIME_FILES[RUNTIME_WASM], slowly)
        page = context.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        started = time.monotonic()
        page.goto(site_url + "assessment/")
        page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=BOOT_TIMEOUT_MS)
        print(f"\npyodide.asm.wasm 8 s late: ready after {time.monotonic() - started:.1f} s")
        assert problems == []
    finally:
        context.close()
