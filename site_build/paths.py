"""Where things are: the project's files the build reads, and the names the site serves them under.

One owner for each name. What the browser needs of them, the assessment's pages are handed by the
build (site_build/assessment/plugin.py), as they are the link rules.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

# In the project.
ENGINE_PACKAGE = "assessment"
BANK_FILE = f"{ENGINE_PACKAGE}/bank.toml"
SCRIPT_SOURCES = "scripts"
# Run at build time by Node, never served: they boot the runtime as the worker does (the snapshot
# maker shares its private options, scripts/shared/snapshot-options.mjs), to make the snapshot and
# to find and compile the files of the standard library the engine uses.
SNAPSHOT_MAKER = f"{SCRIPT_SOURCES}/build/make-snapshot.mjs"
STDLIB_TRACER = f"{SCRIPT_SOURCES}/build/used-stdlib.mjs"
STDLIB_COMPILER = f"{SCRIPT_SOURCES}/build/compile-stdlib.mjs"

# In the site.
ASSETS_DIR = "assets/assessment"
WORKER_FILE = f"{ASSETS_DIR}/engine-worker.js"
# In the runtime's folder (its name carries the runtime's version: runtime.py).
STDLIB_FILE = "python_stdlib.zip"
LOCK_FILE = "pyodide-lock.json"
SNAPSHOT_FILE = "engine.snapshot"
RUNTIME_LOADER = "pyodide.mjs"
RUNTIME_MODULE = "pyodide.asm.mjs"
RUNTIME_WASM = "pyodide.asm.wasm"
# Only what the boot fetches; the rest of the npm package (console pages, maps, types) stays out.
RUNTIME_FILES = (RUNTIME_LOADER, RUNTIME_MODULE, RUNTIME_WASM, STDLIB_FILE)
# The names the engine's worker asks for, as the page hands them to it (engine-early.js).
WORKER_FILE_NAMES = {"loader": RUNTIME_LOADER, "runtimeModule": RUNTIME_MODULE, "wasm": RUNTIME_WASM,
                     "stdlib": STDLIB_FILE, "snapshot": SNAPSHOT_FILE}


def project_root(config) -> Path:
    """The project's folder: the one holding the configuration file MkDocs read."""
    return Path(config.config_file_path).resolve().parent


def base_path(config) -> str:
    """The site's path on its host: "/", or a sub-path like "/coaching/" (from `site_url`)."""
    return urlsplit(config.site_url or "/").path or "/"
