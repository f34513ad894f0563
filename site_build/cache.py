"""What the build makes once and keeps between builds: the engine's wheel, its memory snapshot, the
cut standard library and the theme's compiled templates. One cache, one set of rules for all of them.

Plain Python (no MkDocs). The cache lives outside the project, one folder per checkout, and one
folder per kind of artifact in it. Each artifact is named by a key made from everything it depends
on, so a changed input means a new name and nothing is ever stale; it is written beside and renamed
into place whole, so a build running at the same time never sees half of it; and only the newest
few of each kind are kept, so a long editing session does not fill the disk.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

KEPT = 3
# Names a folder to hold the cache instead of the checkout's own: copies of the project (the tests
# make them) then share what any of them made, each artifact still named by all it depends on.
SHARED_CACHE = "COACHING_TIMING_BUILD_CACHE"
# Names starting with a dot are the cache's own: a write in progress, or a marker that one is.
PRIVATE = "."


def content_key(*parts: bytes | str) -> str:
    """A short name for everything an artifact depends on (each part's length is hashed too, so
    ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ArtifactCache:
    """One kind of artifact (a folder of the cache), each file or folder in it named by its key."""

    folder: Path
    kept: int = KEPT

    @classmethod
    def of_project(cls, root: Path, kind: str) -> ArtifactCache:
        if shared := os.environ.get(SHARED_CACHE):
            return cls(Path(shared) / kind)
        checkout = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:10]
        return cls(Path(tempfile.gettempdir()) / f"coaching-timing-build-{checkout}" / kind)

    def path(self, name: str) -> Path:
        return self.folder / name

    def find(self, name: str) -> Path | None:
        """The artifact, if it was made; marked as in use, so pruning keeps it among the newest."""
        path = self.path(name)
        if not path.exists():
            return None
        os.utime(path)
        return path

    def newest(self, pattern: str) -> list[Path]:
        """The artifacts whose names match, newest first."""
        found = (path for path in self.folder.glob(pattern) if not path.name.startswith(PRIVATE))
        return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)

    def store(self, name: str, make: Callable[[Path], None]) -> Path:
        """`make(target)` writes the artifact (a file or a folder) at `target`, a path beside the
        cache's own; it is renamed into place whole, and the oldest beyond the kept few go."""
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.path(name)
        with tempfile.TemporaryDirectory(prefix=f"{PRIVATE}staging-", dir=self.folder) as staging:
            target = Path(staging) / name
            make(target)
            try:
                os.replace(target, final)
            except OSError:
                if not final.exists():  # not another build that got there first with the same bytes
                    raise
        self.prune()
        return final

    def prune(self) -> None:
        for old in self.newest("*")[self.kept:]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
