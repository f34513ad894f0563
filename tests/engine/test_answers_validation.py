"""Bad answers are refused with every problem listed at once; partial sets only when asked."""

import pytest

from assessment import AnswersError, score_answers

from .profiles import SUCCESSION_PLANNER


def problems_for(bank, answers, **options) -> tuple[str, ...]:
    with pytest.raises(AnswersError) as raised:
        score_answers(bank, answers, **options)
    return raised.value.problems


def test_every_problem_is_listed_at_once(bank):
    answers = {**SUCCESSION_PLANNER, "made_up": "x", "succession_focus": "always", "flight_risk": None}
    del answers["positioning"]
    del answers["current_timing"]
    problems = problems_for(bank, answers)
    assert problems == (
        "unknown question 'made_up'",
        "question 'current_timing': no answer given",
        "question 'succession_focus': unknown option 'always' (expected one of: central, secondary, not_a_focus)",
        "question 'flight_risk': expected an option id (text), got null",
        "question 'positioning': no answer given",
    )


@pytest.mark.parametrize(
    "value, type_name",
    [(1, "a number"), (2.5, "a number"), (True, "true/false"), (["central"], "a list"), ({"id": "central"}, "an object")],
)
def test_a_wrong_type_names_the_question_and_the_type(bank, value, type_name):
    problems = problems_for(bank, {**SUCCESSION_PLANNER, "succession_focus": value})
    assert problems == (f"question 'succession_focus': expected an option id (text), got {type_name}",)


@pytest.mark.parametrize("answers", [["central"], "central", None, 3])
def test_answers_that_are_not_an_object_are_refused(bank, answers):
    (problem,) = problems_for(bank, answers)
    assert problem.startswith("answers must be an object mapping question ids to option ids")


def test_nothing_is_scored_from_a_partial_set_by_default(bank):
    problems = problems_for(bank, {"succession_focus": "central"})
    assert len(problems) == len(bank.questions) - 1
    assert all(problem.endswith("no answer given") for problem in problems)


def test_a_partial_set_is_scored_when_asked_for(bank):
    result = score_answers(bank, {"succession_focus": "central", "time_horizon": "over_years"}, allow_partial=True)
    assert result.recommended == "proactive"
    assert result.scores["proactive"] == 100
    assert set(result.unanswered) == {question.id for question in bank.questions} - {"succession_focus", "time_horizon"}
    assert result.to_dict()["complete"] is False


def test_partial_answers_are_still_checked(bank):
    problems = problems_for(bank, {"succession_focus": "always"}, allow_partial=True)
    assert problems == ("question 'succession_focus': unknown option 'always' (expected one of: central, secondary, not_a_focus)",)


def test_an_empty_partial_set_scores_zero_everywhere_as_a_blend(bank):
    result = score_answers(bank, {}, allow_partial=True)
    assert set(result.scores.values()) == {0}
    assert result.margin == 0
    assert result.recommended.startswith("blend:")


def test_the_error_message_joins_all_problems(bank):
    with pytest.raises(AnswersError) as raised:
        score_answers(bank, {"nope": "x"}, allow_partial=True)
    assert str(raised.value) == "unknown question 'nope'"
