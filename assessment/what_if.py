"""What would change the result: the smallest changes of answers that change the recommendation.

Found by re-scoring alternatives with the engine's own rule (`outcome_of`), never by reasoning
about weights, so every change listed is true of the engine:

- every single change (one question answered differently, never to "not sure", which is not a
  change anyone makes) that changes the recommendation, in bank order;
- only when no single change does it, pairs of changes, searched among the questions that can
  decide the outcome (need questions, the questions of blocking cautions, and the questions their
  `ask_if` depends on: practice answers and other readiness answers never change a
  recommendation, so a pair with one of them is never smallest),
  at most PAIRS_PER_OUTCOME for each different outcome they lead to.

For an approach the answers block (the article says it cannot work), `unblocking_changes` adds
the change of every blocking answer to one that clears it, however many questions that takes, so
the result always says what would have to be true for it.

A question answered "not sure" is not a change the reader could make but a fact to find out:
`if_not_sure` says what each of its other answers would do to the approaches it decides (their
standing: called for or not, and whether the article's conditions hold), options that lead to the
same standing named together.

Answers to questions that a change leaves unasked are dropped by `outcome_of` before scoring.
A change can also bring up questions that were not asked before. Those that cannot decide the
outcome are left unanswered (by rule they change nothing). Those that can are tried with every
answer: if the outcome is the same whatever they say, the change is listed alone; if it depends
on them, the change is listed once per outcome, together with the answer that leads to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product

from .model import BLOCKING, Option, Question, QuestionBank

PAIRS_PER_OUTCOME = 2


@dataclass(frozen=True)
class Alternative:
    changes: tuple[tuple[Question, Option], ...]
    outcome: tuple[str, ...]  # the approaches recommended after the changes, in bank order


Change = tuple[Question, Option]


@dataclass(frozen=True)
class IfNotSure:
    """One way a "not sure" answer could turn out: the options that lead there, and the standing
    (approach id, readiness status) of each approach called for then."""

    question: Question
    options: tuple[Option, ...]
    standing: tuple[tuple[str, str], ...]


def if_not_sure(bank: QuestionBank, asked_answers: Mapping[str, str], standing_of: Callable[[Mapping[str, str]], tuple]) -> tuple[IfNotSure, ...]:
    """For each question answered "not sure" whose answer matters, every way it could turn out."""
    current = standing_of(asked_answers)
    found: list[IfNotSure] = []
    for question in bank.asked_questions(asked_answers):
        unsure = bank.not_sure_options.get(question.id, frozenset())
        if asked_answers.get(question.id) not in unsure:
            continue
        ways: dict[tuple, list[Option]] = {}
        for option in question.options:
            if option.id not in unsure:
                ways.setdefault(standing_of({**asked_answers, question.id: option.id}), []).append(option)
        if set(ways) != {current}:
            found += [IfNotSure(question, tuple(options), standing) for standing, options in ways.items()]
    return tuple(found)


def smallest_changes(bank: QuestionBank, asked_answers: Mapping[str, str], outcome_of: Callable[[Mapping[str, str]], tuple[str, ...]]) -> tuple[Alternative, ...]:
    current = outcome_of(asked_answers)
    deciding = deciding_questions(bank)
    asked = bank.asked_questions(asked_answers)
    singles = tuple(
        alternative
        for change in other_answers(asked, asked_answers)
        for alternative in alternatives_after(bank, asked_answers, asked, (change,), outcome_of, current, deciding)
    )
    return singles or changed_pairs(bank, asked_answers, outcome_of, current, deciding)


def alternatives_after(bank: QuestionBank, answers: Mapping[str, str], asked: tuple[Question, ...], changes: tuple[Change, ...], outcome_of,
                       current: tuple[str, ...], deciding: set[str]) -> list[Alternative]:
    """What these changes to `answers` (whose questions asked are `asked`) lead to, with the
    deciding questions they bring up tried every way."""
    changed = {**answers, **{question.id: option.id for question, option in changes}}
    asked_before = {question.id for question in asked}
    brought_up = [
        question for question in bank.asked_questions(changed)
        if question.id not in asked_before and question.id not in changed and question.id in deciding
    ]
    outcomes: dict[tuple[str, ...], tuple[Change, ...]] = {}
    for completion in product(*[[(question, option) for option in question.options] for question in brought_up]):
        outcome = outcome_of({**changed, **{question.id: option.id for question, option in completion}})
        outcomes.setdefault(outcome, completion)
    if len(outcomes) == 1:
        (outcome,) = outcomes
        return [Alternative(changes, outcome)] if outcome != current else []
    return [Alternative(changes + completion, outcome) for outcome, completion in outcomes.items() if outcome != current]


def other_answers(questions: tuple[Question, ...], answers: Mapping[str, str]) -> Iterator[tuple[Question, Option]]:
    """Each other answer a reader could give instead: "not sure" is not a change anyone makes."""
    for question in questions:
        for option in question.options:
            if answers.get(question.id) != option.id and not option.not_sure:
                yield question, option


def deciding_questions(bank: QuestionBank) -> set[str]:
    """Need questions and the questions of blocking cautions (a blocked approach is never
    recommended), with the questions their asking depends on."""
    deciding = {question.id for question in bank.need_questions}
    deciding |= {question_id for rule in bank.cautions if rule.severity == BLOCKING for question_id in rule.when}
    return deciding | {question_id for question in bank.questions if question.id in deciding for question_id in question.ask_if}


def changed_pairs(bank: QuestionBank, asked_answers: Mapping[str, str], outcome_of, current: tuple[str, ...], deciding: set[str]) -> tuple[Alternative, ...]:
    found: dict[tuple[str, ...], list[Alternative]] = {}
    asked = bank.asked_questions(asked_answers)
    first_changes = [change for change in other_answers(asked, asked_answers) if change[0].id in deciding]
    for first_question, first_option in first_changes:
        once_changed = {**asked_answers, first_question.id: first_option.id}
        later_questions = tuple(question for question in bank.asked_questions(once_changed) if question.id in deciding and is_after(bank, question, first_question))
        for second in other_answers(later_questions, once_changed):
            for alternative in alternatives_after(bank, asked_answers, asked, ((first_question, first_option), second), outcome_of, current, deciding):
                if len(found.setdefault(alternative.outcome, [])) < PAIRS_PER_OUTCOME:
                    found[alternative.outcome].append(alternative)
    return tuple(alternative for alternatives in found.values() for alternative in alternatives)


def is_after(bank: QuestionBank, question: Question, other: Question) -> bool:
    """Pairs are taken in bank order, so each pair is tried once."""
    return bank.questions.index(question) > bank.questions.index(other)


def unblocking_changes(bank: QuestionBank, asked_answers: Mapping[str, str], blocked_ids: tuple[str, ...], outcome_of, found: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    """Per blocked approach: its raised blocking answers changed, each to the first option that
    raises none of its blocking cautions; listed unless the smallest changes already say it."""
    current = outcome_of(asked_answers)
    extra = []
    for approach_id in blocked_ids:
        rules = [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity == BLOCKING and rule.answers_match(asked_answers)]
        changes = []
        for question_id in dict.fromkeys(question_id for rule in rules for question_id in rule.when):
            question = bank.question(question_id)
            clearing = next((option for option in question.options if not any(option.id in rule.when.get(question_id, ()) for rule in rules)), None)
            if clearing is not None:
                changes.append((question, clearing))
        outcome = outcome_of({**asked_answers, **{question.id: option.id for question, option in changes}})
        if changes and outcome != current and all(known.changes != tuple(changes) for known in found):
            extra.append(Alternative(tuple(changes), outcome))
    return tuple(extra)
