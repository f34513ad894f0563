"""MkDocs glue for the self-assessment page: the work is done by plain modules beside this one.

- `assessment_runtime.py`: where the Pyodide runtime comes from and where the site serves it;
- `assessment_package.py`: the engine as a wheel (standard builder) and its lock entry;
- `assessment_snapshot.py`: the memory snapshot, made by `overrides/assets/assessment/make-snapshot.mjs`;
- `assessment_stdlib.py`: the standard library cut to what the engine imports (`used-stdlib.mjs`).

State: `mkdocs serve` and `mkdocs build` differ in two things, both for an author's quick preview:
serve makes the snapshot in the background (build waits for it), and its pages boot every visit
from a snapshot (on the author's own machine its bytes cost nothing; see engine-client.js). MkDocs
says which command runs only in `on_startup`; `_serving` keeps it and is set anew at every start.
`_bank` is the bank as this build read it, once, in `on_files` (set anew for every build), so the
pages that need it do not each re-import the engine.
Everything else is read from the config or from the files on disk.
"""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from assessment_package import BANK_FILE, ENGINE_PACKAGE, FORGET_ENGINE, PackageBuildFailed, engine_wheel, import_engine, site_lock
from assessment_runtime import BUILD_SCRIPTS, LOCK_FILE, RUNTIME_FILES, STDLIB_FILE, WORKER_FILE, RuntimeMissing, download_sizes, pyodide_runtime
from assessment_snapshot import SNAPSHOT_NAME, SnapshotFailed, make_snapshot, snapshot_soon
from assessment_stdlib import StdlibFailed, cut_stdlib
from build_cache import ArtifactCache

ASSESSMENT_PAGE = "assessment.md"
# The team view runs the same engine in the same way (overrides/assessment-team.html).
TEAM_PAGE = "assessment/team.md"
_serving = False
_bank = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    try:
        pyodide_runtime(project_root(config))
    except RuntimeMissing as error:
        raise PluginError(str(error)) from None
    return config


def on_serve(server, config, builder):
    # Engine and bank edits rebuild the site, so authors see them live.
    server.watch(str(project_root(config) / ENGINE_PACKAGE))
    return server


def on_files(files, config):
    # The build's own scripts run in Node; they are not part of the site.
    for script in BUILD_SCRIPTS:
        built = files.get_file_from_path(script.removeprefix("overrides/"))
        if built is not None:
            files.remove(built)
    global _bank
    _bank = fresh_bank(config, files)
    return files


def fresh_bank(config, files):
    """The bank on disk now, checked, with what it quotes from the article checked against the
    article's source; a mistake stops the build with its one-line message."""
    engine = import_engine(project_root(config))
    try:
        bank = engine.load_bank(project_root(config) / BANK_FILE, source=BANK_FILE)
        article = next((page for page in files.documentation_pages() if page.url == bank.article_path), None)
        if article is None:
            raise PluginError(f"{BANK_FILE}: [article]: field 'path': no page of the site is at '{bank.article_path}'; "
                              "expected the article's address, like issues/<file name>/")
        engine.bank.check_passages(bank, Path(article.abs_src_path).read_text(encoding="utf-8"))
    except engine.BankError as error:
        raise PluginError(str(error)) from None
    return bank


def on_page_context(context, page, config, nav):
    if page.file.src_uri not in (ASSESSMENT_PAGE, TEAM_PAGE):
        return invite_from_article(context, page)
    bank = _bank
    root = project_root(config)
    runtime = pyodide_runtime(root)
    wheel = built_wheel(root)
    snapshot = engine_snapshot(root, runtime, wheel)
    context["assessment"] = {
        "bank": bank,
        "article_url": get_relative_url(bank.article_path, page.url),
        "team_url": get_relative_url("assessment/team/", page.url),
        "team_sizes": team_sizes(),
        # How share links are read, from the engine's module that builds and reads them.
        "link_rules": json.dumps(importlib.import_module(f"{ENGINE_PACKAGE}.links").rules_for_page()),
        "runtime_url": get_relative_url(runtime.site_dir + "/", page.url),
        "lock_url": get_relative_url(f"{runtime.site_dir}/{LOCK_FILE}", page.url) + f"?v={wheel.sha256[:16]}",
        "worker_url": get_relative_url(WORKER_FILE, page.url),
        # The worker installs the engine by these names, checks a snapshot holds this one (sha256),
        # and installs it on top when not.
        "engine": {"distribution": wheel.name, "module": ENGINE_PACKAGE, "sha256": wheel.sha256},
        "snapshot": snapshot and {
            "url": get_relative_url(f"{runtime.site_dir}/{SNAPSHOT_NAME}", page.url) + f"?v={snapshot.sha256[:16]}",
            "inflated_sha256": snapshot.inflated_sha256,
            "every_visit": _serving,
        },
        "download_sizes": json.dumps(download_sizes({
            **{name: runtime.package_dir / name for name in RUNTIME_FILES},
            STDLIB_FILE: served_stdlib(root, runtime, wheel),
            wheel.path.name: wheel.path,
            **({SNAPSHOT_NAME: snapshot.path} if snapshot else {}),
        })),
    }
    return context


def team_sizes() -> dict:
    """The engine's limits and words for a team (the engine was imported by fresh_bank), so the
    team page states and applies the same ones."""
    team = importlib.import_module(f"{ENGINE_PACKAGE}.team")
    links = importlib.import_module(f"{ENGINE_PACKAGE}.links")
    answers_json = importlib.import_module(f"{ENGINE_PACKAGE}.answers_json")
    return {"smallest": team.SMALLEST_TEAM, "largest": team.LARGEST_TEAM, "longest_label": links.LONGEST_LABEL,
            "unlabelled": team.UNLABELLED, "largest_file_bytes": answers_json.MAX_ANSWERS_BYTES}


def invite_from_article(context, page):
    """The article the bank cites ends with an editorial invitation to the self-assessment."""
    if page.url == _bank.article_path:
        context["assessment_invitation_url"] = get_relative_url("assessment/", page.url)
    return context


def on_post_build(config):
    root = project_root(config)
    runtime = pyodide_runtime(root)
    folder = runtime.copy_into(Path(config.site_dir))
    wheel = built_wheel(root)
    (folder / wheel.path.name).write_bytes(wheel.path.read_bytes())
    lock = site_lock(runtime.upstream_lock(), wheel)
    (folder / LOCK_FILE).write_text(json.dumps(lock, indent=1, sort_keys=True), "utf-8")
    shutil.copyfile(served_stdlib(root, runtime, wheel), folder / STDLIB_FILE)
    snapshot = engine_snapshot(root, runtime, wheel)
    if snapshot is not None:
        (folder / SNAPSHOT_NAME).write_bytes(snapshot.path.read_bytes())
    if _serving:
        # The preview's worker forgets an earlier engine with it (MkDocs copies no .py from the theme).
        shutil.copyfile(root / FORGET_ENGINE, Path(config.site_dir) / Path(WORKER_FILE).parent / Path(FORGET_ENGINE).name)


def built_wheel(root: Path):
    try:
        return engine_wheel(root, ArtifactCache.of_project(root, "wheels"))
    except PackageBuildFailed as error:
        raise PluginError(str(error)) from None


def served_stdlib(root: Path, runtime, wheel) -> Path:
    """Cut to what the engine imports; the preview keeps the whole library, so an author's new
    import works at once."""
    if _serving:
        return runtime.package_dir / STDLIB_FILE
    try:
        return cut_stdlib(root, runtime, wheel, site_lock(runtime.upstream_lock(), wheel), ArtifactCache.of_project(root, "stdlib"))
    except StdlibFailed as error:
        raise PluginError(str(error)) from None


def engine_snapshot(root: Path, runtime, wheel):
    """Under serve, possibly an earlier engine's (see snapshot_soon), or None until the first is made."""
    cache = ArtifactCache.of_project(root, "snapshots")
    try:
        return snapshot_soon(root, runtime, wheel, cache) if _serving else make_snapshot(root, runtime, wheel, cache)
    except SnapshotFailed as error:
        raise PluginError(str(error)) from None
