"""The browser's one entry point: JSON in, JSON out, never an exception for bad answers."""

import json

from assessment import score_answers
from assessment import browser
from assessment.browser import assess_json, questions_json, warm_up_answers

from .profiles import SUCCESSION_PLANNER


def test_questions_json_lists_every_question_with_options_and_weights(bank):
    data = json.loads(questions_json())
    assert data["fingerprint"] == bank.fingerprint
    assert [question["id"] for question in data["questions"]] == [question.id for question in bank.questions]
    first_option = data["questions"][0]["options"][0]
    assert set(first_option) == {"id", "text", "weights", "anchor"}
    assert set(first_option["weights"]) == set(bank.approach_ids)
    assert {question["kind"] for question in data["questions"]} == {"practice", "condition"}


def test_assess_json_returns_the_same_result_as_the_engine(bank):
    reply = json.loads(assess_json(json.dumps(SUCCESSION_PLANNER)))
    assert reply == {"ok": True, "result": score_answers(bank, SUCCESSION_PLANNER).to_dict()}


def test_assess_json_reports_bad_json_as_an_error():
    reply = json.loads(assess_json("{not json"))
    assert reply["ok"] is False
    assert "not valid JSON" in reply["errors"][0]


def test_assess_json_lists_every_answer_problem():
    answers = {**SUCCESSION_PLANNER, "succession_focus": "sometimes", "made_up": "x"}
    del answers["positioning"]
    reply = json.loads(assess_json(json.dumps(answers)))
    assert reply["ok"] is False
    assert any("made_up" in error for error in reply["errors"])
    assert any("succession_focus" in error and "sometimes" in error for error in reply["errors"])
    assert any("positioning" in error for error in reply["errors"])


def test_assess_json_rejects_a_list_instead_of_an_object():
    reply = json.loads(assess_json("[1, 2]"))
    assert reply == {"ok": False, "errors": [reply["errors"][0]]}
    assert "object" in reply["errors"][0]


def test_assess_json_scores_a_partial_set_only_when_asked():
    partial = {"succession_focus": "central"}
    assert json.loads(assess_json(json.dumps(partial)))["ok"] is False
    reply = json.loads(assess_json(json.dumps(partial), allow_partial=True))
    assert reply["ok"] is True
    assert reply["result"]["complete"] is False
    assert "succession_focus" not in reply["result"]["unanswered"]


def test_the_warm_up_answers_are_a_complete_valid_answer_set_for_the_bank(bank):
    answers = warm_up_answers()
    assert list(answers) == [question.id for question in bank.questions]
    assert score_answers(bank, answers).to_dict()["complete"]


def test_warm_up_runs_every_path_the_page_uses_without_raising(monkeypatch):
    calls = []
    monkeypatch.setattr(browser, "assess_json", lambda answers_json: calls.append(json.loads(answers_json)) or "{}")
    browser.warm_up()
    assert calls == [warm_up_answers(), {}]
