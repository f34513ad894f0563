"""The engine the site ships, run in Pyodide under Node.js as a reader's browser runs it, answers every
path exactly as the native engine: restored from the snapshot with no standard library at all, and
started afresh with the standard library cut to what it imports, compiled (site_build/assessment/stdlib.py).
"""

import io
import json
import subprocess
import zipfile

import pytest
from site_paths import ROOT

from engine.answer_sets import complete_answers
from engine.article_scenarios import SCENARIOS

from assessment import browser, cli, load_bank
from assessment.browser import questions_json
from assessment.links import team_link

ARTICLE = "https://example.org/a/"


def engine_in_node(built_site, boot: str, calls: list[tuple[str, list]]) -> dict:
    """Which engine the booted runtime holds (snapshot only) and its replies to these calls."""
    runtime = next((built_site / "assets" / "assessment").glob("pyodide-*"))
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "site" / "engine_in_node.mjs"), str(runtime), str(ROOT / "scripts" / "shared"), boot],
        input=json.dumps(calls), capture_output=True, text=True, timeout=300,
    )
    # The runtime's own source is printed with an error, in lines too long to read: left out.
    readable = [line for line in result.stderr.splitlines() if len(line) < 500]
    assert result.returncode == 0, f"the engine did not run in Pyodide ({boot} boot):\n" + "\n".join(readable[-30:])
    return json.loads(result.stdout)


def native_cli_json(answers_json: str) -> str:
    output = io.StringIO()
    cli.main(["--answers", "-", "--format", "json"], stdin=io.StringIO(answers_json), stdout=output)
    return output.getvalue()


def native(name: str, args: list) -> str:
    return native_cli_json(*args) if name == "cli_json" else getattr(browser, name)(*args)


def every_path_of_the_engine(boot: str) -> list[tuple[str, list]]:
    """A call of each thing the page asks, on each path: every article scenario scored (with what
    would change) and written as Markdown; a team by its answers and by its link; each kind of bad
    input; and, where the whole engine is installed (not in a snapshot, which holds what the page
    calls), the command line's JSON."""
    bank = load_bank()
    scenarios = [complete_answers(bank, scenario.given) for scenario in SCENARIOS]
    team = [(f"Respondent {n}", answers) for n, answers in enumerate(scenarios[:3], start=1)]
    calls = [("questions_json", [])]
    for answers in scenarios:
        calls += [("assess_json", [json.dumps(answers)]), ("markdown_json", [json.dumps(answers), ARTICLE])]
        calls += [("cli_json", [json.dumps(answers)])] if boot == "normal" else []
    calls += [
        ("team_json", [json.dumps({"respondents": [{"text": json.dumps(answers), "label": label} for label, answers in team]})]),
        ("team_json", [json.dumps({"team_link": team_link(bank, team), "article_url": ARTICLE})]),
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
    held = engine_in_node(built_site, "snapshot", [("questions_json", [])])
    assert held["wheel"] == package["sha256"], "the snapshot holds another engine than the wheel the site ships"
    assert json.loads(held["replies"][0]) == json.loads(questions_json())


@pytest.mark.parametrize("boot", ["snapshot", "normal"])
def test_every_path_answers_as_the_native_engine_with_only_the_library_the_site_serves(built_site, boot):
    # snapshot: no library at all (a reader's restore never downloads it); normal: the cut library.
    # A module any path imports that is not there fails the call that needs it.
    calls = every_path_of_the_engine(boot)
    replies = engine_in_node(built_site, boot, calls)["replies"]
    for (name, args), reply in zip(calls, replies, strict=True):
        assert json.loads(reply) == json.loads(native(name, args)), f"{boot}: {name}{tuple(args)!r:.200}"


# PEP 552: a .pyc checked by nothing but its name (the source is not served to check it against).
UNCHECKED_HASH_PYC = (0b01).to_bytes(4, "little")


def test_the_served_library_is_the_runtimes_cut_to_what_is_imported_and_compiled(built_site):
    # That the compiled files import and run as the source does is the test above (normal boot).
    served = zipfile.ZipFile(next((built_site / "assets" / "assessment").glob("pyodide-*/python_stdlib.zip")))
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    folders = {entry.filename for entry in served.infolist() if entry.is_dir()}
    compiled = {entry.filename for entry in served.infolist() if not entry.is_dir()}
    assert all(name.endswith(".pyc") for name in compiled), "every module compiled, no source served"
    sources = {name.removesuffix("c") for name in compiled}
    assert sources | folders < {entry.filename for entry in full.infolist()}, "only the runtime's own modules, and not all of them"
    for name in ("json/__init__.py", "fractions.py", "tomllib/__init__.py", "_pyodide/__init__.py"):
        assert name in sources, f"{name}: imported by the engine or the boot, so served"
    for name in ("email/mime/text.py", "http/server.py", "sqlite3/__init__.py"):
        assert name not in sources, f"{name}: imported by nothing the site runs"
    headers = {served.read(name)[:8] for name in compiled}
    assert len(headers) == 1 and headers.pop()[4:] == UNCHECKED_HASH_PYC, "one Python's bytecode, the same bytes for the same source"

