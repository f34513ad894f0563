"""MkDocs glue for the newsletter series: validate issues, generate the index and feed, link neighbours.

The model lives in `series_model.py`, read by `series_front_matter.py` and rendered by
`series_index.py` and `series_feed.py`; this file only moves data between MkDocs and them. Issue pages are kept out of the navigation (see `not_in_nav` in mkdocs.yml) so a
long archive does not put hundreds of links on every page; the index page lists them instead.

State: the series is read in `on_files` and used by later events of the same build. MkDocs keeps a
hook module for the whole of `mkdocs serve`, so the state lives on a `SeriesBuild`, which
`on_config`, the first event of every build, makes afresh: nothing outlives the build that read it.
"""

from __future__ import annotations

import os
import posixpath
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.utils.meta import YAML_RE

from series_feed import FEED_PATH, JSON_FEED_PATH, json_feed, rss_xml
from series_front_matter import parse_issue, read_front_matter
from series_index import escape_markdown, index_pages
from series_model import Issue, Series, SeriesError, build_series

ISSUES_FOLDER = "issues/"
INDEX_SOURCE = "issues/index.md"
LATEST_ISSUE_MARKER = "<!-- series:latest-issue -->"



def is_issue_file(src_uri: str) -> bool:
    return src_uri.startswith(ISSUES_FOLDER) and src_uri.endswith(".md") and src_uri != INDEX_SOURCE


def _read_issue(file: File) -> Issue:
    block = YAML_RE.match(file.content_string)
    return parse_issue(file.src_uri, file.url, read_front_matter(file.src_uri, block and block.group(1)))


class SeriesBuild:
    """The series as one build read it, for the events after `on_files`."""

    def __init__(self) -> None:
        self.series: Series | None = None

    def on_files(self, files, config):
        if files.get_file_from_path(INDEX_SOURCE) is not None:
            raise PluginError(f"{_docs_folder(config)}/{INDEX_SOURCE}: this page is generated from the issues; remove the file")
        issue_files = [file for file in files.documentation_pages() if is_issue_file(file.src_uri)]
        try:
            series = build_series((_read_issue(file) for file in issue_files), modified=_modification_times(issue_files))
        except SeriesError as error:
            # The model knows paths inside docs/; a person fixing the file wants the path from the project root.
            raise PluginError(error.line(f"{_docs_folder(config)}/")) from None
        for source, markdown in index_pages(series, INDEX_SOURCE).items():
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
        index_page = _index_page(nav)
        if index_page is not None and index_page is not page:
            index_page.active = issue is not None
        if issue is None:
            return context
        neighbours = self.series.neighbours(issue.source)
        # Footer "Previous"/"Next" links stay within the series, whatever the site navigation holds.
        page.previous_page = _nav_link(neighbours.previous)
        page.next_page = _nav_link(neighbours.next)
        context["series_issue"] = issue
        context["series_index_url"] = files_url(INDEX_SOURCE, config)
        return context


_build = SeriesBuild()


def on_config(config):
    global _build
    _build = SeriesBuild()
    return config


# MkDocs calls each event on the build of the moment.
def on_files(files, config):
    return _build.on_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return _build.on_page_markdown(markdown, page, config, files)


def on_page_context(context, page, config, nav):
    return _build.on_page_context(context, page, config, nav)


def _modification_times(issue_files) -> dict[str, float]:
    return {file.src_uri: os.path.getmtime(file.abs_src_path) for file in issue_files if file.abs_src_path}


def _docs_folder(config) -> str:
    return os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")


def files_url(src_uri: str, config) -> str:
    # Same rule MkDocs applies (use_directory_urls), without keeping the Files collection around.
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url


def _index_page(nav):
    return next((item for item in nav.pages if item.file.src_uri == INDEX_SOURCE), None)


def _nav_link(issue: Issue | None):
    # Material prints a neighbour's title as it is: author text must arrive as escaped text.
    return SimpleNamespace(title=escape(issue.title), url=issue.url) if issue else None
