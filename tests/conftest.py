"""Fixtures shared by the site and browser tests: one strict build of the site per run."""

from pathlib import Path

import pytest

from site_build.cache import SHARED_CACHE, ArtifactCache
from support.author_mistakes import one_case
from support.site import ROOT, BuildFailed, build_site, copy_of_project


def build_or_fail(site_dir: Path, site_url: str | None = None) -> Path:
    """Build the real site strictly, exactly as `make build` does (SITE_URL as a deploy sets it)."""
    try:
        return build_site(site_dir, site_url=site_url)
    except BuildFailed as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_or_fail(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder():
    """For tests that need the site built another way, e.g. for a sub-path address."""
    return build_or_fail


@pytest.fixture(scope="session")
def shared_build_cache() -> dict[str, str]:
    """The environment for a build of a project copy: the checkout's own build cache, which the run's
    build of the site fills, so no copy makes again the wheel, the library or the snapshot that the
    checkout or another copy already made (a copy's edits get artifacts of their own names)."""
    return {SHARED_CACHE: str(ArtifactCache.of_project(ROOT, "").folder)}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to make edits in (the real .venv and node_modules linked in)."""
    return copy_of_project(tmp_path / "project")


@pytest.fixture(scope="module")
def mistakes_copy(tmp_path_factory) -> Path:
    """One copy of the project for a module's author mistakes, made one after the other."""
    return copy_of_project(tmp_path_factory.mktemp("mistakes") / "project")


@pytest.fixture
def mistake_project(mistakes_copy) -> Path:
    """The module's copy of the project; whatever the test changes of the author's files is put back
    after it (support/author_mistakes.py)."""
    with one_case(mistakes_copy) as project:
        yield project
