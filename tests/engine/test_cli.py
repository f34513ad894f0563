"""`python -m assessment` driven as a person or a script would: through a real subprocess."""

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import report, score_answers

from .article_scenarios import SCENARIOS

BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
SUCCESSION = BY_NAME["succession_focus_with_identified_candidates"]
BEHAVIOUR = BY_NAME["behaviour_observed_by_the_board"]
NOTHING = BY_NAME["nothing_called_for"]

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *arguments],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def answers_file(tmp_path):
    def write(answers, name="answers.json") -> Path:
        path = tmp_path / name
        path.write_text(answers if isinstance(answers, str) else json.dumps(answers), encoding="utf-8")
        return path

    return write


def test_json_output_is_the_engines_to_dict(bank, answers_file):
    completed = run_cli("--answers", str(answers_file(SUCCESSION.answers)), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score_answers(bank, SUCCESSION.answers).to_dict()


def test_json_output_lists_answers_to_unasked_questions_as_not_asked(bank):
    completed = run_cli("--answers", "-", "--format", "json", stdin=json.dumps(NOTHING.answers_as_given))
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["recommended"] == "none"
    assert result["not_asked"] == list(NOTHING.not_asked)
    assert result["what_would_change"] and all(change["text"] for change in result["what_would_change"])


def test_answers_can_come_from_standard_input(bank):
    completed = run_cli("--answers", "-", "--format", "json", stdin=json.dumps(BEHAVIOUR.answers))
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score_answers(bank, BEHAVIOUR.answers).to_dict()


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_text_and_markdown_are_the_reports_rendering(bank, output_format):
    completed = run_cli("--answers", "-", "--format", output_format, stdin=json.dumps(BEHAVIOUR.answers))
    render = {"text": report.result_as_text, "markdown": report.result_as_markdown}[output_format]
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == render(score_answers(bank, BEHAVIOUR.answers).to_dict())


def test_text_output_names_the_best_fit_what_would_change_it_and_the_steps(bank):
    completed = run_cli("--answers", "-", stdin=json.dumps(BEHAVIOUR.answers))
    result = score_answers(bank, BEHAVIOUR.answers)
    assert completed.returncode == 0
    assert completed.stdout.startswith(result.summary)
    assert "What would change the result" in completed.stdout
    assert result.what_would_change[0].text in completed.stdout
    assert result.next_steps[0].text in completed.stdout


def test_markdown_output_has_headings_and_article_links(bank):
    completed = run_cli("--answers", "-", "--format", "markdown", stdin=json.dumps(SUCCESSION.answers))
    assert completed.returncode == 0
    assert completed.stdout.startswith(f"# {bank.texts.recommend_single.format(name='Proactive coaching')}")
    assert "## Why" in completed.stdout
    assert f"]({bank.article_path}#proactive-succession)" in completed.stdout


def test_questions_as_json_give_roles_ask_if_need_and_weights(bank):
    completed = run_cli("--questions", "--format", "json")
    assert completed.returncode == 0
    assert json.loads(completed.stdout) == bank.to_dict()


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_questions_as_text_or_markdown_show_every_option_with_its_need_or_readiness(bank, output_format):
    completed = run_cli("--questions", "--format", output_format)
    assert completed.returncode == 0
    for question in bank.questions:
        assert question.text in completed.stdout
        assert all(option.text in completed.stdout for option in question.options)
    assert "need: proactive situation" in completed.stdout
    assert "readiness: after_the_fact at risk" in completed.stdout


def test_a_missing_answers_file_is_bad_input_naming_the_file(tmp_path):
    missing = tmp_path / "nowhere.json"
    completed = run_cli("--answers", str(missing))
    assert completed.returncode == 2
    assert str(missing) in completed.stderr
    assert completed.stdout == ""


def test_invalid_json_is_bad_input_naming_file_and_line(answers_file):
    path = answers_file('{\n  "succession_focus": central\n}')
    completed = run_cli("--answers", str(path))
    assert completed.returncode == 2
    assert str(path) in completed.stderr and "line 2" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_every_problem_with_the_answers_is_listed_at_once(answers_file):
    answers = {**BEHAVIOUR.answers, "succession_focus": "always", "flight_risk": 3}
    del answers["positioning"]
    completed = run_cli("--answers", str(answers_file(answers)))
    assert completed.returncode == 2
    assert "succession_focus" in completed.stderr and "'always'" in completed.stderr
    assert "flight_risk" in completed.stderr and "a number" in completed.stderr
    assert "positioning" in completed.stderr and "no answer given" in completed.stderr
    assert completed.stdout == ""


def test_partial_answers_are_scored_only_with_partial(answers_file):
    path = answers_file({"succession_focus": "central", "current_timing": "newly_promoted"})
    assert run_cli("--answers", str(path)).returncode == 2
    completed = run_cli("--answers", str(path), "--partial", "--format", "json")
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["complete"] is False


def test_a_broken_bank_file_is_bad_input_naming_the_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[article\n", encoding="utf-8")
    completed = run_cli("--bank", str(broken), "--questions")
    assert completed.returncode == 2
    assert str(broken) in completed.stderr


def test_an_unknown_format_is_bad_input():
    completed = run_cli("--questions", "--format", "yaml")
    assert completed.returncode == 2
    assert "--format" in completed.stderr


def test_interactive_run_asks_only_the_questions_that_apply_re_asks_after_bad_input_and_accepts_ids(bank):
    answers = NOTHING.answers  # leaves some questions unasked
    replies = ["7", "banana"]  # two bad replies to the first question, then good ones
    replies += [str(bank.question(question_id).option_ids.index(option_id) + 1) for question_id, option_id in answers.items()]
    replies[-1] = list(answers.values())[-1]  # the last one typed as an option id
    completed = run_cli(stdin="\n".join(replies) + "\n")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("Please type a number from 1 to") == 2
    total = len(bank.questions)
    numbers = [index for index, question in enumerate(bank.questions, start=1) if question.id in answers]
    assert [line.split(":")[0] for line in completed.stdout.splitlines() if line.startswith("Question ")] == [f"Question {n} of {total}" for n in numbers]
    skipped = [question for question in bank.questions if question.id not in answers]
    assert skipped and all(question.text not in completed.stdout for question in skipped)
    assert score_answers(bank, answers).summary in completed.stdout


def test_interactive_run_stops_cleanly_when_input_ends():
    completed = run_cli(stdin="1\n2\n")
    assert completed.returncode == 2
    assert "input ended" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_ctrl_c_leaves_cleanly():
    process = subprocess.Popen(
        [sys.executable, "-m", "assessment"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    shown = ""
    while "Your choice" not in shown or not shown.endswith(": "):  # wait for the first prompt
        character = process.stdout.read(1)
        assert character, "the assessment ended before asking anything"
        shown += character
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Stopped" in stderr
    assert "Traceback" not in stderr
