"""Fixtures shared by the site and browser tests: one strict build of the site per run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
