"""The team view through its two doors: the browser adapter (JSON in, JSON out) and
`python -m assessment compare`, which must agree with each other and with the engine."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from assessment import load_bank, score_answers
from assessment.browser import team_json
from assessment.links import team_link
from assessment.team import team_view
from assessment.team_report import team_as_markdown

from .team_answers import AFTER_THE_FACT, JUST_IN_TIME, PROACTIVE
from .test_properties import JSON_VALUES

ROOT = Path(__file__).resolve().parents[2]
TEAM = [("CEO", PROACTIVE), ("HR", JUST_IN_TIME), ("Board", AFTER_THE_FACT)]


def run_compare(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assessment", "compare", *arguments], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def team_files(tmp_path):
    paths = []
    for label, answers in TEAM:
        path = tmp_path / f"{label.lower()}.json"
        path.write_text(json.dumps(score_answers(load_bank(), answers).to_dict()), encoding="utf-8")
        paths.append(str(path))
    return paths


# ---------------------------------------------------------------- browser adapter

def test_team_json_gives_the_engines_view_its_link_and_its_markdown(bank):
    entries = [{"label": label, "text": json.dumps(answers)} for label, answers in TEAM]
    reply = json.loads(team_json(json.dumps({"respondents": entries, "article_url": "https://example.org/article/"})))
    view = team_view(bank, TEAM).to_dict()
    assert reply["ok"] is True and reply["left_out"] == [] and reply["notices"] == []
    assert reply["team"] == view
    assert reply["team_link"] == team_link(bank, TEAM)
    assert reply["markdown"] == team_as_markdown(view, "https://example.org/article/")


def test_team_json_reads_its_own_team_link_back(bank):
    reply = json.loads(team_json(json.dumps({"team_link": team_link(bank, TEAM)})))
    assert reply["team"] == team_view(bank, TEAM).to_dict()


def test_team_json_names_the_left_out_and_refuses_a_team_of_one(bank):
    entries = [{"label": "CEO", "text": json.dumps(PROACTIVE)}, {"label": "HR", "text": "#assessment=1&bank=zzz"}]
    reply = json.loads(team_json(json.dumps({"respondents": entries})))
    assert reply["ok"] is False and reply["reason"] == "team_size"
    assert [problem["label"] for problem in reply["left_out"]] == ["HR"]


def test_team_json_says_a_team_link_is_outdated(bank):
    reply = json.loads(team_json(json.dumps({"team_link": team_link(bank, TEAM).replace(bank.fingerprint, "000000000000")})))
    assert reply["ok"] is False and reply["reason"] == "outdated"


@settings(max_examples=60, deadline=None)
@given(value=JSON_VALUES)
def test_team_json_never_raises_for_any_json(value):
    for request in (value, {"respondents": value}, {"team_link": value}, {"respondents": [value, value]}):
        reply = json.loads(team_json(json.dumps(request)))
        assert reply["ok"] is False
        assert all(isinstance(error, str) for error in reply.get("errors", []))


# ---------------------------------------------------------------- the terminal

def test_compare_json_is_the_same_view_as_the_browsers(bank, team_files):
    completed = run_compare(*team_files, "--labels", "CEO,HR,Board", "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == team_view(bank, TEAM).to_dict()


def test_compare_text_names_each_respondent_and_the_team_outcome(bank, team_files):
    completed = run_compare(*team_files)
    assert completed.returncode == 0, completed.stderr
    assert "Team outcome, by the team rule" in completed.stdout
    for label in ("ceo", "hr", "board"):  # labels default to the file names
        assert f"  {label}: " in completed.stdout


def test_compare_markdown_is_the_engines(bank, team_files):
    completed = run_compare(*team_files, "--labels", "CEO,HR,Board", "--format", "markdown")
    assert completed.stdout == team_as_markdown(team_view(bank, TEAM).to_dict())


@pytest.mark.parametrize("arguments, message", [
    (["{only}"], "give 2 to 12 files"),
    (["{only}", "{only}", "--labels", "A"], "--labels gives 1 label(s) for 2 file(s)"),
    (["{only}", "{missing}"], "cannot read"),
    (["{only}", "{bad}"], "unknown question 'nonsense'"),
    (["{only}", "-", "-"], "can be read only once"),
])
def test_compare_exits_2_naming_the_problem(tmp_path, arguments, message):
    paths = {"only": tmp_path / "only.json", "missing": tmp_path / "missing.json", "bad": tmp_path / "bad.json"}
    paths["only"].write_text(json.dumps(PROACTIVE), encoding="utf-8")
    paths["bad"].write_text(json.dumps({"nonsense": "x"}), encoding="utf-8")
    completed = run_compare(*(argument.format(**paths) for argument in arguments), stdin=json.dumps(PROACTIVE))
    assert completed.returncode == 2
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr
