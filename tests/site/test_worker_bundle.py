"""The engine's worker is served as one file, bundled at build from its modules: a worker finds its
imports one level after another, each a round trip before the runtime's first request. A module
that cannot be bundled fails the build in one line naming the file and the place."""

import re

import pytest
from site_paths import ROOT

from assessment_runtime import WORKER_FILE, RuntimeMissing
from script_modules import STATIC_IMPORT, module_graph
from worker_bundle import BUNDLER, WorkerBundleFailed, bundle_worker


def test_the_served_worker_is_one_file_holding_every_module_it_imports(built_site):
    served = (built_site / WORKER_FILE).read_text(encoding="utf-8")
    assert STATIC_IMPORT.findall(served) == [], "the served worker still imports modules of its own"
    # esbuild heads each module's code with its source path.
    bundled = set(re.findall(r"^// overrides/assets/assessment/([\w.-]+)$", served, re.MULTILINE))
    assert bundled == set(module_graph("engine-worker.js"))


def project_with_worker(folder, source: str):
    """A project holding only a worker's source and the bundler."""
    (folder / "node_modules" / ".bin").mkdir(parents=True)
    (folder / BUNDLER).symlink_to(ROOT / BUNDLER)
    worker = folder / "overrides" / WORKER_FILE
    worker.parent.mkdir(parents=True)
    worker.write_text(source, encoding="utf-8")
    (folder / "site").mkdir()
    return folder


def test_an_import_that_is_not_there_fails_in_one_line_naming_the_file_and_place(tmp_path):
    project = project_with_worker(tmp_path, 'import { boot } from "./missing.js";\nboot();\n')
    with pytest.raises(WorkerBundleFailed) as failure:
        bundle_worker(project, project / "site")
    assert str(failure.value) == 'overrides/assets/assessment/engine-worker.js:1:21: Could not resolve "./missing.js"'


def test_a_syntax_error_fails_in_one_line_naming_the_file_and_place(tmp_path):
    project = project_with_worker(tmp_path, "const ready = true;\nconst = 1;\n")
    with pytest.raises(WorkerBundleFailed) as failure:
        bundle_worker(project, project / "site")
    assert str(failure.value) == 'overrides/assets/assessment/engine-worker.js:2:6: Expected identifier but found "="'


def test_a_worker_that_bundles_is_written_in_its_place(tmp_path):
    project = project_with_worker(tmp_path, "self.postMessage(1);\n")
    bundle_worker(project, project / "site")
    assert "self.postMessage(1);" in (project / "site" / WORKER_FILE).read_text(encoding="utf-8")


def test_a_missing_bundler_says_to_run_make_install(tmp_path):
    with pytest.raises(RuntimeMissing, match=r"^node_modules/\.bin/esbuild is missing: run `make install`$"):
        bundle_worker(tmp_path, tmp_path / "site")
