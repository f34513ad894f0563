"""Arbitrary bytes and JSON thrown at both ways in: the terminal and the browser adapter. Whatever
comes in, the answer is a result or one clean error, never a crash or a hang.

The terminal is its `main` fed the bytes as standard input, in this process: a subprocess per
example added nothing but its start (0.1 s each). The fixed examples also run as a real process,
standard streams and exit code included."""

import io
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessment import AnswersError, load_bank, score_answers
from assessment.browser import assess_json
from assessment.cli import main
from assessment.errors import LISTED_MAX_PROBLEMS

ROOT = Path(__file__).resolve().parents[2]
BANK = load_bank()
# A bound that fails the test on a hang (generous, because the machine is shared), not a speed figure.
TIMEOUT_S = 60
terminal_settings = settings(
    max_examples=300,
    deadline=timedelta(seconds=TIMEOUT_S),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ARGUMENTS = ["--answers", "-", "--format", "json"]
# Inputs that once broke a terminal: a byte-order mark of another encoding, and nesting too deep to parse.
HARD_INPUTS = [b"\xff\xfe{\x00}\x00", b"[" * 100_000]

question_ids = st.sampled_from([question.id for question in BANK.questions])
option_ids = st.sampled_from(sorted({option_id for question in BANK.questions for option_id in question.option_ids}))
# Keys and values drawn partly from the real bank, so some inputs get close to valid answers.
json_keys = st.one_of(question_ids, st.text(max_size=20))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), option_ids),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(json_keys, children, max_size=4)),
    max_leaves=20,
)
json_answers = st.one_of(st.dictionaries(json_keys, json_values, max_size=20), json_values)
raw_bytes = st.one_of(
    st.binary(max_size=2000),
    json_answers.map(lambda value: json.dumps(value).encode("utf-8")).flatmap(
        # Valid JSON with damage: a byte replaced, cut short, or re-encoded.
        lambda data: st.one_of(
            st.just(data[: len(data) // 2]),
            st.just(data.decode().encode("utf-16")),
            st.integers(0, max(len(data) - 1, 0)).flatmap(
                lambda index: st.integers(0, 255).map(lambda byte: data[:index] + bytes([byte]) + data[index + 1:])
            ),
        )
    ),
)


def run_cli(data: bytes) -> subprocess.CompletedProcess:
    """The terminal version with `data` as standard input, as `python -m assessment` runs it."""
    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = main(ARGUMENTS, stdin=io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), stdout=stdout, stderr=stderr)
    return subprocess.CompletedProcess(ARGUMENTS, returncode, stdout.getvalue().encode("utf-8"), stderr.getvalue().encode("utf-8"))


def run_process(data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assessment", *ARGUMENTS], cwd=ROOT, input=data, capture_output=True, timeout=TIMEOUT_S)


def engine_accepts(value: object) -> bool:
    try:
        score_answers(BANK, value)
    except AnswersError:
        return False
    return True


def assert_one_clean_line(completed: subprocess.CompletedProcess) -> None:
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == 2, stderr
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and stderr[:-1].isprintable(), stderr
    assert completed.stdout == b""


@terminal_settings
@given(raw_bytes)
@example(HARD_INPUTS[0])
@example(HARD_INPUTS[1])
def test_the_terminal_answers_arbitrary_bytes_with_one_line(data):
    assert_one_clean_line(run_cli(data))


def test_the_terminal_as_a_process_answers_hard_inputs_with_one_line():
    for data in HARD_INPUTS:
        assert_one_clean_line(run_process(data))


def test_the_terminal_as_a_process_scores_answers_as_the_engine_does():
    answers = {question.id: question.option_ids[0] for question in BANK.questions}
    completed = run_process(json.dumps(answers).encode("utf-8"))
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == json.loads(json.dumps(score_answers(BANK, answers, allow_partial=True).to_dict()))


@terminal_settings
@given(json_answers)
def test_the_terminal_scores_arbitrary_json_or_says_why_in_one_line(value):
    completed = run_cli(json.dumps(value).encode("utf-8"))
    if engine_accepts(value):
        assert completed.returncode == 0, completed.stderr
        assert json.loads(completed.stdout) == json.loads(json.dumps(score_answers(BANK, value).to_dict()))
    else:
        assert_one_clean_line(completed)


def assert_clean_error_object(reply_text: str) -> dict:
    reply = json.loads(reply_text)
    assert reply["ok"] is False
    assert 1 <= len(reply["errors"]) <= LISTED_MAX_PROBLEMS + 1
    assert all(isinstance(error, str) and error.isprintable() for error in reply["errors"])
    return reply


@settings(max_examples=300, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=2000), raw_bytes.map(lambda data: data.decode("utf-8", "replace"))))
@example("[" * 100_000)
@example('{"a": ' + "9" * 5000 + "}")
@example('{"a": 1, "a": 2}')
def test_the_browser_adapter_answers_arbitrary_text_with_a_clean_error_object(text):
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = None
    if value is None or not engine_accepts(value):
        assert_clean_error_object(assess_json(text))


@settings(max_examples=300, deadline=timedelta(seconds=10))
@given(json_answers)
def test_the_browser_adapter_scores_arbitrary_json_or_returns_a_clean_error_object(value):
    reply_text = assess_json(json.dumps(value))
    if engine_accepts(value):
        assert json.loads(reply_text)["ok"] is True
    else:
        assert_clean_error_object(reply_text)
