"""The baseline: the same assessment page, but booting Pyodide the plain way, on the main thread.

Built next to the real page in the bench's temporary site (never shipped): same HTML, same runtime
files, same wheel; only the script differs. It sets the same performance marks as the real page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

NAIVE_FOLDER = "bench-naive"

NAIVE_SCRIPT = Path(__file__).with_name("naive-page.js")


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
    folder = site_dir / NAIVE_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(naive_page, "utf-8")
    shutil.copyfile(NAIVE_SCRIPT, folder / "naive.js")
    return NAIVE_FOLDER + "/"
