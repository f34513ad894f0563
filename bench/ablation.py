"""What each mechanism of the page's boot gains: the page with one mechanism switched off at a time,
beside the page as built and the lean baseline (bench/naive_page.py), in the same run, on emulated
networks, cold and warm.

Each variant is a copy of the built assessment page, one level deep like the page itself (so its
relative addresses hold), with one mechanism taken out of its HTML:

- no snapshot: the page is not told where the memory snapshot is, so every visit boots normally;
- no early start: the head no longer starts the engine's worker; the page's modules start it.

(The page's module preloads were switched off here too, and went: 0 to 3 % on 50 Mbit/s and 4G.)

A ratio above 1.00x (variant / page) is what the mechanism gains: the page is that much slower
without it. Mechanisms a copy of the HTML cannot switch off (the worker itself, the worker's bundle,
the cut and the compiled library, the preview's engine swap) need a build of their own: not yet here.

    python -m bench.ablation [--networks loopback,50mbit,4g] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from assessment import load_bank
from support.chromium import launch_options
from support.server import StaticSite
from support.site import build_site

from .assessment_bench import NetworkVisit, chosen_networks, megabytes, network_samples, seconds, visit_kinds
from .figures import machine_note, print_table, ratio
from .naive_page import add_lean_page


def without_snapshot(html: str) -> str:
    return re.sub(r'\s*data-snapshot-(url|sha256)="[^"]*"|\s*data-snapshot-every-visit', "", html)


def without_early_start(html: str) -> str:
    # The element keeps the engine's addresses (engine-early.js reads them when the page imports it).
    return re.sub(r'<script type="module" async src="[^"]*engine-early\.js"', '<script type="application/json"', html)


VARIANTS: dict[str, Callable[[str], str]] = {
    "no snapshot": without_snapshot,
    "no early start": without_early_start,
}


def add_variant(site_dir: Path, name: str, edit: Callable[[str], str]) -> str:
    """A copy of the assessment page with one mechanism switched off; returns its path."""
    page = (site_dir / "assessment" / "index.html").read_text("utf-8")
    changed = edit(page)
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
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    arguments = parser.parse_args(argv)
    print(machine_note("Boot ablation"), flush=True)
    bank = load_bank()
    link = next(visit.fragment for visit in visit_kinds(bank) if visit.name == "shared link")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site_dir = build_site(Path(folder) / "site")
        paths = {"page": "assessment/", "lean": add_lean_page(site_dir)}
        paths |= {name: add_variant(site_dir, name, edit) for name, edit in VARIANTS.items()}
        with StaticSite(site_dir, gzip=True) as site, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for network in chosen_networks(arguments.networks):
                for index, visit_name in enumerate(("plain", "shared link")):
                    samples = {name: network_samples(browser, site, network, visits_at(path, link)[index], arguments.runs)
                               for name, path in paths.items()}
                    for mode in ("cold", "warm"):
                        page = samples["page"][mode].median("time")
                        rows.append([network.name, visit_name, mode, seconds(page), seconds(samples["lean"][mode].median("time")),
                                     ratio(page, samples["lean"][mode].median("time")),
                                     *(ratio(samples[name][mode].median("time"), page) for name in VARIANTS),
                                     megabytes(samples["page"][mode].median("bytes")),
                                     *(megabytes(samples[name][mode].median("bytes")) for name in VARIANTS)])
                    print(f"  measured: {network.name}, {visit_name}", flush=True)
            browser.close()
    print_table(
        f"The page's boot with one mechanism off, medians of {arguments.runs} run(s): until Python is ready (plain) or the"
        " result is shown (shared link); each variant / the page (above 1.00x: what the mechanism gains); bytes sent (gzip).",
        ["network", "visit", "caches", "page", "lean", "page/lean", *(f"{name}/page" for name in VARIANTS),
         "bytes page", *(f"bytes {name}" for name in VARIANTS)],
        rows,
    )
    print(f"\nLoad average at end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
