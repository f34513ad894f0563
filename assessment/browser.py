"""JSON in, JSON out: the one module the browser page calls (through Pyodide).

questions_json() -> the bank as JSON (see QuestionBank.to_dict).
assess_json(answers_json) -> {"ok": true, "result": <AssessmentResult.to_dict()>}
                             or {"ok": false, "errors": ["...", ...]}; never raises for bad answers.
"""

from __future__ import annotations

import json

from .bank import load_bank
from .errors import AnswersError
from .scoring import score_answers


def questions_json() -> str:
    return json.dumps(load_bank().to_dict(), ensure_ascii=False)


def assess_json(answers_json: str, allow_partial: bool = False) -> str:
    try:
        answers = json.loads(answers_json)
    except (TypeError, ValueError) as error:
        return failure([f"answers are not valid JSON ({error})"])
    try:
        result = score_answers(load_bank(), answers, allow_partial=allow_partial)
    except AnswersError as error:
        return failure(list(error.problems))
    return json.dumps({"ok": True, "result": result.to_dict()}, ensure_ascii=False)


def failure(errors: list[str]) -> str:
    return json.dumps({"ok": False, "errors": errors}, ensure_ascii=False)
