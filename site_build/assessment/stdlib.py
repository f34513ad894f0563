"""The standard library the site serves: the runtime's, cut to the files the engine and the boot
import, and compiled.

Plain Python (no MkDocs). Which files those are is read, not kept by hand: Node boots the built
runtime the way a reader's browser does (`scripts/build/used-stdlib.mjs`), installs
the engine, runs every path of it and lists what `sys.modules` then holds from the library. The
cut keeps those entries as the runtime's archive has them; then the runtime's own Python compiles
them to bytecode (`compile-stdlib.mjs`), which a normal boot would otherwise do in the reader's
browser, every visit. The same inputs give the same bytes; the archive is cached by everything it
depends on. A restore from the snapshot reads no library at all (snapshot-options.mjs); `mkdocs
serve` serves the whole library, compiled once per runtime (`whole_stdlib`), so an author's new
import works at once in the preview and no edit waits for Node.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from site_build.assessment.package import EngineWheel
from site_build.assessment.runtime import PyodideRuntime
from site_build.cache import ArtifactCache, content_key
from site_build.node import run_node
from site_build.paths import LOCK_FILE, RUNTIME_FILES, STDLIB_COMPILER, STDLIB_FILE, STDLIB_TRACER


def cut_stdlib(root: Path, runtime: PyodideRuntime, wheel: EngineWheel, lock: dict, cache: ArtifactCache) -> Path:
    """The cut archive for this runtime and engine (`lock`: the site's lock file), made now if it
    is not cached."""
    scripts = [(root / script).read_bytes() for script in (STDLIB_TRACER, STDLIB_COMPILER)]
    name = f"{content_key(runtime.version, wheel.sha256, *scripts, json.dumps(lock, sort_keys=True))}.zip"
    return cache.find(name) or cache.store(name, lambda target: write_compiled_cut(root, runtime, wheel, lock, target))


def whole_stdlib(root: Path, runtime: PyodideRuntime, cache: ArtifactCache) -> Path:
    """The runtime's whole library, compiled: for the preview, whatever the engine imports. (Kept
    apart from the cuts, one per engine, which would otherwise push it out of the cache.)"""
    name = f"{content_key(runtime.version, (root / STDLIB_COMPILER).read_bytes())}.zip"
    return cache.find(name) or cache.store(
        name, lambda target: run_node(root, STDLIB_COMPILER, str(runtime.entry_module), str(runtime.package_dir / STDLIB_FILE), str(target)))


def write_compiled_cut(root: Path, runtime: PyodideRuntime, wheel: EngineWheel, lock: dict, target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="stdlib-") as folder:
        used = run_node(root, STDLIB_TRACER, str(served_layout(runtime, wheel, lock, Path(folder)))).split()
        source = Path(folder) / "cut-source.zip"
        write_cut(runtime.package_dir / STDLIB_FILE, used, source)
        run_node(root, STDLIB_COMPILER, str(runtime.entry_module), str(source), str(target))


def served_layout(runtime: PyodideRuntime, wheel: EngineWheel, lock: dict, folder: Path) -> Path:
    """The runtime laid out as the site serves it, the whole library included, by links."""
    for name in RUNTIME_FILES:
        (folder / name).symlink_to(runtime.package_dir / name)
    (folder / wheel.path.name).symlink_to(wheel.path)
    (folder / LOCK_FILE).write_text(json.dumps(lock), "utf-8")
    return folder


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
