"""How the site scales with the archive: 10, 100 and 500 issues through the real series model.

For each size, an archive of the real site plus synthetic issues (bench/synthetic_archive.py) is
built with a real `mkdocs build --strict`, every hook included (the assessment hook builds its
wheel and copies the Pyodide runtime, part of every real build). The same archive built with every
issue in the sidebar, as a plain Material site would list it, is the baseline measured in the same run.

Prints build times, the time of the event where the series is read, page and search-index sizes, and the time from the
last key typed into Material's search box to the results shown, in headless Chromium. Asserts
nothing: the machine has 2 cores shared with other work, so figures are noisy; compare columns
measured in the same run.

    python -m bench.archive_scale [--sizes 10 100 500] [--runs 3] [--search-runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from playwright.sync_api import sync_playwright

from support.chromium import launch_options
from support.server import StaticSite
from support.site import CONFIG, mkdocs_build

from .figures import machine_note, print_table, ratio, verdict
from .synthetic_archive import FUNCTION_WORDS, VOCABULARY, Archive, codename, issue_slug, write_archive

VARIANTS = ("ours", "naive")
BUILD_TARGET_SECONDS = 10.0
SEARCH_TARGET_MS = 300.0
# A person typing at a steady pace; Material searches on every key, so slow searches pile up.
KEY_DELAY_MS = 100
QUIET_MS = 1000


# --- building ------------------------------------------------------------------------------------

@dataclass
class Build:
    wall_seconds: float  # what a person waits for, Python start-up included
    reported_seconds: float  # MkDocs' own "Documentation built in" figure


def build(config: str, site_dir: Path) -> Build:
    started = time.perf_counter()
    result = mkdocs_build(site_dir, config)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"strict build of the synthetic archive failed:\n{result.stdout}\n{result.stderr}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return Build(wall, float(reported.group(1)) if reported else float("nan"))


def files_event_seconds(config: str, runs: int) -> float:
    """The build's `on_files` event alone, the part of our build that grows with the archive (the
    series hook reads every issue and writes the index pages and the feed there): timed in this
    process through MkDocs' public API, as `mkdocs build` runs it."""
    loaded = load_config(config_file=io.BytesIO(config.encode("utf-8")), config_file_path=str(CONFIG))
    spent = []
    for _ in range(runs):
        files = get_files(loaded)
        started = time.perf_counter()
        loaded.plugins.on_files(files, config=loaded)
        spent.append(time.perf_counter() - started)
    return statistics.median(spent)


# --- sizes ---------------------------------------------------------------------------------------

@dataclass
class Sizes:
    article: int
    article_gzip: int
    index: int
    index_gzip: int
    search_index: int
    search_index_gzip: int
    article_elements: int
    index_elements: int


class ElementCounter(HTMLParser):
    """Counts elements: Lighthouse flags a DOM of more than ~800 (and fails it past ~1,400)."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        self.count += 1


def element_count(path: Path) -> int:
    counter = ElementCounter()
    counter.feed(path.read_text("utf-8"))
    return counter.count


def raw_and_gzip(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def measure_sizes(site_dir: Path, middle_issue: int) -> Sizes:
    article_page = site_dir / "issues" / issue_slug(middle_issue) / "index.html"
    # A long index is split into pages per range of issues: measure the largest of its pages.
    index_page = max([site_dir / "issues" / "index.html", *site_dir.glob("issues/range-*/index.html")],
                     key=lambda path: path.stat().st_size)
    search = raw_and_gzip(site_dir / "search" / "search_index.json")
    return Sizes(*raw_and_gzip(article_page), *raw_and_gzip(index_page), *search,
                 element_count(article_page), element_count(index_page))


# --- search in Chromium --------------------------------------------------------------------------

WATCH_SEARCH = """() => {
  window.__search = { keys: [], changes: [] };
  document.addEventListener("keydown", () => window.__search.keys.push(performance.now()), true);
  new MutationObserver(() => window.__search.changes.push(performance.now()))
    .observe(document.querySelector(".md-search-result"), { childList: true, subtree: true, characterData: true });
}"""

# Settled: something changed after the last key, and nothing since for QUIET_MS.
RESULTS_SETTLED = """(quiet) => {
  const { keys, changes } = window.__search;
  const last = changes.at(-1);
  return last !== undefined && last > keys.at(-1) && performance.now() - last > quiet;
}"""

READ_RESULTS = """() => {
  const { keys, changes } = window.__search;
  const lastKey = keys.at(-1);
  return {
    latency: changes.at(-1) - lastKey,
    meta: document.querySelector(".md-search-result__meta").textContent.trim(),
    shown: document.querySelectorAll(".md-search-result__item").length,
  };
}"""


@dataclass
class SearchFigures:
    ready_ms: float  # page navigation to "search ready" (index fetched and built in the worker)
    latency_ms: dict[str, list[float]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


def open_search(page, url: str) -> float:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    page.locator("input.md-search__input").click()
    # Material's search worker reports readiness by replacing "Initializing search".
    # A function, not an expression string: the site's CSP forbids the eval that a string needs.
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('Initializing')",
        timeout=120_000,
    )
    ready = page.evaluate("performance.now()")
    page.evaluate(WATCH_SEARCH)
    return ready


def type_query(page, query: str) -> dict:
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_timeout(QUIET_MS)
    page.evaluate("window.__search.keys = []; window.__search.changes = []")
    page.keyboard.type(query, delay=KEY_DELAY_MS)
    page.wait_for_function(RESULTS_SETTLED, arg=QUIET_MS, timeout=60_000)
    return page.evaluate(READ_RESULTS)


def measure_search(browser, url: str, queries: list[str], runs: int) -> SearchFigures:
    context = browser.new_context()
    page = context.new_page()
    figures = SearchFigures(ready_ms=open_search(page, url))
    for query in queries:
        for _ in range(runs):
            result = type_query(page, query)
            figures.latency_ms.setdefault(query, []).append(result["latency"])
            figures.meta[query] = f'{result["meta"]} ({result["shown"]} rendered)'
    context.close()
    return figures


def search_queries(middle_issue: int) -> list[str]:
    """A word in every synthetic issue, a word of middling frequency in the text, and the code name of one issue."""
    return ["synthetic", VOCABULARY[len(FUNCTION_WORDS) + 200], codename(middle_issue)]


# --- one size, both variants ---------------------------------------------------------------------

@dataclass
class Result:
    builds: list[Build]
    sizes: Sizes
    search: SearchFigures
    files_event_seconds: float

    @property
    def build_median(self) -> float:
        return statistics.median(build.wall_seconds for build in self.builds)

    @property
    def reported_median(self) -> float:
        return statistics.median(build.reported_seconds for build in self.builds)


def bench_variant(browser, folder: Path, archive: Archive, variant: str, runs: int, search_runs: int) -> Result:
    config = archive.config(every_issue_in_nav=variant == "naive")
    builds = []
    for run in range(runs):
        site_dir = folder / f"site-{variant}-{archive.size}-{run}"
        builds.append(build(config, site_dir))
        if run < runs - 1:
            shutil.rmtree(site_dir)
    print(f"  built {variant:5} {archive.size:4} issues: " + ", ".join(f"{b.wall_seconds:.1f} s" for b in builds), flush=True)
    sizes = measure_sizes(site_dir, archive.middle)
    with StaticSite(site_dir, gzip=True) as site:
        search = measure_search(browser, site.url, search_queries(archive.middle), search_runs)
    shutil.rmtree(site_dir)
    return Result(builds, sizes, search, files_event_seconds(config, runs))


# --- report --------------------------------------------------------------------------------------

def kilobytes(count: int) -> str:
    return f"{count / 1000:.1f} kB"


def report_builds(results: dict[tuple[int, str], Result], sizes: list[int], runs: int) -> None:
    rows = []
    for size in sizes:
        ours, naive = results[size, "ours"], results[size, "naive"]
        rows.append([f"{size} issues", f"{ours.build_median:.2f} s", f"{ours.reported_median:.2f} s",
                     f"{naive.build_median:.2f} s", f"{naive.reported_median:.2f} s",
                     ratio(ours.build_median, naive.build_median)])
    print_table(f"Build time, `mkdocs build --strict`, median of {runs} (wall = process start to exit; "
                "mkdocs = its own 'built in' figure)",
                ["archive", "ours wall", "ours mkdocs", "naive wall", "naive mkdocs", "ours/naive"], rows)


def report_files_event(results: dict[tuple[int, str], Result], sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        ours = results[size, "ours"]
        rows.append([f"{size} issues", f"{ours.files_event_seconds:.2f} s", f"{100 * ours.files_event_seconds / ours.build_median:.0f}%"])
    print_table("on_files event alone (the series hook reads the issues, writes index pages and feed; median), "
                "share of wall build time", ["archive", "time", "share"], rows)


def report_sizes(results: dict[tuple[int, str], Result], sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        ours, naive = results[size, "ours"].sizes, results[size, "naive"].sizes
        rows.append([f"{size} issues",
                     f"{kilobytes(ours.article)} ({kilobytes(ours.article_gzip)})",
                     f"{kilobytes(naive.article)} ({kilobytes(naive.article_gzip)})",
                     ratio(ours.article, naive.article),
                     f"{kilobytes(ours.index)} ({kilobytes(ours.index_gzip)})",
                     f"{kilobytes(ours.search_index)} ({kilobytes(ours.search_index_gzip)})",
                     f"{ours.article_elements} / {naive.article_elements}", f"{ours.index_elements}"])
    print_table("Bytes: raw (gzip -6). Article = the middle issue's page; index = largest page of the series index; search = search/search_index.json; "
                "elements = DOM elements in the HTML",
                ["archive", "article ours", "article naive", "ours/naive", "series index ours", "search index ours",
                 "article elements ours / naive", "index elements"], rows)


def report_search(results: dict[tuple[int, str], Result], sizes: list[int], search_runs: int) -> None:
    rows = []
    for size in sizes:
        for variant in VARIANTS:
            search = results[size, variant].search
            for query, latencies in search.latency_ms.items():
                rows.append([f"{size} issues", variant, f"{search.ready_ms:.0f} ms", repr(query),
                             f"{statistics.median(latencies):.0f} ms", f"{max(latencies):.0f} ms", search.meta[query]])
    print_table(f"Search in headless Chromium (gzip server, loopback): last key -> results settled, "
                f"{search_runs} typings per query, keys {KEY_DELAY_MS} ms apart. 'ready' = navigation -> search initialised",
                ["archive", "site", "ready", "query", "median", "worst", "results"], rows)


def report_targets(results: dict[tuple[int, str], Result], sizes: list[int]) -> None:
    largest, smallest = max(sizes), min(sizes)
    ours = results[largest, "ours"]
    worst_search = max(statistics.median(values) for values in ours.search.latency_ms.values())
    growth = ours.sizes.article - results[smallest, "ours"].sizes.article
    print(f"\nTargets at {largest} issues (ours)")
    print(f"  build <= {BUILD_TARGET_SECONDS:.0f} s (wall, median):          {ours.build_median:6.2f} s   "
          f"{verdict(ours.build_median <= BUILD_TARGET_SECONDS)}")
    print(f"  article page does not grow ({smallest} -> {largest}):  {growth:+6d} B   "
          f"{verdict(abs(growth) <= 1000)}  (within 1 kB: titles and issue numbers differ)")
    print(f"  search results <= {SEARCH_TARGET_MS:.0f} ms after last key:   {worst_search:6.0f} ms  "
          f"{verdict(worst_search <= SEARCH_TARGET_MS)}  (slowest query's median)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.archive_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500], help="archive sizes (issues)")
    parser.add_argument("--runs", type=int, default=3, help="builds per size and variant (median)")
    parser.add_argument("--search-runs", type=int, default=3, help="typings per query (median)")
    arguments = parser.parse_args(argv)
    sizes = sorted(arguments.sizes)
    print(machine_note("Archive scale bench"), flush=True)
    results: dict[tuple[int, str], Result] = {}
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        for size in sizes:
            archive = write_archive(Path(folder) / f"archive-{size}", size)
            for variant in VARIANTS:
                results[size, variant] = bench_variant(browser, Path(folder), archive, variant,
                                                       arguments.runs, arguments.search_runs)
        browser.close()
    report_builds(results, sizes, arguments.runs)
    report_files_event(results, sizes)
    report_sizes(results, sizes)
    report_search(results, sizes, arguments.search_runs)
    report_targets(results, sizes)
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f} (2 cores).")


if __name__ == "__main__":
    main()
