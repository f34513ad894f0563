"""The rules of scoring.py's docstring, each pinned on a small, named case over the neutral base."""

import copy

import pytest

from assessment import score_answers
from assessment.bank import bank_from_data
from assessment.what_if import deciding_questions

from .answer_sets import complete_answers

PROACTIVE_SITUATION = {"succession_focus": "central"}
JUST_IN_TIME_SITUATION = {"multi_rater_results": "yes_now"}
AFTER_THE_FACT_SITUATION = {"observed_behaviour": "yes_specific"}
NO_LEANINGS = {"investment_scale": "focused", "time_horizon": "right_away"}  # both lean to just-in-time


def score(bank, **given):
    return score_answers(bank, complete_answers(bank, given))


def variant(bank_data, **scoring):
    """The packaged bank with other scoring settings."""
    edited = copy.deepcopy(bank_data)
    edited["scoring"].update(scoring)
    return bank_from_data(edited, "variant.toml")


@pytest.mark.parametrize(
    "given, score_of_just_in_time",
    [
        ({}, 33),  # two leanings: 2 of 6 points
        (JUST_IN_TIME_SITUATION, 83),  # a situation and two leanings: 5 of 6
        ({**JUST_IN_TIME_SITUATION, "training_follow_up": "yes", "protect_investment": "yes"}, 100),  # 9 points, capped
        ({"investment_scale": "substantial", "time_horizon": "over_years", **JUST_IN_TIME_SITUATION}, 50),  # a situation alone
    ],
)
def test_a_need_score_is_its_points_as_a_share_of_full_need_points_capped_at_100(bank, given, score_of_just_in_time):
    assert score(bank, **{**NO_LEANINGS, **given}).scores["just_in_time"] == score_of_just_in_time


def test_need_scores_round_half_up(bank, bank_data):
    eighths = variant(bank_data, full_need_points=8)
    result = score_answers(eighths, complete_answers(eighths, {"investment_scale": "focused", "time_horizon": "over_years"}))
    assert result.scores["just_in_time"] == 13  # 1 of 8 points is 12.5: half up, never to even


def test_the_margin_is_the_gap_between_the_first_two_present_approaches(bank):
    result = score(bank, **PROACTIVE_SITUATION, candidates_identified="named_only", **JUST_IN_TIME_SITUATION, **NO_LEANINGS)
    assert result.scores == {"proactive": 100, "just_in_time": 83, "after_the_fact": 0}
    assert result.margin == 17
    assert result.recommended == "proactive"  # 17 > blend_margin 10


@pytest.mark.parametrize("blend_margin, recommended", [(17, "blend:just_in_time+proactive"), (16, "proactive")])
def test_a_blend_needs_a_margin_no_larger_than_blend_margin(bank_data, blend_margin, recommended):
    wider = variant(bank_data, blend_margin=blend_margin)
    given = {**PROACTIVE_SITUATION, "candidates_identified": "named_only", **JUST_IN_TIME_SITUATION, **NO_LEANINGS}
    result = score_answers(wider, complete_answers(wider, given))
    assert result.margin == 17
    assert result.recommended == recommended


def test_an_absent_need_never_joins_a_blend_however_high_its_score(bank):
    # Proactive leans strongly (67) but has no situation; just-in-time has one (50).
    given = {"succession_focus": "secondary", "promote_from_within": "from_within_policy", "investment_scale": "substantial", "time_horizon": "over_years"}
    result = score(bank, **given, **JUST_IN_TIME_SITUATION)
    assert result.scores["proactive"] > result.scores["just_in_time"]
    assert result.recommended == "just_in_time"
    assert result.ranking[0] == "just_in_time"
    assert result.margin is None


def test_three_present_and_equal_blend_the_first_two_by_id_and_name_the_third(bank):
    given = {
        **PROACTIVE_SITUATION, "promote_from_within": "from_within_policy",
        **JUST_IN_TIME_SITUATION, "investment_scale": "focused",
        **AFTER_THE_FACT_SITUATION, "time_horizon": "once_corrected",
    }
    result = score(bank, **given)
    assert set(result.scores.values()) == {67}
    assert result.ranking == ("after_the_fact", "just_in_time", "proactive")
    assert result.recommended == "blend:after_the_fact+just_in_time"
    assert result.within_margin == result.ranking
    assert result.summary.endswith(bank.texts.also_present.format(names="Proactive coaching"))


def test_equal_scores_never_pick_one_approach_by_bank_order(bank):
    result = score(bank, **PROACTIVE_SITUATION, **JUST_IN_TIME_SITUATION, investment_scale="focused", time_horizon="over_years")
    assert result.scores["proactive"] == result.scores["just_in_time"]
    assert result.recommended == "blend:just_in_time+proactive"
    assert result.recommended_approaches == ("just_in_time", "proactive")


def test_a_weaker_present_need_is_named_in_the_summary(bank):
    result = score(bank, **PROACTIVE_SITUATION, candidates_identified="named_only", **JUST_IN_TIME_SITUATION)
    assert result.summary == f"{bank.texts.recommend_single.format(name='Proactive coaching')} {bank.texts.also_present.format(names='Just-in-time coaching')}"


def test_evidence_lists_situations_first_and_cites_each_options_own_paragraph(bank):
    result = score(bank, **JUST_IN_TIME_SITUATION, **NO_LEANINGS)
    evidence = result.need_for("just_in_time").evidence
    assert [item.signal for item in evidence] == ["situation", "leaning", "leaning"]
    assert [item.question_id for item in evidence] == ["multi_rater_results", "investment_scale", "time_horizon"]
    focused = evidence[1]
    assert bank.question("investment_scale").anchor == "proactive-risk"
    assert focused.anchor == "jit-impact" == bank.question("investment_scale").option("focused").anchor


def test_thin_evidence_is_said_for_a_blended_approach_resting_on_one_answer(bank):
    given = {**PROACTIVE_SITUATION, "investment_scale": "substantial", "time_horizon": "right_away", **JUST_IN_TIME_SITUATION}
    result = score(bank, **given)
    assert result.is_blend
    assert len(result.need_for("proactive").evidence) == 2 == len(result.need_for("just_in_time").evidence)
    assert result.thin_evidence is None
    single = score(bank, **PROACTIVE_SITUATION, investment_scale="focused", time_horizon="right_away")
    assert single.recommended == "proactive"
    assert single.thin_evidence is not None


@pytest.mark.parametrize(
    "status, given",
    [
        ("holds", {"success_measure": "roi_built_in", "flight_risk": "unlikely"}),
        ("at_risk", {"success_measure": "roi_built_in", "flight_risk": "likely"}),
    ],
)
def test_the_readiness_sentence_is_given_for_the_recommended_approach_only(bank, status, given):
    result = score(bank, **PROACTIVE_SITUATION, **given)
    template = {"holds": bank.texts.readiness_holds, "at_risk": bank.texts.readiness_at_risk}[status]
    assert result.readiness_for("proactive").status == status
    assert result.readiness_for("proactive").text == template.format(name="Proactive coaching")
    assert result.readiness_for("just_in_time").text is None


def test_readiness_is_unknown_when_none_of_its_questions_was_asked(bank):
    result = score(bank, **AFTER_THE_FACT_SITUATION)
    assert score(bank).readiness_for("after_the_fact").status == "unknown"
    assert result.readiness_for("after_the_fact").status == "holds"


# ---------------------------------------------------------------- today's practice

def test_current_practice_matching_the_best_fit(bank):
    practice = score(bank, **PROACTIVE_SITUATION, current_timing="groomed_for_future_role").current_practice
    assert (practice.approach, practice.matches_best_fit) == ("proactive", True)
    assert practice.text == bank.texts.practice_matches.format(practice="Proactive coaching", best="Proactive coaching")


def test_current_practice_differing_from_the_best_fit_asks_about_another(bank):
    result = score(bank, **PROACTIVE_SITUATION, current_timing="when_performance_poor", current_decision="assigned_by_leadership")
    assert result.recommended == "proactive"
    assert (result.current_practice.approach, result.current_practice.matches_best_fit) == ("after_the_fact", False)
    assert "Could your organization benefit from another" in result.current_practice.text
    assert result.next_steps[-1].applies_to == "practice_differs"
    assert result.next_steps[-1].anchor == "field-practices"


def test_current_practice_is_unknown_when_no_coaching_is_offered_or_answers_split_evenly(bank):
    assert score(bank).current_practice.approach is None
    split = score(bank, current_timing="groomed_for_future_role", current_decision="assigned_by_leadership")
    assert split.current_practice.approach is None
    assert split.current_practice.text == bank.texts.practice_unknown


def test_a_practice_with_nothing_called_for_is_named_without_a_best_fit(bank):
    result = score(bank, current_timing="when_performance_poor")
    assert result.recommended == "none"
    assert result.current_practice.text == bank.texts.practice_none.format(practice="After-the-fact coaching")
    assert "practice_differs" not in {step.applies_to for step in result.next_steps}



def test_what_would_change_for_a_partial_set_changes_at_most_two_of_the_questions_asked(bank):
    answers = {"succession_focus": "central", "candidates_identified": "named_and_budgeted"}
    asked_before = {question.id for question in bank.asked_questions(answers)}
    result = score_answers(bank, answers, allow_partial=True)
    assert result.what_would_change
    for claim in result.what_would_change:
        assert len([change for change in claim.changes if change.question_id in asked_before]) <= 2, claim.text
        # Need answers, or the answers to the conditions without which an approach cannot work.
        assert all(change.question_id in deciding_questions(bank) for change in claim.changes), claim.text
