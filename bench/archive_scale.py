"""How the site scales with the archive: 10, 100 and 500 synthetic issues through the real series model.

For each size, a temporary project gets copies of mkdocs.yml, overrides/ and docs/ (minus the real
issue) plus generated issues of ~800 words of clearly synthetic text, and is built with a real
`mkdocs build --strict` (every hook included: the assessment hook builds its wheel and copies the
Pyodide runtime, which is part of every real build). The same archive is also built as a naive
Material site, with every issue in the navigation, as the baseline measured in the same run.

Prints build times, page and search-index sizes, and the time from the last key typed into
Material's search box to the results shown, in headless Chromium. Asserts nothing: the machine has
2 cores shared with other work, so figures are noisy; compare columns measured in the same run.

    python -m bench.archive_scale [--sizes 10 100 500] [--runs 3] [--search-runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from playwright.sync_api import sync_playwright

from assessment import load_bank

from .chromium import CHROMIUM_FLAGS, chromium_path
from .server import GzipSite

ROOT = Path(__file__).resolve().parent.parent
REAL_ISSUE = Path(load_bank().article_path.rstrip("/") + ".md")
SERIES_NAME = "Synthetic Benchmark Series"
VARIANTS = ("ours", "naive")
BUILD_TARGET_SECONDS = 10.0
SEARCH_TARGET_MS = 300.0
# A person typing at a steady pace; Material searches on every key, so slow searches pile up.
KEY_DELAY_MS = 100
QUIET_MS = 1000

# Words drawn by Zipf's law (frequency ~ 1/rank), as in natural text: a few function words make up
# much of it (the search index drops them as stop words), then a long tail of made-up words. A
# handful of words in every section would make every query match everything, which no real
# archive does; "synthetic" is kept in every issue's title and intro as the worst realistic case.
FUNCTION_WORDS = "the of and to a in that is for it as with was on be by this are or from at which an".split()
VOCABULARY_SIZE = 5000
SYLLABLES = ("ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bo", "de", "fi", "gu", "ha", "jo", "ke", "ly", "mo", "ni")


# --- the synthetic archive -----------------------------------------------------------------------

def codename(number: int) -> str:
    """A made-up word unique to one issue, so one query can find exactly one issue."""
    letters = []
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
    return "".join(letters) + "x"


def made_up_word(rank: int) -> str:
    """Rank 0.. to a pronounceable word of 2 to 4 syllables, never ending in "x" (codenames do)."""
    rng = random.Random(f"word-{rank}")
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def vocabulary() -> tuple[list[str], list[float]]:
    words = FUNCTION_WORDS + [made_up_word(rank) for rank in range(VOCABULARY_SIZE)]
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return words, cumulative


VOCABULARY, CUMULATIVE_WEIGHTS = vocabulary()


def filler(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


def issue_slug(number: int) -> str:
    return f"synthetic-issue-{number:04d}"


def synthetic_issue(number: int, total: int) -> str:
    """One issue file: the front matter the series model requires, and ~800 words of filler."""
    rng = random.Random(number)
    name = codename(number)
    front_matter = {
        "series": SERIES_NAME,
        "issue": number,
        "total": total,
        "title": f"Synthetic issue {number}: {name.capitalize()}",
        "description": f"Synthetic issue {number} of {total}, generated for the archive benchmark; not an article.",
        "tags": ["synthetic", f"synthetic group {number % 10}"],
    }
    body = [f"# Synthetic issue {number}: {name.capitalize()}", "",
            f"Synthetic issue {number} of {total}. Generated filler text for a scale benchmark, code name {name}.", ""]
    for section in range(1, 5):
        body += [f"## Section {section}: {filler(rng, 3)[:-1]}", "", filler(rng, 95), "", filler(rng, 95), ""]
    # JSON is valid YAML, and keeps the front matter free of quoting questions.
    lines = ["---", *(f"{key}: {json.dumps(value)}" for key, value in front_matter.items()), "---", ""]
    return "\n".join(lines + body)


def project_config(text: str, variant: str) -> str:
    """mkdocs.yml for the synthetic project; `naive` drops our nav so every issue lands in it."""
    # The real issue is left out, so the links that approaches.md and the glossary make into it
    # cannot resolve; only those are relaxed, every other check stays as strict as the real build.
    text = text.replace("\nvalidation:\n", "\nvalidation:\n  links: {not_found: info}\n", 1)
    if variant == "naive":
        text = re.sub(r"^nav:\n(?:  .*\n)+", "", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^not_in_nav: \|\n(?:  .*\n)+", "", text, count=1, flags=re.MULTILINE)
    return text


def make_project(folder: Path, size: int, variant: str) -> Path:
    """A project beside the real one in shape: the hooks find assessment/ and node_modules/ from it."""
    project = folder / f"{variant}-{size}"
    shutil.copytree(ROOT / "overrides", project / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(REAL_ISSUE.name))
    shutil.copytree(ROOT / "assessment", project / "assessment", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "pyproject.toml", project / "pyproject.toml")
    # The Pyodide runtime is large and only read: link it instead of copying it for every project.
    (project / "node_modules").mkdir()
    (project / "node_modules" / "pyodide").symlink_to(ROOT / "node_modules" / "pyodide")
    (project / "mkdocs.yml").write_text(project_config((ROOT / "mkdocs.yml").read_text("utf-8"), variant), "utf-8")
    for number in range(1, size + 1):
        (project / "docs" / "issues" / f"{issue_slug(number)}.md").write_text(synthetic_issue(number, size), "utf-8")
    return project


# --- building ------------------------------------------------------------------------------------

# Runs `mkdocs build` in this process and writes how long each plugin and hook spent, by origin.
TIMED_BUILD = """
import json, sys, time
from mkdocs.__main__ import cli
from mkdocs.plugins import PluginCollection
spent = {}
original = PluginCollection.run_event
def run_event(self, name, item=None, **kwargs):
    for method in self.events[name]:
        origin = self._current_plugin = self._event_origins.get(method, "<unknown>")
        started = time.perf_counter()
        result = method(item, **kwargs) if item is not None else method(**kwargs)
        spent[origin] = spent.get(origin, 0.0) + time.perf_counter() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item
PluginCollection.run_event = run_event
try:
    cli.main(sys.argv[2:], standalone_mode=False)
finally:
    with open(sys.argv[1], "w") as out:
        json.dump(spent, out)
"""


@dataclass
class Build:
    wall_seconds: float  # what a person waits for, Python start-up included
    reported_seconds: float  # MkDocs' own "Documentation built in" figure
    hook_seconds: dict[str, float]


def build(project: Path, site_dir: Path) -> Build:
    timings = project / "plugin-timings.json"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", TIMED_BUILD, str(timings), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=environment, capture_output=True, text=True,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"strict build of {project.name} failed:\n{result.stdout}\n{result.stderr}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return Build(wall, float(reported.group(1)) if reported else float("nan"), json.loads(timings.read_text()))


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


def measure_sizes(site_dir: Path, size: int) -> Sizes:
    article_page = site_dir / "issues" / issue_slug(max(1, size // 2)) / "index.html"
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


def search_queries(size: int) -> list[str]:
    """A word in every issue, a word of middling frequency in the text, and the code name of one issue."""
    return ["synthetic", VOCABULARY[len(FUNCTION_WORDS) + 200], codename(max(1, size // 2))]


# --- one size, both variants ---------------------------------------------------------------------

@dataclass
class Result:
    size: int
    variant: str
    builds: list[Build]
    sizes: Sizes
    search: SearchFigures

    @property
    def build_median(self) -> float:
        return statistics.median(build.wall_seconds for build in self.builds)

    @property
    def reported_median(self) -> float:
        return statistics.median(build.reported_seconds for build in self.builds)


def bench_variant(browser, folder: Path, size: int, variant: str, runs: int, search_runs: int) -> Result:
    project = make_project(folder, size, variant)
    builds = []
    for run in range(runs):
        site_dir = folder / f"site-{variant}-{size}-{run}"
        builds.append(build(project, site_dir))
        if run < runs - 1:
            shutil.rmtree(site_dir)
    print(f"  built {variant:5} {size:4} issues: " + ", ".join(f"{b.wall_seconds:.1f} s" for b in builds), flush=True)
    sizes = measure_sizes(site_dir, size)
    with GzipSite(site_dir) as site:
        search = measure_search(browser, site.url, search_queries(size), search_runs)
    shutil.rmtree(site_dir)
    shutil.rmtree(project)
    return Result(size, variant, builds, sizes, search)


# --- report --------------------------------------------------------------------------------------

def kilobytes(count: int) -> str:
    return f"{count / 1000:.1f} kB"


def ratio(ours: float, naive: float) -> str:
    return f"{ours / naive:.2f}x" if naive else "-"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(header)))
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))


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


def report_hooks(results: dict[tuple[int, str], Result], sizes: list[int]) -> None:
    """Where the build's plugin time goes: our hooks and Material's search, largest archive first."""
    rows = []
    for size in sizes:
        builds = results[size, "ours"].builds
        origins = sorted({origin for one in builds for origin in one.hook_seconds})
        for origin in origins:
            spent = statistics.median(one.hook_seconds.get(origin, 0.0) for one in builds)
            if spent >= 0.01:
                rows.append([f"{size} issues", origin, f"{spent:.2f} s",
                             f"{100 * spent / results[size, 'ours'].build_median:.0f}%"])
    print_table("Time inside plugin/hook events (ours; median), share of wall build time",
                ["archive", "plugin or hook", "time", "share"], rows)


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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.archive_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500], help="archive sizes (issues)")
    parser.add_argument("--runs", type=int, default=3, help="builds per size and variant (median)")
    parser.add_argument("--search-runs", type=int, default=3, help="typings per query (median)")
    arguments = parser.parse_args()
    sizes = sorted(arguments.sizes)
    print(f"Archive scale bench on {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start: "
          "the machine is shared with other work, so figures are noisy; compare columns from this run.", flush=True)
    results: dict[tuple[int, str], Result] = {}
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_FLAGS)
        for size in sizes:
            for variant in VARIANTS:
                results[size, variant] = bench_variant(browser, Path(folder), size, variant,
                                                       arguments.runs, arguments.search_runs)
        browser.close()
    report_builds(results, sizes, arguments.runs)
    report_hooks(results, sizes)
    report_sizes(results, sizes)
    report_search(results, sizes, arguments.search_runs)
    report_targets(results, sizes)
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f} (2 cores).")


if __name__ == "__main__":
    main()
