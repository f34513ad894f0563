"""JSON in, JSON out: the one module the browser page calls (through Pyodide).

questions_json() -> the bank as JSON (see QuestionBank.to_dict).
assess_json(answers_json) -> {"ok": true, "result": <AssessmentResult.to_dict()>}
                             or {"ok": false, "errors": ["...", ...]}; never raises for bad answers.
The answers text is read as the terminal reads it (assessment.answers_json); at most
errors.LISTED_MAX_PROBLEMS errors are listed, then "and N more".
"""

from __future__ import annotations

import json

from .answers_json import parse_answers
from .bank import load_bank
from .errors import AnswersError, UnreadableAnswersError, listed
from .scoring import score_answers


def questions_json() -> str:
    return json.dumps(load_bank().to_dict(), ensure_ascii=False)


def assess_json(answers_json: str, allow_partial: bool = False) -> str:
    if not isinstance(answers_json, str):
        return failure([f"answers must be JSON text, got {type(answers_json).__name__}"])
    try:
        answers = parse_answers(answers_json)
    except UnreadableAnswersError as error:
        return failure([f"answers: {error}"])
    try:
        result = score_answers(load_bank(), answers, allow_partial=allow_partial)
    except AnswersError as error:
        return failure(listed(error.problems))
    return json.dumps({"ok": True, "result": result.to_dict()}, ensure_ascii=False)


def failure(errors: list[str]) -> str:
    return json.dumps({"ok": False, "errors": errors}, ensure_ascii=False)
