"""The rules of scoring.py's docstring, each pinned on a small, named case over the neutral base."""

import pytest

from assessment import score_answers
from assessment.report import result_as_text
from assessment.what_if import deciding_questions

from .answer_sets import complete_answers

PROACTIVE_SITUATION = {"succession_focus": "central"}
JUST_IN_TIME_SITUATION = {"multi_rater_results": "yes_now"}
AFTER_THE_FACT_SITUATION = {"observed_behaviour": "yes_specific"}
NO_LEANINGS = {"investment_scale": "focused", "time_horizon": "right_away"}  # both lean to just-in-time


def score(bank, **given):
    return score_answers(bank, complete_answers(bank, given))


def test_every_approach_called_for_runs_side_by_side_however_much_evidence_each_has(bank):
    # Proactive has two situations and a leaning, just-in-time one situation: both are called for.
    result = score(bank, **PROACTIVE_SITUATION, candidates_identified="named_only", promote_from_within="from_within_policy", **JUST_IN_TIME_SITUATION)
    assert result.recommended == "blend:just_in_time+proactive"
    assert result.recommended_approaches == ("proactive", "just_in_time")  # more evidence first, never a margin
    assert result.verdicts["proactive"] in ("ready", "at_risk") and result.verdicts["just_in_time"] in ("ready", "at_risk")
    assert result.summary.startswith(bank.texts.headline_several.split("{count}")[0] + "two approaches, side by side")
    assert "points" not in result.summary and "blend" not in result.summary


def test_three_approaches_called_for_are_all_named_with_for_whom(bank):
    result = score(bank, **PROACTIVE_SITUATION, **JUST_IN_TIME_SITUATION, **AFTER_THE_FACT_SITUATION)
    assert set(result.recommended_approaches) == set(bank.approach_ids)
    assert result.recommended == "blend:after_the_fact+just_in_time+proactive"
    text = result_as_text(result.to_dict())
    for approach in bank.approaches:
        # Each named in the headline, and for whom once, on its own verdict line.
        assert approach.name in result.summary and approach.scope not in result.summary
        assert f"{approach.name}: {result.verdict_labels[approach.id]} ({approach.scope})" in text


def test_an_absent_need_is_never_called_for_however_many_leanings_it_has(bank):
    given = {"succession_focus": "secondary", "promote_from_within": "from_within_policy", "investment_scale": "substantial", "time_horizon": "over_years"}
    result = score(bank, **given, **JUST_IN_TIME_SITUATION)
    assert len(result.need_for("proactive").evidence) > len(result.need_for("just_in_time").evidence)
    assert result.recommended == "just_in_time"
    assert result.verdicts["proactive"] == "not_called"
    assert result.ranking[0] == "just_in_time"


def test_equal_evidence_never_picks_one_approach_by_bank_order(bank):
    result = score(bank, **PROACTIVE_SITUATION, **JUST_IN_TIME_SITUATION, investment_scale="focused", time_horizon="over_years")
    assert result.recommended == "blend:just_in_time+proactive"


def test_a_verdict_for_each_approach_with_its_sentence(bank):
    result = score(bank, **PROACTIVE_SITUATION, success_measure="roi_built_in", flight_risk="likely", **AFTER_THE_FACT_SITUATION, contribution_valued="not_valued")
    assert result.verdicts == {"proactive": "at_risk", "after_the_fact": "blocked", "just_in_time": "not_called"}
    assert list(result.verdicts) == list(result.ranking)
    for approach_id, verdict in result.verdicts.items():
        template = getattr(bank.texts, f"verdict_{verdict}")
        assert result.verdict_texts[approach_id] == template.format(name=bank.approach(approach_id).name)
        assert result.verdict_labels[approach_id] == getattr(bank.texts, f"verdict_label_{verdict}")


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
    assert result.runs_side_by_side
    assert len(result.need_for("proactive").evidence) == 2 == len(result.need_for("just_in_time").evidence)
    assert result.thin_evidence is None
    single = score(bank, **PROACTIVE_SITUATION, investment_scale="focused", time_horizon="right_away")
    assert single.recommended == "proactive"
    assert single.thin_evidence is not None


@pytest.mark.parametrize(
    "approach_id, status, given",
    [
        ("proactive", "at_risk", {**PROACTIVE_SITUATION, "flight_risk": "unlikely"}),  # a risk the article states as inherent
        ("after_the_fact", "holds", AFTER_THE_FACT_SITUATION),
        ("after_the_fact", "at_risk", {**AFTER_THE_FACT_SITUATION, "positioning": "not_carefully"}),
        ("just_in_time", "no_conditions", {"multi_rater_results": "yes_now"}),
    ],
)
def test_the_readiness_sentence_is_given_for_the_recommended_approach_only(bank, approach_id, status, given):
    result = score(bank, **given)
    template = {"holds": bank.texts.verdict_ready, "at_risk": bank.texts.verdict_at_risk, "no_conditions": bank.texts.verdict_no_conditions}[status]
    assert result.readiness_for(approach_id).status == status
    assert result.readiness_for(approach_id).text == template.format(name=bank.approach(approach_id).name)
    assert all(result.readiness_for(other).text is None for other in bank.approach_ids if other not in result.recommended_approaches)


def test_readiness_is_unknown_when_none_of_its_questions_was_asked(bank):
    result = score(bank, **AFTER_THE_FACT_SITUATION)
    assert score(bank).readiness_for("after_the_fact").status == "unknown"
    assert result.readiness_for("after_the_fact").status == "holds"


# ---------------------------------------------------------------- today's practice

def test_current_practice_matching_the_best_fit(bank):
    practice = score(bank, **PROACTIVE_SITUATION, current_timing="groomed_for_future_role").current_practice
    assert (practice.approach, practice.matches_best_fit) == ("proactive", True)
    assert practice.text == bank.texts.practice_matches.format(practice="Proactive coaching")


def test_current_practice_differing_from_the_best_fit_asks_about_another(bank):
    result = score(bank, **PROACTIVE_SITUATION, current_timing="when_performance_poor", current_decision="assigned_by_leadership")
    assert result.recommended == "proactive"
    assert (result.current_practice.approach, result.current_practice.matches_best_fit) == ("after_the_fact", False)
    assert result.current_practice.text == bank.texts.practice_differs.format(practice="After-the-fact coaching", called="Proactive coaching")
    # The article's own question, asked once, where it is cited: "Could your organization benefit from another?"
    assert result.next_steps[-1].applies_to == "practice_differs"
    assert result.next_steps[-1].anchor == "field-practices" and result.next_steps[-1].source == "article"
    assert "could your organization benefit from another" in result.next_steps[-1].text.lower()


def test_current_practice_is_unknown_when_no_coaching_is_offered_or_answers_split_evenly(bank):
    assert score(bank, current_timing="not_offered").current_practice.approach is None
    split = score(bank, current_timing="groomed_for_future_role", current_decision="assigned_by_leadership", current_funding="with_programme")
    assert split.current_practice.approach is None
    assert split.current_practice.text == bank.texts.practice_unknown


def test_no_coaching_today_asks_no_more_about_it_and_says_so_plainly(bank):
    result = score(bank, current_timing="not_offered")
    practice_asked = [question.id for question in bank.asked_questions(result.answers) if question.role == "practice"]
    assert practice_asked == ["current_timing"]
    assert result.current_practice.no_coaching_today and result.current_practice.approach is None
    assert result.current_practice.text == bank.texts.practice_not_offered
    assert "do not point to one approach" not in result.current_practice.text


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
