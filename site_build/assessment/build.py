"""What one build serves for the assessment, from the plain modules beside it: made or found once
per build, and copied into the site. Plain Python (no MkDocs): each step fails with its own
one-line error (BUILD_FAILURES), which the plugin turns into a failed build.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

from site_build.assessment.package import PackageBuildFailed, engine_wheel, site_lock
from site_build.assessment.runtime import RuntimeMissing, download_sizes, pyodide_runtime
from site_build.assessment.snapshot import make_snapshot
from site_build.assessment.stdlib import cut_stdlib, whole_stdlib
from site_build.cache import ArtifactCache
from site_build.assessment.bundles import BundleFailed, bundle_scripts
from site_build.node import NodeScriptFailed
from site_build.paths import LOCK_FILE, RUNTIME_FILES, SNAPSHOT_FILE, STDLIB_FILE

BUILD_FAILURES = (RuntimeMissing, PackageBuildFailed, NodeScriptFailed, BundleFailed)


class AssessmentBuild:
    """What one build serves for the assessment, each made or found once: the engine's wheel, its
    lock, the standard library and the snapshot. `serving`: the build is `mkdocs serve`'s, whose
    preview serves the whole library and no snapshot: an edit of the engine is usable after one
    normal boot, sooner than a new snapshot could be made (bench/README.md, "The author's preview")."""

    def __init__(self, root: Path, serving: bool) -> None:
        self.root, self.serving = root, serving
        self.runtime = pyodide_runtime(root)
        self.bank = None  # the bank as this build read it (by the plugin, once it knows the site's files)

    @functools.cached_property
    def wheel(self):
        return engine_wheel(self.root, ArtifactCache.of_project(self.root, "wheels"))

    @functools.cached_property
    def stdlib(self) -> Path:
        """Cut to what the engine imports; the preview keeps the whole library, so an author's new
        import works at once."""
        if self.serving:
            return whole_stdlib(self.root, self.runtime, ArtifactCache.of_project(self.root, "whole-stdlib"))
        return cut_stdlib(self.root, self.runtime, self.wheel, self.lock, ArtifactCache.of_project(self.root, "stdlib"))

    @functools.cached_property
    def snapshot(self):
        """None under serve."""
        if self.serving:
            return None
        return make_snapshot(self.root, self.runtime, self.wheel, ArtifactCache.of_project(self.root, "snapshots"))

    @functools.cached_property
    def lock(self) -> dict:
        """Read from the runtime's lock and the wheel's bytes once; the library's key and the site's
        lock file both use it."""
        return site_lock(self.runtime.upstream_lock(), self.wheel)

    def download_sizes(self) -> str:
        runtime, snapshot = self.runtime, self.snapshot
        return json.dumps(download_sizes({
            **{name: runtime.package_dir / name for name in RUNTIME_FILES},
            STDLIB_FILE: self.stdlib,
            self.wheel.path.name: self.wheel.path,
            **({SNAPSHOT_FILE: snapshot.path} if snapshot else {}),
        }))

    def copy_into(self, site: Path) -> None:
        bundle_scripts(self.root, site)
        folder = self.runtime.copy_into(site)
        shutil.copyfile(self.wheel.path, folder / self.wheel.path.name)
        (folder / LOCK_FILE).write_text(json.dumps(self.lock, indent=1, sort_keys=True), "utf-8")
        shutil.copyfile(self.stdlib, folder / STDLIB_FILE)
        if self.snapshot is not None:
            shutil.copyfile(self.snapshot.path, folder / SNAPSHOT_FILE)
