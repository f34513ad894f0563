"""What each mechanism of the page's boot gains: the page with one mechanism switched off at a time,
beside the page as built and the lean baseline (bench/naive_page.py), in the same run, on emulated
networks, cold and warm.

Each variant is a copy of the built assessment page, one level deep like the page itself (so its
relative addresses hold), with one mechanism taken out:

- no snapshot: the page is not told where the memory snapshot is, so every visit boots normally;
- no early start: the head no longer starts the engine's worker; the page's modules start it;
- worker (page) not bundled: the worker (the page's script) loads its own modules, as they are in
  the sources, instead of the build's one-file bundle;
- library not cut / not compiled: a copy of the runtime's folder serves the whole standard library
  (compiled as the build compiles the cut) or the cut library as source, which Python compiles
  as it imports it.

The worker itself is measured by the lean baseline: the same runtime files booted on the page's
main thread (page/lean), with the longest main-thread task of each until the mark.
(The page's module preloads were switched off here too, and went: 0 to 3 % on 50 Mbit/s and 4G;
the preview's engine swap went too: see bench/live_preview.py.)

A ratio above 1.00x (variant / page) is what the mechanism gains: the page is that much slower
without it.

    python -m bench.ablation [--networks loopback,50mbit,4g] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from assessment import load_bank
from site_build.assessment.runtime import pyodide_runtime
from site_build.assessment.stdlib import whole_stdlib
from site_build.cache import ArtifactCache
from site_build.paths import ASSETS_DIR, SCRIPT_SOURCES
from support.chromium import launch_options
from support.server import StaticSite
from support.site import ROOT, build_site

from .assessment_bench import (NetworkVisit, chosen_networks, cpu_seconds, interleaved_samples, megabytes, milliseconds, paired_ratio,
                               seconds, visit_kinds)
from .figures import machine_note, print_table
from .naive_page import UPSTREAM_STDLIB, add_lean_page


STDLIB = UPSTREAM_STDLIB.name
SOURCES = ROOT / SCRIPT_SOURCES


def without_snapshot(site_dir: Path, html: str) -> str:
    return re.sub(r'\s*data-snapshot-(url|sha256)="[^"]*"', "", html)


def without_early_start(site_dir: Path, html: str) -> str:
    # The element keeps the engine's addresses (engine-early.js reads them when the page imports it).
    return re.sub(r'<script type="module" async src="[^"]*engine-early\.js"', '<script type="application/json"', html)


def sources_beside(site_dir: Path) -> str:
    """The browser's source modules, as they are in the project, in a folder of the site beside the
    published ones (which hold only the bundles); returns the folder's name."""
    folder = site_dir / "assets" / "bench-sources"
    if not folder.exists():
        shutil.copytree(SOURCES, folder, ignore=shutil.ignore_patterns("build"))
    return folder.name


def worker_not_bundled(site_dir: Path, html: str) -> str:
    return html.replace("/assessment/engine-worker.js\"", f"/{sources_beside(site_dir)}/worker/engine-worker.js\"")


def page_not_bundled(site_dir: Path, html: str) -> str:
    # The head's script too: the page's modules share its state (the worker it started) by its address.
    folder = sources_beside(site_dir)
    for script in ("engine-early.js", "assessment.js"):
        html = html.replace(f"/assessment/{script}\"", f"/{folder}/page/{script}\"")
    return html


def with_library(make: Callable[[Path, Path], None]) -> Callable[[Path, str], str]:
    """A variant whose runtime folder is a copy with another standard library: `make(site's, target)`."""
    def edit(site_dir: Path, html: str) -> str:
        (runtime,) = (site_dir / ASSETS_DIR).glob("pyodide-*")
        copy = runtime.with_name(f"bench-{make.__name__.replace('_', '-')}")
        shutil.copytree(runtime, copy)
        make(runtime / STDLIB, copy / STDLIB)
        return html.replace(f"/{runtime.name}/", f"/{copy.name}/")
    return edit


def whole_library(cut: Path, target: Path) -> None:
    """The runtime's whole library, compiled as the build compiles the cut: the preview's (mkdocs serve)."""
    shutil.copyfile(whole_stdlib(ROOT, pyodide_runtime(ROOT), ArtifactCache.of_project(ROOT, "whole-stdlib")), target)


def cut_as_source(cut: Path, target: Path) -> None:
    """The cut library's files as the runtime ships them: source, compiled by Python on import."""
    with zipfile.ZipFile(cut) as compiled:
        wanted = {name.removesuffix("c") if name.endswith(".pyc") else name for name in compiled.namelist()}
    with zipfile.ZipFile(UPSTREAM_STDLIB) as whole, zipfile.ZipFile(target, "w") as source:
        for entry in whole.infolist():
            if entry.filename in wanted:
                source.writestr(entry, whole.read(entry), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


VARIANTS: dict[str, Callable[[Path, str], str]] = {
    "no snapshot": without_snapshot,
    "no early start": without_early_start,
    "worker not bundled": worker_not_bundled,
    "page not bundled": page_not_bundled,
    "library not cut": with_library(whole_library),
    "library not compiled": with_library(cut_as_source),
}


def add_variant(site_dir: Path, name: str, edit: Callable[[Path, str], str]) -> str:
    """A copy of the assessment page with one mechanism switched off; returns its path."""
    page = (site_dir / "assessment" / "index.html").read_text("utf-8")
    changed = edit(site_dir, page)
    if changed == page:
        raise RuntimeError(f"bench: the variant '{name}' changed nothing in assessment/index.html")
    folder = "bench-" + name.replace(" ", "-")
    (site_dir / folder).mkdir()
    (site_dir / folder / "index.html").write_text(changed, "utf-8")
    return folder + "/"


def visits_at(path: str, link: str) -> list[NetworkVisit]:
    return [NetworkVisit("plain", path, "", "assessment:engine-ready", answers_first=True),
            NetworkVisit("shared link", path, link, "assessment:result-shown")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ablation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--networks", default="loopback,50mbit,4g", help="emulated networks, as bench.assessment_bench takes them")
    parser.add_argument("--runs", type=int, default=3, help="rounds, each measuring every variant once (median)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="the mechanisms to switch off, comma-separated (default: all)")
    arguments = parser.parse_args(argv)
    names = [name.strip() for name in arguments.variants.split(",")]
    if unknown := [name for name in names if name not in VARIANTS]:
        parser.error(f"no such variant: {', '.join(unknown)} (there are: {', '.join(VARIANTS)})")
    variants = {name: VARIANTS[name] for name in names}
    print(machine_note("Boot ablation"), flush=True)
    bank = load_bank()
    link = next(visit.fragment for visit in visit_kinds(bank) if visit.name == "shared link")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = build_site(Path(folder) / "site")
        paths = {"page": "assessment/", "lean": add_lean_page(site_dir)}
        paths |= {name: add_variant(site_dir, name, edit) for name, edit in variants.items()}
        with StaticSite(site_dir, gzip=True) as site, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for network in chosen_networks(arguments.networks):
                for index, visit_name in enumerate(("plain", "shared link")):
                    samples = interleaved_samples(browser, site, network, {name: visits_at(path, link)[index] for name, path in paths.items()},
                                                  arguments.runs)
                    for mode in ("cold", "warm"):
                        page, lean = samples["page"][mode], samples["lean"][mode]
                        rows.append([network.name, visit_name, mode, seconds(page.median("time")), seconds(lean.median("time")),
                                     paired_ratio(page, lean), cpu_seconds(page, lean),
                                     *(milliseconds(max(samples[name][mode].values.get(figure, [0])))
                                       for figure in ("longest task beside the theme", "longest own script") for name in ("page", "lean")),
                                     milliseconds(max(page.values.get("longest theme script", [0]))),
                                     *(paired_ratio(samples[name][mode], page) for name in variants),
                                     megabytes(page.median("bytes")),
                                     *(megabytes(samples[name][mode].median("bytes")) for name in variants)])
                    print(f"  measured: {network.name}, {visit_name}", flush=True)
            browser.close()
    print_table(
        f"The page's boot with one mechanism off, medians of {arguments.runs} round(s), every variant once a round: until Python is ready (plain) or the"
        " result is shown (shared link); the longest main-thread task until then (and the two frames that draw it), the"
        " theme's scripts in it taken out, the longest of the page's own scripts (the theme's and the bench's left out), and"
        " the longest of the theme's, in any run; ratios are the median of each"
        " round's (from four rounds on, the middle half of them in brackets): page / lean, and each variant / the page (above"
        " 1.00x: what the mechanism gains); the CPU seconds the browser"
        " used until the mark (all its processes and threads); bytes sent (gzip).",
        ["network", "visit", "caches", "page", "lean", "page/lean", "CPU page / lean", "longest task page, theme out", "longest task lean, theme out",
         "own script page", "own script lean", "theme's script page",
         *(f"{name}/page" for name in variants),
         "bytes page", *(f"bytes {name}" for name in variants)],
        rows,
    )
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
