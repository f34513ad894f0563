"""The assessment's build rooms: a reproducible wheel from the standard builder, a plain runtime layout,
and the one cache that keeps what the build makes."""

import os
import time
import zipfile

import pytest
from support.site import ROOT

from site_build.assessment.package import engine_wheel
from site_build.assessment.runtime import RuntimeMissing, pyodide_runtime
from site_build.cache import SHARED_CACHE, ArtifactCache, content_key


def test_the_same_sources_give_the_same_wheel_byte_for_byte(tmp_path):
    first = engine_wheel(ROOT, ArtifactCache(tmp_path / "one"))
    second = engine_wheel(ROOT, ArtifactCache(tmp_path / "two"))
    assert first.path != second.path
    assert first.sha256 == second.sha256
    assert first.version.startswith("0.1.0+src")
    with zipfile.ZipFile(first.path) as wheel:
        names = wheel.namelist()
    assert "assessment/bank.toml" in names and "assessment/scoring.py" in names
    assert f"coaching_timing-{first.version}.dist-info/METADATA" in names


def copy_of_the_project(folder):
    for name in ("pyproject.toml", "README.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes((ROOT / name).read_bytes())
    for path in (ROOT / "assessment").glob("*.*"):
        (folder / "assessment").mkdir(exist_ok=True)
        (folder / "assessment" / path.name).write_bytes(path.read_bytes())
    return folder


def test_a_changed_engine_gets_a_new_wheel_name(tmp_path):
    project = copy_of_the_project(tmp_path / "project")
    before = engine_wheel(project, ArtifactCache(tmp_path / "cache"))
    with (project / "assessment" / "scoring.py").open("a") as source:
        source.write("\n# an edit\n")
    after = engine_wheel(project, ArtifactCache(tmp_path / "cache"))
    assert after.path.name != before.path.name and after.sha256 != before.sha256


def test_an_edit_of_the_readme_leaves_the_wheel_and_so_the_snapshot_as_they_were(tmp_path):
    # Every normal boot downloads the wheel, and the snapshot is named by it.
    project = copy_of_the_project(tmp_path / "project")
    before = engine_wheel(project, ArtifactCache(tmp_path / "cache"))
    with (project / "README.md").open("a") as readme:
        readme.write("\nAn edit.\n")
    after = engine_wheel(project, ArtifactCache(tmp_path / "cache"))
    assert after.path.name == before.path.name and after.sha256 == before.sha256
    with zipfile.ZipFile(after.path) as wheel:
        metadata = wheel.read(f"coaching_timing-{after.version}.dist-info/METADATA").decode()
    assert "make serve" not in metadata, "the README is not in the wheel"


def test_a_missing_runtime_says_to_run_make_install(tmp_path):
    with pytest.raises(RuntimeMissing, match=r"^node_modules/pyodide is missing or damaged: run `make install`$"):
        pyodide_runtime(tmp_path)


def test_only_the_newest_artifacts_are_kept_and_never_the_caches_own_files(tmp_path):
    cache = ArtifactCache(tmp_path)
    for age, name in enumerate(["e", "d", "c", "b", "a"]):
        path = tmp_path / f"{name}.snapshot"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    (tmp_path / ".e.snapshot.making").write_bytes(b"")
    cache.prune()
    assert sorted(path.name for path in tmp_path.iterdir()) == [".e.snapshot.making", "c.snapshot", "d.snapshot", "e.snapshot"]


def test_an_artifact_found_again_counts_as_new(tmp_path):
    cache = ArtifactCache(tmp_path, kept=2)
    for name in ("old", "middle", "new"):
        cache.store(name, lambda target: target.write_text("x"))
        time.sleep(0.01)
    assert cache.find("middle") is not None and cache.find("gone") is None
    cache.store("newest", lambda target: target.write_text("x"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["middle", "newest"]


def test_an_artifact_is_stored_whole_or_not_at_all(tmp_path):
    cache = ArtifactCache(tmp_path)

    def half_then_fail(target):
        target.write_text("half")
        raise RuntimeError("the maker failed")

    with pytest.raises(RuntimeError, match="the maker failed"):
        cache.store("wheel", half_then_fail)
    assert list(tmp_path.iterdir()) == []
    folder = cache.store("wheel", lambda target: (target.mkdir(), (target / "a.whl").write_text("whole")))
    assert (folder / "a.whl").read_text() == "whole"
    # Another build that made the same folder meanwhile: the first one made stays.
    assert cache.store("wheel", lambda target: (target.mkdir(), (target / "b.whl").write_text("again"))) == folder
    assert [path.name for path in folder.iterdir()] == ["a.whl"]


def test_content_keys_tell_apart_where_one_part_ends():
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key(b"ab", "c") == content_key("ab", b"c")


def test_copies_of_a_project_share_a_cache_only_when_one_is_named(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.delenv(SHARED_CACHE, raising=False)
    assert ArtifactCache.of_project(first, "wheels").folder != ArtifactCache.of_project(second, "wheels").folder
    monkeypatch.setenv(SHARED_CACHE, str(tmp_path / "shared"))
    assert ArtifactCache.of_project(first, "wheels").folder == ArtifactCache.of_project(second, "wheels").folder == tmp_path / "shared" / "wheels"
