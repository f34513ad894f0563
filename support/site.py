"""The site as `make build` makes it: a strict MkDocs build in a fresh Python process, and its pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
# What an author edits, copied; the set-up, linked (see `copy_of_project`).
PROJECT_FILES = ("docs", "assessment", "site_build", "overrides", "scripts", "mkdocs.yml", "pyproject.toml", "README.md", "Makefile")
PROJECT_SET_UP = (".venv", "node_modules")


class BuildFailed(Exception):
    """`mkdocs build --strict` exited with an error; the message holds what it printed."""


def mkdocs_build(site_dir: Path, config: Path | str = CONFIG, *, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into `site_dir` and return what happened; never raises for a failed build.

    `config` is a config file, or the text of one: then it is written for the build beside
    mkdocs.yml, because MkDocs resolves a config's relative paths (theme, snippets), and the
    plugins find the project, from the folder of the config file. `site_url` is what a deploy sets in
    SITE_URL; None keeps the environment's.
    """
    if isinstance(config, str):
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=ROOT, prefix=".mkdocs-", suffix=".yml") as file:
            file.write(config)
            file.flush()
            return mkdocs_build(site_dir, Path(file.name), site_url=site_url)
    # The Makefile's environment, so the output holds warnings and figures, not Material's banner.
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url is not None:
        environment["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=environment,
        capture_output=True,
        text=True,
    )


def build_site(site_dir: Path, config: Path | str = CONFIG, *, site_url: str | None = None) -> Path:
    """The site built strictly into `site_dir`; BuildFailed with MkDocs' output if the build fails."""
    result = mkdocs_build(site_dir, config, site_url=site_url)
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


def page_files(site_dir: Path) -> dict[str, Path]:
    """Every HTML page of a built site by its address relative to the site root ("" is the home page),
    found by walking the folder, so a new page is covered without naming it."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        pages[path.relative_to(site_dir).as_posix().removesuffix("index.html")] = path
    return pages


def storage_keys(site_dir: Path) -> dict[str, str]:
    """Where the assessment page keeps a reader's answers ("answers") and their own set aside while
    a link's fill the form ("own"): the localStorage keys its page declares (overrides/assessment.html)."""
    html = (site_dir / "assessment" / "index.html").read_text(encoding="utf-8")
    return {kept: re.search(rf'data-{attribute}="([^"]+)"', html).group(1)
            for kept, attribute in (("answers", "storage-key"), ("own", "own-answers-key"))}


def copy_of_project(copy: Path) -> Path:
    """The project copied into the new folder `copy` to make edits in (the real .venv and node_modules linked in)."""
    copy.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    for name in PROJECT_SET_UP:
        (copy / name).symlink_to(ROOT / name)
    return copy
