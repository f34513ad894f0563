"""MkDocs glue for the self-assessment pages: the work is done by plain modules beside this one.

- `assessment_build.py`: what one build serves for the assessment, made or found once, from
  - `assessment_runtime.py`: where the Pyodide runtime comes from and where the site serves it;
  - `assessment_package.py`: the engine as a wheel (standard builder) and its lock entry;
  - `assessment_snapshot.py`: the memory snapshot, made by `scripts/build/make-snapshot.mjs`;
  - `assessment_stdlib.py`: the standard library cut to what the engine imports (`used-stdlib.mjs`).

State: `mkdocs serve` and `mkdocs build` differ in one thing, for an author's quick preview: serve
serves the whole library and no snapshot (see assessment_build.py). MkDocs says which command runs
only in `on_startup`, once per session: `_serving` keeps it. Everything a
build makes or reads (the bank included, read once in `on_files`) is on `_build`, an
`AssessmentBuild` that `on_config`, the first event of every build, makes afresh.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from assessment_build import BUILD_FAILURES, AssessmentBuild
from assessment_package import BANK_FILE, ENGINE_PACKAGE, import_engine
from assessment_runtime import LOCK_FILE, WORKER_FILE
from assessment_snapshot import SNAPSHOT_NAME
from script_bundles import SOURCES

ASSESSMENT_PAGE = "assessment.md"
# The team view runs the same engine in the same way (overrides/assessment-team.html).
TEAM_PAGE = "assessment/team.md"
_serving = False
_build: AssessmentBuild | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _build
    with one_line_errors():
        _build = AssessmentBuild(Path(config.config_file_path).resolve().parent, serving=_serving)
    return config


@contextlib.contextmanager
def one_line_errors():
    """A failed step of the build, as MkDocs reports an author's mistake: its one line, no traceback."""
    try:
        yield
    except BUILD_FAILURES as error:
        raise PluginError(str(error)) from None


def on_serve(server, config, builder):
    # Engine, bank and script edits rebuild the site, so authors see them live.
    server.watch(str(_build.root / ENGINE_PACKAGE))
    server.watch(str(_build.root / SOURCES))
    return server


def on_files(files, config):
    _build.bank = read_bank(_build.root, files)
    return files


def read_bank(root: Path, files):
    """The bank on disk now, checked, with what it quotes from the article checked against the
    article's source; a mistake stops the build with its one-line message."""
    engine = import_engine(root)
    try:
        bank = engine.load_bank(root / BANK_FILE, source=BANK_FILE)
        article = next((page for page in files.documentation_pages() if page.url == bank.article_path), None)
        if article is None:
            raise PluginError(f"{BANK_FILE}: [article]: field 'path': no page of the site is at '{bank.article_path}'; "
                              "expected the article's address, like issues/<file name>/")
        engine.bank.check_passages(bank, Path(article.abs_src_path).read_text(encoding="utf-8"))
    except engine.BankError as error:
        raise PluginError(str(error)) from None
    return bank


def on_page_markdown(markdown, page, config, files):
    """Every page gets the bank's terms as Markdown abbreviations: each occurrence of a term is a
    tooltip with its definition (the result page and its Markdown explain the same terms)."""
    abbreviations = "".join(f"\n*[{term.term}]: {term.definition}" for term in _build.bank.terms)
    return f"{markdown}\n{abbreviations}\n"


# Where a page of the documentation shows the picture of timing (docs/approaches.md): the figure
# the result view shows too, drawn once by overrides/partials/timing-figure.html from the bank.
TIMING_FIGURE_MARKER = "<!-- the picture of timing -->"


def on_page_content(html, page, config, files):
    if TIMING_FIGURE_MARKER not in html:
        return html
    figure = config.theme.get_env().get_template("partials/timing-figure.html").module.timing_figure(_build.bank)
    return html.replace(TIMING_FIGURE_MARKER, str(figure))


def on_page_context(context, page, config, nav):
    if page.file.src_uri not in (ASSESSMENT_PAGE, TEAM_PAGE):
        return invite_from_article(context, page)
    build = _build
    with one_line_errors():
        runtime, wheel, snapshot, sizes = build.runtime, build.wheel, build.snapshot, build.download_sizes()
    context["assessment"] = {
        "bank": build.bank,
        "article_url": get_relative_url(build.bank.article_path, page.url),
        "team_url": get_relative_url("assessment/team/", page.url),
        "team_sizes": team_sizes(),
        # How share links are read, from the engine's module that builds and reads them.
        "link_rules": json.dumps(importlib.import_module(f"{ENGINE_PACKAGE}.links").rules_for_page()),
        "runtime_url": get_relative_url(runtime.site_dir + "/", page.url),
        "lock_url": get_relative_url(f"{runtime.site_dir}/{LOCK_FILE}", page.url) + f"?v={wheel.sha256[:16]}",
        "worker_url": get_relative_url(WORKER_FILE, page.url),
        # The worker installs the engine by these names, and checks a snapshot holds this one (sha256).
        "engine": {"distribution": wheel.name, "module": ENGINE_PACKAGE, "sha256": wheel.sha256},
        "snapshot": snapshot and {
            "url": get_relative_url(f"{runtime.site_dir}/{SNAPSHOT_NAME}", page.url) + f"?v={snapshot.sha256[:16]}",
            "inflated_sha256": snapshot.inflated_sha256,
        },
        "download_sizes": sizes,
    }
    return context


def team_sizes() -> dict:
    """The engine's limits and words for a team (the engine was imported by read_bank), so the
    team page states and applies the same ones."""
    team = importlib.import_module(f"{ENGINE_PACKAGE}.team")
    links = importlib.import_module(f"{ENGINE_PACKAGE}.links")
    answers_json = importlib.import_module(f"{ENGINE_PACKAGE}.answers_json")
    return {"smallest": team.SMALLEST_TEAM, "largest": team.LARGEST_TEAM, "longest_label": links.LONGEST_LABEL,
            "unlabelled": team.UNLABELLED, "largest_file_bytes": answers_json.MAX_ANSWERS_BYTES}


def invite_from_article(context, page):
    """The article the bank cites ends with an editorial invitation to the self-assessment."""
    if page.url == _build.bank.article_path:
        context["assessment_invitation_url"] = get_relative_url("assessment/", page.url)
    return context


def on_post_build(config):
    with one_line_errors():
        _build.copy_into(Path(config.site_dir))
