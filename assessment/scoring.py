"""How answers become a recommendation, kept apart from whether its conditions hold.

The article ties each timing of coaching to a situation it exists for, and attaches conditions
to each. The engine keeps the two apart, as the bank does (see bank.toml):

Questions asked. A question with `ask_if` is asked only when, among the answers to the questions
asked before it, ANY of its listed questions has one of its listed options. Answers to questions
that are not asked are ignored (listed in `not_asked`): an unasked question never counts.

Need. Only "need" questions count. Each answered option signals, per approach, "situation" (the
article's defining situation for it: situation_points) or "leaning" (leaning_points) or nothing.
An approach's need is *present* when at least one answer signals its situation. Its need score
says how much evidence the answers give: its points as a share of full_need_points (capped at
100), a whole number rounded half up. The same yardstick for every approach, however many
questions speak to it: with the packaged bank's settings, one situation alone scores 50, two
situations (or one and three leaning answers) 100. Leaning answers add strength but never make a
need present.

Blocked. The cautions are the article's conditions, each at the article's force (bank.toml):
a "blocking" caution is one under which the article says the approach cannot work ("can work
only if", "invariably fails"). An approach whose need is present and one of whose blocking
cautions matches the answers is *blocked*: called for, but expected to fail as the answers
stand. A blocked approach is never recommended; the summary names it as expected to fail.

Recommendation. Only approaches whose need is present and that are not blocked can be
recommended; practice answers, and readiness answers other than blocking ones, never create or
remove a recommendation.
- None of them: the outcome is "none" (no timing stands out, or every one called for is blocked).
- One, or the best one leads the next one by more than blend_margin points: that approach alone.
- Otherwise a blend of the top two, "blend:A+B" with the ids sorted; equal scores always give a
  blend, so the order of the bank never wins a tie.
Ranking lists the approaches that can be recommended first, then the blocked ones, then the
others, each by exact score, then by id (only for stable output). `margin` is the score gap
between the first two that can be recommended (None when fewer than two); `within_margin` lists
those within blend_margin of the best. The evidence is *thin* when a recommended approach rests
on a single answer.

Readiness. An approach's readiness is "blocked" when one of its blocking cautions matches, else
"at_risk" when one of its risks matches, else "holds" when some of the questions its blocking and
risk cautions look at were answered (or it has none), else "unknown". Practice notes (what the
article reports as usual or as the trend) never change it. It qualifies a recommendation ("fits,
and the conditions hold" / "fits, but the article names risks") and says of a blocked approach
that the article expects it to fail. A caution is shown when its approach is in play:
recommended, blocked, or today's practice (or it names none).

Current practice. Only "practice" questions count: their weights are summed per approach. The
approach with the most points is the current practice if no other has as many and it has more
than zero; otherwise it is unknown. It "matches" only a recommended approach, never a blocked one.

Next steps. First, for each blocked approach, what would have to be true first (the `first_step`
of each blocking caution raised); then the steps for each recommended approach (or for "none",
when nothing is recommended or blocked), then the "practice_differs" steps when the current
practice is known and differs from the best fit; a step with `when` is shown only where the
answers match it, so it never presupposes what they deny.

What would change. The smallest changes of answers that change the recommendation, then, for each
blocked approach, the change of all its blocking answers that would unblock it; all found by
re-scoring the alternatives (see assessment.what_if): every claim is true of this engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from . import what_if
from .errors import AnswersError, quoted
from .model import BLOCKING, NO_APPROACH, PRACTICE_DIFFERS, PRACTICE_NOTE, RISK, SITUATION, Option, Question, QuestionBank
from .result import (
    AnswerChange,
    AssessmentResult,
    CurrentPractice,
    Evidence,
    NeedFinding,
    RaisedCaution,
    ReadinessFinding,
    SuggestedStep,
    WhatWouldChange,
)

BLEND_PREFIX = "blend:"
BLOCKED = "blocked"
AT_RISK = "at_risk"
HOLDS = "holds"
UNKNOWN = "unknown"


def score_answers(bank: QuestionBank, answers: Mapping[str, str], *, allow_partial: bool = False, what_would_change: bool = True) -> AssessmentResult:
    """Score a complete set of answers (question id -> option id); with allow_partial, score what is there.

    what_would_change=False leaves that list empty: the search re-scores many alternatives, and a
    view of many results at once (the team view) shows it for none of them."""
    checked_answers = validate_answers(bank, answers, allow_partial=allow_partial)
    ignored = tuple(key for key in answers if key not in checked_answers)
    return build_result(bank, checked_answers, ignored=ignored, what_would_change=what_would_change)


# ---------------------------------------------------------------- answers and the questions asked

def validate_answers(bank: QuestionBank, answers: object, *, allow_partial: bool = False) -> dict[str, str]:
    """The answers to the questions asked, in bank order; or AnswersError listing every problem found.

    An answer to a question that is not asked is ignored, whatever it says (it never counts)."""
    if not isinstance(answers, Mapping):
        raise AnswersError([f"answers must be an object mapping question ids to option ids, got {json_type_name(answers)}"])
    problems = [f"unknown question {quoted(key)}" for key in sorted(answers, key=str) if not is_known_question(bank, key)]
    asked_answers: dict[str, str] = {}
    for question in bank.questions:
        if not question.is_asked(asked_answers):
            continue
        if question.id not in answers:
            if not allow_partial:
                problems.append(f"question '{question.id}': no answer given")
        elif problem := option_problem(question, answers[question.id]):
            problems.append(problem)
        else:
            asked_answers[question.id] = answers[question.id]
    if problems:
        raise AnswersError(problems)
    return asked_answers


def is_known_question(bank: QuestionBank, key: object) -> bool:
    return isinstance(key, str) and bank.question(key) is not None


def option_problem(question: Question, option_id: object) -> str | None:
    if not isinstance(option_id, str):
        return f"question '{question.id}': expected an option id (text), got {json_type_name(option_id)}"
    if question.option(option_id) is None:
        return f"question '{question.id}': unknown option {quoted(option_id)} (expected one of: {', '.join(question.option_ids)})"
    return None


def asked_questions(bank: QuestionBank, answers: Mapping[str, str]) -> tuple[Question, ...]:
    """The questions that apply, given the answers (answers to unasked questions are not looked at)."""
    return bank.asked_questions(answers)


def json_type_name(value: object) -> str:
    """Name a value's type the way a person editing a JSON answers file would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------- need and the recommendation

@dataclass(frozen=True)
class Judgement:
    """The decisive part of a result: cheap to compute, so alternatives can be re-scored."""

    needs: Mapping[str, NeedFinding]
    ranking: tuple[str, ...]
    recommended_ids: tuple[str, ...]
    blocked_ids: tuple[str, ...]  # called for, but expected to fail as the answers stand
    margin: int | None
    within_margin: tuple[str, ...]

    @property
    def label(self) -> str:
        return recommendation_label(self.recommended_ids)


def judge(bank: QuestionBank, asked_answers: Mapping[str, str]) -> Judgement:
    """Need per approach and the recommendation, from answers to asked questions only."""
    tallies = need_tallies(bank, asked_answers)
    blocked = blocked_approaches(bank, asked_answers)
    ranking, recommended_ids, margin, within_margin = decide(bank, tallies, blocked)
    return Judgement(
        needs={approach_id: need_finding(bank, asked_answers, approach_id, tallies[approach_id]) for approach_id in bank.approach_ids},
        ranking=ranking,
        recommended_ids=recommended_ids,
        blocked_ids=tuple(approach_id for approach_id in ranking if tallies[approach_id].present and approach_id in blocked),
        margin=margin,
        within_margin=within_margin,
    )


def outcome_label(bank: QuestionBank, answers: Mapping[str, str]) -> str:
    """The recommendation for any answers (those to unasked questions are dropped first); the
    same rule as `judge`, without the evidence, because "what would change" calls it often."""
    asked_answers = bank.answers_to_asked(answers)
    return recommendation_label(decide(bank, need_tallies(bank, asked_answers), blocked_approaches(bank, asked_answers))[1])


def blocked_approaches(bank: QuestionBank, asked_answers: Mapping[str, str]) -> set[str]:
    """The approaches one of whose blocking cautions matches: the article says they cannot work then."""
    return {rule.approach for rule in bank.cautions if rule.severity == BLOCKING and rule.answers_match(asked_answers)}


@dataclass(frozen=True)
class NeedTally:
    score: int
    share: Fraction
    present: bool


def need_tallies(bank: QuestionBank, asked_answers: Mapping[str, str]) -> dict[str, NeedTally]:
    points = dict.fromkeys(bank.approach_ids, 0)
    present = set()
    for question in bank.need_questions:
        option_id = asked_answers.get(question.id)
        for approach_id, signal in (question.option(option_id).need.items() if option_id is not None else ()):
            points[approach_id] += bank.scoring.points_for(signal)
            if signal == SITUATION:
                present.add(approach_id)
    full = bank.scoring.full_need_points
    shares = {approach_id: Fraction(min(points[approach_id], full), full) for approach_id in bank.approach_ids}
    return {approach_id: NeedTally(as_percent(shares[approach_id]), shares[approach_id], approach_id in present) for approach_id in bank.approach_ids}


def decide(bank: QuestionBank, tallies: Mapping[str, NeedTally], blocked: set[str]) -> tuple[tuple[str, ...], tuple[str, ...], int | None, tuple[str, ...]]:
    """Ranking, recommended ids, margin and the approaches within it (see the rules above)."""
    def group(approach_id: str) -> int:
        return 2 if not tallies[approach_id].present else 1 if approach_id in blocked else 0

    ranking = tuple(sorted(bank.approach_ids, key=lambda approach_id: (group(approach_id), -tallies[approach_id].share, approach_id)))
    present = [approach_id for approach_id in ranking if group(approach_id) == 0]
    scores = {approach_id: tallies[approach_id].score for approach_id in present}
    margin = scores[present[0]] - scores[present[1]] if len(present) > 1 else None
    blend = margin is not None and margin <= bank.scoring.blend_margin
    within = tuple(approach_id for approach_id in present if scores[present[0]] - scores[approach_id] <= bank.scoring.blend_margin)
    return ranking, tuple(present[:2] if blend else present[:1]), margin, within


def answered_need_options(bank: QuestionBank, asked_answers: Mapping[str, str]) -> list[tuple[Question, Option]]:
    return [(question, question.option(asked_answers[question.id])) for question in bank.need_questions if question.id in asked_answers]


def need_finding(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str, tally: NeedTally) -> NeedFinding:
    evidence = tuple(
        Evidence(question.id, option.id, question.text, option.text, option.anchor, signal)
        for question, option in answered_need_options(bank, asked_answers)
        if (signal := option.signal_for(approach_id))
    )
    # Situations first, then leaning answers; bank order within each (a stable sort).
    evidence = tuple(sorted(evidence, key=lambda item: item.signal != SITUATION))
    return NeedFinding(approach_id, tally.present, tally.score, evidence)


def as_percent(share: Fraction) -> int:
    """A share from 0 to 1 as a whole percentage, rounded half up (never banker's rounding)."""
    return int((share * 100 + Fraction(1, 2)) // 1)


def recommendation_label(recommended_ids: tuple[str, ...]) -> str:
    if not recommended_ids:
        return NO_APPROACH
    if len(recommended_ids) == 1:
        return recommended_ids[0]
    return BLEND_PREFIX + "+".join(sorted(recommended_ids))


def approaches_of_label(label: str) -> tuple[str, ...]:
    if label == NO_APPROACH:
        return ()
    if label.startswith(BLEND_PREFIX):
        return tuple(label[len(BLEND_PREFIX):].split("+"))
    return (label,)


def outcome_phrase(bank: QuestionBank, label: str) -> str:
    """How "what would change" names an outcome: "the best fit would be ..."."""
    named = set(approaches_of_label(label))
    names = [approach.name for approach in bank.approaches if approach.id in named]
    if not names:
        return bank.texts.outcome_none
    if len(names) == 1:
        return bank.texts.outcome_single.format(name=names[0])
    return bank.texts.outcome_blend.format(first=names[0], second=names[1])


def best_fit_phrase(bank: QuestionBank, recommended_ids: tuple[str, ...]) -> str:
    names = [bank.approach(approach_id).name for approach_id in recommended_ids]
    return names[0] if len(names) == 1 else f"a blend of {names[0]} and {names[1]}"


def recommendation_summary(bank: QuestionBank, judgement: Judgement) -> str:
    """The best fit (or that none stands out), the others called for, and each blocked approach
    as the article's expectation that it fails: a blocked approach is never a "Best fit"."""
    names = [bank.approach(approach_id).name for approach_id in judgement.recommended_ids]
    blocked = [bank.texts.recommend_blocked.format(name=bank.approach(approach_id).name) for approach_id in judgement.blocked_ids]
    if not names:
        return " ".join(blocked) or bank.texts.recommend_none
    if len(names) == 1:
        summary = bank.texts.recommend_single.format(name=names[0])
    else:
        summary = bank.texts.recommend_blend.format(first=names[0], second=names[1], margin=judgement.margin)
    also = [
        bank.approach(approach_id).name for approach_id in judgement.ranking
        if judgement.needs[approach_id].present and approach_id not in judgement.recommended_ids and approach_id not in judgement.blocked_ids
    ]
    return " ".join([summary, *([bank.texts.also_present.format(names=" and ".join(also))] if also else []), *blocked])


def thin_evidence_note(bank: QuestionBank, judgement: Judgement) -> str | None:
    """Said when a recommended approach rests on one answer alone."""
    for approach_id in judgement.recommended_ids:
        evidence = judgement.needs[approach_id].evidence
        if len(evidence) == 1:
            return bank.texts.thin_evidence.format(answer=f"“{evidence[0].answer}”")
    return None


# ---------------------------------------------------------------- the whole result

def build_result(bank: QuestionBank, asked_answers: Mapping[str, str], *, ignored: tuple[str, ...] = (), what_would_change: bool = True) -> AssessmentResult:
    judgement = judge(bank, asked_answers)
    recommended_ids = judgement.recommended_ids
    practice_id = current_practice_approach(bank, asked_answers)
    readiness = {approach_id: readiness_finding(bank, asked_answers, approach_id, judgement) for approach_id in bank.approach_ids}
    return AssessmentResult(
        recommended=judgement.label,
        recommended_approaches=recommended_ids,
        blocked=judgement.blocked_ids,
        summary=recommendation_summary(bank, judgement),
        thin_evidence=thin_evidence_note(bank, judgement),
        needs=tuple(judgement.needs[approach_id] for approach_id in bank.approach_ids),
        readiness=tuple(readiness[approach_id] for approach_id in bank.approach_ids),
        ranking=judgement.ranking,
        margin=judgement.margin,
        blend_margin=bank.scoring.blend_margin,
        within_margin=judgement.within_margin,
        cautions=raised_cautions(bank, asked_answers, in_play={*recommended_ids, *judgement.blocked_ids, practice_id}),
        caution_headings={BLOCKING: bank.texts.heading_blocking, RISK: bank.texts.heading_risks, PRACTICE_NOTE: bank.texts.heading_practice_notes},
        current_practice=describe_current_practice(bank, practice_id, judgement),
        next_steps=suggested_steps(bank, asked_answers, judgement, practice_id),
        what_would_change=tuple(describe_alternative(bank, alternative) for alternative in changes_that_matter(bank, asked_answers, judgement)) if what_would_change else (),
        approaches=bank.approaches,
        answers=dict(asked_answers),
        unanswered=tuple(question.id for question in asked_questions(bank, asked_answers) if question.id not in asked_answers),
        not_asked=tuple(question.id for question in bank.questions if question.id in ignored),
        bank_fingerprint=bank.fingerprint,
        article_path=bank.article_path,
    )


def changes_that_matter(bank: QuestionBank, asked_answers: Mapping[str, str], judgement: Judgement) -> tuple[what_if.Alternative, ...]:
    """The smallest changes, then, for each blocked approach, the changes that would unblock it."""
    def outcome_of(answers):
        return outcome_label(bank, answers)

    smallest = what_if.smallest_changes(bank, asked_answers, outcome_of)
    return smallest + what_if.unblocking_changes(bank, asked_answers, judgement.blocked_ids, outcome_of, smallest)


def describe_alternative(bank: QuestionBank, alternative: what_if.Alternative) -> WhatWouldChange:
    changes = tuple(AnswerChange(question.id, option.id, question.text, option.text) for question, option in alternative.changes)
    phrases = [option.as_condition or bank.texts.quoted_answer.format(answer=option.text, question=question.text) for question, option in alternative.changes]
    outcome = outcome_phrase(bank, alternative.outcome)
    if len(phrases) == 1:
        text = bank.texts.change_one.format(change=phrases[0], outcome=outcome)
    else:
        text = bank.texts.change_two.format(first_change=", ".join(phrases[:-1]), second_change=phrases[-1], outcome=outcome)
    return WhatWouldChange(changes, alternative.outcome, text[:1].upper() + text[1:])


# ---------------------------------------------------------------- readiness, cautions, practice, steps

def readiness_finding(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str, judgement: Judgement) -> ReadinessFinding:
    """Practice notes are what the article reports as usual: they never put an approach at risk."""
    rules = [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity != PRACTICE_NOTE]
    looked_at = {question_id for rule in rules for question_id in rule.when}
    checked = tuple(
        Evidence(question.id, asked_answers[question.id], question.text, question.option(asked_answers[question.id]).text, question.anchor, None)
        for question in bank.questions
        if question.id in looked_at and question.id in asked_answers
    )
    raised = [rule for rule in rules if rule.answers_match(asked_answers)]
    blocking = tuple(rule.id for rule in raised if rule.severity == BLOCKING)
    risks = tuple(rule.id for rule in raised if rule.severity != BLOCKING)
    status = BLOCKED if blocking else AT_RISK if risks else HOLDS if checked or not rules else UNKNOWN
    text = None
    if approach_id in (*judgement.recommended_ids, *judgement.blocked_ids):
        templates = {BLOCKED: bank.texts.readiness_blocked, AT_RISK: bank.texts.readiness_at_risk, HOLDS: bank.texts.readiness_holds, UNKNOWN: bank.texts.readiness_unknown}
        text = templates[status].format(name=bank.approach(approach_id).name)
    return ReadinessFinding(approach_id, status, blocking, risks, checked, text)


def raised_cautions(bank: QuestionBank, asked_answers: Mapping[str, str], *, in_play: set) -> tuple[RaisedCaution, ...]:
    return tuple(
        RaisedCaution(rule.id, rule.text, rule.anchor, rule.approach, rule.severity, rule.passage)
        for rule in bank.cautions
        if (rule.approach is None or rule.approach in in_play) and rule.answers_match(asked_answers)
    )


def current_practice_approach(bank: QuestionBank, asked_answers: Mapping[str, str]) -> str | None:
    totals = {approach_id: 0 for approach_id in bank.approach_ids}
    for question in bank.practice_questions:
        if question.id in asked_answers:
            option = question.option(asked_answers[question.id])
            for approach_id in totals:
                totals[approach_id] += option.weight_for(approach_id)
    most = max(totals.values())
    leaders = [approach_id for approach_id, total in totals.items() if total == most]
    return leaders[0] if most > 0 and len(leaders) == 1 else None


def describe_current_practice(bank: QuestionBank, practice_id: str | None, judgement: Judgement) -> CurrentPractice:
    recommended_ids = judgement.recommended_ids
    if practice_id is None:
        return CurrentPractice(None, False, bank.texts.practice_unknown)
    practice = bank.approach(practice_id).name
    if practice_id in judgement.blocked_ids:
        return CurrentPractice(practice_id, False, bank.texts.practice_blocked.format(practice=practice))
    if not recommended_ids:
        return CurrentPractice(practice_id, False, bank.texts.practice_none.format(practice=practice))
    matches = practice_id in recommended_ids
    template = bank.texts.practice_matches if matches else bank.texts.practice_differs
    return CurrentPractice(practice_id, matches, template.format(practice=practice, best=best_fit_phrase(bank, recommended_ids)))


def suggested_steps(bank: QuestionBank, asked_answers: Mapping[str, str], judgement: Judgement, practice_id: str | None) -> tuple[SuggestedStep, ...]:
    """What would have to be true first for each blocked approach leads; a blocked approach's own
    steps are never given, as they presuppose that it can work."""
    recommended_ids = judgement.recommended_ids
    first = tuple(
        SuggestedStep(rule.first_step, rule.anchor, rule.approach)
        for approach_id in judgement.blocked_ids
        for rule in bank.cautions
        if rule.approach == approach_id and rule.severity == BLOCKING and rule.answers_match(asked_answers)
    )
    wanted = list(recommended_ids) or ([] if judgement.blocked_ids else [NO_APPROACH])
    if recommended_ids and practice_id is not None and practice_id not in recommended_ids:
        wanted.append(PRACTICE_DIFFERS)
    return first + tuple(
        SuggestedStep(step.text, step.anchor, step.applies_to)
        for applies_to in wanted
        for step in bank.next_steps
        if step.applies_to == applies_to and step.answers_match(asked_answers)
    )
