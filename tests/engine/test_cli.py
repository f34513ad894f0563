"""`python -m assessment` driven as a person or a script would: through a real subprocess."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assessment import report, score_answers
from assessment.answers_json import MAX_ANSWERS_BYTES, MAX_NESTING

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
    assert bank.texts.heading_what_would_change in completed.stdout
    assert result.what_would_change[0].text in completed.stdout
    assert result.next_steps[0].text in completed.stdout


def test_markdown_output_has_headings_and_article_links(bank):
    completed = run_cli("--answers", "-", "--format", "markdown", stdin=json.dumps(SUCCESSION.answers))
    assert completed.returncode == 0
    proactive = bank.approach("proactive")
    assert completed.stdout.startswith(f"# {bank.texts.headline_one.format(approach=proactive.name)}")
    assert f"## {bank.texts.heading_why}" in completed.stdout
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
    summary = score_answers(bank, answers).summary
    asking = completed.stdout[:completed.stdout.index(summary)]  # the result may quote other questions
    skipped = [question for question in bank.questions if question.id not in answers]
    assert skipped and all(question.text not in asking for question in skipped)


def test_interactive_run_stops_cleanly_when_input_ends():
    completed = run_cli(stdin="1\n2\n")
    assert completed.returncode == 2
    assert "input ended" in completed.stderr
    assert "Traceback" not in completed.stderr


def wait_until_waiting_for_input(pid: int) -> None:
    """Until the process sleeps in read(), as a person's terminal would find it. A signal sent a moment
    earlier (prompt shown, read() not yet called) would only be seen after the next line of input."""
    for _ in range(1200):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "S":
            return
        time.sleep(0.05)


def test_ctrl_c_leaves_cleanly():
    process = subprocess.Popen(
        [sys.executable, "-m", "assessment"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As in a terminal: a test run started in the background inherits Ctrl-C ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    shown = ""
    while "Your choice" not in shown or not shown.endswith(": "):  # wait for the first prompt
        character = process.stdout.read(1)
        assert character, "the assessment ended before asking anything"
        shown += character
    wait_until_waiting_for_input(process.pid)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    stderr = process.stderr.read()
    process.stdin.close()
    assert process.returncode == 130
    assert "Stopped" in stderr
    assert "Traceback" not in stderr


# --- bad input: one line on stderr, exit 2, never a traceback -------------------------------------

def run_cli_bytes(*arguments: str, stdin: bytes | None = b"") -> subprocess.CompletedProcess:
    """Raw bytes in, as a shell pipe or redirect gives them; None: standard input closed (`<&-`)."""
    return subprocess.run(
        [sys.executable, "-m", "assessment", *arguments],
        cwd=ROOT,
        input=stdin,
        preexec_fn=(lambda: os.close(0)) if stdin is None else None,
        capture_output=True,
        timeout=60,
    )


def assert_one_line_of_bad_input(completed: subprocess.CompletedProcess) -> str:
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == 2, stderr
    assert stderr.startswith("error: ") and stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert stderr[:-1].isprintable(), stderr
    assert completed.stdout == b""
    return stderr


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


BAD_ANSWERS_FILES = {
    "utf-16": ('{"succession_focus": "central"}'.encode("utf-16"), "UTF-16"),
    "utf-32": ('{"succession_focus": "central"}'.encode("utf-32"), "UTF-32"),
    "utf-16 without a byte-order mark": ('{"a": "b"}'.encode("utf-16-le"), "UTF-16"),
    "latin-1": ('{"succession_focus": "centr\u00e9"}'.encode("latin-1"), "not UTF-8 text (byte 0xE9 at offset 27)"),
    "binary": (bytes(range(256)), "binary data"),
    "empty": (b"", "empty"),
    "only spaces": (b" \n\t ", "empty"),
    "nested 100,000 deep": (nested(100_000), "nested more than 32 levels"),
    "nested in a value": (b'{"succession_focus": ' + nested(40) + b"}", "nested more than 32 levels"),
    "over the size limit": (b'{"succession_focus": "' + b"x" * 1_000_001 + b'"}', "more than 1,000,000 bytes"),
    "not json": (b"succession_focus=central", "not valid JSON (line 1, column 1"),
    "duplicate key": (b'{"succession_focus": 3, "succession_focus": "central"}', "'succession_focus' appears more than once"),
    "duplicate key, nested": (b'{"x": {"a": 1, "a": 2}}', "'a' appears more than once"),
    "5,000-digit number": (b'{"succession_focus": ' + b"9" * 5000 + b"}", "'succession_focus': expected an option id (text), got a number"),
    "a list": (b'["central"]', "must be an object"),
}


@pytest.mark.parametrize("content, expected", BAD_ANSWERS_FILES.values(), ids=BAD_ANSWERS_FILES.keys())
def test_a_bad_answers_file_is_one_line_naming_the_file_and_the_fault(tmp_path, content, expected):
    path = tmp_path / "answers.json"
    path.write_bytes(content)
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", str(path)))
    assert stderr.startswith(f"error: {path}: ") and expected in stderr


@pytest.mark.parametrize("content, expected", BAD_ANSWERS_FILES.values(), ids=BAD_ANSWERS_FILES.keys())
def test_bad_answers_on_standard_input_are_one_line_too(content, expected):
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", "-", stdin=content))
    assert stderr.startswith("error: standard input: ") and expected in stderr


def test_a_byte_order_mark_before_utf8_answers_is_fine(bank):
    answers = json.dumps(SUCCESSION.answers).encode("utf-8-sig")
    completed = run_cli_bytes("--answers", "-", "--format", "json", stdin=answers)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == score_answers(bank, SUCCESSION.answers).to_dict()


def test_an_endless_answers_file_stops_at_the_size_limit():
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", "/dev/zero"))
    assert "more than 1,000,000 bytes" in stderr


def test_an_endless_reply_to_a_question_is_refused():
    completed = subprocess.run([sys.executable, "-m", "assessment"], cwd=ROOT, stdin=open("/dev/zero", "rb"), capture_output=True, timeout=60)
    assert completed.returncode == 2
    assert completed.stderr.decode().count("\n") == 1 and "a reply longer than" in completed.stderr.decode()


@pytest.mark.parametrize("arguments", [("--answers", "-"), ()], ids=["answers from stdin", "interactive"])
def test_a_closed_standard_input_is_bad_input(arguments):
    stderr = assert_one_line_of_bad_input(run_cli_bytes(*arguments, stdin=None))
    assert "standard input is closed" in stderr


def test_an_empty_answers_file_name_is_bad_input_not_the_interactive_quiz():
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", "", stdin=b"1\n" * 40))
    assert "--answers needs a file name" in stderr


def test_a_mistyped_option_is_one_line_without_the_usage_block():
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--format", "yaml"))
    assert "--format" in stderr and "--help" in stderr


def test_help_states_the_limits():
    completed = run_cli("--help")
    assert completed.returncode == 0
    help_text = " ".join(completed.stdout.split())
    assert f"{MAX_ANSWERS_BYTES:,} bytes" in help_text and f"{MAX_NESTING} levels" in help_text


def test_ids_and_values_are_echoed_escaped_and_cut():
    hostile = "\x1b[2J\x1b]0;title\x07\x00\u202eevil"
    answers = {hostile: "x", "succession_focus": "y" * 50_000}
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", "-", stdin=json.dumps(answers).encode()))
    assert "\\x1b[2J" in stderr and "\\x00" in stderr and "\\u202e" in stderr
    assert "(50,000 characters)" in stderr and "y" * 61 not in stderr


def test_a_flood_of_problems_lists_ten_then_how_many_more():
    answers = {f"unknown_{number}": "x" for number in range(30_000)}
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--answers", "-", "--partial", stdin=json.dumps(answers).encode()))
    assert stderr.count("unknown question") == 10
    assert stderr.rstrip().endswith("and 29,990 more")
    assert len(stderr) < 1000


@pytest.mark.parametrize(
    "content, expected",
    [(b"name = '\xe9'", "not UTF-8 text"), (b"a = " + nested(5000), "nested too deeply")],
    ids=["latin-1", "deep"],
)
def test_a_bad_bank_file_is_one_line(tmp_path, content, expected):
    path = tmp_path / "bank.toml"
    path.write_bytes(content)
    stderr = assert_one_line_of_bad_input(run_cli_bytes("--bank", str(path), "--questions"))
    assert str(path) in stderr and expected in stderr


@pytest.mark.parametrize("arguments", [("--questions",), ()], ids=["questions", "interactive"])
def test_a_closed_standard_output_is_one_line_on_standard_error(arguments):
    completed = subprocess.run(
        [sys.executable, "-m", "assessment", *arguments], cwd=ROOT, input=b"", capture_output=True, timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert completed.returncode == 2
    assert completed.stderr.decode().startswith("error: standard output is closed") and completed.stderr.count(b"\n") == 1


def test_a_full_disk_for_the_output_is_one_line_on_standard_error():
    with open("/dev/full", "w") as full:
        completed = subprocess.run([sys.executable, "-m", "assessment", "--questions"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert completed.returncode == 2
    assert completed.stderr.decode() == "error: cannot write the output: No space left on device\n"
