"""Each mistake an author can make (support/author_mistakes.py) is refused by the build's own checks
with its one line: MkDocs's configuration and the plugins' events up to `on_files` (on the pages'
files; no check reads the theme's), run in this process on a copy of the project, as `mkdocs build`
runs them before it renders a page. (That a refused build prints only that line and leaves site/ as
it was is the real build's test, in tests/site.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import get_files
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from site_build.paths import ENGINE_PACKAGE
from support.author_mistakes import MISTAKES


@pytest.fixture
def engine_modules_kept():
    """The assessment plugin imports the engine afresh from the project it builds (so `mkdocs serve`
    sees edits); this process's own engine modules are put back after the case."""
    before = {name: module for name, module in sys.modules.items() if name.split(".")[0] == ENGINE_PACKAGE}
    yield
    for name in [name for name in sys.modules if name.split(".")[0] == ENGINE_PACKAGE]:
        del sys.modules[name]
    sys.modules.update(before)


def refusal(project: Path) -> str | None:
    """The first refusal of the build's checks (its message), or None."""
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        config.plugins.on_files(get_files(config), config=config)
    except MkDocsException as error:
        return str(error)
    return None


def test_there_are_at_least_25_mistakes_covered():
    assert len(MISTAKES) >= 25


@pytest.mark.usefixtures("engine_modules_kept")
@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_is_refused_by_its_check_in_one_line(mistake_project, name):
    mistake = MISTAKES[name]
    mistake.prepare(mistake_project)
    assert refusal(mistake_project) == mistake.expected


@pytest.mark.usefixtures("engine_modules_kept")
def test_the_project_as_it_is_passes_every_check(mistake_project):
    assert refusal(mistake_project) is None
