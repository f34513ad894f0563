"""While the engine loads on a slow line, the status says how far its downloads are, in megabytes of
the known total; screen readers hear it at each quarter, not at every update; nothing on the page
moves while it loads, and when the result of a shared link arrives, nothing moves either.
"""

from __future__ import annotations

import json
import re

import pytest

from assessment import load_bank
from assessment.browser import warm_up_answers
from assessment.links import share_link
from site_build.paths import SNAPSHOT_FILE
from support.chromium import BOOT_TIMEOUT_MS

# A slow line (CDP; it throttles the page's worker too): the downloads take seconds, as on a phone
# (at 8 Mbit/s, about five: enough for a score of progress reports, each a quarter second apart).
SLOW_LINE = {"offline": False, "latency": 100, "downloadThroughput": 8e6 / 8, "uploadThroughput": 1e6 / 8}
PROGRESS = re.compile(r"Loading the assessment engine: (\d+\.\d) of (\d+\.\d) MB")

# Every text the progress line and its announcer take, and every layout shift, as they happen.
RECORDER = """
window.recorded = { shown: [], announced: [], shifts: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map(({ node, previousRect, currentRect }) =>
      `${node?.nodeName}.${node?.className ?? ""} ${previousRect.y}->${currentRect.y} (h ${previousRect.height}->${currentRect.height})`);
    window.recorded.shifts.push({ value: entry.value, at: entry.startTime, moved });
  }
}).observe({ type: "layout-shift", buffered: true });
document.addEventListener("DOMContentLoaded", () => {
  const watch = (selector, into) => {
    const element = document.querySelector(selector);
    if (!element) return;
    new MutationObserver(() => into.push({ text: element.textContent, at: performance.now() }))
      .observe(element, { childList: true, characterData: true, subtree: true });
  };
  watch("[data-engine-progress-text]", window.recorded.shown);
  watch("[data-engine-progress-announce]", window.recorded.announced);
});
"""


def on_a_slow_line(browser, width: int):
    """(context, page): a browser of this width on the slow line, recording."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    context.add_init_script(RECORDER)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_LINE)
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    return context, page


@pytest.fixture
def slow_page(browser):
    context, page = on_a_slow_line(browser, 360)
    yield page
    context.close()


@pytest.fixture(scope="module", params=[360, 1280], ids=lambda width: f"{width}px")
def slow_boot(browser, site_url, request):
    """(page, what it recorded): a plain visit on the slow line at this width, from its first byte
    until the engine is ready. Two tests read each boot."""
    context, page = on_a_slow_line(browser, request.param)
    page.goto(site_url + "assessment/", wait_until="commit")
    page.wait_for_selector("[data-engine-status=ready]", state="attached")
    page.wait_for_timeout(500)  # any shift "ready" causes is reported within a frame or two
    yield page, page.evaluate("window.recorded")
    context.close()


def test_nothing_moves_from_the_first_paint_until_the_engine_is_ready(slow_boot):
    # The status box, its progress line and the questions no answer asks yet are in place before
    # the page's script runs, which changes their words, not their size.
    _, recorded = slow_boot
    shifts = recorded["shifts"]
    assert sum(shift["value"] for shift in shifts) < 0.001, shifts


def megabytes(total_bytes: int) -> str:
    return f"{total_bytes / 1_000_000:.1f}"


def normal_boot_total(page) -> str:
    """What a normal boot downloads, on the wire, from the sizes the build put on the page."""
    sizes = json.loads(page.get_attribute("[data-download-sizes]", "data-download-sizes"))
    return megabytes(sum(wire for name, (_, wire) in sizes.items() if name != SNAPSHOT_FILE))


def test_a_slow_boot_shows_its_downloads_in_megabytes_and_announces_only_quarters(slow_boot):
    slow_page, recorded = slow_boot
    shown = [PROGRESS.fullmatch(entry["text"]) for entry in recorded["shown"]]
    assert shown and all(shown), [entry["text"] for entry in recorded["shown"]]
    received = [float(match[1]) for match in shown]
    assert {match[2] for match in shown} == {normal_boot_total(slow_page)}, "of the total a normal boot downloads"
    assert received == sorted(received) and len(set(received)) >= 5, f"growing as the bytes arrive: {received}"
    assert received[-1] >= 0.9 * float(shown[-1][2])
    announced = [entry["text"] for entry in recorded["announced"] if entry["text"]]
    assert 1 <= len(announced) <= 4 < len(received), f"a few announcements, not one per update: {announced}"
    assert all(PROGRESS.fullmatch(text) for text in announced)
    # Ready: the line goes, and with it what a screen reader could still find.
    assert slow_page.locator("[data-engine-progress]").is_hidden()
    assert slow_page.text_content("[data-engine-progress-announce]") == ""


def test_a_shared_links_answers_show_at_once_and_its_result_arrives_without_moving_the_page(slow_page, site_url):
    bank = load_bank()
    answers = warm_up_answers()
    slow_page.goto(site_url + "assessment/" + share_link(bank, answers), wait_until="domcontentloaded")
    slow_page.wait_for_function("() => window.recorded.shown.length > 0")  # loading, the status box in place
    checked = slow_page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('fieldset[data-question] input:checked')].map((input) => [input.name, input.value]))"
    )
    assert checked == bank.answers_to_asked(answers), "the link's answers are in the form while the engine loads"
    loading_at = slow_page.evaluate("performance.now()")
    slow_page.wait_for_selector("[data-result]:not([hidden]) [data-result-json]", state="attached")
    slow_page.wait_for_timeout(500)  # any shift the result causes is reported within a frame or two
    shifts = [shift for shift in slow_page.evaluate("window.recorded.shifts") if shift["at"] >= loading_at]
    assert sum(shift["value"] for shift in shifts) < 0.001, shifts
