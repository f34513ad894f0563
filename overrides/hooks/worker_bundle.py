"""The engine's worker, served as one file. Its source is a dozen small modules (`engine-worker.js`
and what it imports), and a worker finds its modules one level of imports after another: on an
emulated 4G line the runtime's WebAssembly, the worker's first request, waited for three levels
(1.4 s into a cold visit). The page's own modules are preloaded instead (script_modules.py): a
worker cannot use the page's preloads.

Bundled at build time by esbuild, the npm package pinned by package-lock.json. Plain Python (no
MkDocs); a failure is one line naming the file (WorkerBundleFailed).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from assessment_runtime import WORKER_FILE, RuntimeMissing

BUNDLER = "node_modules/.bin/esbuild"
WORKER_SOURCE = f"overrides/{WORKER_FILE}"
BUNDLE_TIMEOUT_S = 60


class WorkerBundleFailed(RuntimeError):
    """The worker's modules could not be bundled (a missing module, a syntax error): one line."""


def bundle_worker(root: Path, site: Path) -> None:
    """Writes the worker and everything it imports into the site's worker file, in its place."""
    bundler = root / BUNDLER
    if not bundler.exists():
        raise RuntimeMissing(f"{BUNDLER} is missing: run `make install`")
    command = [str(bundler), WORKER_SOURCE, "--bundle", "--format=esm", f"--outfile={site / WORKER_FILE}", "--log-level=error"]
    try:
        subprocess.run(command, cwd=root, check=True, capture_output=True, text=True, timeout=BUNDLE_TIMEOUT_S)
    except subprocess.CalledProcessError as error:
        raise WorkerBundleFailed(first_error(error.stderr)) from None
    except subprocess.TimeoutExpired:
        raise WorkerBundleFailed(f"{WORKER_SOURCE}: bundling took more than {BUNDLE_TIMEOUT_S} s") from None


def first_error(output: str) -> str:
    """esbuild's first error, on one line, after the place it names: `✘ [ERROR] Could not resolve
    "./x.js"` is followed, a blank line on, by `path:line:column:`."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    error = next((index for index, line in enumerate(lines) if "[ERROR]" in line), None)
    if error is None:
        return f"{WORKER_SOURCE}: esbuild failed ({lines[0] if lines else 'no message'})"
    message = lines[error].split("[ERROR]", 1)[1].strip()
    place = lines[error + 1] if error + 1 < len(lines) and lines[error + 1].endswith(":") else f"{WORKER_SOURCE}:"
    return f"{place} {message}"
