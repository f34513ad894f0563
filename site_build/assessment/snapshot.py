"""The engine's memory snapshot: made by Node with the pinned runtime, cached by everything it depends on.

Plain Python (no MkDocs). The work is done by `scripts/build/make-snapshot.mjs` (which shares
the worker's private-option module); this module runs it when the engine
or the maker changed. A built site always ships the snapshot that matches its engine; `mkdocs
serve` makes none (its pages boot normally: see build.py).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from site_build.assessment.package import EngineWheel
from site_build.assessment.runtime import PyodideRuntime
from site_build.cache import KEPT, ArtifactCache, content_key
from site_build.node import run_node
from site_build.paths import SNAPSHOT_MAKER


@dataclass(frozen=True)
class EngineSnapshot:
    path: Path
    sha256: str
    # Of the inflated bytes: what the browser keeps in its cache, checked again each time it is read.
    inflated_sha256: str


def maker_key(root: Path, runtime: PyodideRuntime) -> str:
    """What a snapshot depends on besides the engine: the runtime and the scripts that make it (the
    maker and the Node modules it may import, the shared `.mjs` ones; not the other build scripts)."""
    maker = root / SNAPSHOT_MAKER
    shared = sorted((maker.parent.parent / "shared").glob("*.mjs"))
    return content_key(runtime.version, *(path.read_bytes() for path in (maker, *shared)))


def snapshot_name(root: Path, runtime: PyodideRuntime, wheel: EngineWheel) -> str:
    """Named by everything it depends on: any change, a new snapshot."""
    return f"{maker_key(root, runtime)}-{wheel.sha256[:16]}.snapshot"


def ready_snapshot(path: Path | None) -> EngineSnapshot | None:
    if path is None:
        return None
    found = path.stat()
    return EngineSnapshot(path, *snapshot_digests(str(path), found.st_ino, found.st_size))


@functools.lru_cache(maxsize=KEPT)
def snapshot_digests(path: str, inode: int, size: int) -> tuple[str, str]:
    """The sha256 of the file and of its inflated bytes: a third of a second, once per file rather
    than on every page and rebuild that names it (a snapshot file is written once, by rename)."""
    gzipped = Path(path).read_bytes()
    return hashlib.sha256(gzipped).hexdigest(), hashlib.sha256(gzip.decompress(gzipped)).hexdigest()


def make_snapshot(root: Path, runtime: PyodideRuntime, wheel: EngineWheel, cache: ArtifactCache) -> EngineSnapshot:
    """The snapshot for this engine, made now if it is not cached."""
    name = snapshot_name(root, runtime, wheel)

    def make(target: Path) -> None:
        run_node(root, SNAPSHOT_MAKER, str(runtime.entry_module), str(wheel.path), str(target))

    return ready_snapshot(cache.find(name) or cache.store(name, make))
