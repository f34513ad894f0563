"""Properties that hold for every answer set a reader can give, checked over generated ones."""

import json

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessment import score_answers
from assessment.bank import most_favourable_answers
from assessment.browser import assess_json
from assessment.model import LEANING, NEED, OCCASIONAL, SITUATION
from assessment.scoring import judge, readiness_status, recommended_for
from assessment.what_if import deciding_questions

from .answer_sets import complete_answers as complete_answers_from
from .answer_sets import neutral_option
from .strategies import complete_answers, partial_answers, unasked_answers

EXAMPLES = settings(max_examples=60, deadline=None)
SIGNAL_STRENGTH = {None: 0, LEANING: 1, OCCASIONAL: 2, SITUATION: 3}

# Next steps that presuppose something: (words in the step, question, answers that deny it).
STEPS_PRESUPPOSING = [
    ("360°", "multi_rater_results", {"no"}),
    ("training", "training_follow_up", {"no"}),
    ("Identify who", "candidates_identified", {"named_and_budgeted", "named_only"}),
    ("Budget executive coaching for each of the people you have identified", "candidates_identified", {"not_identified", "named_and_budgeted"}),
    ("Return-on-Investment", "success_measure", {"roi_built_in"}),
]


def matches(when, answers) -> bool:
    return all(answers.get(question_id) in option_ids for question_id, option_ids in when.items())


# ---------------------------------------------------------------- the shape of a result

@EXAMPLES
@given(answers=complete_answers())
def test_every_complete_answer_set_gives_a_result_that_follows_the_rules(bank, answers):
    result = score_answers(bank, answers).to_dict()
    called = [approach_id for approach_id in result["ranking"] if result["need"][approach_id]["present"]]
    present = [approach_id for approach_id in called if approach_id not in result["blocked"]]  # those that can fit
    assert result["blocked"] == [approach_id for approach_id in called if result["readiness"][approach_id]["status"] == "blocked"]
    assert sorted(result["ranking"]) == sorted(bank.approach_ids)
    assert result["ranking"][: len(called)] == present + result["blocked"]  # those that can fit, then the blocked
    # Every approach called for that can work runs side by side: none is dropped for a margin.
    assert result["recommended_approaches"] == present
    assert result["recommended"] == ("none" if not present else present[0] if len(present) == 1 else "blend:" + "+".join(sorted(present)))
    assert list(result["verdicts"]) == result["ranking"]
    for approach_id, verdict in result["verdicts"].items():
        readiness = result["readiness"][approach_id]["status"]
        expected = "not_called" if approach_id not in called else "blocked" if readiness == "blocked" else "ready" if readiness in ("holds", "no_conditions") else "at_risk"
        assert verdict == expected
    # No number ranks an approach: nothing score-like is in the result.
    assert not {"scores", "margin", "within_margin", "blend_margin"} & set(result)
    assert all("score" not in need for need in result["need"].values())
    assert result["complete"] is True and result["not_asked"] == []
    assert result["answers"] == answers
    assert result["bank_fingerprint"] == bank.fingerprint
    assert json.loads(json.dumps(result)) == result


@EXAMPLES
@given(answers=complete_answers())
def test_an_approach_is_called_for_exactly_when_an_answer_shows_its_situation(bank, answers):
    result = score_answers(bank, answers)
    for finding in result.needs:
        assert finding.points == sum(bank.scoring.points_for(item.signal) for item in finding.evidence)
        assert finding.present == any(item.signal in (SITUATION, OCCASIONAL) for item in finding.evidence)
        assert finding.occasional == (finding.present and not any(item.signal == SITUATION for item in finding.evidence))
        assert all(bank.question(item.question_id).role == NEED for item in finding.evidence)  # only need answers count


@EXAMPLES
@given(answers=partial_answers())
def test_partial_sets_are_scored_with_the_same_rules(bank, answers):
    result = score_answers(bank, answers, allow_partial=True)
    assert all(result.need_for(approach_id).present for approach_id in result.recommended_approaches)
    assert set(result.unanswered).isdisjoint(answers)


# ---------------------------------------------------------------- need decides, readiness qualifies

@EXAMPLES
@given(answers=partial_answers(), data=st.data())
def test_what_would_change_compares_the_recommendation_the_result_gives(bank, answers, data):
    """`recommended_for`, the short way "what would change" judges each alternative, recommends
    what the whole judgement does, for any answers (unasked ones included)."""
    answers = {**answers, **data.draw(unasked_answers(answers))}
    recommended = judge(bank, bank.answers_to_asked(answers)).recommended_ids
    assert recommended_for(bank, answers) == tuple(approach_id for approach_id in bank.approach_ids if approach_id in recommended)


@EXAMPLES
@given(answers=complete_answers())
def test_a_recommended_approach_always_has_its_need_present(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in result.recommended_approaches:
        need = result.need_for(approach_id)
        assert need.present
        assert any(item.signal in (SITUATION, OCCASIONAL) for item in need.evidence)  # never on leaning answers alone


@EXAMPLES
@given(answers=complete_answers())
def test_the_outcome_is_none_exactly_when_no_approach_called_for_can_work(bank, answers):
    result = score_answers(bank, answers)
    nothing_present = not any(finding.present for finding in result.needs)
    nothing_can_work = all(not finding.present or finding.approach_id in result.blocked for finding in result.needs)
    assert nothing_can_work == (result.recommended == "none") == (result.recommended_approaches == ())
    assert (result.summary == bank.texts.headline_none) == nothing_present
    if nothing_present:
        find_out = {item.text for item in result.find_out}  # for today's practice, when it is in play
        assert {step.applies_to for step in result.next_steps if step.text not in find_out} <= {"none"}


@EXAMPLES
@given(answers=complete_answers())
def test_a_blocked_approach_is_never_a_best_fit_nor_matched_nor_confirmed(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in result.blocked:
        name = bank.approach(approach_id).name
        assert approach_id not in result.recommended_approaches and approach_id not in result.recommended
        assert f"Best fit: {name}" not in result.summary and f"of {name}" not in result.summary
        blocked = bank.texts.headline_blocked_too if result.recommended_approaches else bank.texts.headline_blocked
        assert blocked.format(approach=name) in result.summary
        assert not (result.current_practice.approach == approach_id and result.current_practice.matches_best_fit)
        assert "matches" not in result.current_practice.text or result.current_practice.approach != approach_id
        assert not any(step.applies_to == approach_id and step.text in {s.text for s in bank.next_steps} for step in result.next_steps)


@EXAMPLES
@given(data=st.data(), answers=complete_answers())
def test_practice_answers_and_readiness_answers_that_block_nothing_never_change_the_recommendation(bank, data, answers):
    questions = [question for question in bank.asked_questions(answers) if question.id not in deciding_questions(bank)]
    question = data.draw(st.sampled_from(questions))
    other = data.draw(st.sampled_from([option_id for option_id in question.option_ids if option_id != answers[question.id]]))
    before = score_answers(bank, answers)
    after = score_answers(bank, {**answers, question.id: other}, allow_partial=True)
    assert after.recommended == before.recommended
    assert after.verdicts.keys() == before.verdicts.keys() and {approach_id: verdict != "not_called" for approach_id, verdict in after.verdicts.items()} == {approach_id: verdict != "not_called" for approach_id, verdict in before.verdicts.items()}


@EXAMPLES
@given(data=st.data(), answers=complete_answers())
def test_strengthening_a_need_answer_never_lowers_that_approachs_rank(bank, data, answers):
    approach_id = data.draw(st.sampled_from(bank.approach_ids))
    strength = {question.id: {option.id: SIGNAL_STRENGTH[option.signal_for(approach_id)] for option in question.options} for question in bank.need_questions}
    stronger = [
        (question.id, option_id)
        for question in bank.asked_questions(answers)
        if question.role == NEED
        for option_id in question.option_ids
        if strength[question.id][option_id] > strength[question.id][answers[question.id]]
    ]
    assume(stronger)
    question_id, option_id = data.draw(st.sampled_from(stronger))
    before = score_answers(bank, answers)
    after = score_answers(bank, {**answers, question_id: option_id}, allow_partial=True)
    assert after.ranking.index(approach_id) <= before.ranking.index(approach_id)
    assert after.need_for(approach_id).points > before.need_for(approach_id).points
    if approach_id in before.recommended_approaches:
        assert approach_id in after.recommended_approaches


@EXAMPLES
@given(answers=complete_answers())
def test_readiness_status_follows_the_cautions(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in bank.approach_ids:
        rules = [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity != "practice"]
        blocking = [rule.id for rule in rules if rule.severity == "blocking" and matches(rule.when, answers)]
        # An inherent risk is raised whatever its answers say.
        risks = [rule.id for rule in rules if rule.severity == "risk" and (rule.inherent or matches(rule.when, answers))]
        raised = blocking + risks

        def not_sure(question_id):
            return question_id in answers and bank.question(question_id).option(answers[question_id]).not_sure

        unknown = [rule.id for rule in rules if rule.id not in raised and any(not_sure(question_id) for question_id in rule.when)]
        # Open: neither raised nor cleared, as an unanswered or "not sure" answer leaves it.
        open_severities = {rule.severity for rule in rules if rule.id not in raised and any(question_id not in answers or not_sure(question_id) for question_id in rule.when)}
        looked_at = {question_id for rule in rules for question_id in rule.when} & set(answers)
        readiness = result.readiness_for(approach_id)
        assert (list(readiness.blocking), list(readiness.risks), list(readiness.unknown)) == (blocking, risks, unknown)
        # At the article's force: only an open blocking condition makes a readiness "unknown"; an open
        # risk is a risk (to check); an approach without conditions never "holds" them.
        expected = ("no_conditions" if not rules else "blocked" if blocking else "unknown" if "blocking" in open_severities
                    else "at_risk" if risks or open_severities else "holds")
        assert readiness.status == expected
        assert {item.question_id for item in readiness.checked} == looked_at
        assert (readiness.text is not None) == (approach_id in (*result.recommended_approaches, *result.blocked))
    for approach_id in (*result.recommended_approaches, *result.blocked):
        raised_for_it = [caution.id for caution in result.cautions if caution.approach == approach_id and caution.severity != "practice"]
        readiness = result.readiness_for(approach_id)
        assert sorted(raised_for_it) == sorted(readiness.blocking + readiness.risks)


@EXAMPLES
@given(answers=complete_answers())
def test_a_caution_is_raised_exactly_when_its_rule_holds_for_an_approach_in_play(bank, answers):
    result = score_answers(bank, answers)
    in_play = {*result.recommended_approaches, *result.blocked, result.current_practice.approach}
    expected = [rule.id for rule in bank.cautions if (rule.approach is None or rule.approach in in_play) and (rule.inherent or matches(rule.when, answers))]
    assert [caution.id for caution in result.cautions] == expected


# ---------------------------------------------------------------- what a verdict says: the answers, at the article's force

def condition_rules(bank, approach_id):
    return [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity in ("blocking", "risk")]


@EXAMPLES
@given(answers=complete_answers())
def test_no_verdict_denies_the_readers_own_answers(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in bank.approach_ids:
        given_for_it = [question.id for question in bank.need_questions if question.id in answers
                        and bank.question(question.id).option(answers[question.id]).signal_for(approach_id)]
        text = result.verdict_texts[approach_id]
        # "No answer shows the situation" only where no answer points to it at all.
        assert (text == bank.texts.verdict_not_called.format(name=bank.approach(approach_id).name)) == (
            result.verdicts[approach_id] == "not_called" and not given_for_it)
        occasional_only = {bank.question(question_id).option(answers[question_id]).signal_for(approach_id) for question_id in given_for_it} & {SITUATION, OCCASIONAL} == {OCCASIONAL}
        assert (bank.texts.verdict_when_it_occurs.format(name=bank.approach(approach_id).name) in text) == occasional_only


@EXAMPLES
@given(answers=complete_answers())
def test_only_an_open_blocking_condition_leaves_a_verdict_not_known(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in bank.approach_ids:
        if result.verdict_labels[approach_id] != bank.texts.verdict_label_unknown:
            continue
        assert any(
            any(question_id not in answers or bank.question(question_id).option(answers[question_id]).not_sure for question_id in rule.when)
            for rule in condition_rules(bank, approach_id) if rule.severity == "blocking"
        )


@EXAMPLES
@given(answers=complete_answers())
def test_an_approach_without_conditions_is_never_said_to_have_them_hold(bank, answers):
    result = score_answers(bank, answers)
    for approach_id in bank.approach_ids:
        if not condition_rules(bank, approach_id) and result.verdicts[approach_id] != "not_called":
            assert result.verdict_texts[approach_id].startswith(bank.texts.verdict_no_conditions.format(name=bank.approach(approach_id).name))
            assert "hold" not in result.verdict_texts[approach_id]


@EXAMPLES
@given(answers=complete_answers())
def test_no_not_sure_answer_vanishes(bank, answers):
    """Each "not sure" is used (what to find out, whom to ask) or said to be moot, never both."""
    result = score_answers(bank, answers)
    used = {question_id for item in result.find_out for rule in bank.cautions if rule.id == item.id for question_id in rule.when}
    moot = [line.question_id for line in result.not_sure_moot]
    unsure = [question_id for question_id, option_id in answers.items() if bank.question(question_id).option(option_id).not_sure]
    assert sorted(used) == sorted(set(used))  # each condition once
    assert sorted([*used & set(unsure), *moot]) == sorted(unsure)
    for question_id in moot:
        bears_on = {rule.approach for rule in bank.cautions if question_id in rule.when}
        assert not bears_on & {*result.recommended_approaches, *result.blocked, result.current_practice.approach}


# ---------------------------------------------------------------- questions asked

@EXAMPLES
@given(data=st.data(), answers=complete_answers())
def test_answers_to_unasked_questions_never_change_the_result(bank, data, answers):
    extra = data.draw(unasked_answers(answers))
    plain = score_answers(bank, answers).to_dict()
    with_extra = score_answers(bank, {**answers, **extra}).to_dict()
    assert with_extra.pop("not_asked") == [question.id for question in bank.questions if question.id in extra]
    plain.pop("not_asked")
    assert with_extra == plain


@EXAMPLES
@given(answers=complete_answers())
def test_the_questions_asked_are_exactly_the_ones_answered(bank, answers):
    assert [question.id for question in bank.asked_questions(answers)] == list(answers)
    for question in bank.questions:
        if question.ask_if and question.id in answers:
            assert any(answers.get(source) in option_ids for source, option_ids in question.ask_if.items())


# ---------------------------------------------------------------- what would change

def completions(bank, answers: dict) -> list[dict]:
    """Every complete answer set a reader could submit from `answers`: each question asked but not
    yet answered (one that a change brought up) answered in every possible way."""
    missing = [question for question in bank.asked_questions(answers) if question.id not in answers]
    if not missing:
        return [bank.answers_to_asked(answers)]
    return [done for option_id in missing[0].option_ids for done in completions(bank, {**answers, missing[0].id: option_id})]


def outcomes_after(bank, answers: dict, changes: dict) -> set[str]:
    # Only the recommendation is read: the search for what would change it is left out.
    return {score_answers(bank, complete, what_would_change=False).recommended for complete in completions(bank, {**answers, **changes})}


def changed_before(claim, answers) -> list:
    """The claim's changes to questions the reader was asked; the others answer questions they bring up."""
    return changed_before_way(claim.changes, answers)


def changed_before_way(way, answers) -> list:
    return [change for change in way if change.question_id in answers]


@EXAMPLES
@given(answers=complete_answers())
def test_every_what_would_change_claim_holds_however_the_questions_it_brings_up_are_answered(bank, answers):
    result = score_answers(bank, answers)
    for claim in result.what_would_change:
        assert claim.recommended != result.recommended
        for way in claim.ways:  # every way a line names leads where the line says
            changes = {change.question_id: change.option_id for change in way}
            assert all(answers.get(question_id) != option_id for question_id, option_id in changes.items())
            assert outcomes_after(bank, answers, changes) == {claim.recommended}, claim.text
            # An answer to a question the reader was not asked is one the changes bring up.
            brought_up = {question.id for question in bank.asked_questions({**answers, **changes})} - set(answers)
            assert set(changes) - set(answers) <= brought_up
            assert all(change.answer in claim.text or bank.question(change.question_id).option(change.option_id).as_condition in claim.text for change in way)


@EXAMPLES
@given(answers=complete_answers())
def test_what_would_change_shows_at_most_three_single_changes_first(bank, answers):
    result = score_answers(bank, answers)
    lines = [(line.question_id,) for line in result.if_not_sure] + [tuple(change.question_id for change in claim.changes) for claim in result.what_would_change]
    first = result.changes_shown_first
    assert first <= 3
    assert all(len(questions) == 1 for questions in lines[:first])
    # Fewer than three only when no other single change is left.
    assert first == 3 or all(len(questions) > 1 for questions in lines[first:])
    sizes = [len(claim.changes) for claim in result.what_would_change]
    assert sizes == sorted(sizes)


@EXAMPLES
@given(answers=complete_answers())
def test_no_two_what_would_change_lines_share_a_question_and_an_outcome(bank, answers):
    lines = [(claim.changes[0].question_id, claim.recommended) for claim in score_answers(bank, answers).what_would_change if len(claim.changes) == 1]
    assert len(lines) == len(set(lines))


@EXAMPLES
@given(answers=complete_answers())
def test_single_changes_are_all_listed_and_pairs_only_when_no_single_change_works(bank, answers):
    result = score_answers(bank, answers)
    # Every other answer but "not sure", which is not a change anyone makes.
    working_singles = {
        (question.id, option.id)
        for question in bank.asked_questions(answers)
        for option in question.options
        if option.id != answers[question.id] and not option.not_sure and outcomes_after(bank, answers, {question.id: option.id}) != {result.recommended}
    }
    # Besides the smallest changes, a blocked approach gets the change of all its blocking answers.
    unblocking = [
        {question_id for rule in bank.cautions if rule.id in result.readiness_for(approach_id).blocking for question_id in rule.when}
        for approach_id in result.blocked
    ]
    smallest = [claim for claim in result.what_would_change if not (len(claim.changes) > 1 and {change.question_id for change in claim.changes} in unblocking)]
    sizes = {len(changed_before(claim, answers)) for claim in smallest}
    # A "not sure" answer changed is said, for every answer, by the if-not-sure lines instead.
    unsure = {(question_id, option_id) for question_id, option_id in working_singles if answers[question_id] in bank.not_sure_options.get(question_id, ())}
    assert unsure <= {(line.question_id, option_id) for line in result.if_not_sure for option_id in line.option_ids}
    working_singles -= unsure
    if working_singles:
        assert sizes == {1}
        listed = {(changed_before_way(way, answers)[0].question_id, changed_before_way(way, answers)[0].option_id) for claim in smallest for way in claim.ways}
        assert listed == working_singles
    elif not unsure:
        assert sizes <= {2}


@EXAMPLES
@given(answers=complete_answers())
def test_what_would_change_says_only_what_the_changed_answers_support(bank, answers):
    """"Expected to fail" only where a blocking condition would hold; "no approach would be called
    for" where that is all; conditions left open said where a blocking one would be open."""
    texts = bank.texts
    for claim in score_answers(bank, answers).what_would_change:
        for way in claim.ways:
            changed = bank.answers_to_asked({**answers, **{change.question_id: change.option_id for change in way}})
            after = score_answers(bank, changed, allow_partial=True, what_would_change=False)
            assert ("fail" in claim.text) == bool(after.blocked)
            assert (texts.outcome_none in claim.text) == (not after.recommended_approaches and not after.blocked)
            left_open = [approach_id for approach_id in after.recommended_approaches if after.readiness_for(approach_id).status == "unknown"]
            assert ("leave open" in claim.text) == bool(left_open)
            for approach_id in (*after.recommended_approaches, *after.blocked):
                assert bank.approach(approach_id).name in claim.text


def test_a_change_that_only_removes_a_need_says_no_approach_would_be_called_for(bank):
    # Just-in-time called for by 360° results alone: answering "No" removes the need, and nothing
    # in that answer makes the article expect anything to fail.
    answers = complete_answers_from(bank, {"multi_rater_results": "yes_now"})
    result = score_answers(bank, answers)
    assert result.recommended == "just_in_time"
    line = next(claim for claim in result.what_would_change if claim.changes[0].question_id == "multi_rater_results")
    assert line.text == f"If {bank.question('multi_rater_results').option('no').as_condition}, {bank.texts.outcome_none}."


def test_a_change_that_calls_for_an_approach_with_an_open_condition_says_so(bank):
    # Some concern only, and "not sure" whether the executive's contribution is valued: were a
    # specific behaviour observed, after-the-fact coaching would be called for, with that condition
    # (without which the article says it cannot work) left open.
    answers = complete_answers_from(bank, {"observed_behaviour": "some_concern", "contribution_valued": "not_sure"})
    line = next(claim for claim in score_answers(bank, answers).what_would_change
                if claim.changes[0].question_id == "observed_behaviour" and claim.changes[0].option_id == "yes_specific")
    assert bank.texts.outcome_open.format(names=bank.approach("after_the_fact").name) in line.text


def test_a_change_whose_outcome_depends_on_the_question_it_brings_up_names_that_answer(bank):
    # Nothing called for: a behaviour observed would call for after-the-fact coaching, but only if
    # the questions it brings up (is the contribution valued? is it litigation cover?) do not block it.
    answers = complete_answers_from(bank, {})
    result = score_answers(bank, answers)
    after_observed = [
        [(change.question_id, change.option_id) for change in claim.changes]
        for claim in result.what_would_change
        if claim.changes[0].question_id == "observed_behaviour" and claim.changes[0].option_id == "yes_specific"
    ]
    assert "contribution_valued" not in answers
    assert after_observed == [[("observed_behaviour", "yes_specific"), ("contribution_valued", "valued"), ("dismissal_protection", "no")]]


@EXAMPLES
@given(answers=complete_answers())
def test_what_would_change_is_worded_from_the_bank(bank, answers):
    result = score_answers(bank, answers)
    for claim in result.what_would_change:
        assert claim.text[0].isupper() and claim.text.endswith(".")
        for change in claim.changes:
            option = bank.question(change.question_id).option(change.option_id)
            assert (option.as_condition or option.text) in claim.text


@EXAMPLES
@given(answers=complete_answers())
def test_without_a_situation_answer_nothing_fits_and_each_situation_answer_would_make_its_approach_fit(bank, answers):
    without = complete_answers_from(bank, {
        question_id: option_id if not {SITUATION, OCCASIONAL} & set(bank.question(question_id).option(option_id).need.values()) else neutral_option(bank, bank.question(question_id))
        for question_id, option_id in answers.items()
    })
    result = score_answers(bank, without)
    assert result.recommended == "none"
    single_claims = {(way[0].question_id, way[0].option_id): claim.recommended for claim in result.what_would_change for way in claim.ways}
    for question in bank.asked_questions(without):
        for option in question.options:
            for approach_id, signal in option.need.items():
                # ...unless the answers already given say that the article expects it to fail.
                if signal in (SITUATION, OCCASIONAL) and readiness_status(bank, bank.answers_to_asked({**without, question.id: option.id}), approach_id) != "blocked":
                    assert single_claims[(question.id, option.id)] == approach_id


# ---------------------------------------------------------------- next steps

def test_the_presupposing_steps_table_names_real_steps_and_answers(bank):
    for words, question_id, denying in STEPS_PRESUPPOSING:
        assert any(words in step.text for step in bank.next_steps), words
        assert denying <= set(bank.question(question_id).option_ids), question_id


@EXAMPLES
@given(answers=complete_answers())
def test_no_next_step_contradicts_an_answer(bank, answers):
    shown = [step.text for step in score_answers(bank, answers).next_steps]
    for words, question_id, denying in STEPS_PRESUPPOSING:
        if answers.get(question_id) in denying:
            assert not any(words in text for text in shown), (words, answers[question_id])


@EXAMPLES
@given(answers=complete_answers())
def test_next_steps_are_those_of_the_recommendation_whose_when_matches(bank, answers):
    result = score_answers(bank, answers)
    first = [(rule.first_step, rule.approach, rule.id) for approach_id in result.blocked for rule in bank.cautions if rule.id in result.readiness_for(approach_id).blocking]
    first += [(item.text, item.approach or "none", item.id) for item in result.find_out]
    wanted = list(result.recommended_approaches) or ([] if result.blocked else ["none"])
    practice = result.current_practice.approach
    if result.recommended_approaches and practice is not None and practice not in result.recommended_approaches:
        wanted.append("practice_differs")
    candidates = first + [(step.text, step.applies_to, step.caution) for applies_to in wanted for step in bank.next_steps
                          if step.applies_to == applies_to and matches(step.when, answers)]
    shown = [(step.text, step.applies_to, step.point) for step in result.next_steps]
    # The steps shown are the candidates in order, each left out only because its approach already
    # shows three, or a step on the same point.
    kept: list = []
    for candidate in candidates:
        text, applies_to, point = candidate
        mine = [other for other in kept if other[1] == applies_to]
        if candidate in shown:
            kept.append(candidate)
        else:
            assert len(mine) == 3 or (point is not None and point in {other[2] for other in mine}), text
    assert kept == shown
    for applies_to in {step.applies_to for step in result.next_steps}:
        points = [step.point for step in result.next_steps if step.applies_to == applies_to]
        assert len(points) <= 3
        assert len([point for point in points if point]) == len({point for point in points if point})


# ---------------------------------------------------------------- the engine as a whole

@EXAMPLES
@given(data=st.data(), answers=complete_answers())
def test_the_order_answers_are_given_in_never_matters(bank, data, answers):
    shuffled = dict(data.draw(st.permutations(list(answers.items()))))
    assert json.dumps(score_answers(bank, shuffled).to_dict()) == json.dumps(score_answers(bank, answers).to_dict())


def test_every_approach_is_reachable(bank):
    for approach_id in bank.approach_ids:
        result = score_answers(bank, most_favourable_answers(bank, approach_id), allow_partial=True)
        assert result.recommended == approach_id


@EXAMPLES
@given(answers=complete_answers())
def test_the_browser_adapter_agrees_with_the_engine(bank, answers):
    assert json.loads(assess_json(json.dumps(answers))) == {"ok": True, "result": score_answers(bank, answers).to_dict()}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=12,
)


@EXAMPLES
@given(value=JSON_VALUES)
def test_the_browser_adapter_never_raises_for_any_json(value):
    reply = json.loads(assess_json(json.dumps(value)))
    assert reply["ok"] is False
    assert reply["errors"] and all(isinstance(error, str) for error in reply["errors"])


@EXAMPLES
@given(text=st.text(max_size=40))
def test_the_browser_adapter_never_raises_for_any_text(text):
    reply = json.loads(assess_json(text))
    assert reply["ok"] in (True, False)


@EXAMPLES
@given(answers=complete_answers())
def test_each_situation_sentence_is_its_rule(bank, answers):
    """The page's "It applies when A, when B, or when C" is true exactly when the engine calls for it."""
    result = score_answers(bank, answers)
    for approach in bank.approaches:
        clauses = {option.situation for question in bank.need_questions for option in question.options if option.signal_for(approach.id) == SITUATION}
        assert all(f"when {clause}" in approach.situation for clause in clauses)
        assert " and when " not in approach.situation
        shown = {bank.question(question_id).option(option_id).situation for question_id, option_id in answers.items() if bank.question(question_id).role == NEED}
        assert result.need_for(approach.id).present == bool(clauses & shown)


@EXAMPLES
@given(answers=complete_answers())
def test_every_if_not_sure_line_says_what_that_answer_would_do(bank, answers):
    result = score_answers(bank, answers)
    for line in result.if_not_sure:
        assert answers[line.question_id] in bank.not_sure_options[line.question_id]
        assert line.standing and all(option_id not in bank.not_sure_options[line.question_id] for option_id in line.option_ids)
        for option_id in line.option_ids:
            changed = score_answers(bank, {**answers, line.question_id: option_id}, allow_partial=True)
            for approach_id, status in line.standing.items():
                assert changed.verdicts[approach_id] != "not_called" and changed.readiness_for(approach_id).status == status, line.text
    ways = [(line.question_id, tuple(sorted(line.standing.items()))) for line in result.if_not_sure]
    assert len(ways) == len(set(ways)), "answers with one outcome are one line"


def any_answers(bank):
    """Any option (or none) for every question, asked or not: what a form may hold."""
    return st.fixed_dictionaries({}, optional={question.id: st.sampled_from(question.option_ids) for question in bank.questions})


@EXAMPLES
@given(data=st.data())
def test_asked_when_is_the_ask_if_rule_on_the_answers_given(bank, data):
    """The page shows questions by bank.asked_when alone; it must ask exactly what the rule asks."""
    answers = data.draw(any_answers(bank))
    by_conditions = [question.id for question in bank.questions
                     if any(all(answers.get(asked_after) in option_ids for asked_after, option_ids in condition.items())
                            for condition in bank.asked_when[question.id])]
    assert by_conditions == [question.id for question in bank.asked_questions(answers)]
