"""The standard library the site serves: the runtime's, cut to the files the engine and the boot import.

Plain Python (no MkDocs). Which files those are is read, not kept by hand: Node boots the built
runtime the way a reader's browser does (`overrides/assets/assessment/used-stdlib.mjs`), installs
the engine, runs every path of it and lists what `sys.modules` then holds from the library. The
cut archive keeps those entries exactly as the runtime's archive has them, so the same inputs give
the same bytes; it is cached by everything it depends on. A restore from the snapshot reads no
library at all (snapshot-options.mjs); `mkdocs serve` serves the whole one, so an author's new
import works at once in the preview.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from assessment_package import EngineWheel
from assessment_runtime import LOCK_FILE, RUNTIME_FILES, STDLIB_FILE, STDLIB_TRACER, PyodideRuntime
from build_cache import ArtifactCache, content_key

STDLIB_TIMEOUT_S = 300


class StdlibFailed(RuntimeError):
    """Node could not say which files the engine imports: one line saying why."""


def cut_stdlib(root: Path, runtime: PyodideRuntime, wheel: EngineWheel, lock: dict, cache: ArtifactCache) -> Path:
    """The cut archive for this runtime and engine (`lock`: the site's lock file), made now if it
    is not cached."""
    tracer = (root / STDLIB_TRACER).read_bytes()
    name = f"{content_key(runtime.version, wheel.sha256, tracer, json.dumps(lock, sort_keys=True))}.zip"
    return cache.find(name) or cache.store(name, lambda target: write_cut(runtime.package_dir / STDLIB_FILE, traced_files(root, runtime, wheel, lock), target))


def traced_files(root: Path, runtime: PyodideRuntime, wheel: EngineWheel, lock: dict) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="stdlib-") as folder:
        return used_files(root, served_layout(runtime, wheel, lock, Path(folder)))


def served_layout(runtime: PyodideRuntime, wheel: EngineWheel, lock: dict, folder: Path) -> Path:
    """The runtime laid out as the site serves it, the whole library included, by links."""
    for name in RUNTIME_FILES:
        (folder / name).symlink_to(runtime.package_dir / name)
    (folder / wheel.path.name).symlink_to(wheel.path)
    (folder / LOCK_FILE).write_text(json.dumps(lock), "utf-8")
    return folder


def used_files(root: Path, runtime_dir: Path) -> list[str]:
    node = shutil.which("node")
    if node is None:
        raise StdlibFailed("Node.js is needed to build the site (see README, 'What a machine needs')")
    try:
        done = subprocess.run([node, str(root / STDLIB_TRACER), str(runtime_dir)], check=True,
                              capture_output=True, text=True, timeout=STDLIB_TIMEOUT_S)
    except subprocess.CalledProcessError as error:
        last_line = (error.stderr.strip() or "no output").splitlines()[-1]
        raise StdlibFailed(f"{STDLIB_TRACER} failed: {last_line}") from None
    except subprocess.TimeoutExpired:
        raise StdlibFailed(f"{STDLIB_TRACER} took more than {STDLIB_TIMEOUT_S} s") from None
    return done.stdout.split()


def write_cut(full: Path, used: list[str], target: Path) -> None:
    """The used entries, with the folders that hold them, as the runtime's archive has them."""
    with zipfile.ZipFile(full) as source:
        wanted = set(used) | {folder for name in used for folder in parent_folders(name)}
        with zipfile.ZipFile(target, "w") as cut:
            for entry in source.infolist():
                if entry.filename in wanted:
                    compression = zipfile.ZIP_STORED if entry.is_dir() else zipfile.ZIP_DEFLATED
                    cut.writestr(entry, source.read(entry), compress_type=compression, compresslevel=9)


def parent_folders(name: str) -> list[str]:
    parts = name.split("/")[:-1]
    return ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]
