"""The newsletter series as a MkDocs plugin: validate issues, generate the index and feeds, link neighbours.

The model lives in `model.py`, read by `front_matter.py` and rendered by `index.py` and `feed.py`;
this file only moves data between MkDocs and them. Issue pages are kept out of the navigation (see
`not_in_nav` in mkdocs.yml) so a long archive does not put hundreds of links on every page; the
index page lists them instead.

State: the series is read in `on_files` and used by later events of the same build. MkDocs keeps a
plugin for the whole of `mkdocs serve`, so `on_config`, the first event of every build, forgets
the last build's series: nothing outlives the build that read it.
"""

from __future__ import annotations

import os
import posixpath
from types import SimpleNamespace

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils.meta import YAML_RE

from site_build.series.feed import FEED_PATH, JSON_FEED_PATH, json_feed, rss_xml
from site_build.series.front_matter import parse_issue, read_front_matter
from site_build.series.index import escape_markdown, index_pages
from site_build.series.model import Issue, Series, SeriesError, build_series

LATEST_ISSUE_MARKER = "<!-- series:latest-issue -->"


class SeriesConfig(base.Config):
    # The folder of docs/ that holds one Markdown file per issue; its index page is generated.
    folder = c.Type(str, default="issues")


def _read_issue(file: File) -> Issue:
    block = YAML_RE.match(file.content_string)
    return parse_issue(file.src_uri, file.url, read_front_matter(file.src_uri, block and block.group(1)))


class SeriesPlugin(BasePlugin[SeriesConfig]):
    def __init__(self) -> None:
        self.series: Series | None = None  # as this build read it, for the events after `on_files`

    @property
    def folder(self) -> str:
        return self.config.folder.strip("/")

    @property
    def index_source(self) -> str:
        return f"{self.folder}/index.md"

    def is_issue_file(self, src_uri: str) -> bool:
        return src_uri.startswith(f"{self.folder}/") and src_uri.endswith(".md") and src_uri != self.index_source

    def on_config(self, config):
        self.series = None
        return config

    def on_files(self, files, config):
        if files.get_file_from_path(self.index_source) is not None:
            raise PluginError(f"{_docs_folder(config)}/{self.index_source}: this page is generated from the issues; remove the file")
        issue_files = [file for file in files.documentation_pages() if self.is_issue_file(file.src_uri)]
        try:
            series = build_series((_read_issue(file) for file in issue_files), modified=_modification_times(issue_files))
        except SeriesError as error:
            # The model knows paths inside docs/; a person fixing the file wants the path from the project root.
            raise PluginError(error.line(f"{_docs_folder(config)}/")) from None
        for source, markdown in index_pages(series, self.index_source).items():
            files.append(File.generated(config, source, content=markdown))
        about = {"site_url": config.site_url or "/", "description": config.site_description or series.name}
        files.append(File.generated(config, FEED_PATH, content=rss_xml(series, **about)))
        files.append(File.generated(config, JSON_FEED_PATH, content=json_feed(series, **about)))
        self.series = series
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if LATEST_ISSUE_MARKER in markdown and self.series is not None:
            latest = self.series.latest
            target = posixpath.relpath(latest.source, posixpath.dirname(page.file.src_uri) or ".")
            summary = f"[Issue {latest.number}: {escape_markdown(latest.title)}]({target})\n\n{escape_markdown(latest.description)}"
            markdown = markdown.replace(LATEST_ISSUE_MARKER, summary)
        return markdown

    def on_page_context(self, context, page, config, nav):
        issue = self.series.issue_for(page.file.src_uri) if self.series else None
        # Issues are not in the navigation; the series index is highlighted there instead. Its page
        # object is shared by every page, so every page sets the flag for itself (MkDocs sets and
        # clears the current page's own flag around this event).
        index_page = _index_page(nav, self.index_source)
        if index_page is not None and index_page is not page:
            index_page.active = issue is not None
        if issue is None:
            return context
        neighbours = self.series.neighbours(issue.source)
        # Footer "Previous"/"Next" links stay within the series, whatever the site navigation holds.
        page.previous_page = _nav_link(neighbours.previous)
        page.next_page = _nav_link(neighbours.next)
        context["series_issue"] = issue
        context["series_index_url"] = files_url(self.index_source, config)
        return context


def _modification_times(issue_files) -> dict[str, float]:
    return {file.src_uri: os.path.getmtime(file.abs_src_path) for file in issue_files if file.abs_src_path}


def _docs_folder(config) -> str:
    return os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")


def files_url(src_uri: str, config) -> str:
    # Same rule MkDocs applies (use_directory_urls), without keeping the Files collection around.
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url


def _index_page(nav, index_source: str):
    return next((item for item in nav.pages if item.file.src_uri == index_source), None)


def _nav_link(issue: Issue | None):
    # Material prints a neighbour's title as it is: author text must arrive as escaped text.
    return SimpleNamespace(title=escape(issue.title), url=issue.url) if issue else None
