"""The engine's worker, served as one file. Its source is a dozen small modules (`engine-worker.js`
and what it imports), and a worker finds its modules one level of imports after another: on an
emulated 4G line the runtime's WebAssembly, the worker's first request, waited for three levels
(1.4 s into a cold visit).

Bundled at build time by esbuild, the npm package pinned by package-lock.json, once for each state
of the scripts (kept by the build's cache, as the wheel and the snapshot are: a rebuild under
`mkdocs serve` then costs no Node start). Plain Python (no MkDocs); a failure is one line naming
the file (WorkerBundleFailed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from assessment_runtime import WORKER_FILE, RuntimeMissing
from build_cache import ArtifactCache, content_key

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
    cache = ArtifactCache.of_project(root, "workers")
    name = f"{bundle_key(root, bundler)}.js"
    bundle = cache.find(name) or cache.store(name, lambda target: run_bundler(root, bundler, target))
    served = site / WORKER_FILE
    served.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, served)


def bundle_key(root: Path, bundler: Path) -> str:
    """What a bundle depends on: the bundler's version and every script beside the worker (a
    superset of the modules it imports, which a missing import leaves for esbuild to name)."""
    package = Path(os.path.realpath(bundler)).parents[1] / "package.json"  # .bin/esbuild -> esbuild/bin/esbuild
    scripts = sorted(path for path in (root / WORKER_SOURCE).parent.iterdir() if path.suffix in {".js", ".mjs"})
    return content_key(json.loads(package.read_text("utf-8"))["version"], *(part for path in scripts for part in (path.name, path.read_bytes())))


def run_bundler(root: Path, bundler: Path, target: Path) -> None:
    command = [str(bundler), WORKER_SOURCE, "--bundle", "--format=esm", f"--outfile={target}", "--log-level=error"]
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
