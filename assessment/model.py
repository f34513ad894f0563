"""The question bank as plain, immutable data objects (built and checked by `assessment.bank`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

PRACTICE = "practice"
CONDITION = "condition"
QUESTION_KINDS = (PRACTICE, CONDITION)
PRACTICE_DIFFERS = "practice_differs"


@dataclass(frozen=True)
class Approach:
    id: str
    name: str
    summary: str
    anchor: str

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "summary": self.summary, "anchor": self.anchor}


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    weights: Mapping[str, int]
    anchor: str  # the option's own article anchor, or its question's when it has none

    def weight_for(self, approach_id: str) -> int:
        return self.weights.get(approach_id, 0)

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "weights": dict(self.weights), "anchor": self.anchor}


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    help: str
    anchor: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def most_points_for(self, approach_id: str) -> int:
        return max(option.weight_for(approach_id) for option in self.options)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "help": self.help,
            "anchor": self.anchor,
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

    def answers_match(self, answers: Mapping[str, str]) -> bool:
        return all(answers.get(question_id) in option_ids for question_id, option_ids in self.when.items())


@dataclass(frozen=True)
class NextStep:
    applies_to: str
    text: str
    anchor: str


@dataclass(frozen=True)
class ScoringSettings:
    weight_min: int
    weight_max: int
    blend_margin: int
    reasons_per_approach: int


@dataclass(frozen=True)
class ResultTexts:
    """Sentence templates that frame a result; placeholders are filled with str.format."""

    recommend_single: str
    recommend_blend: str
    practice_unknown: str
    practice_matches: str
    practice_differs: str


@dataclass(frozen=True)
class QuestionBank:
    source: str
    article_path: str
    anchors: tuple[str, ...]
    scoring: ScoringSettings
    texts: ResultTexts
    approaches: tuple[Approach, ...]
    questions: tuple[Question, ...]
    cautions: tuple[CautionRule, ...]
    next_steps: tuple[NextStep, ...]
    fingerprint: str

    @property
    def approach_ids(self) -> tuple[str, ...]:
        return tuple(approach.id for approach in self.approaches)

    def approach(self, approach_id: str) -> Approach:
        return next(approach for approach in self.approaches if approach.id == approach_id)

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    @property
    def practice_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.kind == PRACTICE)

    @property
    def condition_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.kind == CONDITION)

    def to_dict(self) -> dict:
        """The bank as JSON-ready data: what the browser form and `--questions --format json` show."""
        return {
            "fingerprint": self.fingerprint,
            "article_path": self.article_path,
            "scoring": {
                "weight_min": self.scoring.weight_min,
                "weight_max": self.scoring.weight_max,
                "blend_margin": self.scoring.blend_margin,
            },
            "approaches": [approach.to_dict() for approach in self.approaches],
            "questions": [question.to_dict() for question in self.questions],
        }


def frozen_mapping(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))
