"""Keeps the theme's compiled templates between builds, with Jinja's own bytecode cache.

MkDocs makes a new Jinja environment for every build, `mkdocs serve`'s rebuilds included, and
compiling Material's templates again costs about 0.3 s of each rebuild an author waits for. The
build's cache holds one folder per Python, Jinja and theme (what compiled code depends on); in
it Jinja names each file by its template, checks the source's checksum inside, and writes each
file beside and renames it, so an edited template is compiled anew.
"""

import sys
from importlib.metadata import version
from pathlib import Path

import jinja2

from site_build.cache import ArtifactCache, content_key


def compiled_templates_cache(root: Path) -> jinja2.FileSystemBytecodeCache:
    cache = ArtifactCache.of_project(root, "templates")
    name = content_key(sys.version, version("jinja2"), version("mkdocs-material"))
    folder = cache.find(name) or cache.store(name, Path.mkdir)
    return jinja2.FileSystemBytecodeCache(str(folder))
