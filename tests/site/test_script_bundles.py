"""The engine's worker and each page's script are served as one file each, bundled at build from
their modules: a browser finds imports one level after another, each a round trip. The page's
bundle shares the head's engine-early.js by its address. A module that cannot be bundled fails the
build in one line naming the file and the place."""

import re

import pytest
from site_paths import ROOT

from assessment_runtime import ASSETS_DIR, WORKER_FILE, RuntimeMissing
from script_modules import STATIC_IMPORT, module_graph
from script_bundles import BUNDLER, ENTRY_POINTS, PUBLISHED_SCRIPTS, SHARED_MODULE, BundleFailed, bundle_scripts


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_each_served_script_is_one_file_holding_every_module_it_imports_but_the_shared_one(built_site, entry):
    served = (built_site / ASSETS_DIR / entry).read_text(encoding="utf-8")
    shared = set(module_graph(SHARED_MODULE))
    assert set(STATIC_IMPORT.findall(served)) <= {SHARED_MODULE}, f"{entry} still imports modules of its own"
    # esbuild heads each module's code with its source path.
    bundled = set(re.findall(r"^// overrides/assets/assessment/([\w.-]+)$", served, re.MULTILINE))
    assert bundled == set(module_graph(entry)) - shared


def test_the_site_publishes_only_the_scripts_a_page_loads(built_site):
    # Every other module is inside a bundle, or a build script that Node runs.
    published = {path.name for path in (built_site / ASSETS_DIR).iterdir() if path.suffix in {".js", ".mjs"}}
    assert published == PUBLISHED_SCRIPTS
    for page in ("assessment/index.html", "assessment/team/index.html"):
        html = (built_site / page).read_text("utf-8")
        loaded = set(re.findall(r'(?:src|data-worker-url)="[^"]*/assets/assessment/([\w.-]+\.js)"', html))
        assert loaded <= published and SHARED_MODULE in loaded and "engine-worker.js" in loaded


def test_the_pages_share_the_worker_their_head_started():
    # The head's script and the page's bundle must be one module instance: the worker it started.
    for page in ("assessment.js", "team.js"):
        assert SHARED_MODULE in module_graph(page)
    assert SHARED_MODULE not in module_graph("engine-worker.js")


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
    with pytest.raises(BundleFailed) as failure:
        bundle_scripts(project, project / "site")
    assert str(failure.value) == 'overrides/assets/assessment/engine-worker.js:1:21: Could not resolve "./missing.js"'


def test_a_syntax_error_fails_in_one_line_naming_the_file_and_place(tmp_path):
    project = project_with_worker(tmp_path, "const ready = true;\nconst = 1;\n")
    with pytest.raises(BundleFailed) as failure:
        bundle_scripts(project, project / "site")
    assert str(failure.value) == 'overrides/assets/assessment/engine-worker.js:2:6: Expected identifier but found "="'


def test_a_worker_that_bundles_is_written_in_its_place(tmp_path):
    project = project_with_worker(tmp_path, "self.postMessage(1);\n")
    bundle_scripts(project, project / "site")
    assert "self.postMessage(1);" in (project / "site" / WORKER_FILE).read_text(encoding="utf-8")


def test_a_missing_bundler_says_to_run_make_install(tmp_path):
    with pytest.raises(RuntimeMissing, match=r"^node_modules/\.bin/esbuild is missing: run `make install`$"):
        bundle_scripts(tmp_path, tmp_path / "site")
