"""The browser's scripts, each page's and the engine's worker's, served as one file each. Their
sources are small modules in `scripts/` (`page/assessment.js`, `page/team.js`,
`worker/engine-worker.js` and what they import), and a browser finds modules one level of imports
after another, each a round trip: on an emulated 4G line the runtime's WebAssembly, the worker's
first request, waited for three levels (1.4 s into a cold visit), and a returning visit
revalidated the page's modules level by level.

`engine-early.js` stays a module of its own: the page's head runs it to start the worker, and the
page's bundle imports it by the same address, so both share the worker it started.

Bundled at build time by esbuild, the npm package pinned by package-lock.json, once for each state
of the scripts (kept by the build's cache, as the wheel and the snapshot are: a rebuild under
`mkdocs serve` then costs no Node start). Plain Python (no MkDocs); a failure is one line naming
the file (BundleFailed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from site_build.assessment.runtime import RuntimeMissing
from site_build.cache import ArtifactCache, content_key
from site_build.paths import ASSETS_DIR, SCRIPT_SOURCES

BUNDLER = "node_modules/.bin/esbuild"
# Under SCRIPT_SOURCES; each is served under its own name in the site's assets folder.
ENTRY_POINTS = ("worker/engine-worker.js", "page/assessment.js", "page/team.js")
SHARED_MODULE = "page/engine-early.js"
# What the site publishes of the browser's sources: every other module is inside a bundle.
PUBLISHED_SCRIPTS = frozenset(Path(script).name for script in (*ENTRY_POINTS, SHARED_MODULE))
BUNDLE_TIMEOUT_S = 60


class BundleFailed(RuntimeError):
    """The scripts could not be bundled (a missing module, a syntax error): one line."""


def bundle_scripts(root: Path, site: Path) -> None:
    """Writes each entry point with everything it imports, and the shared module, into the site's
    assets folder."""
    bundler = root / BUNDLER
    if not bundler.exists():
        raise RuntimeMissing(f"{BUNDLER} is missing: run `make install`")
    cache = ArtifactCache.of_project(root, "bundles")
    name = bundle_key(root, bundler)
    bundles = cache.find(name) or cache.store(name, lambda target: run_bundler(root, bundler, target))
    served = site / ASSETS_DIR
    served.mkdir(parents=True, exist_ok=True)
    for bundle in bundles.iterdir():
        shutil.copyfile(bundle, served / bundle.name)
    shutil.copyfile(root / SCRIPT_SOURCES / SHARED_MODULE, served / Path(SHARED_MODULE).name)


def bundle_key(root: Path, bundler: Path) -> str:
    """What the bundles depend on: the bundler's version and every script of the sources (a
    superset of the modules they import, which a missing import leaves for esbuild to name)."""
    package = Path(os.path.realpath(bundler)).parents[1] / "package.json"  # .bin/esbuild -> esbuild/bin/esbuild
    sources = root / SCRIPT_SOURCES
    scripts = sorted(path for path in sources.rglob("*") if path.suffix in {".js", ".mjs"})
    return content_key(json.loads(package.read_text("utf-8"))["version"], *ENTRY_POINTS,
                       *(part for path in scripts for part in (path.relative_to(sources).as_posix(), path.read_bytes())))


def run_bundler(root: Path, bundler: Path, target: Path) -> None:
    entries = [f"{SCRIPT_SOURCES}/{entry}" for entry in ENTRY_POINTS if (root / SCRIPT_SOURCES / entry).exists()]
    # One folder of bundles, each named after its entry point; the shared module stays an import
    # (its address beside the bundles is the one the page's head loads).
    command = [str(bundler), *entries, "--bundle", "--format=esm", f"--outdir={target}", "--entry-names=[name]",
               f"--external:./{Path(SHARED_MODULE).name}", "--log-level=error"]
    try:
        subprocess.run(command, cwd=root, check=True, capture_output=True, text=True, timeout=BUNDLE_TIMEOUT_S)
    except subprocess.CalledProcessError as error:
        raise BundleFailed(first_error(error.stderr)) from None
    except subprocess.TimeoutExpired:
        raise BundleFailed(f"{SCRIPT_SOURCES}: bundling took more than {BUNDLE_TIMEOUT_S} s") from None


def first_error(output: str) -> str:
    """esbuild's first error, on one line, after the place it names: `✘ [ERROR] Could not resolve
    "./x.js"` is followed, a blank line on, by `path:line:column:`."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    error = next((index for index, line in enumerate(lines) if "[ERROR]" in line), None)
    if error is None:
        return f"{SCRIPT_SOURCES}: esbuild failed ({lines[0] if lines else 'no message'})"
    message = lines[error].split("[ERROR]", 1)[1].strip()
    place = lines[error + 1] if error + 1 < len(lines) and lines[error + 1].endswith(":") else f"{SCRIPT_SOURCES}:"
    return f"{place} {message}"
