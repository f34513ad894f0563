"""Lighthouse 12.2.3 scores for the five pages that matter, and every audit that falls short.

Builds the site strictly into a temporary folder, serves it with gzip like a real host
(support/server.py) on a free loopback port, and runs Lighthouse with Debian's Chromium on each page.
Lighthouse comes from the npm registry through `npm exec` (cached by npm; not a project dependency).
Prints scores against the targets; asserts nothing. The machine has 2 cores shared with other work,
so the performance score (simulated throttling, but measured on a busy CPU) is noisy.

    python -m bench.lighthouse [--preset mobile|desktop] [--runs 1] [--archive 500]

`--archive N` also scores the series index and one article of an archive of N issues (the real ones
and synthetic ones, bench/synthetic_archive.py), built the way bench/archive_scale.py builds it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assessment import load_bank
from support.chromium import CHROMIUM_FLAGS, chromium_path
from support.server import StaticSite
from support.site import build_site

from .figures import machine_note
from .synthetic_archive import Archive, issue_slug, write_archive

LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = {
    "home": "",
    "article": load_bank().article_path,
    "series index": "issues/",
    "comparison": "approaches/",
    "assessment": "assessment/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Audits that carry no pass/fail: nothing to fall short of.
UNSCORED = {"notApplicable", "informative", "manual", "error"}


@dataclass
class ShortAudit:
    category: str
    id: str
    title: str
    score: float
    detail: str
    weighted: bool  # counts toward the category score (a metric), or only advice (a diagnostic)


@dataclass
class PageReport:
    scores: dict[str, int]
    short: list[ShortAudit]


def run_lighthouse(url: str, out: Path, preset: str) -> dict:
    command = [
        "npm", "exec", "--yes", f"--package={LIGHTHOUSE}", "--", "lighthouse", url,
        "--output=json", f"--output-path={out}", "--quiet",
        f"--only-categories={','.join(TARGETS)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS]),
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = dict(os.environ, CHROME_PATH=chromium_path())
    # Run outside the repo, so npm never reads or touches the project's package.json.
    result = subprocess.run(command, env=environment, cwd=out.parent, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return json.loads(out.read_text("utf-8"))


def short_audits(lhr: dict) -> list[ShortAudit]:
    """Scored audits below a full score, by category, as Lighthouse's report lists them."""
    found = []
    for category_id, category in lhr["categories"].items():
        for reference in category["auditRefs"]:
            audit = lhr["audits"][reference["id"]]
            if audit["scoreDisplayMode"] in UNSCORED or audit["score"] is None or audit["score"] >= 1:
                continue
            found.append(ShortAudit(category_id, audit["id"], audit["title"], audit["score"],
                                    audit.get("displayValue") or "", reference.get("weight", 0) > 0))
    return found


def page_report(lhrs: list[dict]) -> PageReport:
    """Median score per category over runs; the audits that fell short in the median run."""
    scores = {name: round(statistics.median(lhr["categories"][name]["score"] * 100 for lhr in lhrs)) for name in TARGETS}
    by_performance = sorted(lhrs, key=lambda lhr: lhr["categories"]["performance"]["score"])
    median_run = by_performance[len(by_performance) // 2]
    short = short_audits(median_run)
    for audit in short:
        if audit.id == "cumulative-layout-shift":
            audit.detail += "; shifted: " + " | ".join(layout_shift_sources(median_run)) if layout_shift_sources(median_run) else ""
    return PageReport(scores, short)


def layout_shift_sources(lhr: dict) -> list[str]:
    """The elements Lighthouse blames for layout shifts, as HTML snippets."""
    items = (lhr["audits"].get("layout-shifts", {}).get("details") or {}).get("items", [])
    return [item["node"].get("snippet", "?") for item in items if isinstance(item.get("node"), dict)]


def metric_values(lhr: dict) -> str:
    metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
    return ", ".join(f"{name.split('-')[0] if name != 'total-blocking-time' else 'TBT'}: "
                     f"{lhr['audits'][name].get('displayValue', '-')}" for name in metrics)


def print_scores(reports: dict[str, PageReport]) -> None:
    header = f"{'page':28}" + "".join(f"{name:>16}" for name in TARGETS)
    print("\n" + header)
    print(f"{'target':28}" + "".join(f"{'>= ' + str(target) if target < 100 else str(target):>16}" for target in TARGETS.values()))
    print("-" * len(header))
    for page, report in reports.items():
        cells = [f"{report.scores[name]}{'' if report.scores[name] >= TARGETS[name] else ' SHORT'}" for name in TARGETS]
        print(f"{page:28}" + "".join(f"{cell:>16}" for cell in cells))


def print_short_audits(reports: dict[str, PageReport]) -> None:
    print("\nAudits below a full score (category: id - title [value]; 'advice' = weight 0, not part of the score):")
    for page, report in reports.items():
        print(f"  {page}:" + ("" if report.short else " none"))
        for audit in report.short:
            value = f" [{audit.detail}]" if audit.detail else ""
            kind = "" if audit.weighted else ", advice"
            print(f"    {audit.category}: {audit.id} - {audit.title}{value} (score {audit.score:.2f}{kind})")


def score_pages(site_dir: Path, pages: dict[str, str], folder: Path, preset: str, runs: int) -> dict[str, PageReport]:
    reports = {}
    with StaticSite(site_dir, gzip=True) as site:
        for page, path in pages.items():
            lhrs = [run_lighthouse(site.url + path, folder / (page.replace(" ", "-") + f"-{run}.json"), preset)
                    for run in range(runs)]
            reports[page] = page_report(lhrs)
            print(f"  {page:28} {site.url + path}  {metric_values(lhrs[-1])}", flush=True)
    return reports


def archive_pages(site_dir: Path, archive: Archive) -> dict[str, str]:
    """The index, its first page of a range when it is split (the largest), and one article."""
    size = archive.size
    pages = {f"series index ({size})": "issues/"}
    ranges = sorted(site_dir.glob("issues/range-*/"), key=lambda path: int(path.name.split("-")[1]))
    if ranges:
        pages[f"index {ranges[0].name} ({size})"] = f"issues/{ranges[0].name}/"
    pages[f"article ({size})"] = f"issues/{issue_slug(archive.middle)}/"
    return pages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile",
                        help="Lighthouse's default mobile run (throttled) or its desktop preset")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median score)")
    parser.add_argument("--archive", type=int, default=0, help="also score a synthetic archive of this many issues")
    arguments = parser.parse_args(argv)
    print(machine_note(f"Lighthouse ({LIGHTHOUSE}, {arguments.preset})"), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        site_dir = Path(folder) / "site"
        build_site(site_dir)
        # The first Chromium start of a run is slower (cold file cache): warm up, and keep none of it.
        score_pages(site_dir, {"(warm-up, discarded)": ""}, Path(folder), arguments.preset, 1)
        reports = score_pages(site_dir, PAGES, Path(folder), arguments.preset, arguments.runs)
        if arguments.archive:
            archive = write_archive(Path(folder) / "archive", arguments.archive)
            archive_site = build_site(Path(folder) / "archive-site", archive.config())
            reports |= score_pages(archive_site, archive_pages(archive_site, archive), Path(folder),
                                   arguments.preset, arguments.runs)
    print_scores(reports)
    print_short_audits(reports)
    met = all(report.scores[name] >= TARGETS[name] for report in reports.values() for name in TARGETS)
    print(f"\nAll targets met: {'yes' if met else 'no'}  (performance >= 95, accessibility, best practices and SEO 100)")


if __name__ == "__main__":
    main()
