"""Fixtures shared by the site and browser tests: one strict build of the site per run."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What an author edits, copied; the set-up, linked (see `project_copy`).
PROJECT_FILES = ("docs", "assessment", "overrides", "mkdocs.yml", "pyproject.toml", "README.md", "Makefile")
PROJECT_SET_UP = (".venv", "node_modules")


def build_site(site_dir: Path, site_url: str | None = None) -> Path:
    """Build the real site strictly, exactly as `make build` does (SITE_URL as a deploy sets it)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url is not None:
        environment["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder():
    """For tests that need the site built another way, e.g. for a sub-path address."""
    return build_site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to make edits in (the real .venv and node_modules linked in)."""
    copy = tmp_path / "project"
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
