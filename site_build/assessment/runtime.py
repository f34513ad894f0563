"""Where the Pyodide runtime comes from and where the site serves it: paths and versions, nothing else.

Plain Python (no MkDocs): the assessment's plugin and the site's `_headers` (site/headers.py) ask it for the
layout; tests call it directly. The runtime is the npm package `pyodide`, pinned by package-lock.json.
"""

from __future__ import annotations

import functools
import gzip
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from site_build.paths import ASSETS_DIR, LOCK_FILE, RUNTIME_FILES, RUNTIME_LOADER

# How hosts (site/headers.py) and the preview (preview/server.py) let browsers keep the runtime's
# folder: for a year, unchecked, since its name carries the runtime's version.
RUNTIME_CACHING = "public, max-age=31536000, immutable"


class RuntimeMissing(RuntimeError):
    """The npm packages are not installed: one line saying what to run."""


@dataclass(frozen=True)
class PyodideRuntime:
    package_dir: Path  # node_modules/pyodide in the project
    version: str

    @property
    def site_dir(self) -> str:
        """Named after the runtime's version, so hosts may cache it for good (RUNTIME_CACHING)."""
        return f"{ASSETS_DIR}/pyodide-{self.version}"

    @property
    def entry_module(self) -> Path:
        return self.package_dir / RUNTIME_LOADER

    def upstream_lock(self) -> dict:
        return json.loads((self.package_dir / LOCK_FILE).read_text("utf-8"))

    def copy_into(self, site: Path) -> Path:
        """Copy the files the browser needs into the built site; returns the folder."""
        target = site / self.site_dir
        target.mkdir(parents=True, exist_ok=True)
        for name in RUNTIME_FILES:
            shutil.copyfile(self.package_dir / name, target / name)
        return target


# What hosts compress on the way (text-like types); archives, wheels and the gzipped snapshot go as they are.
COMPRESSED_BY_HOSTS = (".wasm", ".mjs", ".js", ".json")


def download_sizes(files: dict[str, Path]) -> dict[str, list[int]]:
    """For each file a boot may download, by the name the site serves it under: [its bytes as the
    browser hands them over (inflated), its bytes on the wire]. The page shows how far a boot's
    downloads are from them."""
    return {name: list(file_sizes(str(path), path.stat().st_mtime_ns)) for name, path in files.items()}


@functools.lru_cache(maxsize=16)
def file_sizes(path: str, modified_ns: int) -> tuple[int, int]:
    data = Path(path).read_bytes()
    on_the_wire = len(gzip.compress(data, compresslevel=6)) if path.endswith(COMPRESSED_BY_HOSTS) else len(data)
    return len(data), on_the_wire


def pyodide_runtime(root: Path) -> PyodideRuntime:
    package_dir = root / "node_modules" / "pyodide"
    try:
        version = json.loads((package_dir / "package.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise RuntimeMissing("node_modules/pyodide is missing or damaged: run `make install`") from None
    return PyodideRuntime(package_dir=package_dir, version=version)

