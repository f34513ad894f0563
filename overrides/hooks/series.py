"""MkDocs glue for the newsletter series: validate issues, generate the index and feed, link neighbours.

The model lives in `series_model.py` and `series_feed.py`; this file only moves data between
MkDocs and them. Issue pages are kept out of the navigation (see `not_in_nav` in mkdocs.yml) so a
long archive does not put hundreds of links on every page; the index page lists them instead.

State: the series is read in `on_files` and used by later events of the same build; MkDocs gives
hooks no place to keep it, so `_series` is set anew in `on_config` at the start of every build
(`mkdocs serve` rebuilds reuse this module) and never outlives one.
"""

from __future__ import annotations

import os
import posixpath
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.utils.meta import YAML_RE

from series_feed import FEED_PATH, rss_xml
from series_model import Issue, Series, SeriesError, build_series, escape_markdown, index_pages, parse_issue, read_front_matter

ISSUES_FOLDER = "issues/"
INDEX_SOURCE = "issues/index.md"
LATEST_ISSUE_MARKER = "<!-- series:latest-issue -->"

_series: Series | None = None


def is_issue_file(src_uri: str) -> bool:
    return src_uri.startswith(ISSUES_FOLDER) and src_uri.endswith(".md") and src_uri != INDEX_SOURCE


def _read_issue(file: File) -> Issue:
    block = YAML_RE.match(file.content_string)
    return parse_issue(file.src_uri, file.url, read_front_matter(file.src_uri, block and block.group(1)))


def on_config(config):
    global _series
    _series = None
    return config


def on_files(files, config):
    global _series
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
    feed = rss_xml(series, site_url=config.site_url or "/", description=config.site_description or series.name)
    files.append(File.generated(config, FEED_PATH, content=feed))
    _series = series
    return files


def _modification_times(issue_files) -> dict[str, float]:
    return {file.src_uri: os.path.getmtime(file.abs_src_path) for file in issue_files if file.abs_src_path}


def _docs_folder(config) -> str:
    return os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")


def on_page_markdown(markdown, page, config, files):
    if LATEST_ISSUE_MARKER in markdown and _series is not None:
        latest = _series.latest
        target = posixpath.relpath(latest.source, posixpath.dirname(page.file.src_uri) or ".")
        summary = f"[Issue {latest.number}: {escape_markdown(latest.title)}]({target})\n\n{escape_markdown(latest.description)}"
        markdown = markdown.replace(LATEST_ISSUE_MARKER, summary)
    return markdown


def on_page_context(context, page, config, nav):
    issue = _series.issue_for(page.file.src_uri) if _series else None
    # Issues are not in the navigation; the series index is highlighted there instead. Its page
    # object is shared by every page, so every page sets the flag for itself (MkDocs sets and
    # clears the current page's own flag around this event).
    index_page = _index_page(nav)
    if index_page is not None and index_page is not page:
        index_page.active = issue is not None
    if issue is None:
        return context
    neighbours = _series.neighbours(issue.source)
    # Footer "Previous"/"Next" links stay within the series, whatever the site navigation holds.
    page.previous_page = _nav_link(neighbours.previous)
    page.next_page = _nav_link(neighbours.next)
    context["series_issue"] = issue
    context["series_index_url"] = files_url(INDEX_SOURCE, config)
    return context


def files_url(src_uri: str, config) -> str:
    # Same rule MkDocs applies (use_directory_urls), without keeping the Files collection around.
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url


def _index_page(nav):
    return next((item for item in nav.pages if item.file.src_uri == INDEX_SOURCE), None)


def _nav_link(issue: Issue | None):
    # Material prints a neighbour's title as it is: author text must arrive as escaped text.
    return SimpleNamespace(title=escape(issue.title), url=issue.url) if issue else None
