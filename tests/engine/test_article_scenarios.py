"""Organizations the article describes get the outcome the article implies (see article_scenarios)."""

import pytest

from assessment import score_answers

from .article import article_paragraphs
from .article_scenarios import SCENARIOS

BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
EACH_SCENARIO = pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])


def test_there_are_at_least_twelve_scenarios_with_distinct_names():
    assert len(SCENARIOS) >= 12
    assert len(BY_NAME) == len(SCENARIOS)


@EACH_SCENARIO
def test_each_scenario_quotes_the_paragraph_it_cites(bank, scenario):
    paragraphs = article_paragraphs(bank)
    anchor = scenario.anchor.removeprefix("#")
    assert anchor in paragraphs, f"{scenario.anchor} is not a paragraph of the article"
    assert scenario.sentence in paragraphs[anchor]


@EACH_SCENARIO
def test_each_scenario_is_a_complete_answer_set_for_the_bank(bank, scenario):
    result = score_answers(bank, scenario.answers)
    assert result.unanswered == () and result.not_asked == ()
    assert [question.id for question in bank.asked_questions(scenario.answers)] == list(scenario.answers)
    # Every answer the scenario gives is used, except those it declares unasked.
    used = {key: value for key, value in scenario.given.items() if key not in scenario.not_asked}
    assert {key: scenario.answers[key] for key in used} == used


@EACH_SCENARIO
def test_each_scenario_gets_the_outcome_the_article_implies(bank, scenario):
    result = score_answers(bank, scenario.answers_as_given)
    assert result.recommended == scenario.recommended
    assert {approach_id: result.need_for(approach_id).present for approach_id in scenario.need} == dict(scenario.need)
    assert {approach_id: result.readiness_for(approach_id).status for approach_id in scenario.readiness} == dict(scenario.readiness)
    raised = {caution.id for caution in result.cautions}
    assert set(scenario.raised) <= raised
    assert not set(scenario.not_raised) & raised
    if scenario.thin_evidence is not None:
        assert (result.thin_evidence is not None) is scenario.thin_evidence
    assert set(result.not_asked) == set(scenario.not_asked)


@EACH_SCENARIO
def test_answers_to_unasked_questions_change_nothing_but_the_list_of_them(bank, scenario):
    as_given = score_answers(bank, scenario.answers_as_given).to_dict()
    complete = score_answers(bank, scenario.answers).to_dict()
    assert as_given.pop("not_asked") == list(scenario.not_asked)
    assert complete.pop("not_asked") == []
    assert as_given == complete


@EACH_SCENARIO
def test_a_recommendation_always_rests_on_a_situation_answer(bank, scenario):
    result = score_answers(bank, scenario.answers)
    for approach_id in result.recommended_approaches:
        assert any(item.signal == "situation" for item in result.need_for(approach_id).evidence)


def test_nothing_called_for_says_so_and_shows_when_each_approach_would_apply(bank):
    result = score_answers(bank, BY_NAME["nothing_called_for"].answers_as_given)
    assert result.summary == bank.texts.recommend_none
    assert result.recommended_approaches == ()
    assert result.thin_evidence is None
    assert {step.applies_to for step in result.next_steps} == {"none"}
    assert not any("360°" in step.text for step in result.next_steps)
    # One answer would make each approach fit.
    single_outcomes = {change.recommended for change in result.what_would_change if len(change.changes) == 1}
    assert set(bank.approach_ids) <= single_outcomes


def test_acting_on_360_results_gives_after_the_fact_nothing(bank):
    result = score_answers(bank, BY_NAME["360_results_and_training_to_act_on_now"].answers_as_given)
    assert result.scores["after_the_fact"] == 0
    assert result.need_for("after_the_fact").evidence == ()
    assert result.margin is None  # the only approach whose situation is present


def test_a_blend_names_both_approaches_within_the_margin(bank):
    result = score_answers(bank, BY_NAME["succession_candidates_acting_on_360_results"].answers)
    assert result.is_blend
    assert result.margin <= bank.scoring.blend_margin
    assert set(result.recommended_approaches) == {"proactive", "just_in_time"}
    assert all(name in result.summary for name in ("Proactive coaching", "Just-in-time coaching"))


def test_leaning_answers_give_strength_but_no_recommendation(bank):
    result = score_answers(bank, BY_NAME["promote_from_within_policy_alone"].answers)
    proactive = result.need_for("proactive")
    assert proactive.score > 0 and not proactive.present
    assert {item.signal for item in proactive.evidence} == {"leaning"}


def test_a_single_supporting_answer_is_called_thin_and_quoted(bank):
    result = score_answers(bank, BY_NAME["training_follow_up_alone"].answers)
    (evidence,) = result.need_for("just_in_time").evidence
    assert result.thin_evidence == bank.texts.thin_evidence.format(answer=f"“{evidence.answer}”")


def test_practice_alone_is_named_but_recommends_nothing(bank):
    result = score_answers(bank, BY_NAME["newly_promoted_executives_coached_by_routine"].answers)
    assert result.current_practice.approach == "proactive"
    assert result.current_practice.text == bank.texts.practice_none.format(practice="Proactive coaching")
