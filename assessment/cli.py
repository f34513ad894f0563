"""The terminal version: `python -m assessment`.

    python -m assessment                       ask the questions, then print the result
    python -m assessment --answers FILE        score a JSON object {question id: option id}; "-" reads stdin
    python -m assessment --questions           print the question bank
    --format text|json|markdown                how to print (json: the result's to_dict(), or the bank's)
    --partial                                  with --answers, score an incomplete answer set
    --bank FILE                                use another bank file (to check an edited bank)

Answers files are UTF-8 JSON, refused unread past the size and nesting limits in assessment.answers_json.
Exit codes: 0 done; 2 bad input (one line on stderr, never a traceback); 130 interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import BinaryIO, TextIO

from . import report
from .answers_json import MAX_ANSWERS_BYTES, MAX_NESTING, answers_text, parse_answers
from .loading import load_bank
from .errors import AnswersError, BankError, UnreadableAnswersError, listed
from .model import Question, QuestionBank
from .scoring import score_answers

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
# An edited bank is a few dozen kilobytes; past this it is not a bank.
MAX_BANK_BYTES = 10_000_000
# A reply is a number or an option id; a longer line is not a reply (and /dev/zero never ends one).
MAX_REPLY_CHARACTERS = 200
# One line of error on a terminal stays readable; the values in it are already cut (errors.quoted).
MAX_ERROR_CHARACTERS = 2000
STDIN_CLOSED = "standard input is closed; pipe the answers in or name a file with --answers"


class BadInput(Exception):
    """Input a person must fix; the message says what and where."""


class OneLineArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        # argparse would print its usage block first; a mistyped option gets one line like any bad input.
        raise BadInput(f"{message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(
        prog="python -m assessment",
        description="Which timing of executive coaching fits your organization?",
        epilog=f"An answers file is UTF-8 JSON of at most {MAX_ANSWERS_BYTES:,} bytes, nested at most "
        f"{MAX_NESTING} levels deep, each key once. Exit codes: 0 done, 2 bad input (one line on "
        "standard error), 130 stopped with Ctrl-C.",
    )
    parser.add_argument("--answers", metavar="FILE", help='JSON object of question id -> option id; "-" reads standard input')
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    parser.add_argument("--questions", action="store_true", help="print the questions, options and weights, then stop")
    parser.add_argument("--partial", action="store_true", help="with --answers: score even if some questions are unanswered")
    parser.add_argument("--bank", metavar="FILE", help="read the question bank from FILE instead of the packaged one")
    return parser


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    # sys.stdin is None when the process was started with standard input closed.
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        options = build_parser().parse_args(argv)
        bank = read_bank_file(options.bank) if options.bank is not None else load_bank()
        if options.questions:
            return write_output(stdout, render_bank(bank, options.format))
        if options.answers is not None:
            answers = read_answers_file(options.answers, stdin)
            result = score_named(bank, answers, options.answers, allow_partial=options.partial)
        else:
            result = score_answers(bank, ask_questions(bank, read_line(stdin, stdout), stdout))
        return write_output(stdout, render_result(result.to_dict(), options.format))
    except (BankError, BadInput) as error:
        stderr.write(one_line(f"error: {error}") + "\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        stderr.write(one_line(f"error: cannot read {error.filename or 'input'}: {error.strerror or error}") + "\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        stderr.write("\nStopped; nothing was scored.\n")
        return EXIT_INTERRUPTED


def write_output(stdout: TextIO | None, text: str) -> int:
    # sys.stdout is None when standard output was closed; a full disk or a closed pipe fails the write.
    if stdout is None:
        raise BadInput("standard output is closed; nothing was printed")
    try:
        stdout.write(text)
        stdout.flush()
    except OSError as error:
        raise BadInput(f"cannot write the output: {error.strerror or error}") from None
    return EXIT_OK


def one_line(text: str) -> str:
    """What a terminal shows as written: line breaks, escape sequences, NUL and bidi controls escaped."""
    if len(text) > MAX_ERROR_CHARACTERS:
        text = text[:MAX_ERROR_CHARACTERS] + "…"
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)


# ---------------------------------------------------------------- answers from a file

def read_answers_file(name: str, stdin: TextIO | None) -> object:
    """One answers file ("-": standard input) read and parsed, or BadInput naming it and what is wrong."""
    if name == "":
        raise BadInput('--answers needs a file name, or "-" for standard input')
    try:
        return parse_answers(answers_text(read_at_most(name, stdin, MAX_ANSWERS_BYTES + 1)))
    except UnreadableAnswersError as error:
        raise BadInput(f"{answers_label(name)}: {error}") from None


def read_at_most(name: str, stdin: TextIO | None, size: int) -> bytes:
    """Bytes, not text: the encoding is checked on purpose, and a stream that never ends stops at `size`."""
    if name != "-":
        with open(name, "rb") as file:
            return file.read(size)
    if stdin is None:
        raise BadInput(STDIN_CLOSED)
    source: BinaryIO | None = getattr(stdin, "buffer", None)
    if source is not None:
        return source.read(size)
    return stdin.read(size).encode("utf-8", "surrogatepass")  # a text stream handed to main() by a caller


def answers_label(name: str) -> str:
    return "standard input" if name == "-" else name


def score_named(bank: QuestionBank, answers: object, name: str, *, allow_partial: bool):
    try:
        return score_answers(bank, answers, allow_partial=allow_partial)
    except AnswersError as error:
        count = len(error.problems)
        raise BadInput(f"{answers_label(name)}: {count:,} problem{'s' if count > 1 else ''} with the answers: {'; '.join(listed(error.problems))}") from None


def read_bank_file(name: str) -> QuestionBank:
    with open(name, "rb") as file:
        data = file.read(MAX_BANK_BYTES + 1)
    if len(data) > MAX_BANK_BYTES:
        raise BadInput(f"{name}: more than {MAX_BANK_BYTES:,} bytes; not a question bank")
    try:
        return load_bank(text=data.decode("utf-8-sig"), source=name)
    except UnicodeDecodeError as error:
        raise BadInput(f"{name}: not UTF-8 text (byte 0x{data[error.start]:02X} at offset {error.start:,}); save it as UTF-8") from None
    except RecursionError:
        raise BadInput(f"{name}: nested too deeply to be a question bank") from None


# ---------------------------------------------------------------- interactive

def read_line(stdin: TextIO | None, stdout: TextIO) -> Callable[[str], str]:
    if stdin is None:
        raise BadInput(STDIN_CLOSED)
    if stdout is None:
        raise BadInput("standard output is closed; the questions cannot be shown")

    def ask(prompt: str) -> str:
        stdout.write(prompt)
        stdout.flush()
        try:
            line = stdin.readline(MAX_REPLY_CHARACTERS + 1)
        except UnicodeDecodeError:
            raise BadInput("standard input is not UTF-8 text") from None
        if not line:
            raise BadInput("input ended before every question was answered")
        if len(line) > MAX_REPLY_CHARACTERS and not line.endswith("\n"):
            raise BadInput(f"a reply longer than {MAX_REPLY_CHARACTERS} characters; type the number of your answer")
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
