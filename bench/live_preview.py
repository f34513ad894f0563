"""How long an author waits under `mkdocs serve` from saving assessment/bank.toml to a usable assessment.

Serves the project as `make serve` does, opens /assessment/ in headless Chromium, then, each run,
appends a comment to assessment/bank.toml (a new engine: new wheel, new snapshot key) and times
the open page until it has reloaded by itself and its engine is ready. The bank is restored at the
end. Prints every sample and the median; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from support.chromium import launch_options
from support.site import ROOT

BANK = ROOT / "assessment" / "bank.toml"
TIMEOUT_MS = 120_000
RELOADED = "() => !window.__beforeSave"
READY = "() => document.querySelector('[data-engine-status=ready]') !== null"
# When each of the worker's boot stages ended, from the reloaded page's start (see engine-worker.js).
STAGES = """() => performance.getEntriesByType('measure').filter(({ name }) => name.startsWith('engine:'))
  .map(({ name, duration, startTime }) => `${name.slice(7)} ${((startTime + duration) / 1000).toFixed(2)} s`).join(', ')"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("mkdocs serve did not start")


def save_to_usable(page, url: str, run: int) -> tuple[float, float, str]:
    """Seconds from the save to the reloaded page and to its engine ready, and how Python started there."""
    page.goto(url)
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=TIMEOUT_MS)
    page.evaluate("() => { window.__beforeSave = true; }")
    with BANK.open("a", encoding="utf-8") as bank:
        bank.write(f"\n# preview bench edit {run} at {time.time()}\n")
    saved = time.monotonic()
    page.wait_for_function(RELOADED, timeout=TIMEOUT_MS, polling=50)
    reloaded = time.monotonic() - saved
    page.wait_for_function(READY, timeout=TIMEOUT_MS, polling=50)
    boot = page.get_attribute("[data-engine-status]", "data-engine-boot") or "?"
    return reloaded, time.monotonic() - saved, f"{boot}; {page.evaluate(STAGES)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live_preview", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args(argv).runs
    original = BANK.read_bytes()
    port = free_port()
    server = start_serve(port)
    samples = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            page = browser.new_page()
            for run in range(1, runs + 1):
                reloaded, seconds, boot = save_to_usable(page, f"http://127.0.0.1:{port}/assessment/", run)
                samples.append(seconds)
                print(f"run {run}: save bank.toml -> usable assessment {seconds:.2f} s "
                      f"(page reloaded after {reloaded:.2f} s; Python boot: {boot})", flush=True)
            browser.close()
    finally:
        BANK.write_bytes(original)
        server.terminate()
        server.wait(timeout=30)
    print(f"median of {len(samples)}: {statistics.median(samples):.2f} s (target: under 3 s); "
          f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
