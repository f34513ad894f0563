"""Cautions come from rules written as data, raised when their answers are given and their approach is in play."""

import pytest

from assessment import score_answers

from .answer_sets import complete_answers
from .article_scenarios import SCENARIOS

BEHAVIOUR_OBSERVED = {"observed_behaviour": "yes_specific"}
# Proactive is clearly stronger than after-the-fact here, so after-the-fact is not recommended.
STRONGER_SUCCESSION = {"succession_focus": "central", "candidates_identified": "named_and_budgeted", "success_measure": "roi_built_in"}
AFTER_THE_FACT_TODAY = {"current_timing": "when_performance_poor", "current_decision": "assigned_by_leadership"}
# The article: "some of these individuals will ... use it as leverage": raised whenever proactive coaching is in play.
INHERENT_PROACTIVE_RISK = "proactive_flight_risk"


def caution_ids(bank, **given) -> list[str]:
    return [caution.id for caution in score_answers(bank, complete_answers(bank, given)).cautions]


def test_every_caution_of_the_bank_is_raised_by_an_article_scenario(bank):
    raised = {caution_id for scenario in SCENARIOS for caution_id in scenario.raised}
    assert {caution.id for caution in bank.cautions} <= raised


def test_the_neutral_base_raises_no_caution(bank):
    assert caution_ids(bank) == []


@pytest.mark.parametrize("answer, raised", [("yes", ["after_the_fact_as_litigation_cover"]), ("not_sure", []), ("no", [])])
def test_litigation_cover_is_raised_for_yes_only_and_not_sure_is_not_a_yes(bank, answer, raised):
    assert caution_ids(bank, **BEHAVIOUR_OBSERVED, dismissal_protection=answer) == raised


def test_several_conditions_at_risk_are_all_raised_in_bank_order(bank):
    given = {**BEHAVIOUR_OBSERVED, "dismissal_protection": "yes", "contribution_valued": "not_valued", "mandated": "yes", "positioning": "not_carefully"}
    assert caution_ids(bank, **given) == [caution.id for caution in bank.cautions if caution.approach == "after_the_fact"]


def test_a_caution_is_not_raised_when_its_approach_is_not_in_play(bank):
    # Some concern, nothing specific: after-the-fact is not called for, so its conditions stay quiet.
    result = score_answers(bank, complete_answers(bank, {**STRONGER_SUCCESSION, "observed_behaviour": "some_concern", "dismissal_protection": "yes"}))
    assert result.recommended == "proactive"
    # Only the risk the article states as inherent to proactive coaching, which is called for.
    assert [caution.id for caution in result.cautions] == [INHERENT_PROACTIVE_RISK] and result.blocked == ()
    # ...though its readiness still says the condition is not met, should it come into play.
    assert result.readiness_for("after_the_fact").blocking == ("after_the_fact_as_litigation_cover",)


def test_a_blocked_approach_called_for_is_in_play_with_its_blocking_condition(bank):
    result = score_answers(bank, complete_answers(bank, {**STRONGER_SUCCESSION, **BEHAVIOUR_OBSERVED, "dismissal_protection": "yes"}))
    assert result.recommended == "proactive" and result.blocked == ("after_the_fact",)
    assert [(caution.id, caution.severity) for caution in result.cautions] == [("after_the_fact_as_litigation_cover", "blocking"), (INHERENT_PROACTIVE_RISK, "risk")]


def test_todays_practice_puts_an_approach_in_play(bank):
    given = {**STRONGER_SUCCESSION, **BEHAVIOUR_OBSERVED, "dismissal_protection": "yes", **AFTER_THE_FACT_TODAY}
    result = score_answers(bank, complete_answers(bank, given))
    assert result.recommended == "proactive"
    assert result.current_practice.approach == "after_the_fact"
    assert [caution.id for caution in result.cautions] == ["after_the_fact_as_litigation_cover", INHERENT_PROACTIVE_RISK]


@pytest.mark.parametrize(
    "measure, expected",
    [
        ("roi_built_in", []),
        ("satisfaction_survey", ["just_in_time_satisfaction_survey_only"]),
        ("not_judged", ["just_in_time_satisfaction_survey_only"]),
        ("behaviour_changed", []),
    ],
)
def test_just_in_time_judged_at_most_by_a_satisfaction_survey(bank, measure, expected):
    assert caution_ids(bank, training_follow_up="yes", success_measure=measure) == expected


@pytest.mark.parametrize("measure", ["satisfaction_survey", "behaviour_changed", "not_judged"])
def test_proactive_without_an_roi_component(bank, measure):
    assert caution_ids(bank, **{**STRONGER_SUCCESSION, "success_measure": measure}) == [INHERENT_PROACTIVE_RISK, "proactive_without_roi"]


def test_a_caution_about_an_unasked_question_is_never_raised(bank):
    answers = {**complete_answers(bank, {**STRONGER_SUCCESSION, **AFTER_THE_FACT_TODAY}), "dismissal_protection": "yes", "positioning": "not_carefully"}
    result = score_answers(bank, answers)
    assert result.current_practice.approach == "after_the_fact"  # in play, but no behaviour was observed
    assert [caution.id for caution in result.cautions] == [INHERENT_PROACTIVE_RISK]
    assert result.readiness_for("after_the_fact").status == "unknown"


@pytest.mark.parametrize("expectation", ["unlikely", "possible", "likely", "not_sure"])
def test_a_risk_the_article_states_as_inherent_is_named_whatever_the_reader_expects(bank, expectation):
    result = score_answers(bank, complete_answers(bank, {**STRONGER_SUCCESSION, "flight_risk": expectation}))
    assert INHERENT_PROACTIVE_RISK in [caution.id for caution in result.cautions]
    assert result.readiness_for("proactive").status == "at_risk"
    assert result.verdict_labels["proactive"] == bank.texts.verdict_label_at_risk


def test_an_inherent_risk_is_not_named_for_an_approach_out_of_play(bank):
    assert INHERENT_PROACTIVE_RISK not in caution_ids(bank, flight_risk="likely")


def test_every_caution_cites_an_article_anchor(bank):
    assert all(caution.anchor in bank.anchors for caution in bank.cautions)
