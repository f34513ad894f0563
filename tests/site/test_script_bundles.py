"""The engine's worker and each page's script are served as one file each, bundled at build from
their modules: a browser finds imports one level after another, each a round trip. The page's
bundle shares the head's engine-early.js by its address. A module that cannot be bundled fails the
build in one line naming the file and the place."""

import re
from pathlib import Path

import pytest
from site_paths import ROOT

from site_build.assessment.bundles import BUNDLER, ENTRY_POINTS, PUBLISHED_SCRIPTS, SHARED_MODULE, BundleFailed, bundle_scripts
from site_build.assessment.runtime import RuntimeMissing
from site_build.paths import ASSETS_DIR, SCRIPT_SOURCES, WORKER_FILE

# A static import or re-export (over several lines too): `import ... from "./x.js";`.
STATIC_IMPORT = re.compile(r'^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)";', re.MULTILINE)
SHARED = "./" + Path(SHARED_MODULE).name


def served(built_site, entry: str) -> str:
    return (built_site / ASSETS_DIR / Path(entry).name).read_text(encoding="utf-8")


def bundled_modules(text: str) -> set[str]:
    """The source modules a bundle holds: esbuild heads each one's code with its path."""
    return set(re.findall(rf"^// {SCRIPT_SOURCES}/([\w./-]+)$", text, re.MULTILINE))


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_each_served_script_is_one_file_importing_nothing_but_the_shared_module(built_site, entry):
    text = served(built_site, entry)
    assert set(STATIC_IMPORT.findall(text)) <= {SHARED}, f"{entry} still imports modules of its own"
    modules = bundled_modules(text)
    assert entry in modules and SHARED_MODULE not in modules
    assert all((ROOT / SCRIPT_SOURCES / module).is_file() for module in modules)


def test_page_and_worker_bundles_hold_their_own_modules(built_site):
    worker = bundled_modules(served(built_site, WORKER_FILE))
    for page in ("page/assessment.js", "page/team.js"):
        modules = bundled_modules(served(built_site, page))
        assert not any(module.startswith("worker/") for module in modules), "the worker's modules are the worker's"
        assert "shared/boot-stages.js" in modules & worker, "the stage names the page and the worker exchange"
    assert not any(module.startswith("page/") for module in worker)


def test_the_site_publishes_only_the_scripts_a_page_loads(built_site):
    # Every other module is inside a bundle, or a build script that Node runs.
    published = {path.name for path in (built_site / ASSETS_DIR).iterdir() if path.suffix in {".js", ".mjs"}}
    assert published == PUBLISHED_SCRIPTS
    for page in ("assessment/index.html", "assessment/team/index.html"):
        html = (built_site / page).read_text("utf-8")
        loaded = set(re.findall(r'(?:src|data-worker-url)="[^"]*/assets/assessment/([\w.-]+\.js)"', html))
        assert loaded <= published and Path(SHARED_MODULE).name in loaded and "engine-worker.js" in loaded


def test_the_pages_share_the_worker_their_head_started(built_site):
    # The head's script and the page's bundle must be one module instance: the worker it started.
    for page in ("page/assessment.js", "page/team.js"):
        assert SHARED in STATIC_IMPORT.findall(served(built_site, page))
    assert SHARED not in STATIC_IMPORT.findall(served(built_site, WORKER_FILE))


def project_with_worker(folder, source: str):
    """A project holding only a worker's source, the head's script and the bundler."""
    (folder / "node_modules" / ".bin").mkdir(parents=True)
    (folder / BUNDLER).symlink_to(ROOT / BUNDLER)
    for script, text in ((ENTRY_POINTS[0], source), (SHARED_MODULE, "")):  # the worker, the head's script
        (folder / SCRIPT_SOURCES / script).parent.mkdir(parents=True, exist_ok=True)
        (folder / SCRIPT_SOURCES / script).write_text(text, encoding="utf-8")
    (folder / "site").mkdir()
    return folder


def test_an_import_that_is_not_there_fails_in_one_line_naming_the_file_and_place(tmp_path):
    project = project_with_worker(tmp_path, 'import { boot } from "./missing.js";\nboot();\n')
    with pytest.raises(BundleFailed) as failure:
        bundle_scripts(project, project / "site")
    assert str(failure.value) == 'scripts/worker/engine-worker.js:1:21: Could not resolve "./missing.js"'


def test_a_syntax_error_fails_in_one_line_naming_the_file_and_place(tmp_path):
    project = project_with_worker(tmp_path, "const ready = true;\nconst = 1;\n")
    with pytest.raises(BundleFailed) as failure:
        bundle_scripts(project, project / "site")
    assert str(failure.value) == 'scripts/worker/engine-worker.js:2:6: Expected identifier but found "="'


def test_a_worker_that_bundles_is_written_in_its_place(tmp_path):
    project = project_with_worker(tmp_path, "self.postMessage(1);\n")
    bundle_scripts(project, project / "site")
    assert "self.postMessage(1);" in (project / "site" / WORKER_FILE).read_text(encoding="utf-8")


def test_a_missing_bundler_says_to_run_make_install(tmp_path):
    with pytest.raises(RuntimeMissing, match=r"^node_modules/\.bin/esbuild is missing: run `make install`$"):
        bundle_scripts(tmp_path, tmp_path / "site")
