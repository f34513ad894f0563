"""The result of an assessment: plain, immutable data with one stable JSON shape.

`AssessmentResult.to_dict()` returns (all JSON-ready; the browser page and the CLI render from it):

    recommended             "proactive" | "just_in_time" | "after_the_fact" | "blend:A+B" (A, B sorted)
    recommended_approaches  [approach id, ...]  one id, or the two blended ones best first
    summary                 one sentence naming the best fit
    scores                  {approach id: fit 0..100}
    points                  {approach id: {"points": int, "possible": int}}  the raw sums behind a score
    ranking                 [approach id, ...]  best first
    margin                  points between the first and second score
    blend_margin            a margin this small or smaller gives a blend
    within_margin           [approach id, ...]  every approach within blend_margin of the top
    reasons                 {approach id: [{question_id, option_id, question, answer, points, anchor}, ...]}
    cautions                [{id, text, anchor}, ...]
    current_practice        {approach: id | null, matches_best_fit: bool, text: str}
    next_steps              [{text, anchor}, ...]
    approaches              [{id, name, summary, anchor}, ...]  in bank order
    answers                 {question id: option id}  the answers scored
    complete                whether every question was answered
    unanswered              [question id, ...]
    bank_fingerprint        short hash of the bank's question and option ids
    article_path            the article the anchors belong to
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Approach


@dataclass(frozen=True)
class Reason:
    question_id: str
    option_id: str
    question: str
    answer: str
    points: int
    anchor: str

    def to_dict(self) -> dict:
        return {
            "question_id": self.question_id,
            "option_id": self.option_id,
            "question": self.question,
            "answer": self.answer,
            "points": self.points,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class ApproachScore:
    approach_id: str
    score: int
    points: int
    possible: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class RaisedCaution:
    id: str
    text: str
    anchor: str

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "anchor": self.anchor}


@dataclass(frozen=True)
class CurrentPractice:
    approach: str | None
    matches_best_fit: bool
    text: str

    def to_dict(self) -> dict:
        return {"approach": self.approach, "matches_best_fit": self.matches_best_fit, "text": self.text}


@dataclass(frozen=True)
class SuggestedStep:
    text: str
    anchor: str

    def to_dict(self) -> dict:
        return {"text": self.text, "anchor": self.anchor}


@dataclass(frozen=True)
class AssessmentResult:
    recommended: str
    recommended_approaches: tuple[str, ...]
    summary: str
    approach_scores: tuple[ApproachScore, ...]
    ranking: tuple[str, ...]
    margin: int
    blend_margin: int
    within_margin: tuple[str, ...]
    cautions: tuple[RaisedCaution, ...]
    current_practice: CurrentPractice
    next_steps: tuple[SuggestedStep, ...]
    approaches: tuple[Approach, ...]
    answers: Mapping[str, str]
    unanswered: tuple[str, ...]
    bank_fingerprint: str
    article_path: str

    @property
    def scores(self) -> dict[str, int]:
        return {entry.approach_id: entry.score for entry in self.approach_scores}

    @property
    def is_blend(self) -> bool:
        return len(self.recommended_approaches) > 1

    def to_dict(self) -> dict:
        return {
            "recommended": self.recommended,
            "recommended_approaches": list(self.recommended_approaches),
            "summary": self.summary,
            "scores": self.scores,
            "points": {entry.approach_id: {"points": entry.points, "possible": entry.possible} for entry in self.approach_scores},
            "ranking": list(self.ranking),
            "margin": self.margin,
            "blend_margin": self.blend_margin,
            "within_margin": list(self.within_margin),
            "reasons": {entry.approach_id: [reason.to_dict() for reason in entry.reasons] for entry in self.approach_scores},
            "cautions": [caution.to_dict() for caution in self.cautions],
            "current_practice": self.current_practice.to_dict(),
            "next_steps": [step.to_dict() for step in self.next_steps],
            "approaches": [approach.to_dict() for approach in self.approaches],
            "answers": dict(self.answers),
            "complete": not self.unanswered,
            "unanswered": list(self.unanswered),
            "bank_fingerprint": self.bank_fingerprint,
            "article_path": self.article_path,
        }
