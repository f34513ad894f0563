"""The assessment's build rooms: a reproducible wheel from the standard builder, a plain runtime layout."""

import os
import zipfile

import pytest
from site_paths import ROOT

from assessment_package import engine_wheel, prune
from assessment_runtime import RuntimeMissing, pyodide_runtime


def test_the_same_sources_give_the_same_wheel_byte_for_byte(tmp_path):
    first = engine_wheel(ROOT, tmp_path / "one")
    second = engine_wheel(ROOT, tmp_path / "two")
    assert first.path != second.path
    assert first.sha256 == second.sha256
    assert first.version.startswith("0.1.0+src")
    with zipfile.ZipFile(first.path) as wheel:
        names = wheel.namelist()
    assert "assessment/bank.toml" in names and "assessment/scoring.py" in names
    assert f"coaching_timing-{first.version}.dist-info/METADATA" in names


def test_a_changed_engine_gets_a_new_wheel_name(tmp_path):
    project = tmp_path / "project"
    for name in ("pyproject.toml", "README.md"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes((ROOT / name).read_bytes())
    for path in (ROOT / "assessment").glob("*.*"):
        (project / "assessment").mkdir(exist_ok=True)
        (project / "assessment" / path.name).write_bytes(path.read_bytes())
    before = engine_wheel(project, tmp_path / "cache")
    with (project / "assessment" / "scoring.py").open("a") as source:
        source.write("\n# an edit\n")
    after = engine_wheel(project, tmp_path / "cache")
    assert after.path.name != before.path.name and after.sha256 != before.sha256


def test_a_missing_runtime_says_to_run_make_install(tmp_path):
    with pytest.raises(RuntimeMissing, match=r"^node_modules/pyodide is missing or damaged: run `make install`$"):
        pyodide_runtime(tmp_path)


def test_only_the_newest_builds_are_kept(tmp_path):
    for age, name in enumerate(["e", "d", "c", "b", "a"]):
        path = tmp_path / f"{name}.snapshot"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    (tmp_path / "other.making").write_bytes(b"")
    prune(tmp_path, "*.snapshot", keep=3)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.snapshot", "d.snapshot", "e.snapshot", "other.making"]
