"""The baseline: the same assessment page, but booting Pyodide the plain way, on the main thread.

Built next to the real page in the bench's temporary site (never shipped): same HTML, same runtime
files, same wheel; only the script differs. It sets the same performance marks as the real page.
"""

from __future__ import annotations

import re
from pathlib import Path

NAIVE_FOLDER = "bench-naive"
NO_SNAPSHOT_FOLDER = "bench-no-snapshot"

NAIVE_SCRIPT = """\
const root = document.querySelector("[data-assessment]");
const runtime = new URL(root.dataset.runtimeUrl, location.href).href;
const { loadPyodide } = await import(runtime + "pyodide.mjs");
const status = root.querySelector("[data-engine-status]");
const result = root.querySelector("[data-result]");
status.hidden = false;

const pyodide = await loadPyodide({
  indexURL: runtime,
  lockFileURL: runtime + "pyodide-lock.json",
});
await pyodide.loadPackage("coaching-timing");
const adapter = pyodide.pyimport("assessment.browser");
status.dataset.engineStatus = "ready";
performance.mark("assessment:engine-ready");

function show(answers) {
  const reply = JSON.parse(adapter.assess_json(JSON.stringify(answers)));
  result.dataset.recommended = reply.result.recommended;
  result.querySelector("[data-result-body]").textContent = reply.result.summary;
  result.hidden = false;
  performance.mark("assessment:result-shown");
}

if (location.hash.startsWith("#assessment=")) {
  const answers = Object.fromEntries(location.hash.slice(1).split("&").map((pair) => pair.split("=")));
  delete answers.assessment;
  delete answers.bank;
  show(answers);
}
"""


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
    (folder / "naive.js").write_text(NAIVE_SCRIPT, "utf-8")
    return NAIVE_FOLDER + "/"


def add_no_snapshot_page(site_dir: Path) -> str:
    """The real page without its memory snapshot: the worker boots CPython the normal way."""
    real_page = (site_dir / "assessment" / "index.html").read_text("utf-8")
    page = re.sub(r'\s*data-snapshot-(url|integrity)="[^"]*"', "", real_page)
    folder = site_dir / NO_SNAPSHOT_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(page, "utf-8")
    return NO_SNAPSHOT_FOLDER + "/"
