"""How long the team page takes to compute and show the view of twelve people once Python is ready,
and how long a twelve-person team link is.

Builds the site, serves it with gzip, opens a twelve-person team link in headless Chromium and reads
the page's marks: "team:request" (engine ready, request sent to the worker) to "team:shown" (view
rendered). The first view after boot is shown apart: its code paths are not yet warm. Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from assessment import load_bank
from assessment.links import LONGEST_LABEL, team_link
from assessment.team import LARGEST_TEAM
from assessment.team import team_view
from support.chromium import BOOT_TIMEOUT_MS, launch_options
from support.server import StaticSite
from support.site import build_site

from .figures import machine_note, verdict

READ_MARKS = """() => {
  const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
  return { request: last("team:request"), shown: last("team:shown") };
}"""


def twelve_people(bank, seed: int = 12) -> list[tuple[str, dict[str, str]]]:
    """Twelve answer sets a reader could give: every question asked answered, in bank order."""
    chooser = random.Random(seed)
    team = []
    for number in range(1, LARGEST_TEAM + 1):
        answers: dict[str, str] = {}
        for question in bank.questions:
            if question.is_asked(answers):
                answers[question.id] = chooser.choice(question.options).id
        team.append((f"Respondent {number}", answers))
    return team


def view_time(page, url: str) -> float:
    page.goto("about:blank")
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => performance.getEntriesByName('team:shown').length > 0", timeout=BOOT_TIMEOUT_MS)
    marks = page.evaluate(READ_MARKS)
    return marks["shown"] - marks["request"]


def again_time(page) -> float:
    """The same team shown again from the form, the engine long warm."""
    page.click("form[data-team-form] button[type=submit]")
    page.wait_for_function("() => performance.getEntriesByName('team:shown').length > 1", timeout=BOOT_TIMEOUT_MS)
    return performance_entries(page, "team:shown")[-1] - performance_entries(page, "team:request")[-1]


def performance_entries(page, name: str) -> list[float]:
    return page.evaluate("(name) => performance.getEntriesByName(name).map((entry) => entry.startTime)", name)


def native_time(bank, team, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        team_view(bank, team).to_dict()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.team_bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (median)")
    runs = parser.parse_args(argv).runs
    print(machine_note("Team bench"), flush=True)
    bank = load_bank()
    team = twelve_people(bank)
    link = team_link(bank, team)
    longest = team_link(bank, [("W" * LONGEST_LABEL, answers) for _, answers in team])
    print(f"Team link for {LARGEST_TEAM} people ({len(bank.questions)} questions): {len(link)} characters "
          f"with labels like 'Respondent 12'; {len(longest)} with {LONGEST_LABEL}-character labels.")
    print(f"Native team view of {LARGEST_TEAM} (CPython, median of {runs}): {native_time(bank, team, runs):.0f} ms", flush=True)
    first, again = [], []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = build_site(Path(folder) / "site")
        with StaticSite(site_dir, gzip=True) as site, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                first.append(view_time(page, site.url + "assessment/team/" + link))
                again.append(again_time(page))
                context.close()
            browser.close()
    print(f"\nTeam page, {LARGEST_TEAM} people, engine ready -> view shown (headless Chromium, medians of {runs}):")
    print(f"  first view after boot:  {statistics.median(first):6.0f} ms  (max {max(first):.0f} ms)")
    print(f"  shown again:            {statistics.median(again):6.0f} ms  (max {max(again):.0f} ms)")
    print(f"  target <= 200 ms (first view): {verdict(statistics.median(first) <= 200)}")


if __name__ == "__main__":
    main()
