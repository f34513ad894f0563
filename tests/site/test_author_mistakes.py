"""A mistake stops `make build` with its one line: no traceback, and the last good `site/` left exactly
as it was. One mistake of each kind goes through the real build here (each is refused at another
event: the site's settings and the set-up at `on_config`, an issue's front matter and the bank at
`on_files`); that every mistake is refused by its check with its line is tests/site_build's
test_author_checks.py.

The cases are made in one copy of the project, shared by the module, and built with the real `make
build` (with the run's shared build cache); what a case changed is put back after it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support.author_mistakes import LAST_GOOD_BUILD, MISTAKES

# One of each kind: settings, set-up, front matter, the bank as a file, the bank against the article.
THROUGH_THE_BUILD = ("policy naming another host", "runtime not installed", "impossible date", "TOML syntax",
                     "article edited under a caution's passage")


def make_build(project: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    # The set-up is the real one's (linked in): -o keeps make from reinstalling it for the copy.
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", "-o", "node_modules/.installed", "build"],
                          cwd=project, capture_output=True, text=True, timeout=600, env=dict(os.environ, **environment))


@pytest.mark.parametrize("name", THROUGH_THE_BUILD)
def test_a_mistake_stops_the_build_with_one_line_and_leaves_site_as_it_was(mistake_project, shared_build_cache, name):
    mistake = MISTAKES[name]
    mistake.prepare(mistake_project)
    result = make_build(mistake_project, shared_build_cache)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {mistake.expected}"], output
    assert "The build failed (see above): site/ is unchanged." in output
    assert [path.name for path in (mistake_project / "site").iterdir()] == ["index.html"]
    assert (mistake_project / "site" / "index.html").read_text("utf-8") == LAST_GOOD_BUILD
    assert not (mistake_project / "site.partial").exists()


def test_a_good_build_replaces_site_whole(mistake_project, shared_build_cache):
    result = make_build(mistake_project, shared_build_cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (mistake_project / "site" / "_headers").is_file() and (mistake_project / "site" / "assessment" / "index.html").is_file()
    assert LAST_GOOD_BUILD not in (mistake_project / "site" / "index.html").read_text("utf-8")
    assert not (mistake_project / "site.partial").exists() and not (mistake_project / "site.previous").exists()
