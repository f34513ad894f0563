"""How answers become fit scores, a ranking, a recommendation, cautions and next steps.

Fit scores. Only "condition" questions (goals and conditions) count. The chosen option of each
answered question gives every approach its weight: a whole number from the bank's weight_min to
weight_max (0 to 3). An approach's fit is its points as a share of the most it could have got from
the same questions (per question, the highest weight any option gives it), as a whole number from
0 to 100, rounded half up. An approach that none of the answered questions can give points to
scores 0. Weights are never negative, so a warning sign never subtracts; it raises a caution.

Ranking. Best score first. Equal rounded scores are ordered by the exact unrounded share, then by
approach id, only so that output is stable: such ties never decide the recommendation (below).

Recommendation and tie rule. margin = first score minus second score, always reported. If the
margin is at most blend_margin (10 points in the bank), the recommendation is a blend of the top
two, written "blend:A+B" with the two ids sorted alphabetically; otherwise it is the first
approach alone. Because the test is "at most", equal top scores always give a blend: the order in
which approaches are listed never wins a tie. `within_margin` lists every approach within
blend_margin of the top, so a three-way near-tie stays visible.

Current practice. Only "practice" questions (what the organization does today) count: their
weights are summed per approach. The approach with the most points is the current practice if no
other approach has as many and it has more than zero; otherwise the current practice is unknown.
It matches the best fit when it is one of the recommended approaches.

Cautions. A caution is raised when every question under its `when` was answered with one of the
listed options and, if the caution names an approach, that approach is in play: recommended
(alone or in a blend) or the current practice.

Next steps. The steps for each recommended approach, then the "practice_differs" steps when the
current practice is known and differs from the best fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from .errors import AnswersError, quoted
from .model import PRACTICE_DIFFERS, Question, QuestionBank
from .result import ApproachScore, AssessmentResult, CurrentPractice, RaisedCaution, Reason, SuggestedStep

BLEND_PREFIX = "blend:"


def score_answers(bank: QuestionBank, answers: Mapping[str, str], *, allow_partial: bool = False) -> AssessmentResult:
    """Score a complete set of answers (question id -> option id); with allow_partial, score what is there."""
    checked_answers = validate_answers(bank, answers, allow_partial=allow_partial)
    return build_result(bank, checked_answers)


# ---------------------------------------------------------------- answers

def validate_answers(bank: QuestionBank, answers: object, *, allow_partial: bool = False) -> dict[str, str]:
    """Return the answers in bank order, or raise AnswersError listing every problem found."""
    if not isinstance(answers, Mapping):
        raise AnswersError([f"answers must be an object mapping question ids to option ids, got {json_type_name(answers)}"])
    problems = [f"unknown question {quoted(key)}" for key in sorted(answers, key=str) if not is_known_question(bank, key)]
    for question in bank.questions:
        problem = answer_problem(question, answers, allow_partial=allow_partial)
        if problem:
            problems.append(problem)
    if problems:
        raise AnswersError(problems)
    return {question.id: answers[question.id] for question in bank.questions if question.id in answers}


def is_known_question(bank: QuestionBank, key: object) -> bool:
    return isinstance(key, str) and bank.question(key) is not None


def answer_problem(question: Question, answers: Mapping, *, allow_partial: bool) -> str | None:
    if question.id not in answers:
        return None if allow_partial else f"question '{question.id}': no answer given"
    option_id = answers[question.id]
    if not isinstance(option_id, str):
        return f"question '{question.id}': expected an option id (text), got {json_type_name(option_id)}"
    if question.option(option_id) is None:
        return f"question '{question.id}': unknown option {quoted(option_id)} (expected one of: {', '.join(question.option_ids)})"
    return None


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


# ---------------------------------------------------------------- scores and recommendation

def build_result(bank: QuestionBank, answers: Mapping[str, str]) -> AssessmentResult:
    shares = fit_shares(bank, answers)
    scores = {approach_id: as_percent(share) for approach_id, share in shares.items()}
    ranking = rank_approaches(bank.approach_ids, shares)
    margin = scores[ranking[0]] - scores[ranking[1]]
    recommended_ids = recommended_approaches(ranking, margin, bank.scoring.blend_margin)
    practice_id = current_practice_approach(bank, answers)
    return AssessmentResult(
        recommended=recommendation_label(recommended_ids),
        recommended_approaches=recommended_ids,
        summary=recommendation_summary(bank, recommended_ids, margin),
        approach_scores=approach_scores(bank, answers, scores),
        ranking=ranking,
        margin=margin,
        blend_margin=bank.scoring.blend_margin,
        within_margin=approaches_within_margin(ranking, scores, bank.scoring.blend_margin),
        cautions=raised_cautions(bank, answers, in_play=set(recommended_ids) | {practice_id}),
        current_practice=describe_current_practice(bank, practice_id, recommended_ids),
        next_steps=suggested_steps(bank, recommended_ids, practice_id),
        approaches=bank.approaches,
        answers=dict(answers),
        unanswered=tuple(question.id for question in bank.questions if question.id not in answers),
        bank_fingerprint=bank.fingerprint,
        article_path=bank.article_path,
    )


def answered_conditions(bank: QuestionBank, answers: Mapping[str, str]) -> list[Question]:
    return [question for question in bank.condition_questions if question.id in answers]


def points_and_possible(bank: QuestionBank, answers: Mapping[str, str], approach_id: str) -> tuple[int, int]:
    questions = answered_conditions(bank, answers)
    points = sum(question.option(answers[question.id]).weight_for(approach_id) for question in questions)
    possible = sum(question.most_points_for(approach_id) for question in questions)
    return points, possible


def fit_shares(bank: QuestionBank, answers: Mapping[str, str]) -> dict[str, Fraction]:
    shares = {}
    for approach_id in bank.approach_ids:
        points, possible = points_and_possible(bank, answers, approach_id)
        shares[approach_id] = Fraction(points, possible) if possible else Fraction(0)
    return shares


def as_percent(share: Fraction) -> int:
    """A share from 0 to 1 as a whole percentage, rounded half up (never banker's rounding)."""
    return int((share * 100 + Fraction(1, 2)) // 1)


def rank_approaches(approach_ids: tuple[str, ...], shares: Mapping[str, Fraction]) -> tuple[str, ...]:
    return tuple(sorted(approach_ids, key=lambda approach_id: (-shares[approach_id], approach_id)))


def recommended_approaches(ranking: tuple[str, ...], margin: int, blend_margin: int) -> tuple[str, ...]:
    return ranking[:2] if margin <= blend_margin else ranking[:1]


def approaches_within_margin(ranking: tuple[str, ...], scores: Mapping[str, int], blend_margin: int) -> tuple[str, ...]:
    top_score = scores[ranking[0]]
    return tuple(approach_id for approach_id in ranking if top_score - scores[approach_id] <= blend_margin)


def recommendation_label(recommended_ids: tuple[str, ...]) -> str:
    if len(recommended_ids) == 1:
        return recommended_ids[0]
    return BLEND_PREFIX + "+".join(sorted(recommended_ids))


def best_fit_phrase(bank: QuestionBank, recommended_ids: tuple[str, ...]) -> str:
    names = [bank.approach(approach_id).name for approach_id in recommended_ids]
    return names[0] if len(names) == 1 else f"a blend of {names[0]} and {names[1]}"


def recommendation_summary(bank: QuestionBank, recommended_ids: tuple[str, ...], margin: int) -> str:
    names = [bank.approach(approach_id).name for approach_id in recommended_ids]
    if len(names) == 1:
        return bank.texts.recommend_single.format(name=names[0])
    return bank.texts.recommend_blend.format(first=names[0], second=names[1], margin=margin)


# ---------------------------------------------------------------- why

def approach_scores(bank: QuestionBank, answers: Mapping[str, str], scores: Mapping[str, int]) -> tuple[ApproachScore, ...]:
    entries = []
    for approach_id in bank.approach_ids:
        points, possible = points_and_possible(bank, answers, approach_id)
        reasons = strongest_reasons(bank, answers, approach_id)
        entries.append(ApproachScore(approach_id, scores[approach_id], points, possible, reasons))
    return tuple(entries)


def strongest_reasons(bank: QuestionBank, answers: Mapping[str, str], approach_id: str) -> tuple[Reason, ...]:
    """The answers that gave this approach the most points (bank order among equals)."""
    reasons = []
    for question in answered_conditions(bank, answers):
        option = question.option(answers[question.id])
        points = option.weight_for(approach_id)
        if points > 0:
            reasons.append(Reason(question.id, option.id, question.text, option.text, points, option.anchor))
    reasons.sort(key=lambda reason: -reason.points)  # stable sort keeps bank order among equals
    return tuple(reasons[: bank.scoring.reasons_per_approach])


# ---------------------------------------------------------------- practice, cautions, steps

def current_practice_approach(bank: QuestionBank, answers: Mapping[str, str]) -> str | None:
    totals = {approach_id: 0 for approach_id in bank.approach_ids}
    for question in bank.practice_questions:
        if question.id in answers:
            option = question.option(answers[question.id])
            for approach_id in totals:
                totals[approach_id] += option.weight_for(approach_id)
    most = max(totals.values())
    leaders = [approach_id for approach_id, total in totals.items() if total == most]
    return leaders[0] if most > 0 and len(leaders) == 1 else None


def describe_current_practice(bank: QuestionBank, practice_id: str | None, recommended_ids: tuple[str, ...]) -> CurrentPractice:
    if practice_id is None:
        return CurrentPractice(None, False, bank.texts.practice_unknown)
    matches = practice_id in recommended_ids
    template = bank.texts.practice_matches if matches else bank.texts.practice_differs
    text = template.format(practice=bank.approach(practice_id).name, best=best_fit_phrase(bank, recommended_ids))
    return CurrentPractice(practice_id, matches, text)


def raised_cautions(bank: QuestionBank, answers: Mapping[str, str], *, in_play: set) -> tuple[RaisedCaution, ...]:
    return tuple(
        RaisedCaution(rule.id, rule.text, rule.anchor)
        for rule in bank.cautions
        if (rule.approach is None or rule.approach in in_play) and rule.answers_match(answers)
    )


def suggested_steps(bank: QuestionBank, recommended_ids: tuple[str, ...], practice_id: str | None) -> tuple[SuggestedStep, ...]:
    wanted = list(recommended_ids)
    if practice_id is not None and practice_id not in recommended_ids:
        wanted.append(PRACTICE_DIFFERS)
    return tuple(
        SuggestedStep(step.text, step.anchor)
        for applies_to in wanted
        for step in bank.next_steps
        if step.applies_to == applies_to
    )
