"""A team's view: several respondents' results side by side, where their answers split, and a team
outcome computed by a stated rule (a summary for a discussion, never the truth about the team).

Respondents. A team has SMALLEST_TEAM to LARGEST_TEAM respondents, each with a label (empty labels
become "Respondent 1", "Respondent 2", ... by position). Each respondent is scored on their own,
exactly as a single assessment; an incomplete answer set is scored on what is there.

Team rule (the team outcome):
1. Per question, only the respondents who were asked it and answered it count. A question asked of
   only some respondents (`ask_if`) counts only their answers; the others are listed as not asked,
   never as disagreeing.
2. The team's answer to a question is the option chosen by more of them than any other option.
3. When two or more options tie for most, the question is open: it gets no team answer (no tie is
   resolved silently), and for each tied option the view gives the outcome the team would get if
   it settled the question that way (that question alone). A question nobody answered gets none.
4. The team outcome is the engine's result for the team's answers, scored like an incomplete
   answer set (a conditional question whose condition the team's answers do not meet is dropped,
   as it would be for one person).
Results in a team view leave "what would change" empty (it re-scores many alternatives per
result; the open questions say what would change the team outcome).

Splits and agenda. For each question: how many chose each option, and who. Its division is the
share of those who answered it who are outside its largest group (0 when all agree). The agenda
orders the questions by division, most divided first; equal divisions: more different answers
first, then bank order. Questions on which everyone agrees (or nobody answered) come last, in bank
order, and are not on the agenda.

Agreement per approach: who sees its need present (an answer shows the situation it exists for)
and who does not; for whom its conditions hold, are at risk or are unknown. The team agrees on
either when everyone is in one group.

Cautions: every caution any respondent raised, in bank order, at the article's force (severity),
with who raised it. A blocked approach is never the team's fit: the team outcome is the engine's
result for the team's answers, and the engine never recommends an approach it finds blocked.

The order in which respondents are given changes only the order in which names are listed: never
the team's answers, the open questions, the outcome or the agenda.

`TeamView.to_dict()` returns (JSON-ready; the team page, the CLI and the downloads render from it):

    rule            the team rule, one paragraph (for "computed by this rule" labels)
    respondents     [{label, result: AssessmentResult.to_dict()}, ...]  in the order given
    team            {recommended, summary, answers, open_questions: [question id, ...],
                     result: AssessmentResult.to_dict() for the team's answers}
    splits          [{question_id, question, anchor, options: [{option_id, answer, respondents: [label, ...]}],
                      not_asked: [label, ...], no_answer: [label, ...], answered: int, outside_largest: int,
                      division: 0..100, team_answer: option id | null, open: bool, on_agenda: bool,
                      settled_as: [{option_id, recommended, recommended_approaches, blocked}]  (open questions only)}]
                    in agenda order
    agreement       [{approach, need: {present: [label, ...], absent: [...]}, need_agreed: bool,
                      readiness: {holds: [...], at_risk: [...], blocked: [...], unknown: [...]}, readiness_agreed: bool}]
                    in bank order
    cautions        [{id, text, anchor, severity, passage, raised_by: [label, ...]}]
    approaches      [{id, name, summary, anchor}]
    bank_fingerprint, article_path
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .errors import AnswersError
from .model import BLOCKING, Question, QuestionBank
from .result import AssessmentResult
from .scoring import (
    AT_RISK,
    BLOCKED,
    HOLDS,
    NO_CONDITIONS,
    NOT_CALLED,
    UNKNOWN,
    Judgement,
    as_percent,
    asked_questions,
    joined,
    judge,
    recommendation_label,
    score_answers,
    short_outcome,
    with_scope,
)

SMALLEST_TEAM = 2
LARGEST_TEAM = 12
TEAM_RULE = (
    "The team outcome is the assessment's result for the team's answers: on each question, the answer "
    "most of the respondents who were asked it chose. Where answers tie for most, the question stays "
    "open and is left out, and the view shows what settling it each way would give. It summarises the "
    "answers for a discussion; it is not a verdict."
)


@dataclass(frozen=True)
class Respondent:
    label: str
    result: AssessmentResult

    def to_dict(self) -> dict:
        return {"label": self.label, "result": self.result.to_dict()}


@dataclass(frozen=True)
class OptionCount:
    option_id: str
    answer: str
    respondents: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"option_id": self.option_id, "answer": self.answer, "respondents": list(self.respondents)}


@dataclass(frozen=True)
class QuestionSplit:
    question_id: str
    question: str
    anchor: str
    options: tuple[OptionCount, ...]
    not_asked: tuple[str, ...]
    no_answer: tuple[str, ...]
    team_answer: str | None
    settled_as: tuple[tuple[str, Judgement, str], ...]  # (option id, team judgement, its outcome in words) per tied option of an open question
    division_template: str  # the bank's words for how divided ("{division}% outside ...")
    settled_text: str | None  # what settling an open question each way would give, in words

    @property
    def answered(self) -> int:
        return sum(len(option.respondents) for option in self.options)

    @property
    def outside_largest(self) -> int:
        return self.answered - max((len(option.respondents) for option in self.options), default=0)

    @property
    def division(self) -> Fraction:
        return Fraction(self.outside_largest, self.answered) if self.answered else Fraction(0)

    @property
    def different_answers(self) -> int:
        return sum(1 for option in self.options if option.respondents)

    @property
    def is_open(self) -> bool:
        return self.team_answer is None and self.answered > 0

    @property
    def on_agenda(self) -> bool:
        return self.division > 0

    @property
    def measure(self) -> str:
        """How divided, in words; nothing where everyone who answered agrees."""
        return self.division_template.format(division=as_percent(self.division)) if self.on_agenda else ""

    def to_dict(self) -> dict:
        return {
            "question_id": self.question_id,
            "question": self.question,
            "anchor": self.anchor,
            "options": [option.to_dict() for option in self.options],
            "not_asked": list(self.not_asked),
            "no_answer": list(self.no_answer),
            "answered": self.answered,
            "outside_largest": self.outside_largest,
            "division": as_percent(self.division),
            "team_answer": self.team_answer,
            "open": self.is_open,
            "on_agenda": self.on_agenda,
            "measure": self.measure,
            "settled_as": [
                {"option_id": option_id, "recommended": judgement.label, "recommended_approaches": list(judgement.recommended_ids),
                 "blocked": list(judgement.blocked_ids), "short": short}
                for option_id, judgement, short in self.settled_as
            ],
            "settled_text": self.settled_text,
        }


@dataclass(frozen=True)
class TeamCaution:
    id: str
    text: str
    anchor: str
    severity: str
    passage: str
    raised_by: tuple[str, ...]
    raised_by_text: str
    question_ids: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "anchor": self.anchor, "severity": self.severity, "passage": self.passage,
                "raised_by": list(self.raised_by), "raised_by_text": self.raised_by_text, "question_ids": list(self.question_ids)}


@dataclass(frozen=True)
class AgendaCondition:
    """A blocking condition someone's answers raise: the first thing a team must settle."""

    caution: TeamCaution
    text: str

    def to_dict(self) -> dict:
        return {"kind": "condition", "caution": self.caution.id, "text": self.text, "anchor": self.caution.anchor,
                "passage": self.caution.passage, "question_ids": list(self.caution.question_ids)}


@dataclass(frozen=True)
class ApproachAgreement:
    """Who sees the need for one approach, and for whom its conditions hold, are at risk or are unknown."""

    approach_id: str
    need: Mapping[str, tuple[str, ...]]  # "present" | "absent" -> labels
    readiness: Mapping[str, tuple[str, ...]]  # "holds" | "at_risk" | "blocked" | "unknown" -> labels
    text: str  # both, in words

    def to_dict(self) -> dict:
        return {
            "approach": self.approach_id,
            "text": self.text,
            "need": {group: list(labels) for group, labels in self.need.items()},
            "need_agreed": agreed(self.need),
            "readiness": {group: list(labels) for group, labels in self.readiness.items()},
            "readiness_agreed": agreed(self.readiness),
        }


def agreed(groups: Mapping[str, tuple[str, ...]]) -> bool:
    return sum(1 for labels in groups.values() if labels) == 1


@dataclass(frozen=True)
class TeamView:
    respondents: tuple[Respondent, ...]
    team_result: AssessmentResult
    splits: tuple[QuestionSplit, ...]
    agreement: tuple[ApproachAgreement, ...]
    cautions: tuple[TeamCaution, ...]
    conditions: tuple[AgendaCondition, ...]  # blocking conditions someone's answers raise
    disputed: tuple[str, ...]  # recommended for the team's answers, but blocked by someone's
    outcome: tuple[str, ...]  # the team outcome, a sentence per approach called for
    basis: str
    no_agenda: str

    @property
    def recommended_approaches(self) -> tuple[str, ...]:
        """The team's fits: never an approach anyone's answers block."""
        return tuple(approach_id for approach_id in self.team_result.recommended_approaches if approach_id not in self.disputed)

    @property
    def recommended(self) -> str:
        return recommendation_label(self.recommended_approaches)

    @property
    def agenda(self) -> list[dict]:
        """First every blocking condition someone's answers raise, then the questions that divide the team."""
        return [condition.to_dict() for condition in self.conditions] + [
            {"kind": "question", "question_id": split.question_id} for split in self.splits if split.on_agenda
        ]

    @property
    def open_questions(self) -> tuple[str, ...]:
        return tuple(split.question_id for split in self.splits if split.is_open)

    def to_dict(self) -> dict:
        team = self.team_result.to_dict()
        return {
            "rule": TEAM_RULE,
            "respondents": [respondent.to_dict() for respondent in self.respondents],
            "team": {
                "recommended": self.recommended,
                "recommended_approaches": list(self.recommended_approaches),
                "disputed": list(self.disputed),
                "blocked": team["blocked"],
                "outcome": list(self.outcome),
                "basis": self.basis,
                "summary": team["summary"],
                "answers": team["answers"],
                "open_questions": list(self.open_questions),
                "result": team,
            },
            "agenda": self.agenda,
            "no_agenda": self.no_agenda,
            "splits": [split.to_dict() for split in self.splits],
            "agreement": [entry.to_dict() for entry in self.agreement],
            "cautions": [caution.to_dict() for caution in self.cautions],
            "approaches": team["approaches"],
            "bank_fingerprint": team["bank_fingerprint"],
            "article_path": team["article_path"],
        }


def team_view(bank: QuestionBank, respondents: Sequence[tuple[str, Mapping[str, str]]]) -> TeamView:
    """The view of a team given as (label, answers) pairs; raises AnswersError naming every bad respondent."""
    if not SMALLEST_TEAM <= len(respondents) <= LARGEST_TEAM:
        raise AnswersError([f"a team needs {SMALLEST_TEAM} to {LARGEST_TEAM} respondents, got {len(respondents)}"])
    scored = score_respondents(bank, respondents)
    team_answers = majority_answers(bank, scored)
    team_result = score_answers(bank, team_answers, allow_partial=True, what_would_change=False)
    splits = [question_split(bank, question, scored, team_answers) for question in bank.questions]
    cautions = team_cautions(bank, scored)
    disputed = tuple(
        approach_id for approach_id in team_result.recommended_approaches
        if any(respondent.result.readiness_for(approach_id).status == BLOCKED for respondent in scored)
    )
    open_questions = sum(1 for split in splits if split.is_open)
    return TeamView(
        respondents=scored,
        team_result=team_result,
        splits=tuple(sorted(splits, key=agenda_key(bank))),
        agreement=tuple(approach_agreement(bank, approach_id, scored) for approach_id in bank.approach_ids),
        cautions=cautions,
        conditions=tuple(
            AgendaCondition(caution, condition_first_text(bank, caution))
            for caution in cautions if caution.severity == BLOCKING
        ),
        disputed=disputed,
        outcome=team_outcome(bank, team_result, disputed, scored),
        basis=bank.texts.team_basis.format(answered=len(team_answers), open=open_questions),
        no_agenda=bank.texts.team_no_agenda,
    )


def condition_first_text(bank: QuestionBank, caution: TeamCaution) -> str:
    rule = next(rule for rule in bank.cautions if rule.id == caution.id)
    questions = joined([f"“{bank.question(question_id).text}”" for question_id in caution.question_ids])
    return bank.texts.team_condition_first.format(labels=joined(list(caution.raised_by)), questions=questions, name=bank.approach(rule.approach).name)


def team_outcome(bank: QuestionBank, team_result: AssessmentResult, disputed: tuple[str, ...], respondents: Sequence[Respondent]) -> tuple[str, ...]:
    """A sentence per approach the team's answers call for, with for whom it is: a fit, expected to
    fail, or not the team's fit while someone's answers block it."""
    sentences = []
    for approach_id in team_result.ranking:
        verdict = team_result.verdicts[approach_id]
        if verdict == NOT_CALLED:
            continue
        approach = with_scope(bank, team_result.need_for(approach_id))
        if verdict == BLOCKED:
            sentences.append(bank.texts.team_blocked.format(approach=approach))
        elif approach_id in disputed:
            blocking = [respondent.label for respondent in respondents if respondent.result.readiness_for(approach_id).status == BLOCKED]
            sentences.append(bank.texts.team_disputed.format(approach=approach, labels=joined(blocking)))
        else:
            sentences.append(bank.texts.team_called.format(approach=approach))
    return tuple(sentences) or (bank.texts.team_none,)


def score_respondents(bank: QuestionBank, respondents: Sequence[tuple[str, Mapping[str, str]]]) -> tuple[Respondent, ...]:
    scored, problems = [], []
    for position, (label, answers) in enumerate(respondents, start=1):
        name = respondent_label(label, position)
        try:
            scored.append(Respondent(name, score_answers(bank, answers, allow_partial=True, what_would_change=False)))
        except AnswersError as error:
            problems += [f"{name}: {problem}" for problem in error.problems]
    if problems:
        raise AnswersError(problems)
    return tuple(scored)


# What a respondent without a label is called, by position from 1 (the team page numbers its fields so too).
UNLABELLED = "Respondent {position}"


def respondent_label(label: object, position: int) -> str:
    return label.strip() if isinstance(label, str) and label.strip() else UNLABELLED.format(position=position)


# ---------------------------------------------------------------- the team's answers

def answer_groups(question_id: str, respondents: Sequence[Respondent]) -> dict[str, list[str]]:
    """Option id -> labels of the respondents who were asked the question and chose it."""
    groups: dict[str, list[str]] = {}
    for respondent in respondents:
        option_id = respondent.result.answers.get(question_id)
        if option_id is not None:
            groups.setdefault(option_id, []).append(respondent.label)
    return groups


def most_chosen(question: Question, groups: Mapping[str, list[str]]) -> list[str]:
    """The options chosen most (in the question's order): one is the team's answer, several are a tie."""
    most = max((len(labels) for labels in groups.values()), default=0)
    return [option_id for option_id in question.option_ids if most and len(groups.get(option_id, ())) == most]


def majority_answers(bank: QuestionBank, respondents: Sequence[Respondent]) -> dict[str, str]:
    answers = {}
    for question in bank.questions:
        leaders = most_chosen(question, answer_groups(question.id, respondents))
        if len(leaders) == 1:
            answers[question.id] = leaders[0]
    return answers


# ---------------------------------------------------------------- splits and agenda

def question_split(bank: QuestionBank, question: Question, respondents: Sequence[Respondent], team_answers: Mapping[str, str]) -> QuestionSplit:
    question_id = question.id
    groups = answer_groups(question_id, respondents)
    leaders = most_chosen(question, groups)
    unanswered = [respondent for respondent in respondents if question_id not in respondent.result.answers]
    not_asked = tuple(respondent.label for respondent in unanswered if question_id not in asked_ids(bank, respondent.result))
    no_answer = tuple(respondent.label for respondent in unanswered if question_id in asked_ids(bank, respondent.result))
    settled_as = []
    for option_id in leaders if len(leaders) > 1 else ():
        judgement = judge(bank, bank.answers_to_asked({**team_answers, question_id: option_id}))
        settled_as.append((option_id, judgement, short_outcome(bank, judgement.recommended_ids, judgement.blocked_ids)))
    return QuestionSplit(
        question_id=question_id,
        question=question.text,
        anchor=question.anchor,
        options=tuple(OptionCount(option.id, option.text, tuple(groups.get(option.id, ()))) for option in question.options),
        not_asked=not_asked,
        no_answer=no_answer,
        team_answer=leaders[0] if len(leaders) == 1 else None,
        settled_as=tuple(settled_as),
        division_template=bank.texts.team_division,
        settled_text=settled_text(bank, question, tuple(settled_as)),
    )


def settled_text(bank: QuestionBank, question: Question, settled_as: tuple[tuple[str, Judgement, str], ...]) -> str | None:
    """What settling a tied question each way would give the team."""
    if not settled_as:
        return None
    outcomes = {short for _, _, short in settled_as}
    if len(outcomes) == 1:
        return bank.texts.team_tie_same.format(outcome=settled_as[0][2])
    ways = [bank.texts.team_tie_way.format(answer=question.option(option_id).text, outcome=short) for option_id, _, short in settled_as]
    return bank.texts.team_tie_ways.format(ways="; ".join(ways))


def asked_ids(bank: QuestionBank, result: AssessmentResult) -> set[str]:
    return {question.id for question in asked_questions(bank, result.answers)}


def agenda_key(bank: QuestionBank):
    position = {question.id: index for index, question in enumerate(bank.questions)}

    def key(split: QuestionSplit) -> tuple:
        return (-split.division, -split.different_answers, position[split.question_id])

    return key


# ---------------------------------------------------------------- need, readiness and cautions

def approach_agreement(bank: QuestionBank, approach_id: str, respondents: Sequence[Respondent]) -> ApproachAgreement:
    def who(finding_is) -> tuple[str, ...]:
        return tuple(respondent.label for respondent in respondents if finding_is(respondent.result))

    need = {
        "present": who(lambda result: result.need_for(approach_id).present),
        "absent": who(lambda result: not result.need_for(approach_id).present),
    }
    readiness = {status: who(lambda result, status=status: result.readiness_for(approach_id).status == status) for status in (HOLDS, AT_RISK, BLOCKED, UNKNOWN, NO_CONDITIONS)}
    return ApproachAgreement(approach_id, need, readiness, f"{need_sentence(bank, need)} {readiness_sentence(bank, readiness)}")


def need_sentence(bank: QuestionBank, need: Mapping[str, tuple[str, ...]]) -> str:
    if not need["absent"]:
        return bank.texts.team_need_everyone
    if not need["present"]:
        return bank.texts.team_need_no_one
    return bank.texts.team_need_split.format(present=", ".join(need["present"]), absent=", ".join(need["absent"]))


def readiness_sentence(bank: QuestionBank, readiness: Mapping[str, tuple[str, ...]]) -> str:
    groups = [(getattr(bank.texts, f"readiness_label_{status}"), labels) for status, labels in readiness.items() if labels]
    if len(groups) == 1:
        return bank.texts.team_readiness_everyone.format(status=groups[0][0])
    return "; ".join(bank.texts.team_readiness_split.format(status=status, labels=", ".join(labels)) for status, labels in groups) + "."


def team_cautions(bank: QuestionBank, respondents: Sequence[Respondent]) -> tuple[TeamCaution, ...]:
    cautions = []
    for rule in bank.cautions:
        raised_by = tuple(
            respondent.label for respondent in respondents
            if any(caution.id == rule.id for caution in respondent.result.cautions)
        )
        if raised_by:
            raised_by_text = bank.texts.team_raised_by.format(labels=", ".join(raised_by))
            cautions.append(TeamCaution(rule.id, rule.text, rule.anchor, rule.severity, rule.passage, raised_by, raised_by_text, tuple(rule.when)))
    return tuple(cautions)
