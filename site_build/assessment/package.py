"""The engine as a package the browser installs: a wheel built by the standard builder, and its lock entry.

Plain Python (no MkDocs). The wheel is built by pypa `build` (setuptools, no isolation, so no
network) from a copy of the sources, with SOURCE_DATE_EPOCH fixed: the same sources always give
the same bytes, hence the same sha256 in the lock. Its version carries a hash of the sources
(`0.1.0+src1a2b3c...`), so a changed engine gets a new file name and no browser cache can hand back
an old wheel that would fail the lock's sha256 check.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import build
import pyproject_hooks

from site_build.cache import ArtifactCache, content_key
from site_build.paths import ENGINE_PACKAGE

# What the wheel is built from: the project file and the engine (no README: see pyproject.toml).
BUILD_INPUTS = ("pyproject.toml",)
ENGINE_SUFFIXES = {".py", ".toml"}
# Zip entries dated 1980-01-01, the earliest date a zip file can hold.
SOURCE_DATE_EPOCH = "315532800"


class PackageBuildFailed(RuntimeError):
    """The standard builder refused the engine: its last line says why."""


@dataclass(frozen=True)
class EngineWheel:
    path: Path
    sha256: str
    name: str  # distribution name, e.g. coaching-timing
    version: str


def engine_sources(root: Path) -> list[tuple[str, bytes]]:
    """The files the wheel is built from, by path from the project root, in a stable order."""
    engine = sorted(
        path for path in (root / ENGINE_PACKAGE).rglob("*")
        if path.is_file() and path.suffix in ENGINE_SUFFIXES and "__pycache__" not in path.parts
    )
    return [(path.relative_to(root).as_posix(), path.read_bytes()) for path in [*(root / name for name in BUILD_INPUTS), *engine]]


def engine_wheel(root: Path, cache: ArtifactCache) -> EngineWheel:
    """The wheel of the engine as it is on disk now; built once per distinct source tree (the
    version names the tree, and the cache keeps one folder per version)."""
    sources = engine_sources(root)
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    version = f"{project['version']}+src{content_key(*(part for source in sources for part in source))[:12]}"
    folder = cache.find(version) or cache.store(version, lambda target: build_wheel(sources, project["version"], version, target))
    path = next(folder.glob("*.whl"))
    return EngineWheel(path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest(), name=project["name"], version=version)


def build_wheel(sources: list[tuple[str, bytes]], version: str, labelled_version: str, folder: Path) -> None:
    """The wheel, alone in `folder`."""
    with tempfile.TemporaryDirectory(prefix="engine-build-") as scratch:
        tree = Path(scratch) / "source"
        for relative, data in sources:
            (tree / relative).parent.mkdir(parents=True, exist_ok=True)
            (tree / relative).write_bytes(data)
        project_file = tree / "pyproject.toml"
        text = project_file.read_text("utf-8")
        stated = f'version = "{version}"'
        if text.count(stated) != 1:
            raise PackageBuildFailed(f"pyproject.toml: expected exactly one line {stated}")
        project_file.write_text(text.replace(stated, f'version = "{labelled_version}"'), "utf-8")
        try:
            # pypa build's own API, without isolation: only the backend gets a process of its own.
            built = Path(build.ProjectBuilder(tree, runner=reproducible_runner).build("wheel", Path(scratch) / "dist"))
        except build.BuildBackendException as error:
            output = getattr(error.exception, "stderr", None) or getattr(error.exception, "output", None) or b""
            last_line = (output.decode(errors="replace").strip() or str(error)).splitlines()[-1]
            raise PackageBuildFailed(f"building the engine's wheel failed: {last_line}") from None
        folder.mkdir()
        shutil.move(built, folder / built.name)


def reproducible_runner(command, cwd=None, extra_environ=None):
    """Runs the build backend quietly, with every file dated SOURCE_DATE_EPOCH inside the wheel."""
    environment = {**(extra_environ or {}), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    pyproject_hooks.quiet_subprocess_runner(command, cwd=cwd, extra_environ=environment)


def import_engine(root: Path):
    """The engine as it is on disk now, from this project: `mkdocs serve` re-imports it after every edit."""
    for name in [name for name in sys.modules if name == ENGINE_PACKAGE or name.startswith(ENGINE_PACKAGE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module(ENGINE_PACKAGE)
    finally:
        sys.path.remove(str(root))


def site_lock(upstream_lock: dict, wheel: EngineWheel) -> dict:
    """The runtime's lock file reduced to the one package the site serves: ours, pinned by sha256."""
    from pyodide_lock.spec import PackageSpec
    from pyodide_lock.utils import update_package_sha256

    spec = PackageSpec(
        name=wheel.name,
        version=wheel.version,
        file_name=wheel.path.name,
        install_dir="site",
        imports=[ENGINE_PACKAGE],
        depends=[],
    )
    spec = update_package_sha256(spec, wheel.path)
    # Keep the runtime's own `info` verbatim: the loader checks its ABI version against itself.
    return {"info": upstream_lock["info"], "packages": {spec.name: spec.model_dump()}}
