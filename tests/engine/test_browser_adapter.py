"""The browser's entry points: JSON in, JSON out, never an exception for bad answers."""

import json

import pytest

from assessment import report, score_answers
from assessment.browser import assess_json, markdown_json, questions_json, warm_up, warm_up_answers

from .article_scenarios import SCENARIOS

BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
BEHAVIOUR = BY_NAME["behaviour_observed_by_the_board"]


def test_questions_json_is_the_bank_with_roles_ask_if_need_and_weights(bank):
    data = json.loads(questions_json())
    assert data == json.loads(json.dumps(bank.to_dict()))
    assert data["fingerprint"] == bank.fingerprint
    assert [question["id"] for question in data["questions"]] == [question.id for question in bank.questions]
    assert {question["role"] for question in data["questions"]} == {"practice", "need", "readiness"}
    by_id = {question["id"]: question for question in data["questions"]}
    assert by_id["contribution_valued"]["ask_if"] == {"observed_behaviour": ["some_concern", "yes_specific"]}
    assert by_id["succession_focus"]["ask_if"] == {}
    central = by_id["succession_focus"]["options"][0]
    assert set(central) == {"id", "text", "anchor", "need", "weights", "no_coaching_today", "not_sure"}
    assert central["need"] == {"proactive": "situation"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_assess_json_returns_the_engines_result_for_each_scenario(bank, scenario):
    reply = json.loads(assess_json(json.dumps(scenario.answers_as_given)))
    assert reply == {"ok": True, "result": score_answers(bank, scenario.answers_as_given).to_dict()}


def test_assess_json_reports_bad_json_as_an_error():
    reply = json.loads(assess_json("{not json"))
    assert reply["ok"] is False
    assert "not valid JSON" in reply["errors"][0]


def test_assess_json_lists_every_answer_problem():
    answers = {**BEHAVIOUR.answers, "succession_focus": "sometimes", "made_up": "x"}
    del answers["positioning"]
    reply = json.loads(assess_json(json.dumps(answers)))
    assert reply["ok"] is False
    assert "unknown question 'made_up'" in reply["errors"]
    assert any("succession_focus" in error and "sometimes" in error for error in reply["errors"])
    assert "question 'positioning': no answer given" in reply["errors"]


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


@pytest.mark.parametrize("article_url", [None, "https://example.org/issues/timing/"])
def test_markdown_json_is_the_reports_markdown_of_the_result(bank, article_url):
    reply = json.loads(markdown_json(json.dumps(BEHAVIOUR.answers), article_url))
    expected = report.result_as_markdown(score_answers(bank, BEHAVIOUR.answers).to_dict(), article_url)
    assert reply == {"ok": True, "markdown": expected}


def test_markdown_json_refuses_incomplete_or_broken_answers_with_the_problems():
    incomplete = json.loads(markdown_json(json.dumps({"succession_focus": "central"})))
    assert incomplete["ok"] is False
    assert "question 'current_timing': no answer given" in incomplete["errors"]
    broken = json.loads(markdown_json("{"))
    assert broken["ok"] is False and "not valid JSON" in broken["errors"][0]


def test_warm_up_answers_are_a_complete_set_of_first_options(bank):
    answers = warm_up_answers()
    result = score_answers(bank, answers)
    assert result.unanswered == () and result.not_asked == ()
    assert list(answers) == [question.id for question in bank.asked_questions(answers)]
    assert all(answers[question_id] == bank.question(question_id).option_ids[0] for question_id in answers)


def test_warm_up_runs_every_path_without_raising():
    assert warm_up() is None
