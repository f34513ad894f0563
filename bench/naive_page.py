"""The baseline: the same assessment page, but booting Pyodide the plain way, on the main thread.

Built next to the real page in the bench's temporary site (never shipped): same HTML, same runtime
files and wheel, except the standard library, which is the whole one the runtime ships (the site
serves it cut to what the engine imports); the script differs. It sets the same performance marks
as the real page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support.site import ROOT

NAIVE_FOLDER = "bench-naive"

NAIVE_SCRIPT = Path(__file__).with_name("naive-page.js")
UPSTREAM_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"


def add_naive_page(site_dir: Path) -> str:
    """Write the baseline page into the built site; returns its path relative to the site root."""
    real_page = (site_dir / "assessment" / "index.html").read_text("utf-8")
    naive_page, replaced = re.subn(
        r'<script type="module" src="[^"]*assessment\.js"></script>',
        '<script type="module" src="naive.js"></script>',
        real_page,
    )
    if replaced != 1:
        raise RuntimeError("bench: could not find the assessment script tag in assessment/index.html")
    # The page's head starts the engine itself: the baseline does not.
    naive_page, replaced = re.subn(r'<script type="module" async src="[^"]*engine-early\.js"[^>]*></script>', "", naive_page)
    if replaced != 1:
        raise RuntimeError("bench: could not find the engine's start script in assessment/index.html")
    naive_page, replaced = re.subn(r"<div ([^>]*)data-assessment", r'<div \1data-assessment data-runtime-url="runtime/"', naive_page, count=1)
    if replaced != 1:
        raise RuntimeError("bench: could not find the assessment's root element in assessment/index.html")
    folder = site_dir / NAIVE_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(naive_page, "utf-8")
    (built_runtime,) = (site_dir / "assets" / "assessment").glob("pyodide-*")
    shutil.copytree(built_runtime, folder / "runtime", dirs_exist_ok=True)
    shutil.copyfile(UPSTREAM_STDLIB, folder / "runtime" / "python_stdlib.zip")
    shutil.copyfile(NAIVE_SCRIPT, folder / "naive.js")
    return NAIVE_FOLDER + "/"
