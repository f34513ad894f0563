"""How long the reader waits on /assessment/, cold and warm, against a naive main-thread boot.

Builds the site into a temporary folder, adds the naive baseline page next to the real one, serves
both with gzip and cache headers, and drives headless Chromium. Prints medians and ratios; asserts
nothing (figures vary with the machine; compare the two pages measured in the same run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

from assessment.browser import warm_up_answers
from support.chromium import launch_options
from support.server import StaticSite
from support.site import build_site

from .figures import machine_note, ratio, verdict
from .naive_page import add_naive_page, add_no_snapshot_page

TIMEOUT_MS = 180_000

# Collects long tasks on the main thread and the moment the first answer is taken.
PROBE = """
window.__bench = { longTasks: [], firstChange: null };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: "longtask", buffered: true });
document.addEventListener("change", () => { window.__bench.firstChange ??= performance.now(); }, true);
"""

READ_MARKS = """() => {
  const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
  return { ready: last("assessment:engine-ready"), submit: last("assessment:submit"),
           result: last("assessment:result-shown"), ...window.__bench };
}"""

# The engine's own warm-up answers: a complete answer set for any bank.
FILL_ANSWERS = """(answers) => {
  const form = document.querySelector("[data-assessment-form]");
  for (const [question, option] of Object.entries(answers)) {
    form.querySelector(`input[name="${question}"][value="${option}"]`).checked = true;
  }
  form.dispatchEvent(new Event("change", { bubbles: true }));
}"""


@dataclass
class Samples:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float | None) -> None:
        if value is not None:
            self.values.setdefault(name, []).append(value)

    def median(self, name: str) -> float | None:
        values = self.values.get(name)
        return statistics.median(values) if values else None


def share_fragment(page) -> str:
    """A complete share link for the bench: made by the real page, so it is valid for this bank."""
    page.evaluate(FILL_ANSWERS, warm_up_answers())
    page.click("form[data-assessment-form] button[type=submit]")
    page.wait_for_selector("[data-result]:not([hidden])", state="attached")
    return "#" + page.url.split("#", 1)[1]


def measure_plain_load(page, url: str, site: StaticSite, samples: Samples, *, can_submit: bool) -> None:
    page.goto("about:blank")  # a real navigation every time, never a same-document fragment change
    site.take_bytes_sent()
    page.goto(url, wait_until="commit")
    # An option not already chosen (warm visits restore saved answers), so the click is a change.
    page.click("fieldset[data-question] input:not(:checked)", timeout=TIMEOUT_MS)
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=TIMEOUT_MS)
    marks = page.evaluate(READ_MARKS)
    samples.add("questions usable", marks["firstChange"])
    samples.add("python ready", marks["ready"])
    during_boot = [task["duration"] for task in marks["longTasks"] if task["start"] < marks["ready"]]
    samples.add("longest main-thread task during boot", max(during_boot, default=0.0))
    samples.add("main-thread long tasks during boot (total)", sum(during_boot))
    samples.add("bytes transferred", site.take_bytes_sent())
    if can_submit:
        page.evaluate(FILL_ANSWERS, warm_up_answers())
        page.click("form[data-assessment-form] button[type=submit]")
        page.wait_for_function("() => performance.getEntriesByName('assessment:result-shown').length > 0")
        marks = page.evaluate(READ_MARKS)
        samples.add("submit -> result (ready engine)", marks["result"] - marks["submit"])


def measure_shared_link(page, url: str, samples: Samples) -> None:
    page.goto("about:blank")
    page.goto(url, wait_until="commit")
    page.wait_for_selector("[data-result]:not([hidden])", state="attached", timeout=TIMEOUT_MS)
    page.wait_for_function("() => performance.getEntriesByName('assessment:result-shown').length > 0")
    samples.add("shared link -> result shown", page.evaluate(READ_MARKS)["result"])


def bench_page(browser, site: StaticSite, path: str, fragment: str, runs: int, *, can_submit: bool) -> dict[str, Samples]:
    url = site.url + path
    cold, warm = Samples(), Samples()
    for _ in range(runs):
        for measure in ("plain", "shared"):
            context = browser.new_context()
            context.add_init_script(PROBE)
            page = context.new_page()
            if measure == "plain":
                measure_plain_load(page, url, site, cold, can_submit=can_submit)
            else:
                measure_shared_link(page, url + fragment, cold)
            context.close()
    # Warm: one context, its HTTP cache filled by a first visit, then the measured second visits.
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    measure_plain_load(page, url, site, Samples(), can_submit=False)
    for _ in range(runs):
        measure_plain_load(page, url, site, warm, can_submit=can_submit)
        measure_shared_link(page, url + fragment, warm)
    context.close()
    return {"cold": cold, "warm": warm}


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:.2f} s"


def milliseconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value / 1e6:.2f} MB"


VARIANTS = (
    ("page", "the page: worker + memory snapshot"),
    ("no snapshot", "same page, worker, no snapshot"),
    ("naive", "baseline: naive main-thread boot"),
)
ROWS = (
    ("questions usable", seconds),
    ("python ready", seconds),
    ("shared link -> result shown", seconds),
    ("submit -> result (ready engine)", milliseconds),
    ("longest main-thread task during boot", milliseconds),
    ("main-thread long tasks during boot (total)", milliseconds),
    ("bytes transferred", megabytes),
)


def report(results: dict[str, dict[str, Samples]], runs: int) -> None:
    print(f"\nAssessment page, medians of {runs} runs (headless Chromium, gzip, loopback). Columns:")
    for key, label in VARIANTS:
        print(f"  {key:12} {label}")
    for mode in ("cold", "warm"):
        title = "cold (empty cache)" if mode == "cold" else "warm (second visit, HTTP cache on)"
        header = f"{title:44}" + "".join(f"{key:>13}" for key, _ in VARIANTS) + f"{'page/naive':>12}"
        print("\n" + header)
        print("-" * len(header))
        for name, show in ROWS:
            values = [results[key][mode].median(name) for key, _ in VARIANTS]
            print(f"{name:44}" + "".join(f"{show(value):>13}" for value in values) + f"{ratio(values[0], values[2]):>12}")

    cold, warm, naive_cold = results["page"]["cold"], results["page"]["warm"], results["naive"]["cold"]
    usable = max(cold.median("questions usable") or 0, warm.median("questions usable") or 0)
    shared, naive_shared = cold.median("shared link -> result shown"), naive_cold.median("shared link -> result shown")
    warm_shared = warm.median("shared link -> result shown")
    submit = cold.median("submit -> result (ready engine)")
    longest = max(cold.values.get("longest main-thread task during boot", [0])
                  + warm.values.get("longest main-thread task during boot", [0]))
    transferred = cold.median("bytes transferred")
    print("\nTargets (the page)")
    print(f"  questions usable <= 1 s:                      {seconds(usable):>10}  {verdict(usable <= 1000)}")
    print(f"  cold shared link <= 0.5x naive baseline:      {ratio(shared, naive_shared):>10}  "
          f"{verdict(bool(shared and naive_shared and shared <= 0.5 * naive_shared))}")
    print(f"  warm shared link -> result <= 1.0 s:          {seconds(warm_shared):>10}  {verdict(bool(warm_shared and warm_shared <= 1000))}")
    print(f"  submit -> result <= 100 ms:                   {milliseconds(submit):>10}  {verdict(submit is not None and submit <= 100)}")
    print(f"  no main-thread long task > 200 ms (any run):  {milliseconds(longest):>10}  {verdict(longest <= 200)}")
    print(f"  page <= 10 MB transferred (gzip, cold):       {megabytes(transferred):>10}  {verdict(bool(transferred and transferred <= 10e6))}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.assessment_bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (median)")
    runs = parser.parse_args(argv).runs
    print(machine_note("Assessment bench"), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = build_site(Path(folder) / "site")
        paths = {"page": "assessment/", "no snapshot": add_no_snapshot_page(site_dir), "naive": add_naive_page(site_dir)}
        with StaticSite(site_dir, gzip=True) as site, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            context = browser.new_context()
            fragment = share_fragment(booted_page(context, site.url + paths["page"]))
            context.close()
            results = {
                key: bench_page(browser, site, paths[key], fragment, runs, can_submit=key != "naive")
                for key, _ in VARIANTS
            }
            browser.close()
        report(results, runs)
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f}.")


def booted_page(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=TIMEOUT_MS)
    return page


if __name__ == "__main__":
    main()
