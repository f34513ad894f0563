"""Cautions come from rules written as data, and are raised exactly when their conditions hold."""

from hypothesis import given, settings

from assessment import score_answers

from .profiles import ACTS_ON_360_AND_TRAINING, BOARD_NOTICES_A_PROBLEM, SUCCESSION_PLANNER, changed
from .strategies import complete_answers


def caution_ids(bank, answers) -> set[str]:
    return {caution.id for caution in score_answers(bank, answers).cautions}


def test_the_profiles_raise_no_cautions(bank):
    for profile in (SUCCESSION_PLANNER, ACTS_ON_360_AND_TRAINING, BOARD_NOTICES_A_PROBLEM):
        assert caution_ids(bank, profile) == set()


def test_after_the_fact_as_litigation_cover(bank):
    answers = changed(BOARD_NOTICES_A_PROBLEM, dismissal_protection="yes")
    assert caution_ids(bank, answers) == {"after_the_fact_as_litigation_cover"}
    assert caution_ids(bank, changed(answers, dismissal_protection="possibly")) == {"after_the_fact_as_litigation_cover"}


def test_litigation_cover_is_not_raised_when_after_the_fact_is_not_in_play(bank):
    assert caution_ids(bank, changed(SUCCESSION_PLANNER, dismissal_protection="yes")) == set()


def test_current_practice_puts_an_approach_in_play(bank):
    answers = changed(
        SUCCESSION_PLANNER,
        dismissal_protection="yes",
        current_timing="when_performance_poor",
        current_decision="assigned_by_leadership",
    )
    assert score_answers(bank, answers).recommended == "proactive"
    assert caution_ids(bank, answers) == {"after_the_fact_as_litigation_cover"}


def test_after_the_fact_when_the_contribution_is_not_otherwise_valued(bank):
    answers = changed(BOARD_NOTICES_A_PROBLEM, contribution_valued="in_doubt")
    assert caution_ids(bank, answers) == {"after_the_fact_contribution_not_valued"}


def test_after_the_fact_positioned_as_a_bare_requirement(bank):
    answers = changed(BOARD_NOTICES_A_PROBLEM, positioning="as_a_requirement")
    assert caution_ids(bank, answers) == {"after_the_fact_positioned_as_requirement"}


def test_proactive_without_an_roi_component(bank):
    for measure in ("satisfaction_survey", "behaviour_changed", "not_judged"):
        assert caution_ids(bank, changed(SUCCESSION_PLANNER, success_measure=measure)) == {"proactive_without_roi"}


def test_proactive_with_a_flight_risk(bank):
    assert caution_ids(bank, changed(SUCCESSION_PLANNER, flight_risk="likely")) == {"proactive_flight_risk"}


def test_just_in_time_judged_only_by_a_satisfaction_survey(bank):
    answers = changed(ACTS_ON_360_AND_TRAINING, success_measure="satisfaction_survey")
    assert caution_ids(bank, answers) == {"just_in_time_satisfaction_survey_only"}


def test_every_caution_cites_an_article_anchor(bank):
    for caution in bank.cautions:
        assert caution.anchor in bank.anchors


@settings(max_examples=60, deadline=None)
@given(answers=complete_answers())
def test_a_caution_is_raised_exactly_when_its_rule_holds(bank, answers):
    result = score_answers(bank, answers)
    in_play = set(result.recommended_approaches) | {result.current_practice.approach}
    expected = {
        rule.id
        for rule in bank.cautions
        if (rule.approach is None or rule.approach in in_play)
        and all(answers[question_id] in option_ids for question_id, option_ids in rule.when.items())
    }
    assert {caution.id for caution in result.cautions} == expected
