"""Keeps the theme's compiled templates between builds, with Jinja's own bytecode cache.

MkDocs makes a new Jinja environment for every build, `mkdocs serve`'s rebuilds included, and
compiling Material's templates again costs about 0.3 s of each rebuild an author waits for. The
cache is keyed by each template's name and source checksum, so an edited template is compiled anew.
"""

from pathlib import Path

import jinja2

from assessment_runtime import build_cache


def on_env(env, config, files):
    folder = build_cache(Path(config.config_file_path).resolve().parent) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
