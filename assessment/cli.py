"""The terminal version: `python -m assessment`.

    python -m assessment                       ask the questions, then print the result
    python -m assessment --answers FILE        score a JSON object {question id: option id}; "-" reads stdin
    python -m assessment --questions           print the question bank
    --format text|json|markdown                how to print (json: the result's to_dict(), or the bank's)
    --partial                                  with --answers, score an incomplete answer set
    --bank FILE                                use another bank file (to check an edited bank)

Exit codes: 0 done; 2 bad input (the message is on stderr); 130 interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TextIO

from . import report
from .bank import load_bank
from .errors import AnswersError, BankError
from .model import Question, QuestionBank
from .scoring import score_answers

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class BadInput(Exception):
    """Input a person must fix; the message says what and where."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assessment", description="Which timing of executive coaching fits your organization?")
    parser.add_argument("--answers", metavar="FILE", help='JSON object of question id -> option id; "-" reads standard input')
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    parser.add_argument("--questions", action="store_true", help="print the questions, options and weights, then stop")
    parser.add_argument("--partial", action="store_true", help="with --answers: score even if some questions are unanswered")
    parser.add_argument("--bank", metavar="FILE", help="read the question bank from FILE instead of the packaged one")
    return parser


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    options = build_parser().parse_args(argv)
    try:
        bank = load_bank(options.bank) if options.bank else load_bank()
        if options.questions:
            stdout.write(render_bank(bank, options.format))
            return EXIT_OK
        if options.answers:
            answers = read_answers_file(options.answers, stdin)
            result = score_named(bank, answers, options.answers, allow_partial=options.partial)
        else:
            result = score_answers(bank, ask_questions(bank, read_line(stdin, stdout), stdout))
    except (BankError, BadInput) as error:
        stderr.write(f"error: {error}\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        stderr.write(f"error: cannot read {error.filename or 'input'}: {error.strerror or error}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        stderr.write("\nStopped; nothing was scored.\n")
        return EXIT_INTERRUPTED
    stdout.write(render_result(result.to_dict(), options.format))
    return EXIT_OK


# ---------------------------------------------------------------- answers from a file

def read_answers_file(name: str, stdin: TextIO) -> object:
    label = "standard input" if name == "-" else name
    text = stdin.read() if name == "-" else open(name, encoding="utf-8").read()
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"{label}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None


def score_named(bank: QuestionBank, answers: object, name: str, *, allow_partial: bool):
    label = "standard input" if name == "-" else name
    try:
        return score_answers(bank, answers, allow_partial=allow_partial)
    except AnswersError as error:
        listed = "\n".join(f"  - {problem}" for problem in error.problems)
        raise BadInput(f"{label}: {len(error.problems)} problem(s) with the answers:\n{listed}") from None


# ---------------------------------------------------------------- interactive

def read_line(stdin: TextIO, stdout: TextIO) -> Callable[[str], str]:
    def ask(prompt: str) -> str:
        stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        if not line:
            raise BadInput("input ended before every question was answered")
        return line.strip()

    return ask


def ask_questions(bank: QuestionBank, ask: Callable[[str], str], stdout: TextIO) -> dict[str, str]:
    stdout.write(f"Up to {len(bank.questions)} questions (some are asked only after certain answers). Type the number of your answer and press Enter (Ctrl-C stops).\n\n")
    answers: dict[str, str] = {}
    for number, question in enumerate(bank.questions, start=1):
        if not question.is_asked(answers):
            continue
        stdout.write(question_block(question, number, len(bank.questions)))
        answers[question.id] = ask_until_valid(question, ask, stdout)
        stdout.write("\n")
    return answers


def question_block(question: Question, number: int, total: int) -> str:
    lines = [f"Question {number} of {total}: {question.text}"]
    if question.help:
        lines.append(f"  ({question.help})")
    lines += [f"  {index}. {option.text}" for index, option in enumerate(question.options, start=1)]
    return "\n".join(lines) + "\n"


def ask_until_valid(question: Question, ask: Callable[[str], str], stdout: TextIO) -> str:
    count = len(question.options)
    while True:
        reply = ask(f"Your choice (1-{count}): ")
        option_id = option_for_reply(question, reply)
        if option_id is not None:
            return option_id
        stdout.write(f"Please type a number from 1 to {count}.\n")


def option_for_reply(question: Question, reply: str) -> str | None:
    """A number from the list, or an option id typed out."""
    if reply.isdigit() and 1 <= int(reply) <= len(question.options):
        return question.options[int(reply) - 1].id
    return reply if question.option(reply) is not None else None


# ---------------------------------------------------------------- output

def render_result(result: dict, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return report.result_as_markdown(result)
    return report.result_as_text(result)


def render_bank(bank: QuestionBank, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(bank.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return report.bank_as_markdown(bank)
    return report.bank_as_text(bank)
