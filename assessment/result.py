"""The result of an assessment: plain, immutable data with one stable JSON shape.

`AssessmentResult.to_dict()` returns (all JSON-ready; the browser page and the CLI render from it):

    recommended             "none" | approach id | "blend:A+B" (ids sorted, "+"-joined): the approaches called for
                            and not blocked, which run side by side (the name "blend" is kept from earlier
                            versions so that saved results and links keep their meaning)
    recommended_approaches  [approach id, ...]  those approaches, in ranking order
    blocked                 [approach id, ...]  called for by the answers (situation present), but a
                            condition the article says it cannot work without is not met
    summary                 names every approach called for and for whom (its scope), each blocked one
                            as expected to fail; or says that none stands out
    short                   the same in a few words, where results stand side by side (the team view)
    verdicts                {approach id: "ready" | "at_risk" | "blocked" | "not_called"}  in ranking order
    verdict_labels          {approach id: the verdict in a few words}  (where approaches stand side by side)
    verdict_texts           {approach id: the verdict as a sentence}
    terms                   [{term, definition}, ...]  the bank's terms: a view explains those its sentences use
                            (a tooltip on the page; under headings["terms"] in the Markdown and the terminal)
    timing_text             the picture of timing in words (its text equivalent): each approach, in the order they
                            come, at its moment, with its verdict; the picture's title is headings["timing"]
    thin_evidence           a sentence when the recommendation rests on a single answer, else null
    need                    {approach id: {"present": bool, "occasional": bool, "heading": str, "evidence": [answer, ...]}}
                            present: an answer shows the situation the approach exists for; occasional: only
                            answers saying it occurs from time to time do; heading: that in words; evidence:
                            the answers that signal it, each with "signal": "situation" | "occasional" | "leaning"
    readiness               {approach id: {"status": "holds" | "at_risk" | "blocked" | "unknown" | "no_conditions",
                                           "blocking": [caution id, ...], "risks": [caution id, ...],
                                           "checked": [answer, ...], "text": sentence (recommended or blocked) | null}}
                            blocked: a blocking caution is raised; unknown: a blocking condition is open
                            (unanswered or "not sure"); at_risk: a risk is raised (an inherent one always
                            is) or open (practice notes never change it); holds: every condition cleared;
                            no_conditions: the article attaches none. "unknown" lists the conditions
                            answered "not sure"
    ranking                 [approach id, ...]  recommended, then blocked, then not called for (each by
                            how much evidence the answers give it, never shown as a number)
    cautions                [{id, text, anchor, approach, severity, passage}, ...]  raised, for approaches in
                            play (recommended, blocked or today's practice); severity: "blocking" | "risk" |
                            "practice", at the article's force; passage: the article's words it rests on
    find_out                [{id, text, anchor, approach}, ...]  conditions answered "not sure", for approaches in
                            play: what to find out and whom to ask (they also lead the next steps)
    current_practice        {approach: id | null, matches_best_fit: bool, no_coaching_today: bool, text: str}
                            never "matches" a blocked approach; no_coaching_today: the answers say none is offered
    next_steps              [{text, anchor, applies_to, source, point}, ...]  what would have to be true first for
                            each blocked approach, then the steps of the recommended ones: at most three per
                            `applies_to`, no two on the same point (the caution id it acts on, or null)
    what_would_change       [{"changes": [{question_id, option_id, question, answer}, ...], "ways": [[change, ...], ...],
                              "recommended": outcome label, "text": sentence}, ...]  smallest first; each way
                            leads to `recommended` (other answers to one question with the same outcome are
                            one line), `changes` is the first way; single changes first, a condition the
                            organization sets (a readiness answer) before a fact about its situation
    changes_shown_first     how many lines of what would change (if_not_sure, what_would_change, not_sure_moot, in
                            that order) a view shows before "more": single changes only, at most three
    if_not_sure             [{question_id, question, option_ids, answers, standing: {approach id: readiness status},
                              text}, ...]  for each question answered "not sure" that decides an approach called
                            for: what each of its other answers would do (options with one outcome are one line)
    not_sure_moot           [{question_id, text}, ...]  each question answered "not sure" that this result has no
                            use for (what it bears on is not in play), said so: no "not sure" vanishes
    headings                {part: heading}  approaches, why, when_each_applies, what_would_change,
                            current_practice, next_steps: every view heads a result's parts with these
    no_change               what a view says when no change of answers would change the result
    approaches              [{id, name, scope, summary, situation, anchor}, ...]  in bank order; scope: for
                            whom (the organization's programme, or the executive whose behaviour was observed);
                            situation: when it applies, the very rule that calls for it
    answers                 {question id: option id}  the answers scored (asked questions only)
    complete                whether every question asked was answered
    unanswered              [question id, ...]  asked but not answered
    not_asked               [question id, ...]  answered but not asked (ignored)
    bank_fingerprint        short hash of everything in the bank that decides a result
    article_path            the article the anchors belong to

An "answer" above is {question_id, option_id, question, answer, anchor, text} (+ "signal" in need evidence);
text is the question and the answer as a sentence. Every sentence a view shows is written here, by the
engine: the page, the Markdown, the terminal and the team view only lay them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import EDITORS, Approach, Record, Term


@dataclass(frozen=True)
class Evidence:
    """One answer, as a result quotes it."""

    question_id: str
    option_id: str
    question: str
    answer: str
    anchor: str
    signal: str | None
    text: str  # the question and the answer, as the result words them

    def to_dict(self) -> dict:
        entry = {"question_id": self.question_id, "option_id": self.option_id, "question": self.question, "answer": self.answer, "anchor": self.anchor, "text": self.text}
        if self.signal is not None:
            entry["signal"] = self.signal
        return entry


@dataclass(frozen=True)
class NeedFinding:
    approach_id: str
    present: bool
    points: int  # orders the approaches called for; never shown
    evidence: tuple[Evidence, ...]
    heading: str  # whether the answers show the situation it exists for, in words
    occasional: bool = False  # present only from time to time: the approach applies each time it is

    def to_dict(self) -> dict:
        return {"present": self.present, "occasional": self.occasional, "heading": self.heading, "evidence": [item.to_dict() for item in self.evidence]}


@dataclass(frozen=True)
class ReadinessFinding:
    approach_id: str
    status: str
    blocking: tuple[str, ...]
    risks: tuple[str, ...]
    checked: tuple[Evidence, ...]
    text: str | None
    unknown: tuple[str, ...] = ()  # conditions answered "not sure"

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "blocking": list(self.blocking),
            "risks": list(self.risks),
            "unknown": list(self.unknown),
            "checked": [item.to_dict() for item in self.checked],
            "text": self.text,
        }


@dataclass(frozen=True)
class RaisedCaution(Record):
    id: str
    text: str
    anchor: str
    approach: str | None
    severity: str
    passage: str


@dataclass(frozen=True)
class FindOut(Record):
    """A condition answered "not sure": what to find out, and whom to ask, before deciding."""

    id: str
    text: str
    anchor: str
    approach: str | None


@dataclass(frozen=True)
class NotSureMoot(Record):
    """A question answered "not sure" that does not bear on this result, and why."""

    question_id: str
    text: str


@dataclass(frozen=True)
class CurrentPractice(Record):
    approach: str | None
    matches_best_fit: bool
    text: str
    no_coaching_today: bool = False


@dataclass(frozen=True)
class SuggestedStep(Record):
    text: str
    anchor: str
    applies_to: str
    source: str = EDITORS  # ARTICLE: the article's own reading; EDITORS: advice drawn from it, shown as such
    point: str | None = None  # the caution it acts on: no two steps of an approach on the same one


@dataclass(frozen=True)
class AnswerChange(Record):
    question_id: str
    option_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class WhatWouldChange:
    ways: tuple[tuple[AnswerChange, ...], ...]  # each leads to `recommended`; one line names them all
    recommended: str
    text: str

    @property
    def changes(self) -> tuple[AnswerChange, ...]:
        return self.ways[0]

    def to_dict(self) -> dict:
        ways = [[change.to_dict() for change in way] for way in self.ways]
        return {"changes": ways[0], "ways": ways, "recommended": self.recommended, "text": self.text}


@dataclass(frozen=True)
class IfNotSureLine:
    question_id: str
    question: str
    option_ids: tuple[str, ...]
    answers: tuple[str, ...]
    standing: Mapping[str, str]  # approach id -> readiness status, for the approaches this answer decides
    text: str

    def to_dict(self) -> dict:
        return {"question_id": self.question_id, "question": self.question, "option_ids": list(self.option_ids),
                "answers": list(self.answers), "standing": dict(self.standing), "text": self.text}


@dataclass(frozen=True)
class AssessmentResult:
    recommended: str
    recommended_approaches: tuple[str, ...]
    blocked: tuple[str, ...]
    summary: str
    short: str  # the result in a few words, where results stand side by side
    thin_evidence: str | None
    needs: tuple[NeedFinding, ...]
    readiness: tuple[ReadinessFinding, ...]
    ranking: tuple[str, ...]
    verdicts: Mapping[str, str]
    verdict_labels: Mapping[str, str]
    verdict_texts: Mapping[str, str]
    timing_text: str  # the picture of timing in words: each approach, in the order they come, with its verdict
    terms: tuple[Term, ...]  # the bank's terms: a view explains those its sentences use
    cautions: tuple[RaisedCaution, ...]
    find_out: tuple[FindOut, ...]
    current_practice: CurrentPractice
    next_steps: tuple[SuggestedStep, ...]
    what_would_change: tuple[WhatWouldChange, ...]
    changes_shown_first: int  # how many lines of what would change (if_not_sure, then the changes) a view shows first
    if_not_sure: tuple[IfNotSureLine, ...]
    not_sure_moot: tuple[NotSureMoot, ...]
    headings: Mapping[str, str]  # part of a result -> its heading
    no_change: str  # said when no change of answers would change the result
    editors_label: str  # heads a next step that is the editors' suggestion, not the article's reading
    approaches: tuple[Approach, ...]
    answers: Mapping[str, str]
    unanswered: tuple[str, ...]
    not_asked: tuple[str, ...]
    bank_fingerprint: str
    article_path: str

    @property
    def runs_side_by_side(self) -> bool:
        return len(self.recommended_approaches) > 1

    def need_for(self, approach_id: str) -> NeedFinding:
        return next(finding for finding in self.needs if finding.approach_id == approach_id)

    def readiness_for(self, approach_id: str) -> ReadinessFinding:
        return next(finding for finding in self.readiness if finding.approach_id == approach_id)

    def to_dict(self) -> dict:
        return {
            "recommended": self.recommended,
            "recommended_approaches": list(self.recommended_approaches),
            "blocked": list(self.blocked),
            "summary": self.summary,
            "short": self.short,
            "thin_evidence": self.thin_evidence,
            "verdicts": dict(self.verdicts),
            "verdict_labels": dict(self.verdict_labels),
            "verdict_texts": dict(self.verdict_texts),
            "timing_text": self.timing_text,
            "terms": [term.to_dict() for term in self.terms],
            "need": {finding.approach_id: finding.to_dict() for finding in self.needs},
            "readiness": {finding.approach_id: finding.to_dict() for finding in self.readiness},
            "ranking": list(self.ranking),
            "cautions": [caution.to_dict() for caution in self.cautions],
            "find_out": [item.to_dict() for item in self.find_out],
            "current_practice": self.current_practice.to_dict(),
            "next_steps": [step.to_dict() for step in self.next_steps],
            "what_would_change": [change.to_dict() for change in self.what_would_change],
            "changes_shown_first": self.changes_shown_first,
            "if_not_sure": [line.to_dict() for line in self.if_not_sure],
            "not_sure_moot": [line.to_dict() for line in self.not_sure_moot],
            "headings": dict(self.headings),
            "no_change": self.no_change,
            "editors_label": self.editors_label,
            "approaches": [approach.to_dict() for approach in self.approaches],
            "answers": dict(self.answers),
            "complete": not self.unanswered,
            "unanswered": list(self.unanswered),
            "not_asked": list(self.not_asked),
            "bank_fingerprint": self.bank_fingerprint,
            "article_path": self.article_path,
        }
