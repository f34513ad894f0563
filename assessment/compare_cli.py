"""`python -m assessment compare A.json B.json ...`: a team's view in the terminal.

    python -m assessment compare A.json B.json ...   2 to 12 result downloads or answers files ("-" reads stdin once)
    --labels CEO,HR,...                              one label per file, in order (default: the file names)
    --format text|json|markdown                      how to print (json: the team view's to_dict())

The same view and team outcome as the team page (see assessment.team). Exit codes: 0 done; 2 bad
input, one line on stderr naming every bad file (a team is compared whole or not at all).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from .loading import load_bank
from .cli import EXIT_BAD_INPUT, BadInput, OneLineArgumentParser, answers_label, one_line, read_answers_file, read_bank_file, write_output
from .errors import AnswersError, BankError
from .respondents import RespondentError, answers_from_data
from .team import LARGEST_TEAM, SMALLEST_TEAM, team_view
from .team_report import team_as_markdown, team_as_text


def build_parser() -> OneLineArgumentParser:
    parser = OneLineArgumentParser(prog="python -m assessment compare", description="Compare the answers of a team's respondents.")
    parser.add_argument("files", nargs="+", metavar="FILE", help='a result download (JSON) or an answers file; "-" reads standard input')
    parser.add_argument("--labels", help="comma-separated labels, one per file, in order (e.g. CEO,HR)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    parser.add_argument("--bank", metavar="FILE", help="read the question bank from FILE instead of the packaged one")
    return parser


def main(argv: list[str], *, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        options = build_parser().parse_args(argv)
        bank = read_bank_file(options.bank) if options.bank is not None else load_bank()
        labels = labels_for(options.files, options.labels)
        view = team_view(bank, read_respondents(bank, options.files, labels, stdin)).to_dict()
        return write_output(stdout, render_team(view, options.format))
    except (BankError, BadInput) as error:
        stderr.write(one_line(f"error: {error}") + "\n")
    except AnswersError as error:
        stderr.write(one_line("error: " + "; ".join(error.problems)) + "\n")
    return EXIT_BAD_INPUT


def labels_for(files: list[str], labels: str | None) -> list[str]:
    if not SMALLEST_TEAM <= len(files) <= LARGEST_TEAM:
        raise BadInput(f"give {SMALLEST_TEAM} to {LARGEST_TEAM} files, one per respondent (got {len(files)})")
    if files.count("-") > 1:
        raise BadInput('standard input ("-") can be read only once')
    if labels is None:
        return [answers_label(name) if name == "-" else Path(name).stem for name in files]
    given = [label.strip() for label in labels.split(",")]
    if len(given) != len(files):
        raise BadInput(f"--labels gives {len(given)} label(s) for {len(files)} file(s); give one per file, in order")
    return given


def read_respondents(bank, files: list[str], labels: list[str], stdin: TextIO) -> list[tuple[str, dict[str, str]]]:
    """Every file read and checked on its own; BadInput naming every bad one."""
    respondents, problems = [], []
    for label, name in zip(labels, files, strict=True):
        try:
            read = answers_from_data(bank, read_answers_file(name, stdin))
            respondents.append((label, read.answers))
        except BadInput as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(f"cannot read {answers_label(name)}: {error.strerror or error}")
        except RespondentError as error:
            problems.append(f"{answers_label(name)}: " + "; ".join(error.problems))
    if problems:
        raise BadInput(f"{len(problems)} of {len(files)} file(s) cannot be used: " + " | ".join(problems))
    return respondents


def render_team(view: dict, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(view, indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return team_as_markdown(view)
    return team_as_text(view)
