"""The question bank as plain, immutable data objects (built and checked by `assessment.bank`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cached_property
from types import MappingProxyType

# What a question is for (see bank.toml): today's practice, an approach's need, or its readiness.
QUESTION_ROLES = PRACTICE, NEED, READINESS = ("practice", "need", "readiness")

# What a need answer says about an approach's situation: that it is present, that it occurs from
# time to time (the approach applies each time it does), or that the answer leans toward it
# without showing it.
NEED_SIGNALS = SITUATION, OCCASIONAL, LEANING = ("situation", "occasional", "leaning")
# The signals that call for an approach.
SHOWS_SITUATION = frozenset({SITUATION, OCCASIONAL})

# The force the article gives a condition (a caution): the approach cannot work ("can work only
# if", "invariably fails"), a risk it names, or what it reports as usual or as the trend.
SEVERITIES = BLOCKING, RISK, PRACTICE_NOTE = ("blocking", "risk", "practice")

# Next steps may apply to an approach id or to one of these.
PRACTICE_DIFFERS = "practice_differs"
# Whose reading a next step is: the article's own (with the passage it rests on) or the editors'
# (advice drawn from it, shown as theirs).
SOURCES = ARTICLE, EDITORS = ("article", "editors")
NO_APPROACH = "none"

# The parts of a result a view heads, each with its `heading_<part>` text in the bank: the verdicts,
# the picture of timing (its title), what to do, then the details (when each applies, the answers
# that counted, today's practice, what would change and the rest of it, "more"), and the terms the
# Markdown and the terminal explain.
RESULT_PARTS = ("approaches", "timing", "next_steps", "when_each_applies", "why", "current_practice", "what_would_change", "more_changes", "terms")

# Ids travel in share links, HTML attributes and CSS selectors: a pattern safe in all three.
ID_PATTERN = r"[a-z][a-z0-9_]*"


class Record:
    """A plain data class whose dictionary is its fields (`dataclasses.asdict`): what the page and
    the JSON downloads read."""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Section(Record):
    """A group of questions, by whom they are about (the organization, or one executive)."""

    id: str
    title: str


@dataclass(frozen=True)
class Term(Record):
    """A term a reader may not know, with the editors' short definition (a tooltip on the site)."""

    term: str
    definition: str


@dataclass(frozen=True)
class Approach(Record):
    id: str
    name: str
    scope: str  # for whom: "as the organization's programme for ...", "for the executive ..."
    moment: str  # when it comes, on the result's line of time: "Before the role", ...
    summary: str
    situation: str  # when it applies: made from the situation clauses of the answers that call for it
    anchor: str


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    anchor: str  # the option's own article anchor, or its question's when it has none
    need: Mapping[str, str]  # approach id -> SITUATION | OCCASIONAL | LEANING (need questions only)
    weights: Mapping[str, int]  # approach id -> points for today's practice (practice questions only)
    as_condition: str  # "If <as_condition>, ..." or "" to quote the question and answer
    situation: str  # a situation answer: the situation it shows, a clause after "It applies when"; else ""
    no_coaching_today: bool = False  # a practice answer saying the organization offers no coaching today
    not_sure: bool = False  # a readiness answer saying the respondent does not know: never a yes or a no

    def weight_for(self, approach_id: str) -> int:
        return self.weights.get(approach_id, 0)

    def signal_for(self, approach_id: str) -> str | None:
        return self.need.get(approach_id)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "text": self.text, "anchor": self.anchor, "need": dict(self.need), "weights": dict(self.weights),
            "no_coaching_today": self.no_coaching_today, "not_sure": self.not_sure,
        }


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    role: str
    text: str
    help: str
    anchor: str
    options: tuple[Option, ...]
    ask_if: Mapping[str, frozenset[str]]  # empty: always asked; else asked when ANY entry matches

    def option(self, option_id: str) -> Option | None:
        return self.options_by_id.get(option_id)

    @cached_property
    def options_by_id(self) -> Mapping[str, Option]:
        # "What would change" looks options up tens of thousands of times a result.
        return MappingProxyType({option.id: option for option in self.options})

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def is_asked(self, answers: Mapping[str, str]) -> bool:
        return not self.ask_if or any(answers.get(question_id) in option_ids for question_id, option_ids in self.ask_if.items())

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "section": self.section,
            "role": self.role,
            "text": self.text,
            "help": self.help,
            "anchor": self.anchor,
            "ask_if": {question_id: sorted(option_ids) for question_id, option_ids in self.ask_if.items()},
            "options": [option.to_dict() for option in self.options],
        }


@dataclass(frozen=True)
class CautionRule:
    """Raised when every listed question has one of its listed options, and `approach` (if any) is in play."""

    id: str
    text: str
    anchor: str
    approach: str | None
    when: Mapping[str, frozenset[str]]
    severity: str  # BLOCKING | RISK | PRACTICE_NOTE, the article's force
    passage: str  # the article's own words the condition rests on
    first_step: str  # blocking only: what would have to be true first, as a next step
    find_out: str = ""  # what to find out, and whom to ask, when an answer it looks at is "not sure"
    # A risk the article states as inherent to its approach ("some of these individuals will"):
    # raised wherever its approach is, whatever the answers under `when` expect.
    inherent: bool = False

    def answers_match(self, answers: Mapping[str, str]) -> bool:
        return self.inherent or every_condition_holds(self.when, answers)

    def is_unknown(self, answers: Mapping[str, str], not_sure: Mapping[str, frozenset[str]]) -> bool:
        """Not raised, and one of its questions was answered "not sure" (`not_sure`: question id -> such options)."""
        return not self.answers_match(answers) and any(answers.get(question_id) in not_sure.get(question_id, ()) for question_id in self.when)

    def is_open(self, answers: Mapping[str, str], not_sure: Mapping[str, frozenset[str]]) -> bool:
        """Neither raised nor cleared: one of its questions is unanswered or answered "not sure"."""
        return not self.answers_match(answers) and any(
            question_id not in answers or answers[question_id] in not_sure.get(question_id, ()) for question_id in self.when)


@dataclass(frozen=True)
class NextStep:
    applies_to: str
    text: str
    anchor: str
    when: Mapping[str, frozenset[str]]  # empty: always; else every entry must match the answers
    source: str = EDITORS  # ARTICLE | EDITORS
    passage: str = ""  # the article's own words an ARTICLE step rests on
    caution: str | None = None  # the caution whose point it acts on: an approach shows one step per point

    def answers_match(self, answers: Mapping[str, str]) -> bool:
        return every_condition_holds(self.when, answers)


@dataclass(frozen=True)
class ScoringSettings(Record):
    situation_points: int
    occasional_points: int
    leaning_points: int
    practice_weight_max: int

    def points_for(self, signal: str | None) -> int:
        return {SITUATION: self.situation_points, OCCASIONAL: self.occasional_points, LEANING: self.leaning_points}.get(signal, 0)


@dataclass(frozen=True)
class ResultTexts:
    """Sentence templates that frame a result; placeholders (named in bank.py) filled with str.format."""

    headline_one: str
    headline_several: str
    headline_blocked: str
    headline_blocked_too: str
    headline_none: str
    headline_not_known: str
    approach_with_scope: str
    thin_evidence: str
    verdict_ready: str
    verdict_at_risk: str
    verdict_unknown: str
    verdict_blocked: str
    verdict_not_called: str
    verdict_no_conditions: str
    verdict_when_it_occurs: str
    approach_when_it_occurs: str
    verdict_label_ready: str
    verdict_label_at_risk: str
    verdict_label_unknown: str
    verdict_label_blocked: str
    verdict_label_not_called: str
    verdict_label_no_conditions: str
    change_one: str
    change_two: str
    quoted_answer: str
    outcome_one: str
    outcome_several: str
    outcome_none: str
    outcome_open: str
    outcome_blocked: str
    if_not_sure: str
    if_not_sure_holds: str
    if_not_sure_at_risk: str
    if_not_sure_unknown: str
    if_not_sure_blocked: str
    if_not_sure_no_conditions: str
    not_sure_moot: str
    practice_unknown: str
    practice_not_offered: str
    practice_matches: str
    practice_differs: str
    practice_none: str
    practice_blocked: str
    heading_approaches: str
    heading_why: str
    heading_when_each_applies: str
    heading_what_would_change: str
    heading_current_practice: str
    heading_next_steps: str
    heading_more_changes: str
    heading_terms: str
    editors_suggestion: str
    need_present: str
    need_absent: str
    evidence_situation: str
    evidence_occasional: str
    evidence_leaning: str
    verdict_not_called_leaning: str
    no_change: str
    short_several: str
    short_blocked: str
    short_none: str
    heading_timing: str
    timing_mark: str
    timing_plain: str
    team_called: str
    team_blocked: str
    team_disputed: str
    team_none: str
    team_basis: str
    team_need_everyone: str
    team_need_no_one: str
    team_need_split: str
    team_readiness_everyone: str
    team_readiness_split: str
    readiness_label_holds: str
    readiness_label_at_risk: str
    readiness_label_blocked: str
    readiness_label_unknown: str
    readiness_label_no_conditions: str
    team_division: str
    team_tie_same: str
    team_tie_ways: str
    team_tie_way: str
    team_condition_first: str
    team_raised_by: str
    team_no_agenda: str


@dataclass(frozen=True)
class QuestionBank:
    source: str
    article_path: str
    anchors: tuple[str, ...]
    scoring: ScoringSettings
    texts: ResultTexts
    sections: tuple[Section, ...]
    approaches: tuple[Approach, ...]
    questions: tuple[Question, ...]
    cautions: tuple[CautionRule, ...]
    next_steps: tuple[NextStep, ...]
    terms: tuple[Term, ...]
    fingerprint: str

    @property
    def approach_ids(self) -> tuple[str, ...]:
        return tuple(approach.id for approach in self.approaches)

    def approach(self, approach_id: str) -> Approach:
        return next(approach for approach in self.approaches if approach.id == approach_id)

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def answers_to_asked(self, answers: Mapping[str, str]) -> dict[str, str]:
        """Only the answers to questions that are asked, given the answers kept before them."""
        kept: dict[str, str] = {}
        for question in self.questions:
            if question.id in answers and question.is_asked(kept):
                kept[question.id] = answers[question.id]
        return kept

    def asked_questions(self, answers: Mapping[str, str]) -> tuple[Question, ...]:
        """The questions that apply, given the answers (answers to unasked questions are not looked at)."""
        kept = self.answers_to_asked(answers)
        return tuple(question for question in self.questions if question.is_asked(kept))

    @cached_property
    def asked_when(self) -> Mapping[str, tuple[Mapping[str, tuple[str, ...]], ...]]:
        """Per question id, when it is asked in terms of the answers given, kept or not: when any of
        these conditions is met, each met when every question it names has one of its options.
        The ask-if rule (`Question.is_asked` on the answers kept for earlier questions) unrolled
        here, so the page shows and hides questions by it without a rule of its own (answers.js)."""
        conditions: dict[str, tuple[dict[str, tuple[str, ...]], ...]] = {}
        for question in self.questions:
            clauses = [] if question.ask_if else [{}]
            for asked_after, option_ids in question.ask_if.items():
                for clause in conditions[asked_after]:
                    allowed = tuple(sorted(set(option_ids) & set(clause.get(asked_after, option_ids))))
                    if allowed:
                        clauses.append({**clause, asked_after: allowed})
            conditions[question.id] = tuple(clauses)
        return conditions

    def questions_with_role(self, role: str) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.role == role)

    @cached_property
    def practice_questions(self) -> tuple[Question, ...]:
        return self.questions_with_role(PRACTICE)

    @cached_property
    def need_questions(self) -> tuple[Question, ...]:
        return self.questions_with_role(NEED)

    @cached_property
    def not_sure_options(self) -> Mapping[str, frozenset[str]]:
        """Question id -> its "not sure" answers (counted as not known, never as a yes or a no)."""
        return frozen_mapping({question.id: frozenset(option.id for option in question.options if option.not_sure) for question in self.questions})

    def to_dict(self) -> dict:
        """The bank as JSON-ready data: what the browser form and `--questions --format json` show."""
        return {
            "fingerprint": self.fingerprint,
            "article_path": self.article_path,
            "scoring": self.scoring.to_dict(),
            "sections": [section.to_dict() for section in self.sections],
            "approaches": [approach.to_dict() for approach in self.approaches],
            "questions": [question.to_dict() for question in self.questions],
        }


def every_condition_holds(conditions: Mapping[str, frozenset[str]], answers: Mapping[str, str]) -> bool:
    """A `when` table: every listed question was answered with one of its listed options."""
    return all(answers.get(question_id) in option_ids for question_id, option_ids in conditions.items())


def frozen_mapping(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))
