"""Bad answers are refused with every problem listed at once; partial sets only when asked for."""

import pytest

from assessment import AnswersError, score_answers

from .answer_sets import complete_answers, neutral_answers


def succession_options(bank) -> str:
    return ", ".join(bank.question("succession_focus").option_ids)


def problems_for(bank, answers, **options) -> tuple[str, ...]:
    with pytest.raises(AnswersError) as raised:
        score_answers(bank, answers, **options)
    return raised.value.problems


def test_every_problem_is_listed_at_once_unknown_questions_first_then_in_bank_order(bank):
    answers = {**neutral_answers(bank), "made_up": "x", "also_made_up": "y", "succession_focus": "always", "flight_risk": None}
    del answers["observed_behaviour"]
    del answers["current_timing"]
    assert problems_for(bank, answers) == (
        "unknown question 'also_made_up'",
        "unknown question 'made_up'",
        "question 'current_timing': no answer given",
        f"question 'succession_focus': unknown option 'always' (expected one of: {succession_options(bank)})",
        "question 'flight_risk': expected an option id (text), got null",
        "question 'observed_behaviour': no answer given",
    )


@pytest.mark.parametrize(
    "value, type_name",
    [(1, "a number"), (2.5, "a number"), (True, "true/false"), (["central"], "a list"), ({"id": "central"}, "an object")],
)
def test_a_wrong_type_names_the_question_and_the_type(bank, value, type_name):
    problems = problems_for(bank, {**neutral_answers(bank), "succession_focus": value})
    assert problems == (f"question 'succession_focus': expected an option id (text), got {type_name}",)


@pytest.mark.parametrize("answers", [["central"], "central", None, 3])
def test_answers_that_are_not_an_object_are_refused(bank, answers):
    (problem,) = problems_for(bank, answers)
    assert problem.startswith("answers must be an object mapping question ids to option ids")


def test_a_question_asked_because_of_an_earlier_answer_must_be_answered(bank):
    answers = {**neutral_answers(bank), "observed_behaviour": "yes_specific"}
    newly_asked = [question.id for question in bank.questions if question.ask_if and question.is_asked(answers)]
    assert "contribution_valued" in newly_asked
    assert problems_for(bank, answers) == tuple(f"question '{question_id}': no answer given" for question_id in newly_asked)


def test_an_answer_to_an_unasked_question_is_ignored_whatever_it_says(bank):
    answers = {**neutral_answers(bank), "observed_behaviour": "no", "contribution_valued": "no_one_concerned", "positioning": 3}
    result = score_answers(bank, answers)
    assert result.not_asked == ("contribution_valued", "positioning")
    assert "contribution_valued" not in result.answers


def test_nothing_is_scored_from_a_partial_set_by_default(bank):
    given = {"succession_focus": "central"}
    problems = problems_for(bank, given)
    expected = [question.id for question in bank.asked_questions(given) if question.id not in given]
    assert problems == tuple(f"question '{question_id}': no answer given" for question_id in expected)


def test_a_partial_set_is_scored_when_asked_for(bank):
    given = {"succession_focus": "central", "candidates_identified": "named_and_budgeted"}
    result = score_answers(bank, given, allow_partial=True)
    assert result.recommended == "proactive"
    assert [item.question_id for item in result.need_for("proactive").evidence] == ["succession_focus", "candidates_identified"]
    assert set(result.unanswered) == {question.id for question in bank.asked_questions(given)} - set(given)
    assert result.to_dict()["complete"] is False


def test_partial_answers_are_still_checked(bank):
    problems = problems_for(bank, {"succession_focus": "always"}, allow_partial=True)
    assert problems == (f"question 'succession_focus': unknown option 'always' (expected one of: {succession_options(bank)})",)


def test_an_empty_partial_set_recommends_nothing_and_says_what_would(bank):
    result = score_answers(bank, {}, allow_partial=True)
    assert set(result.verdicts.values()) == {"not_called"}
    assert result.recommended == "none"
    assert {change.recommended for change in result.what_would_change} >= set(bank.approach_ids)


def test_a_complete_set_built_from_given_answers_is_accepted(bank):
    answers = complete_answers(bank, {"observed_behaviour": "yes_specific"})
    assert "contribution_valued" in answers
    assert score_answers(bank, answers).unanswered == ()


def test_the_error_message_joins_all_problems(bank):
    with pytest.raises(AnswersError) as raised:
        score_answers(bank, {"nope": "x", "succession_focus": "always"}, allow_partial=True)
    assert str(raised.value) == f"unknown question 'nope'; question 'succession_focus': unknown option 'always' (expected one of: {succession_options(bank)})"
