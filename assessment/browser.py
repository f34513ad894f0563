"""JSON in, JSON out: the one module the browser page calls (through Pyodide).

questions_json() -> the bank as JSON (see QuestionBank.to_dict).
assess_json(answers_json) -> {"ok": true, "result": <AssessmentResult.to_dict()>}
                             or {"ok": false, "errors": ["...", ...]}; never raises for bad answers.
markdown_json(answers_json, article_url) -> {"ok": true, "markdown": "..."} (the download), or errors.
team_json(request_json) -> a team's view (see team_reply); request: {"respondents": [{label, text}, ...]}
                           (text: a share link or a JSON download) or {"team_link": "#team=..."},
                           and "article_url" for the Markdown's links.
warm_up() -> runs every path the page uses once, so a snapshot taken after it holds them warm.

The answers text is read as the terminal reads it (assessment.answers_json); at most
errors.LISTED_MAX_PROBLEMS errors are listed, then "and N more".
"""

from __future__ import annotations

import json

from . import report
from .answers_json import parse_answers
from .loading import load_bank
from .errors import AnswersError, UnreadableAnswersError, listed
from .links import team_link
from .respondents import ReadTeam, RespondentError, read_respondents, read_team_link
from .scoring import score_answers
from .team import team_view
from .team_report import team_as_markdown


def questions_json() -> str:
    return json.dumps(load_bank().to_dict(), ensure_ascii=False)


def assess_json(answers_json: str, allow_partial: bool = False) -> str:
    scored = scored_result(answers_json, allow_partial)
    if isinstance(scored, str):
        return scored
    return json.dumps({"ok": True, "result": scored.to_dict()}, ensure_ascii=False)


def markdown_json(answers_json: str, article_url: str | None = None) -> str:
    scored = scored_result(answers_json, allow_partial=False)
    if isinstance(scored, str):
        return scored
    return json.dumps({"ok": True, "markdown": report.result_as_markdown(scored.to_dict(), article_url)}, ensure_ascii=False)


def scored_result(answers_json: str, allow_partial: bool):
    """The result, or the JSON failure reply to send instead."""
    answers, refused = parsed_request(answers_json, "answers")
    if refused:
        return refused
    try:
        return score_answers(load_bank(), answers, allow_partial=allow_partial)
    except AnswersError as error:
        return failure(listed(error.problems))


def parsed_request(text, what: str) -> tuple[object, str | None]:
    """What the page sent, read as JSON, or the failure reply to send instead; `what` names it."""
    if not isinstance(text, str):
        return None, failure([f"{what} must be JSON text, got {type(text).__name__}"])
    try:
        return parse_answers(text), None
    except UnreadableAnswersError as error:
        return None, failure([f"{what}: {error}"])


def warm_up_answers() -> dict[str, str]:
    """The first option of every question asked: one complete answer set, for warming the engine."""
    bank = load_bank()
    answers: dict[str, str] = {}
    for question in bank.questions:
        if question.is_asked(answers):
            answers[question.id] = question.options[0].id
    return answers


def warm_up() -> None:
    answers = json.dumps(warm_up_answers())
    questions_json()
    assess_json(answers)
    markdown_json(answers)
    assess_json("{}")
    team_json(json.dumps({"respondents": [{"text": answers}, {"text": answers}]}))


def team_json(request_json: str) -> str:
    request, refused = parsed_request(request_json, "the team request")
    if refused:
        return refused
    if not isinstance(request, dict):
        return failure(["the team request must be an object"])
    bank = load_bank()
    try:
        team = read_team_link(bank, request["team_link"]) if "team_link" in request else read_respondents(bank, request.get("respondents"))
    except RespondentError as error:
        return json.dumps({"ok": False, "reason": error.reason, "errors": list(error.problems), "left_out": []}, ensure_ascii=False)
    return json.dumps(team_reply(bank, team, request.get("article_url")), ensure_ascii=False)


def team_reply(bank, team: ReadTeam, article_url: object) -> dict:
    """{"ok": true, "team": TeamView.to_dict(), "team_link": "#team=...", "markdown": str, "left_out": [...], "notices": [...]}
    or {"ok": false, "reason": "team_size", "errors": [...], "left_out": [...], "notices": [...]};
    left_out and notices: [{label, reason, problems}] (notices: read from an earlier bank, problems = answers dropped)."""
    left_out = [problem.to_dict() for problem in team.left_out]
    notices = [problem.to_dict() for problem in team.notices]
    try:
        view = team_view(bank, team.respondents).to_dict()
    except AnswersError as error:
        return {"ok": False, "reason": "team_size", "errors": list(error.problems), "left_out": left_out, "notices": notices}
    return {
        "ok": True,
        "team": view,
        "team_link": team_link(bank, [(respondent["label"], respondent["result"]["answers"]) for respondent in view["respondents"]]),
        "markdown": team_as_markdown(view, article_url if isinstance(article_url, str) else None),
        "left_out": left_out,
        "notices": notices,
    }


def failure(errors: list[str]) -> str:
    return json.dumps({"ok": False, "errors": errors}, ensure_ascii=False)
