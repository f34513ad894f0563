"""The baselines: the same assessment page, but booting Pyodide the plain way, on the main thread.

Built next to the real page in the bench's temporary site (never shipped): same HTML, same runtime
files and wheel, and a plain script (naive-page.js: `loadPyodide`, `loadPackage` of the wheel,
import the engine) that sets the same performance marks as the real page. Two of them:

- lean: the site's own runtime files as the build serves them (the standard library cut to what
  the engine imports, compiled): what the simplest page built from this site would do;
- naive: the same, but with the whole standard library the runtime ships, compiled in the browser.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support.site import ROOT

NAIVE_FOLDER = "bench-naive"
LEAN_FOLDER = "bench-lean"

NAIVE_SCRIPT = Path(__file__).with_name("naive-page.js")
UPSTREAM_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"


def add_naive_page(site_dir: Path) -> str:
    """The naive baseline, written into the built site; returns its path relative to the site root."""
    return add_plain_page(site_dir, NAIVE_FOLDER, stdlib=UPSTREAM_STDLIB)


def add_lean_page(site_dir: Path) -> str:
    """The lean baseline (the site's own runtime files), written into the built site; returns its path."""
    return add_plain_page(site_dir, LEAN_FOLDER, stdlib=None)


def add_plain_page(site_dir: Path, folder_name: str, *, stdlib: Path | None) -> str:
    """A page booting the runtime plainly on its main thread, with the site's runtime files (and
    `stdlib` instead of the site's standard library, if given)."""
    real_page = (site_dir / "assessment" / "index.html").read_text("utf-8")
    # The page's own script tag, its attributes kept (async): only what it loads changes.
    plain_page, replaced = re.subn(
        r'<script type="module"( async)? src="[^"]*assessment\.js"></script>',
        r'<script type="module"\1 src="naive.js"></script>',
        real_page,
    )
    if replaced != 1:
        raise RuntimeError("bench: could not find the assessment script tag in assessment/index.html")
    # The page's head starts the engine itself: the baselines do not.
    plain_page, replaced = re.subn(r'<script type="module" async src="[^"]*engine-early\.js"[^>]*></script>', "", plain_page)
    if replaced != 1:
        raise RuntimeError("bench: could not find the engine's start script in assessment/index.html")
    plain_page, replaced = re.subn(r"<div ([^>]*)data-assessment", r'<div \1data-assessment data-runtime-url="runtime/"', plain_page, count=1)
    if replaced != 1:
        raise RuntimeError("bench: could not find the assessment's root element in assessment/index.html")
    folder = site_dir / folder_name
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(plain_page, "utf-8")
    (built_runtime,) = (site_dir / "assets" / "assessment").glob("pyodide-*")
    shutil.copytree(built_runtime, folder / "runtime", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.snapshot"))
    if stdlib is not None:
        shutil.copyfile(stdlib, folder / "runtime" / "python_stdlib.zip")
    shutil.copyfile(NAIVE_SCRIPT, folder / "naive.js")
    return folder_name + "/"
