"""Organizations the article describes get the outcome the article implies (see article_scenarios)."""

import pytest

from assessment import score_answers
from assessment.report import result_as_text

from .answer_sets import complete_answers
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
    assert result.blocked == scenario.blocked
    assert {approach_id: result.need_for(approach_id).present for approach_id in scenario.need} == dict(scenario.need)
    assert {approach_id: result.readiness_for(approach_id).status for approach_id in scenario.readiness} == dict(scenario.readiness)
    raised = {caution.id for caution in result.cautions}
    assert set(scenario.raised) <= raised
    assert not set(scenario.not_raised) & raised
    if scenario.thin_evidence is not None:
        assert (result.thin_evidence is not None) is scenario.thin_evidence
    assert set(result.not_asked) == set(scenario.not_asked)
    assert [item.id for item in result.find_out] == list(scenario.not_known)


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
        assert any(item.signal in ("situation", "occasional") for item in result.need_for(approach_id).evidence)


def test_occasional_360_results_and_training_call_for_just_in_time_each_time_they_occur(bank):
    # "so that their high potentials ... can translate into action the information they get ... from
    # multi-rater assessments" (#jit-impact): answered "Occasionally" and "Sometimes", the situation
    # occurs from time to time, and the approach applies each time.
    result = score_answers(bank, BY_NAME["insurance_for_an_occasional_assessment"].answers)
    name = bank.approach("just_in_time").name
    assert result.verdicts["just_in_time"] == "ready"
    assert result.verdict_texts["just_in_time"] == f"{bank.texts.verdict_no_conditions.format(name=name)} {bank.texts.verdict_when_it_occurs.format(name=name)}"
    assert "it applies each time" in result.verdict_texts["just_in_time"] and name in result.summary
    assert [item.answer for item in result.need_for("just_in_time").evidence][:2] == ["Occasionally", "Sometimes"]
    # Nothing said of just-in-time denies that the situation occurs.
    said = [result.summary, result.verdict_texts["just_in_time"], *(item.text for item in result.need_for("just_in_time").evidence)]
    assert not any("no answer shows" in sentence.lower() for sentence in said)


@pytest.mark.parametrize("question_id", ["contribution_valued", "dismissal_protection"])
def test_not_sure_about_the_executive_when_only_a_concern_was_raised_is_said_to_be_moot(bank, question_id):
    # "Someone on the Board or in Senior Management observes a behavior" (#aft-remediation): only a
    # concern, nothing observed, so after-the-fact coaching is not called for and what it can work
    # only if (#aft-mandated) does not bear on this result. The reader is told, not left wondering.
    result = score_answers(bank, complete_answers(bank, {"observed_behaviour": "some_concern", question_id: "not_sure"}))
    assert result.verdicts["after_the_fact"] == "not_called"
    assert [line.question_id for line in result.not_sure_moot] == [question_id]
    assert bank.question(question_id).text in result.not_sure_moot[0].text and "After-the-fact coaching" in result.not_sure_moot[0].text
    assert result.find_out == ()


def test_nothing_called_for_says_so_and_shows_when_each_approach_would_apply(bank):
    result = score_answers(bank, BY_NAME["nothing_called_for"].answers_as_given)
    assert result.summary == bank.texts.headline_none
    assert set(result.verdicts.values()) == {"not_called"}
    assert result.recommended_approaches == ()
    assert result.thin_evidence is None
    assert {step.applies_to for step in result.next_steps} == {"none"}
    assert not any("360°" in step.text for step in result.next_steps)
    # One answer would make each approach fit: alone, or with the answers it brings up that the
    # article says it cannot work without.
    outcomes = {change.recommended for change in result.what_would_change}
    assert set(bank.approach_ids) <= outcomes
    for change in result.what_would_change:
        assert len({item.question_id for item in change.changes} - {"contribution_valued", "dismissal_protection"}) == 1


def test_acting_on_360_results_gives_after_the_fact_nothing(bank):
    result = score_answers(bank, BY_NAME["360_results_and_training_to_act_on_now"].answers_as_given)
    assert result.need_for("after_the_fact").evidence == ()
    assert result.verdicts["after_the_fact"] == "not_called"


def test_two_approaches_called_for_run_side_by_side_each_for_its_own_people(bank):
    result = score_answers(bank, BY_NAME["succession_candidates_acting_on_360_results"].answers)
    assert result.runs_side_by_side
    assert set(result.recommended_approaches) == {"proactive", "just_in_time"}
    text = result_as_text(result.to_dict())
    for approach_id in ("proactive", "just_in_time"):
        approach = bank.approach(approach_id)
        # Named in the headline; for whom, once, on its own verdict line.
        assert approach.name in result.summary and approach.scope not in result.summary
        assert f"{approach.name}: {result.verdict_labels[approach_id]} ({approach.scope})" in text
    assert "blend" not in result.summary and "points" not in result.summary


def test_a_succession_plan_and_an_executive_under_scrutiny_are_two_verdicts_not_a_choice(bank):
    result = score_answers(bank, BY_NAME["succession_plan_and_an_executive_under_scrutiny"].answers)
    assert result.verdicts["proactive"] in ("ready", "at_risk") and result.verdicts["after_the_fact"] in ("ready", "at_risk")
    text = result_as_text(result.to_dict())
    assert bank.approach("after_the_fact").scope in text
    assert bank.approach("proactive").scope in text


def test_routine_coaching_of_the_newly_promoted_is_proactive_coaching(bank):
    result = score_answers(bank, BY_NAME["every_newly_promoted_executive_coached"].answers)
    assert result.recommended == "proactive"
    assert [item.question_id for item in result.need_for("proactive").evidence if item.signal == "situation"] == ["newly_promoted_coaching"]
    assert "newly promoted to executive row" in bank.approach("proactive").situation


def test_leaning_answers_give_strength_but_no_recommendation(bank):
    result = score_answers(bank, BY_NAME["promote_from_within_policy_alone"].answers)
    proactive = result.need_for("proactive")
    assert proactive.evidence and not proactive.present
    assert result.verdicts["proactive"] == "not_called"
    assert {item.signal for item in proactive.evidence} == {"leaning"}


def test_a_single_supporting_answer_is_called_thin_and_quoted(bank):
    result = score_answers(bank, BY_NAME["training_follow_up_alone"].answers)
    (evidence,) = result.need_for("just_in_time").evidence
    assert result.thin_evidence == bank.texts.thin_evidence.format(answer=f"“{evidence.answer}”")


def test_practice_alone_is_named_but_recommends_nothing(bank):
    result = score_answers(bank, BY_NAME["newly_promoted_executives_coached_by_routine"].answers)
    assert result.current_practice.approach == "proactive"
    assert result.current_practice.text == bank.texts.practice_none.format(practice="Proactive coaching")


BLOCKED_SCENARIOS = [scenario for scenario in SCENARIOS if scenario.blocked]


@pytest.mark.parametrize("scenario", BLOCKED_SCENARIOS, ids=[scenario.name for scenario in BLOCKED_SCENARIOS])
def test_a_blocked_approach_is_never_a_best_fit_and_its_conditions_come_first(bank, scenario):
    result = score_answers(bank, scenario.answers)
    for approach_id in scenario.blocked:
        name = bank.approach(approach_id).name
        assert f"Best fit: {name}" not in result.summary and "blend" not in result.summary
        blocked = bank.texts.headline_blocked_too if result.recommended_approaches else bank.texts.headline_blocked
        assert blocked.format(approach=name) in result.summary
        assert result.summary.count("Your answers call for") == 1
        assert result.readiness_for(approach_id).text == bank.texts.verdict_blocked.format(name=name)
        assert result.verdicts[approach_id] == "blocked"
        assert not result.current_practice.matches_best_fit or result.current_practice.approach != approach_id
        assert "matches" not in result.current_practice.text or result.current_practice.approach != approach_id
        # Blocking cautions are shown with the article's words, at the article's force.
        blocking = [caution for caution in result.cautions if caution.approach == approach_id and caution.severity == "blocking"]
        assert blocking and all(("can work only if" in caution.passage) or ("invariably fails" in caution.passage) for caution in blocking)
        # The next steps start with what would have to be true first, and never presuppose it works.
        first_steps = [rule.first_step for rule in bank.cautions if rule.id in result.readiness_for(approach_id).blocking]
        assert [step.text for step in result.next_steps[:len(first_steps)]] == first_steps
        assert not any(step.applies_to == approach_id for step in result.next_steps[len(first_steps):])
    if result.recommended == "none":
        assert result.summary != bank.texts.headline_none  # never "no timing stands out"


def test_the_hr_heads_case_is_blocked_and_never_asks_to_confirm_what_the_answers_deny(bank):
    result = score_answers(bank, BY_NAME["contribution_not_valued_and_litigation_cover"].answers)
    assert not result.summary.startswith("Best fit")
    assert result.current_practice.approach == "after_the_fact" and not result.current_practice.matches_best_fit
    assert result.current_practice.text == bank.texts.practice_blocked.format(practice="After-the-fact coaching")
    assert not any("confirm" in step.text.lower() for step in result.next_steps)
    assert result.next_steps[0].text.startswith("Before any coaching, settle whether the organization otherwise values")
    severities = {caution.id: caution.severity for caution in result.cautions}
    assert severities == {
        "after_the_fact_contribution_not_valued": "blocking",
        "after_the_fact_as_litigation_cover": "blocking",
        "after_the_fact_not_carefully_positioned": "risk",
    }


def test_a_blocked_result_says_what_would_unblock_it(bank):
    result = score_answers(bank, BY_NAME["contribution_not_valued"].answers)
    unblocking = [change for change in result.what_would_change if change.recommended == "after_the_fact"]
    assert [(change.question_id, change.option_id) for item in unblocking for change in item.changes] == [("contribution_valued", "valued")]


def test_when_several_conditions_block_an_approach_the_result_says_what_would_unblock_it(bank):
    result = score_answers(bank, BY_NAME["contribution_not_valued_and_litigation_cover"].answers)
    (unblocking,) = [claim for claim in result.what_would_change if claim.recommended == "after_the_fact"]
    assert {(change.question_id, change.option_id) for change in unblocking.changes} == {("contribution_valued", "valued"), ("dismissal_protection", "no")}
    changed = {**result.answers, **{change.question_id: change.option_id for change in unblocking.changes}}
    assert score_answers(bank, changed).recommended == "after_the_fact"


NOT_KNOWN = [scenario for scenario in SCENARIOS if scenario.not_known]


@pytest.mark.parametrize("scenario", NOT_KNOWN, ids=[scenario.name for scenario in NOT_KNOWN])
def test_not_sure_never_decides_a_verdict_and_the_result_names_what_to_find_out(bank, scenario):
    result = score_answers(bank, scenario.answers)
    for caution_id in scenario.not_known:
        rule = next(rule for rule in bank.cautions if rule.id == caution_id)
        # Neither a yes (the condition raised, unless the article states it as inherent) nor a no (the verdict "ready").
        assert (caution_id in {caution.id for caution in result.cautions}) == rule.inherent
        assert result.verdicts[rule.approach] == "at_risk"
        not_known = bank.texts.headline_not_known.format(name=bank.approach(rule.approach).name)
        if rule.severity == "blocking":
            assert result.readiness_for(rule.approach).status == "unknown"
            assert result.verdict_labels[rule.approach] == bank.texts.verdict_label_unknown
            assert not_known in result.summary
        else:  # an open risk is a risk to check: never "not known"
            assert result.readiness_for(rule.approach).status == "at_risk"
            assert result.verdict_labels[rule.approach] == bank.texts.verdict_label_at_risk
            assert not_known not in result.summary
        assert rule.find_out in [step.text for step in result.next_steps[:len(result.find_out)]]
        # Each definite answer has its line, which says what re-scoring with it gives; none is left
        # to the plain "what would change" lines as well.
        question_id = next(iter(rule.when))
        lines = [line for line in result.if_not_sure if line.question_id == question_id]
        if rule.inherent:  # named whatever the answer: no answer would change where the approach stands
            assert lines == []
            continue
        definite = [option.id for option in bank.question(question_id).options if option.id not in bank.not_sure_options[question_id]]
        assert sorted(option_id for line in lines for option_id in line.option_ids) == sorted(definite)
        for line in lines:
            for option_id in line.option_ids:
                changed = score_answers(bank, {**result.answers, question_id: option_id})
                assert line.standing[rule.approach] == changed.readiness_for(rule.approach).status
                assert bank.question(question_id).option(option_id).text in line.text
        assert not any(claim.changes[0].question_id == question_id for claim in result.what_would_change if len(claim.changes) == 1)
