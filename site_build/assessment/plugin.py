"""The self-assessment's pages as a MkDocs plugin: the work is done by the plain modules beside this one.

- `build.py`: what one build serves for the assessment, made or found once, from
  - `runtime.py`: where the Pyodide runtime comes from and where the site serves it;
  - `package.py`: the engine as a wheel (standard builder) and its lock entry;
  - `snapshot.py`: the memory snapshot, made by `scripts/build/make-snapshot.mjs`;
  - `stdlib.py`: the standard library cut to what the engine imports (`used-stdlib.mjs`);
  - `bundles.py`: the browser's scripts, one file per page and one for the worker (esbuild).

State: `mkdocs serve` and `mkdocs build` differ in one thing, for an author's quick preview: serve
serves the whole library and no snapshot (see build.py). MkDocs says which command runs only in
`on_startup`, once per session: `serving` keeps it. Everything a build makes or reads (the bank
included, read once in `on_files`) is on `build`, an `AssessmentBuild` that `on_config`, the first
event of every build, makes afresh.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from site_build.assessment.build import BUILD_FAILURES, AssessmentBuild
from site_build.assessment.package import import_engine
from site_build.paths import ASSETS_DIR, BANK_FILE, ENGINE_PACKAGE, LOCK_FILE, SCRIPT_SOURCES, SNAPSHOT_FILE, WORKER_FILE, WORKER_FILE_NAMES, project_root


class AssessmentConfig(base.Config):
    # The pages that run the engine, in docs/. (The bank is the engine's own, BANK_FILE: the wheel
    # the browser installs carries it, so the build reads no other.)
    page = c.Type(str, default="assessment.md")
    # The team view runs the same engine in the same way (overrides/assessment-team.html).
    team_page = c.Type(str, default="assessment/team.md")


# Where a page of the documentation shows the picture of timing (docs/approaches.md): the figure
# the result view shows too, drawn once by overrides/partials/timing-figure.html from the bank.
TIMING_FIGURE_MARKER = "<!-- the picture of timing -->"


@contextlib.contextmanager
def one_line_errors():
    """A failed step of the build, as MkDocs reports an author's mistake: its one line, no traceback."""
    try:
        yield
    except BUILD_FAILURES as error:
        raise PluginError(str(error)) from None


class AssessmentPlugin(BasePlugin[AssessmentConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.build: AssessmentBuild | None = None
        self.page_url = self.team_url = ""

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        with one_line_errors():
            self.build = AssessmentBuild(project_root(config), serving=self.serving)
        return config

    def on_serve(self, server, config, builder):
        # Engine, bank and script edits rebuild the site, so authors see them live.
        server.watch(str(self.build.root / ENGINE_PACKAGE))
        server.watch(str(self.build.root / SCRIPT_SOURCES))
        return server

    def on_files(self, files, config):
        self.build.bank = read_bank(self.build.root, files)
        self.page_url, self.team_url = (page_url(files, config, src_uri) for src_uri in (self.config.page, self.config.team_page))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        """Every page gets the bank's terms as Markdown abbreviations: each occurrence of a term is a
        tooltip with its definition (the result page and its Markdown explain the same terms)."""
        abbreviations = "".join(f"\n*[{term.term}]: {term.definition}" for term in self.build.bank.terms)
        return f"{markdown}\n{abbreviations}\n"

    def on_page_content(self, html, page, config, files):
        if TIMING_FIGURE_MARKER not in html:
            return html
        figure = config.theme.get_env().get_template("partials/timing-figure.html").module.timing_figure(self.build.bank)
        return html.replace(TIMING_FIGURE_MARKER, str(figure))

    def on_page_context(self, context, page, config, nav):
        if page.file.src_uri in (self.config.page, self.config.team_page):
            context["assessment"] = self.page_context(page)
        elif page.url == self.build.bank.article_path:
            # The article the bank cites ends with an editorial invitation to the self-assessment.
            context["assessment_invitation_url"] = get_relative_url(self.page_url, page.url)
        return context

    def page_context(self, page) -> dict:
        build = self.build
        with one_line_errors():
            runtime, wheel, snapshot, sizes = build.runtime, build.wheel, build.snapshot, build.download_sizes()
        return {
            "bank": build.bank,
            "article_url": get_relative_url(build.bank.article_path, page.url),
            "team_url": get_relative_url(self.team_url, page.url),
            "team_sizes": team_sizes(),
            # How share links are read, from the engine's module that builds and reads them.
            "link_rules": json.dumps(importlib.import_module(f"{ENGINE_PACKAGE}.links").rules_for_page()),
            "runtime_url": get_relative_url(runtime.site_dir + "/", page.url),
            "lock_url": get_relative_url(f"{runtime.site_dir}/{LOCK_FILE}", page.url) + f"?v={wheel.sha256[:16]}",
            "worker_url": get_relative_url(WORKER_FILE, page.url),
            "scripts_url": get_relative_url(f"{ASSETS_DIR}/", page.url),
            "file_names": json.dumps(WORKER_FILE_NAMES),
            # The worker installs the engine by these names, and checks a snapshot holds this one (sha256).
            "engine": {"distribution": wheel.name, "module": ENGINE_PACKAGE, "sha256": wheel.sha256},
            "snapshot": snapshot and {
                "url": get_relative_url(f"{runtime.site_dir}/{SNAPSHOT_FILE}", page.url) + f"?v={snapshot.sha256[:16]}",
                "inflated_sha256": snapshot.inflated_sha256,
            },
            "download_sizes": sizes,
        }

    def on_post_build(self, config):
        with one_line_errors():
            self.build.copy_into(Path(config.site_dir))


def page_url(files, config, src_uri: str) -> str:
    """The address of one of the assessment's pages, by its source in docs/."""
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise PluginError(f"{Path(config.config_file_path).name}: plugins: coaching/assessment: "
                          f"no page {Path(config.docs_dir).name}/{src_uri}; expected the assessment's pages")
    return file.url


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


def team_sizes() -> dict:
    """The engine's limits and words for a team (the engine was imported by read_bank), so the
    team page states and applies the same ones."""
    team = importlib.import_module(f"{ENGINE_PACKAGE}.team")
    links = importlib.import_module(f"{ENGINE_PACKAGE}.links")
    answers_json = importlib.import_module(f"{ENGINE_PACKAGE}.answers_json")
    return {"smallest": team.SMALLEST_TEAM, "largest": team.LARGEST_TEAM, "longest_label": links.LONGEST_LABEL,
            "unlabelled": team.UNLABELLED, "largest_file_bytes": answers_json.MAX_ANSWERS_BYTES}
