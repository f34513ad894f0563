"""JSON in, JSON out: the one module the browser page calls (through Pyodide).

questions_json() -> the bank as JSON (see QuestionBank.to_dict).
assess_json(answers_json) -> {"ok": true, "result": <AssessmentResult.to_dict()>}
                             or {"ok": false, "errors": ["...", ...]}; never raises for bad answers.
warm_up() -> runs what the page calls once on every path (for the memory snapshot and the worker).
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


def warm_up_answers() -> dict[str, str]:
    """The first option of every question: a complete answer set that exists for any bank."""
    return {question.id: question.options[0].id for question in load_bank().questions}


def warm_up() -> None:
    """Run each path the page uses once (questions, a complete assessment, bad answers), so that every
    module is imported and the bank parsed before a reader asks: at build time inside the memory
    snapshot, and in the worker before it says it is ready."""
    questions_json()
    assess_json(json.dumps(warm_up_answers()))
    assess_json("{}")
