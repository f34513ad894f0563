"""How answers become a recommendation, kept apart from whether its conditions hold.

The article ties each timing of coaching to a situation it exists for, and attaches conditions
to each. The engine keeps the two apart, as the bank does (see bank.toml):

Questions asked. A question with `ask_if` is asked only when, among the answers to the questions
asked before it, ANY of its listed questions has one of its listed options. Answers to questions
that are not asked are ignored (listed in `not_asked`): an unasked question never counts.

Need. Only "need" questions count. Each answered option signals, per approach, "situation" (the
article's defining situation for it) or "leaning" or nothing. An approach is *called for* when at
least one answer signals its situation: its situation sentence ("It applies when A, when B, or
when C", assessment.bank) is these situations joined by "or", so what the page says is the rule.
Leaning answers never call for an approach; they only add evidence. Points (situation_points,
leaning_points) order the approaches called for, more evidence first; they are never shown.

Blocked. The cautions are the article's conditions, each at the article's force (bank.toml):
a "blocking" caution is one under which the article says the approach cannot work ("can work
only if", "invariably fails"). An approach called for, one of whose blocking cautions matches
the answers, is *blocked*: expected to fail as the answers stand.

Verdict, per approach: "not_called" (its situation is absent), else "blocked", else "at_risk"
(the article names a risk that applies, or the answers do not yet say whether its conditions
hold), else "ready".

Recommendation. Every approach called for and not blocked is recommended: they answer different
situations (the organization's programmes, or one executive whose behaviour was observed) and
run side by side, so none is chosen over another and no margin between them is computed. The
label is "none", one id, or "blend:A+B" (ids sorted; the name is kept from earlier versions so
that saved results and links keep their meaning). Practice answers, and readiness answers other
than blocking ones, never create or remove a recommendation. Ranking: the recommended, then the
blocked, then the others, each by points, then bank order. The evidence is *thin* when a
recommended approach rests on a single answer.

Not sure. A readiness answer marked `not_sure` is counted as not known, never as a yes or a no:
a condition one of whose questions was answered so is neither raised nor cleared, and the result
says what to find out and whom to ask (`find_out`) instead of deciding.

Readiness, at the article's force. An approach's readiness is "blocked" when one of its blocking
cautions matches; else "unknown" while one of them is open (a question it looks at unanswered or
"not sure"): only a condition without which the article says the approach cannot work can leave
its verdict not known; else "at_risk" when one of its risks matches or is open (a risk to check),
and a risk the article states as inherent (`inherent`) always matches; else "holds" when every
condition is cleared; "no_conditions" when the article attaches none to it (it is never said to
"hold" them). Practice notes (what the article reports as usual or as the trend) never change it. It qualifies a recommendation ("fits,
and the conditions hold" / "fits, but the article names risks") and says of a blocked approach
that the article expects it to fail. A caution is shown when its approach is in play:
recommended, blocked, or today's practice (or it names none).

Current practice. Only "practice" questions count: their weights are summed per approach. The
approach with the most points is the current practice if no other has as many and it has more
than zero; otherwise it is unknown. It "matches" only a recommended approach, never a blocked one.
An answer saying no coaching is offered today means there is no current practice, said plainly.

Next steps. First, for each blocked approach, what would have to be true first (the `first_step`
of each blocking caution raised); then what to find out (`find_out` of each condition answered
"not sure", for the approaches in play); then the steps for each recommended approach (or for "none",
when nothing is recommended or blocked), then the "practice_differs" steps when the current
practice is known and differs from the best fit; a step with `when` is shown only where the
answers match it, so it never presupposes what they deny.

What would change. The smallest changes of answers that change the recommendation, then, for each
blocked approach, the change of all its blocking answers that would unblock it; all found by
re-scoring the alternatives (see assessment.what_if): every claim is true of this engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import partial

from . import what_if
from .errors import AnswersError, quoted
from .model import BLOCKING, EDITORS, NEED_SIGNALS, NO_APPROACH, PRACTICE_DIFFERS, PRACTICE_NOTE, READINESS, RESULT_PARTS, SHOWS_SITUATION, SITUATION, Option, Question, QuestionBank
from .result import (
    AnswerChange,
    AssessmentResult,
    CurrentPractice,
    Evidence,
    FindOut,
    IfNotSureLine,
    NotSureMoot,
    NeedFinding,
    RaisedCaution,
    ReadinessFinding,
    SuggestedStep,
    WhatWouldChange,
)

BLEND_PREFIX = "blend:"
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
# Readiness of an approach (and, for BLOCKED and AT_RISK, its verdict too).
BLOCKED = "blocked"
AT_RISK = "at_risk"
HOLDS = "holds"
UNKNOWN = "unknown"
# The article attaches no condition to the approach (only practice notes, if anything).
NO_CONDITIONS = "no_conditions"
# Verdict of an approach.
READY = "ready"
NOT_CALLED = "not_called"
# The verdicts of the approaches a result recommends.
RECOMMENDED_VERDICTS = frozenset({READY, AT_RISK})


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
    verdicts: Mapping[str, str]  # approach id -> READY | AT_RISK | BLOCKED | NOT_CALLED
    ranking: tuple[str, ...]

    @property
    def recommended_ids(self) -> tuple[str, ...]:
        return tuple(approach_id for approach_id in self.ranking if self.verdicts[approach_id] in RECOMMENDED_VERDICTS)

    @property
    def blocked_ids(self) -> tuple[str, ...]:
        """Called for, but expected to fail as the answers stand."""
        return tuple(approach_id for approach_id in self.ranking if self.verdicts[approach_id] == BLOCKED)

    @property
    def label(self) -> str:
        return recommendation_label(self.recommended_ids)


def judge(bank: QuestionBank, asked_answers: Mapping[str, str]) -> Judgement:
    """Need, verdict and ranking per approach, from answers to asked questions only."""
    needs = {approach_id: need_finding(bank, asked_answers, approach_id) for approach_id in bank.approach_ids}
    verdicts = {approach_id: verdict_of(needs[approach_id].present, readiness_status(bank, asked_answers, approach_id)) for approach_id in bank.approach_ids}
    return Judgement(needs, verdicts, ranking_of(bank, needs, verdicts))


def verdict_of(present: bool, readiness: str) -> str:
    if not present:
        return NOT_CALLED
    return {BLOCKED: BLOCKED, AT_RISK: AT_RISK, UNKNOWN: AT_RISK, HOLDS: READY, NO_CONDITIONS: READY}[readiness]


def ranking_of(bank: QuestionBank, needs: Mapping[str, NeedFinding], verdicts: Mapping[str, str]) -> tuple[str, ...]:
    group = {READY: 0, AT_RISK: 0, BLOCKED: 1, NOT_CALLED: 2}
    position = {approach_id: index for index, approach_id in enumerate(bank.approach_ids)}
    return tuple(sorted(bank.approach_ids, key=lambda approach_id: (group[verdicts[approach_id]], -needs[approach_id].points, position[approach_id])))


def recommended_for(bank: QuestionBank, answers: Mapping[str, str]) -> tuple[str, ...]:
    """The approaches recommended for any answers (those to unasked questions are dropped first),
    in bank order: what "what would change" compares, hundreds of times a result. The verdicts
    alone decide it, so the rest of a judgement (the evidence quoted, points, ranking) is skipped."""
    asked_answers = bank.answers_to_asked(answers)
    return tuple(
        approach_id for approach_id in bank.approach_ids
        if verdict_of(need_present(bank, asked_answers, approach_id), readiness_status(bank, asked_answers, approach_id)) in RECOMMENDED_VERDICTS
    )


def need_signals(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str) -> Iterator[tuple[Question, Option, str]]:
    """The answers to need questions that signal this approach (situation or leaning), in bank order."""
    for question in bank.need_questions:
        option = question.option(asked_answers[question.id]) if question.id in asked_answers else None
        if option is not None and (signal := option.signal_for(approach_id)):
            yield question, option, signal


def need_present(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str) -> bool:
    """The situation the approach exists for is present: an answer shows it, not merely leans to it."""
    return shows_situation(signal for _, _, signal in need_signals(bank, asked_answers, approach_id))


def shows_situation(signals: Iterable[str]) -> bool:
    return any(signal in SHOWS_SITUATION for signal in signals)


def need_finding(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str) -> NeedFinding:
    evidence = [quoted_answer(bank, question, option, option.anchor, signal) for question, option, signal in need_signals(bank, asked_answers, approach_id)]
    # Situations first, then occasional ones, then leaning answers; bank order within each (a stable sort).
    evidence.sort(key=lambda item: NEED_SIGNALS.index(item.signal))
    points = sum(bank.scoring.points_for(item.signal) for item in evidence)
    present = shows_situation(item.signal for item in evidence)
    heading = (bank.texts.need_present if present else bank.texts.need_absent).format(name=bank.approach(approach_id).name)
    occasional = present and not any(item.signal == SITUATION for item in evidence)
    return NeedFinding(approach_id, present, points, tuple(evidence), heading, occasional)


def quoted_answer(bank: QuestionBank, question: Question, option: Option, anchor: str, signal: str | None) -> Evidence:
    template = getattr(bank.texts, f"evidence_{signal or SITUATION}")
    return Evidence(question.id, option.id, question.text, option.text, anchor, signal, template.format(question=question.text, answer=option.text))


def as_percent(share: Fraction) -> int:
    """A share from 0 to 1 as a whole percentage, rounded half up (never banker's rounding)."""
    return int((share * 100 + Fraction(1, 2)) // 1)


def recommendation_label(recommended_ids: tuple[str, ...]) -> str:
    if not recommended_ids:
        return NO_APPROACH
    if len(recommended_ids) == 1:
        return recommended_ids[0]
    return BLEND_PREFIX + "+".join(sorted(recommended_ids))


def joined(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Standing:
    """What changed answers would call for, as much as "what would change" may say of it: the
    approaches recommended (bank order), those of them with a blocking condition left open, and
    those the article would expect to fail."""

    recommended: tuple[str, ...]
    open: tuple[str, ...]
    blocked: tuple[str, ...]


def standing_after(bank: QuestionBank, asked_answers: Mapping[str, str], changes) -> Standing:
    changed = bank.answers_to_asked({**asked_answers, **{question.id: option.id for question, option in changes}})
    judgement = judge(bank, changed)
    recommended = tuple(approach_id for approach_id in bank.approach_ids if approach_id in judgement.recommended_ids)
    return Standing(
        recommended,
        tuple(approach_id for approach_id in recommended if readiness_status(bank, changed, approach_id) == UNKNOWN),
        tuple(approach_id for approach_id in bank.approach_ids if approach_id in judgement.blocked_ids),
    )


def outcome_phrase(bank: QuestionBank, standing: Standing) -> str:
    """How "what would change" names an outcome, saying no more than the changed answers support:
    what they would call for (and whose conditions they leave open), what the article would expect
    to fail (only where a blocking condition holds), or that no approach would be called for."""
    texts = bank.texts

    def names(approach_ids):
        return joined([bank.approach(approach_id).name for approach_id in approach_ids])

    if not standing.recommended:
        return texts.outcome_blocked.format(names=names(standing.blocked)) if standing.blocked else texts.outcome_none
    called = (texts.outcome_one.format(name=names(standing.recommended)) if len(standing.recommended) == 1
              else texts.outcome_several.format(names=names(standing.recommended)))
    if standing.open:
        called = f"{called}, {texts.outcome_open.format(names=names(standing.open))}"
    return f"{called}; {texts.outcome_blocked.format(names=names(standing.blocked))}" if standing.blocked else called


def with_scope(bank: QuestionBank, need: NeedFinding) -> str:
    """The approach and whom it is for; "each time its situation occurs" when the answers say it
    occurs only from time to time."""
    approach = bank.approach(need.approach_id)
    template = bank.texts.approach_when_it_occurs if need.occasional else bank.texts.approach_with_scope
    return template.format(name=approach.name, scope=approach.scope)


def recommendation_summary(bank: QuestionBank, judgement: Judgement) -> str:
    """Every approach called for: those that can work side by side, then each blocked one as the
    article's expectation that it fails; or that no timing stands out."""
    texts = bank.texts
    # Names only: each approach's own line says for whom, and when it applies (never said twice).
    recommended = [bank.approach(approach_id).name for approach_id in judgement.recommended_ids]
    sentences = []
    if len(recommended) == 1:
        sentences.append(texts.headline_one.format(approach=recommended[0]))
    elif recommended:
        sentences.append(texts.headline_several.format(count=NUMBER_WORDS.get(len(recommended), str(len(recommended))), approaches=joined(recommended)))
    sentences += [blocked_headline(bank, approach_id, first=not sentences and index == 0) for index, approach_id in enumerate(judgement.blocked_ids)]
    return " ".join(sentences) or texts.headline_none


def blocked_headline(bank: QuestionBank, approach_id: str, *, first: bool) -> str:
    """"Your answers call for X, but ..." when it opens the headline, else "They call for X too,
    but ...": the headline never opens two sentences the same way."""
    template = bank.texts.headline_blocked if first else bank.texts.headline_blocked_too
    return template.format(approach=bank.approach(approach_id).name)


def short_outcome(bank: QuestionBank, recommended_ids: tuple[str, ...], blocked_ids: tuple[str, ...]) -> str:
    """A result in a few words: "A", "A and B, side by side", "...; C called for but expected to fail"."""
    def names(approach_ids):
        return joined([bank.approach(approach_id).name for approach_id in approach_ids])

    parts = []
    if len(recommended_ids) == 1:
        parts.append(names(recommended_ids))
    elif recommended_ids:
        parts.append(bank.texts.short_several.format(names=names(recommended_ids)))
    if blocked_ids:
        parts.append(bank.texts.short_blocked.format(names=names(blocked_ids)))
    return "; ".join(parts) or bank.texts.short_none


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
    in_play = {*recommended_ids, *judgement.blocked_ids, practice_id}
    find_out = conditions_to_find_out(bank, asked_answers, in_play=in_play)
    changes = describe_changes(bank, asked_answers, changes_that_matter(bank, asked_answers, judgement)) if what_would_change else ()
    unsure = describe_if_not_sure(bank, what_if.if_not_sure(bank, asked_answers, partial(standing_of, bank))) if what_would_change else ()
    labels = {approach_id: verdict_label(bank, judgement, approach_id, readiness[approach_id].status) for approach_id in judgement.ranking}
    return AssessmentResult(
        recommended=judgement.label,
        recommended_approaches=recommended_ids,
        blocked=judgement.blocked_ids,
        summary=" ".join([recommendation_summary(bank, judgement), *(
            bank.texts.headline_not_known.format(name=bank.approach(approach_id).name)
            for approach_id in recommended_ids if readiness[approach_id].status == UNKNOWN and readiness[approach_id].unknown
        )]),
        short=short_outcome(bank, recommended_ids, judgement.blocked_ids),
        thin_evidence=thin_evidence_note(bank, judgement),
        needs=tuple(judgement.needs[approach_id] for approach_id in bank.approach_ids),
        readiness=tuple(readiness[approach_id] for approach_id in bank.approach_ids),
        ranking=judgement.ranking,
        verdicts={approach_id: judgement.verdicts[approach_id] for approach_id in judgement.ranking},
        verdict_labels=labels,
        verdict_texts={approach_id: verdict_sentence(bank, judgement, approach_id, readiness[approach_id].status) for approach_id in judgement.ranking},
        terms=bank.terms,
        timing_text=timing_text(bank, labels),
        cautions=raised_cautions(bank, asked_answers, in_play=in_play),
        find_out=find_out,
        current_practice=describe_current_practice(bank, practice_id, judgement, no_coaching_today=offers_no_coaching_today(bank, asked_answers)),
        next_steps=suggested_steps(bank, asked_answers, judgement, practice_id, find_out),
        what_would_change=changes,
        changes_shown_first=changes_shown_first(unsure, changes),
        headings={part: getattr(bank.texts, f"heading_{part}") for part in RESULT_PARTS},
        no_change=bank.texts.no_change,
        editors_label=bank.texts.editors_suggestion,
        if_not_sure=unsure,
        not_sure_moot=moot_not_sure_answers(bank, asked_answers, find_out),
        approaches=bank.approaches,
        answers=dict(asked_answers),
        unanswered=tuple(question.id for question in asked_questions(bank, asked_answers) if question.id not in asked_answers),
        not_asked=tuple(question.id for question in bank.questions if question.id in ignored),
        bank_fingerprint=bank.fingerprint,
        article_path=bank.article_path,
    )


def changes_that_matter(bank: QuestionBank, asked_answers: Mapping[str, str], judgement: Judgement) -> tuple[what_if.Alternative, ...]:
    """The smallest changes, then, for each blocked approach, the changes that would unblock it. A
    change of a "not sure" answer alone is left to `if_not_sure`, which says it for every answer."""
    def outcome_of(answers):
        return recommended_for(bank, answers)

    unsure = {question_id for question_id, option_id in asked_answers.items() if option_id in bank.not_sure_options.get(question_id, ())}
    smallest = what_if.smallest_changes(bank, asked_answers, outcome_of)
    smallest = tuple(alternative for alternative in smallest if not (len(alternative.changes) == 1 and alternative.changes[0][0].id in unsure))
    return smallest + what_if.unblocking_changes(bank, asked_answers, judgement.blocked_ids, outcome_of, smallest)


def standing_of(bank: QuestionBank, answers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Each approach called for, with its readiness status: what a "not sure" answer can decide."""
    asked_answers = bank.answers_to_asked(answers)
    judgement = judge(bank, asked_answers)
    return tuple((approach_id, readiness_status(bank, asked_answers, approach_id)) for approach_id in bank.approach_ids if judgement.verdicts[approach_id] != NOT_CALLED)


def describe_if_not_sure(bank: QuestionBank, found: tuple[what_if.IfNotSure, ...]) -> tuple[IfNotSureLine, ...]:
    """A line per way a "not sure" answer could turn out, naming only the approaches it decides."""
    by_question: dict[str, list[what_if.IfNotSure]] = {}
    for way in found:
        by_question.setdefault(way.question.id, []).append(way)
    lines = []
    for ways in by_question.values():
        standings = [dict(way.standing) for way in ways]
        decided = [approach_id for approach_id in bank.approach_ids if len({standing.get(approach_id) for standing in standings}) > 1]
        for way, standing in zip(ways, standings):
            named = {approach_id: standing[approach_id] for approach_id in decided if approach_id in standing}
            outcome = "; ".join(getattr(bank.texts, f"if_not_sure_{status}").format(name=bank.approach(approach_id).name) for approach_id, status in named.items())
            answer = "” or “".join(option.text for option in way.options)
            text = bank.texts.if_not_sure.format(question=way.question.text, answer=answer, outcome=outcome)
            lines.append(IfNotSureLine(way.question.id, way.question.text, tuple(option.id for option in way.options),
                                       tuple(option.text for option in way.options), named, text))
    return tuple(lines)


def describe_changes(bank: QuestionBank, asked_answers: Mapping[str, str], alternatives: tuple[what_if.Alternative, ...]) -> tuple[WhatWouldChange, ...]:
    """One line per way of changing the outcome: other answers to the same single question that
    lead to the same standing are one line naming them all, never near-identical lines."""
    merged: dict[tuple, list[what_if.Alternative]] = {}
    for alternative in alternatives:
        single = len(alternative.changes) == 1
        changed = tuple((question.id, option.id) for question, option in alternative.changes)
        standing = standing_after(bank, asked_answers, alternative.changes)
        merged.setdefault((changed[0][0] if single else changed, standing), []).append(alternative)
    lines = [describe_alternative(bank, group, standing) for (_, standing), group in merged.items()]
    return tuple(sorted(lines, key=partial(change_order, bank)))


def change_order(bank: QuestionBank, line: WhatWouldChange) -> tuple[bool, bool]:
    """One change before two; of single changes, a condition the organization sets (a readiness
    answer: how the coaching is provided) before a fact about its situation. Stable otherwise."""
    return len(line.changes) > 1, not all(bank.question(change.question_id).role == READINESS for change in line.changes)


# "What would change" shows this many lines first, each a single change; the rest are one click further.
CHANGES_SHOWN_FIRST = 3


def changes_shown_first(if_not_sure: tuple[IfNotSureLine, ...], changes: tuple[WhatWouldChange, ...]) -> int:
    """How many lines of what would change (the "not sure" lines, then the changes, then the moot
    answers) a view shows first: the single changes, at most CHANGES_SHOWN_FIRST."""
    single = len(if_not_sure) + sum(len(change.changes) == 1 for change in changes)
    return min(CHANGES_SHOWN_FIRST, single)


def describe_alternative(bank: QuestionBank, group: list[what_if.Alternative], standing: Standing) -> WhatWouldChange:
    """Alternatives with the same outcome: one question answered one of several ways, or one set of changes."""
    ways = tuple(tuple(AnswerChange(question.id, option.id, question.text, option.text) for question, option in alternative.changes) for alternative in group)
    first = group[0].changes
    if len(first) == 1:
        question = first[0][0]
        options = [alternative.changes[0][1] for alternative in group]
        phrases = [change_phrase(bank, question, options)]
    else:
        phrases = [change_phrase(bank, question, [option]) for question, option in first]
    outcome = outcome_phrase(bank, standing)
    if len(phrases) == 1:
        text = bank.texts.change_one.format(change=phrases[0], outcome=outcome)
    else:
        text = bank.texts.change_two.format(first_change=", ".join(phrases[:-1]), second_change=phrases[-1], outcome=outcome)
    return WhatWouldChange(ways, recommendation_label(group[0].outcome), text[:1].upper() + text[1:])


def change_phrase(bank: QuestionBank, question: Question, options: list[Option]) -> str:
    """"alpha were the goal or beta were", or "you had answered “A” or “B” to “Q”"."""
    if all(option.as_condition for option in options):
        return ", or if ".join(option.as_condition for option in options)
    answers = "” or “".join(option.text for option in options)
    return bank.texts.quoted_answer.format(answer=answers, question=question.text)


# ---------------------------------------------------------------- readiness, cautions, practice, steps

def condition_rules(bank: QuestionBank, approach_id: str) -> list:
    """Its blocking and risk cautions: practice notes are what the article reports as usual, and
    never put an approach at risk."""
    return [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity != PRACTICE_NOTE]


def readiness_status(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str) -> str:
    """At the article's force: blocked by a blocking condition raised; unknown only while a blocking
    condition is open (unanswered or "not sure"); at risk while a risk is raised (an inherent one
    always is) or open, a risk to check; holds when every condition is cleared; no conditions when
    the article attaches none."""
    rules = condition_rules(bank, approach_id)
    if not rules:
        return NO_CONDITIONS
    raised = [rule for rule in rules if rule.answers_match(asked_answers)]
    open_rules = [rule for rule in rules if rule.is_open(asked_answers, bank.not_sure_options)]
    if any(rule.severity == BLOCKING for rule in raised):
        return BLOCKED
    if any(rule.severity == BLOCKING for rule in open_rules):
        return UNKNOWN
    return AT_RISK if raised or open_rules else HOLDS


def readiness_finding(bank: QuestionBank, asked_answers: Mapping[str, str], approach_id: str, judgement: Judgement) -> ReadinessFinding:
    rules = condition_rules(bank, approach_id)
    looked_at = {question_id for rule in rules for question_id in rule.when}
    checked = tuple(
        quoted_answer(bank, question, question.option(asked_answers[question.id]), question.anchor, None)
        for question in bank.questions
        if question.id in looked_at and question.id in asked_answers
    )
    raised = [rule for rule in rules if rule.answers_match(asked_answers)]
    blocking = tuple(rule.id for rule in raised if rule.severity == BLOCKING)
    risks = tuple(rule.id for rule in raised if rule.severity != BLOCKING)
    unknown = tuple(rule.id for rule in rules if rule.is_unknown(asked_answers, bank.not_sure_options))
    status = readiness_status(bank, asked_answers, approach_id)
    text = verdict_sentence(bank, judgement, approach_id, status)
    return ReadinessFinding(approach_id, status, blocking, risks, checked, text if judgement.verdicts[approach_id] != NOT_CALLED else None, unknown)


def verdict_key(judgement: Judgement, approach_id: str, readiness: str) -> str:
    """The verdict, with "at_risk" told apart from "called for, conditions not known yet", and
    "ready" from "called for, and the article attaches no condition"."""
    verdict = judgement.verdicts[approach_id]
    if verdict == READY and readiness == NO_CONDITIONS:
        return NO_CONDITIONS
    return UNKNOWN if verdict == AT_RISK and readiness == UNKNOWN else verdict


def verdict_sentence(bank: QuestionBank, judgement: Judgement, approach_id: str, readiness: str) -> str:
    """The verdict as a sentence, never denying the reader's answers: an approach not called for
    whose answers point toward it says so, one called for by occasional answers says when it applies."""
    name = bank.approach(approach_id).name
    need = judgement.needs[approach_id]
    key = verdict_key(judgement, approach_id, readiness)
    if key == NOT_CALLED and need.evidence:
        return bank.texts.verdict_not_called_leaning.format(name=name)
    sentence = getattr(bank.texts, f"verdict_{key}").format(name=name)
    return f"{sentence} {bank.texts.verdict_when_it_occurs.format(name=name)}" if need.occasional else sentence


def timing_text(bank: QuestionBank, labels: Mapping[str, str]) -> str:
    """The picture of timing in words: each approach at its moment, in the order they come, with its
    verdict's label (lower-cased: it follows a comma)."""
    return " ".join(bank.texts.timing_mark.format(moment=approach.moment, name=approach.name, verdict=labels[approach.id][:1].lower() + labels[approach.id][1:])
                    for approach in bank.approaches)


def verdict_label(bank: QuestionBank, judgement: Judgement, approach_id: str, readiness: str) -> str:
    return getattr(bank.texts, f"verdict_label_{verdict_key(judgement, approach_id, readiness)}")


def conditions_to_find_out(bank: QuestionBank, asked_answers: Mapping[str, str], *, in_play: set) -> tuple[FindOut, ...]:
    """The conditions answered "not sure", for the approaches in play: what to find out, whom to ask
    (a risk the article states as inherent too: it is named either way, and worth finding out)."""
    return tuple(
        FindOut(rule.id, rule.find_out, rule.anchor, rule.approach)
        for rule in bank.cautions
        if (rule.approach is None or rule.approach in in_play) and rule.find_out and answered_not_sure(bank, asked_answers, rule.when)
    )


def answered_not_sure(bank: QuestionBank, asked_answers: Mapping[str, str], question_ids) -> bool:
    return any(asked_answers.get(question_id) in bank.not_sure_options.get(question_id, ()) for question_id in question_ids)


def moot_not_sure_answers(bank: QuestionBank, asked_answers: Mapping[str, str], find_out: tuple[FindOut, ...]) -> tuple[NotSureMoot, ...]:
    """Each "not sure" answer no condition to find out uses: what it bears on is not in play, said so."""
    used = {question_id for item in find_out for rule in bank.cautions if rule.id == item.id for question_id in rule.when}
    moot = []
    for question in bank.asked_questions(asked_answers):
        if question.id in used or not answered_not_sure(bank, asked_answers, (question.id,)):
            continue
        bears_on = [approach.name for approach in bank.approaches if any(rule.approach == approach.id and question.id in rule.when for rule in bank.cautions)]
        text = bank.texts.not_sure_moot.format(answer=question.option(asked_answers[question.id]).text, question=question.text, names=joined(bears_on))
        moot.append(NotSureMoot(question.id, text))
    return tuple(moot)


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


def offers_no_coaching_today(bank: QuestionBank, asked_answers: Mapping[str, str]) -> bool:
    return any(question.option(asked_answers[question.id]).no_coaching_today for question in bank.practice_questions if question.id in asked_answers)


def describe_current_practice(bank: QuestionBank, practice_id: str | None, judgement: Judgement, *, no_coaching_today: bool = False) -> CurrentPractice:
    recommended_ids = judgement.recommended_ids
    if no_coaching_today:
        return CurrentPractice(None, False, bank.texts.practice_not_offered, no_coaching_today=True)
    if practice_id is None:
        return CurrentPractice(None, False, bank.texts.practice_unknown)
    practice = bank.approach(practice_id).name
    if practice_id in judgement.blocked_ids:
        return CurrentPractice(practice_id, False, bank.texts.practice_blocked.format(practice=practice))
    if not recommended_ids:
        return CurrentPractice(practice_id, False, bank.texts.practice_none.format(practice=practice))
    if practice_id in recommended_ids:
        return CurrentPractice(practice_id, True, bank.texts.practice_matches.format(practice=practice))
    called = joined([bank.approach(approach_id).name for approach_id in recommended_ids])
    return CurrentPractice(practice_id, False, bank.texts.practice_differs.format(practice=practice, called=called))


def suggested_steps(bank: QuestionBank, asked_answers: Mapping[str, str], judgement: Judgement, practice_id: str | None,
                    find_out: tuple[FindOut, ...]) -> tuple[SuggestedStep, ...]:
    """What would have to be true first for each blocked approach leads, then what to find out (both
    the editors' advice drawn from a condition); a blocked approach's own steps are never given, as
    they presuppose that it can work. Each approach keeps its first three, one per point."""
    recommended_ids = judgement.recommended_ids
    first = tuple(
        SuggestedStep(rule.first_step, rule.anchor, rule.approach, EDITORS, rule.id)
        for approach_id in judgement.blocked_ids
        for rule in bank.cautions
        if rule.approach == approach_id and rule.severity == BLOCKING and rule.answers_match(asked_answers)
    )
    first += tuple(SuggestedStep(item.text, item.anchor, item.approach or NO_APPROACH, EDITORS, item.id) for item in find_out)
    wanted = list(recommended_ids) or ([] if judgement.blocked_ids else [NO_APPROACH])
    if recommended_ids and practice_id is not None and practice_id not in recommended_ids:
        wanted.append(PRACTICE_DIFFERS)
    return one_per_point(first + tuple(
        SuggestedStep(step.text, step.anchor, step.applies_to, step.source, step.caution)
        for applies_to in wanted
        for step in bank.next_steps
        if step.applies_to == applies_to and step.answers_match(asked_answers)
    ))


# A reader acts on a few steps, not on a list: each approach shows this many at most.
STEPS_PER_APPROACH = 3


def one_per_point(steps: tuple[SuggestedStep, ...]) -> tuple[SuggestedStep, ...]:
    """The first step on each point, at most STEPS_PER_APPROACH for each approach, in order."""
    kept: list[SuggestedStep] = []
    for step in steps:
        mine = [other for other in kept if other.applies_to == step.applies_to]
        if len(mine) < STEPS_PER_APPROACH and (step.point is None or all(other.point != step.point for other in mine)):
            kept.append(step)
    return tuple(kept)
