"""Recognisable organizations from the article get the timing the article describes for them."""

import pytest

from assessment import score_answers

from .profiles import (
    A_LITTLE_OF_EVERYTHING,
    ACTS_ON_360_AND_TRAINING,
    BALANCED_SUCCESSION_AND_PROGRAMMES,
    BOARD_NOTICES_A_PROBLEM,
    SUCCESSION_PLANNER,
    changed,
)


def test_succession_planning_and_promoting_from_within_gets_proactive(bank):
    result = score_answers(bank, SUCCESSION_PLANNER)
    assert result.recommended == "proactive"
    assert result.ranking[0] == "proactive"
    assert result.margin > bank.scoring.blend_margin


def test_acting_on_360_results_and_after_training_gets_just_in_time(bank):
    result = score_answers(bank, ACTS_ON_360_AND_TRAINING)
    assert result.recommended == "just_in_time"
    assert result.margin > bank.scoring.blend_margin


def test_coaching_only_when_the_board_notices_a_problem_gets_after_the_fact(bank):
    result = score_answers(bank, BOARD_NOTICES_A_PROBLEM)
    assert result.recommended == "after_the_fact"
    assert result.scores["after_the_fact"] == 100


def test_balanced_answers_give_a_blend_naming_both_sorted(bank):
    result = score_answers(bank, BALANCED_SUCCESSION_AND_PROGRAMMES)
    assert result.recommended == "blend:just_in_time+proactive"
    assert set(result.recommended_approaches) == {"just_in_time", "proactive"}
    assert result.margin <= bank.scoring.blend_margin
    assert result.margin == result.scores[result.ranking[0]] - result.scores[result.ranking[1]]


def test_scores_are_points_as_a_share_of_the_most_possible(bank):
    result = score_answers(bank, ACTS_ON_360_AND_TRAINING).to_dict()
    for approach_id, score in result["scores"].items():
        points = result["points"][approach_id]
        assert score == round(100 * points["points"] / points["possible"])


def test_reasons_are_the_strongest_answers_with_their_anchors(bank):
    result = score_answers(bank, SUCCESSION_PLANNER).to_dict()
    reasons = result["reasons"]["proactive"]
    assert len(reasons) == bank.scoring.reasons_per_approach
    assert [reason["points"] for reason in reasons] == sorted((reason["points"] for reason in reasons), reverse=True)
    for reason in reasons:
        question = bank.question(reason["question_id"])
        assert reason["anchor"] == question.option(reason["option_id"]).anchor
        assert reason["answer"] == question.option(reason["option_id"]).text
        assert reason["points"] == question.option(reason["option_id"]).weight_for("proactive") > 0


def test_an_approach_without_points_has_no_reasons(bank):
    result = score_answers(bank, BOARD_NOTICES_A_PROBLEM).to_dict()
    assert result["scores"]["proactive"] == 0
    assert result["reasons"]["proactive"] == []


def test_current_practice_matching_the_best_fit(bank):
    practice = score_answers(bank, SUCCESSION_PLANNER).current_practice
    assert practice.approach == "proactive"
    assert practice.matches_best_fit is True


def test_current_practice_differing_from_the_best_fit_asks_about_another(bank):
    answers = changed(
        SUCCESSION_PLANNER, current_timing="when_performance_poor", current_decision="assigned_by_leadership"
    )
    result = score_answers(bank, answers)
    assert result.recommended == "proactive"
    assert result.current_practice.approach == "after_the_fact"
    assert result.current_practice.matches_best_fit is False
    assert "Could your organization benefit from another" in result.current_practice.text
    assert any(step.anchor == "field-practices" for step in result.next_steps)


def test_current_practice_is_unknown_when_no_coaching_is_offered(bank):
    practice = score_answers(bank, BALANCED_SUCCESSION_AND_PROGRAMMES).current_practice
    assert practice.approach is None
    assert practice.matches_best_fit is False


def test_current_practice_is_unknown_when_practice_answers_split_evenly(bank):
    answers = changed(SUCCESSION_PLANNER, current_timing="groomed_for_future_role", current_decision="assigned_by_leadership")
    assert score_answers(bank, answers).current_practice.approach is None


def test_practice_answers_never_change_the_fit_scores(bank):
    base = score_answers(bank, SUCCESSION_PLANNER)
    for option in bank.question("current_timing").options:
        other = score_answers(bank, changed(SUCCESSION_PLANNER, current_timing=option.id))
        assert other.scores == base.scores


@pytest.mark.parametrize(
    "profile, approach",
    [(SUCCESSION_PLANNER, "proactive"), (ACTS_ON_360_AND_TRAINING, "just_in_time"), (BOARD_NOTICES_A_PROBLEM, "after_the_fact")],
)
def test_next_steps_belong_to_the_recommended_approach(bank, profile, approach):
    result = score_answers(bank, profile)
    expected = [step.text for step in bank.next_steps if step.applies_to == approach]
    assert [step.text for step in result.next_steps] == expected


def test_summary_names_both_approaches_of_a_blend_and_the_margin(bank):
    result = score_answers(bank, BALANCED_SUCCESSION_AND_PROGRAMMES)
    assert "Proactive coaching" in result.summary and "Just-in-time coaching" in result.summary
    assert str(result.margin) in result.summary


def test_a_reason_cites_the_paragraph_of_its_option_when_the_option_names_one(bank):
    result = score_answers(bank, ACTS_ON_360_AND_TRAINING).to_dict()
    focused = next(reason for reason in result["reasons"]["just_in_time"] if reason["question_id"] == "investment_scale")
    assert bank.question("investment_scale").anchor == "proactive-risk"
    assert focused["anchor"] == "jit-impact"


def test_a_three_way_near_tie_blends_the_top_two_and_shows_all_three_as_close(bank):
    result = score_answers(bank, A_LITTLE_OF_EVERYTHING)
    assert result.is_blend
    assert result.recommended_approaches == result.ranking[:2]
    assert set(result.within_margin) == set(bank.approach_ids)


def test_equal_top_scores_never_pick_one_by_list_order(bank):
    result = score_answers(bank, A_LITTLE_OF_EVERYTHING)
    top, second = result.ranking[:2]
    assert result.scores[top] == result.scores[second]
    assert result.recommended == "blend:" + "+".join(sorted([top, second]))
