"""The memory snapshot the site ships holds exactly the engine it ships, and Pyodide still restores it.

Snapshots rest on private Pyodide options (overrides/assets/assessment/snapshot-options.mjs); these
tests are where a runtime update that breaks them shows up.
"""

import base64
import gzip
import hashlib
import json
import re
import subprocess

from site_paths import ROOT

from engine.answer_sets import complete_answers
from engine.article_scenarios import SCENARIOS

from assessment import browser, load_bank
from assessment.browser import questions_json
from assessment.respondents import team_link

ASSETS = ROOT / "overrides" / "assets" / "assessment"


def test_the_private_snapshot_options_were_checked_against_the_pinned_runtime():
    checked = re.search(r'SNAPSHOT_CHECKED_WITH_PYODIDE = "([^"]+)"', (ASSETS / "snapshot-options.mjs").read_text("utf-8"))[1]
    pinned = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text("utf-8"))["version"]
    assert checked == pinned, (
        f"Pyodide is now {pinned}, the snapshot options were checked with {checked}: run these tests, "
        "read the runtime's changelog for _makeSnapshot/_loadSnapshot, then update snapshot-options.mjs"
    )


def restored_snapshot_replies(built_site, calls: list[tuple[str, list]]) -> dict:
    """What the built snapshot, restored in Node as the worker restores it for a reader (without the
    standard library), holds and answers to these calls of assessment.browser."""
    runtime = next((built_site / "assets" / "assessment").glob("pyodide-*"))
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "site" / "restore_snapshot.mjs"), str(runtime), str(built_site / "assets" / "assessment")],
        input=json.dumps(calls), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"the snapshot no longer restores with the pinned Pyodide:\n{result.stderr[-2000:]}"
    return json.loads(result.stdout)


def every_path_of_the_engine() -> list[tuple[str, list]]:
    """A call of each thing the page asks, on each path: every article scenario scored and written as
    Markdown, a team by its answers and by its link, and each kind of bad input."""
    bank = load_bank()
    scenarios = [complete_answers(bank, scenario.given) for scenario in SCENARIOS]
    team = [(f"Respondent {n}", answers) for n, answers in enumerate(scenarios[:3], start=1)]
    calls = [("questions_json", [])]
    for answers in scenarios:
        calls += [("assess_json", [json.dumps(answers)]), ("markdown_json", [json.dumps(answers), "https://example.org/a/"])]
    calls += [
        ("team_json", [json.dumps({"respondents": [{"text": json.dumps(answers), "label": label} for label, answers in team]})]),
        ("team_json", [json.dumps({"team_link": team_link(bank, team), "article_url": "https://example.org/a/"})]),
        ("team_json", [json.dumps({"team_link": "#team=9&bank=0&r=x"})]),
        ("team_json", [json.dumps({"respondents": [{"text": "not json"}, {"text": "[]"}]})]),
        ("assess_json", ["not json"]),
        ("assess_json", [json.dumps({"current_timing": "no such option", "no_such_question": "yes"})]),
        ("markdown_json", ["{}", 3]),
    ]
    return calls


def test_the_built_snapshot_restores_the_engine_the_site_ships(built_site):
    runtime = next((built_site / "assets" / "assessment").glob("pyodide-*"))
    lock = json.loads((runtime / "pyodide-lock.json").read_text("utf-8"))
    (package,) = lock["packages"].values()
    held = restored_snapshot_replies(built_site, [("questions_json", [])])
    assert held["wheel"] == package["sha256"], "the snapshot holds another engine than the wheel the site ships"
    assert json.loads(held["replies"][0]) == json.loads(questions_json())


def test_the_restored_engine_answers_every_path_as_the_native_one_without_the_standard_library(built_site):
    # A reader's restore never downloads the standard library: every module any path imports
    # must already be in the snapshot, or this fails (an import from the empty archive raises).
    calls = every_path_of_the_engine()
    replies = restored_snapshot_replies(built_site, calls)["replies"]
    for (name, args), reply in zip(calls, replies, strict=True):
        assert json.loads(reply) == json.loads(getattr(browser, name)(*args)), f"{name}{tuple(args)!r:.200}"


def test_the_snapshot_maker_is_not_published(built_site):
    assert not list(built_site.rglob("make-snapshot.mjs"))


def test_the_page_pins_the_snapshot_it_ships_gzipped_and_inflated(built_site):
    page = (built_site / "assessment" / "index.html").read_text("utf-8")
    (snapshot,) = (built_site / "assets" / "assessment").glob("pyodide-*/engine.snapshot")
    gzipped = snapshot.read_bytes()
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(gzipped).digest()).decode()
    assert f'data-snapshot-integrity="{integrity}"' in page, "the download is checked against the file shipped"
    inflated = hashlib.sha256(gzip.decompress(gzipped)).hexdigest()
    assert f'data-snapshot-sha256="{inflated}"' in page, "a cached copy is checked against the inflated file"


def test_only_the_preview_boots_every_visit_from_the_snapshot(built_site):
    # `mkdocs serve` marks its pages so (tests/browser/test_live_preview.py); a built site leaves
    # the choice to each visit (tests/browser/test_boot_choice.py).
    for page in ("assessment/index.html", "assessment/team/index.html"):
        assert "data-snapshot-every-visit" not in (built_site / page).read_text("utf-8")
