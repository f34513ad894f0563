"""Where a team's respondents come from: share links, JSON downloads or answers files, and team links.

Nothing read here is trusted. Each respondent is read and checked on its own: a bad one gives a
RespondentProblem naming it (by label or position) and is left out; it never spoils the others.

A share link or a team link is read by `assessment.links`, which owns both formats; a link of an
earlier bank is kept as far as it goes. JSON: a result download (`AssessmentResult.to_dict()`: its
`answers` and `bank_fingerprint` are read) or an answers file ({question id: option id}, as
`python -m assessment --answers` reads), read as the share link of its bank would be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .answers_json import parse_answers
from .errors import AnswersError, UnreadableAnswersError
from .links import LONGEST_LABEL, TEAM, LinkRefused, decoded_answers, existing_answers, fragment_of, read_share_link, team_link_entries
from .model import QuestionBank
from .scoring import json_type_name, validate_answers
from .team import LARGEST_TEAM, respondent_label

OUTDATED = "outdated"
UNREADABLE = "unreadable"
INVALID = "invalid"


@dataclass(frozen=True)
class RespondentProblem:
    """Why one respondent was left out. reason: "outdated" (made for another bank), "unreadable" or "invalid"."""

    label: str
    reason: str
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"label": self.label, "reason": self.reason, "problems": list(self.problems)}


class RespondentError(ValueError):
    def __init__(self, reason: str, problems: list[str] | tuple[str, ...] = ()) -> None:
        self.reason = reason
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems) or reason)


@dataclass
class ReadTeam:
    """Respondents read from many sources: the good ones as (label, answers), the bad ones as problems,
    and notices for those read from an earlier version of the assessment (kept, as far as they go)."""

    respondents: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    left_out: list[RespondentProblem] = field(default_factory=list)
    notices: list[RespondentProblem] = field(default_factory=list)


@dataclass(frozen=True)
class ReadAnswers:
    """One respondent's answers; from an earlier bank, with the answers that no longer exist."""

    answers: dict[str, str]
    outdated: bool = False
    dropped: tuple[str, ...] = ()


# ---------------------------------------------------------------- one respondent

def answers_from_text(bank: QuestionBank, text: object) -> ReadAnswers:
    """A share link, or the text of a JSON download or answers file -> checked answers (RespondentError if not)."""
    if not isinstance(text, str) or not text.strip():
        raise RespondentError(UNREADABLE, ["nothing to read: paste a share link or choose a JSON file"])
    text = text.strip()
    if text.startswith("{"):
        try:
            data = parse_answers(text)
        except UnreadableAnswersError as error:
            raise RespondentError(UNREADABLE, [str(error)]) from None
        return answers_from_data(bank, data)
    if fragment_of(text).startswith(TEAM.prefix):
        raise RespondentError(UNREADABLE, ["this is a team link: open it in the address bar instead"])
    return answers_from_share_link(bank, text)


def answers_from_data(bank: QuestionBank, data: object) -> ReadAnswers:
    """A parsed result download or answers file -> checked answers."""
    if isinstance(data, Mapping) and isinstance(data.get("answers"), Mapping) and "bank_fingerprint" in data:
        if data["bank_fingerprint"] != bank.fingerprint:
            return answers_from_earlier_bank(bank, data["answers"])
        data = data["answers"]
    if not isinstance(data, Mapping):
        raise RespondentError(INVALID, [f"expected an object of answers or a result download, got {json_type_name(data)}"])
    return ReadAnswers(checked_answers(bank, data))


def answers_from_share_link(bank: QuestionBank, link: str) -> ReadAnswers:
    try:
        shared = read_share_link(bank, link)
    except LinkRefused as error:
        raise RespondentError(UNREADABLE, [str(error)]) from None
    return ReadAnswers(shared.answers, outdated=shared.outdated, dropped=shared.dropped)


def answers_from_earlier_bank(bank: QuestionBank, answers: Mapping) -> ReadAnswers:
    """As the assessment page reads a link of an earlier bank: the answers that still exist are kept,
    the others dropped and named."""
    kept, dropped = existing_answers(bank, answers)
    return ReadAnswers(checked_answers(bank, kept), outdated=True, dropped=dropped)


def checked_answers(bank: QuestionBank, answers: Mapping) -> dict[str, str]:
    try:
        checked = validate_answers(bank, answers, allow_partial=True)
    except AnswersError as error:
        raise RespondentError(INVALID, error.problems) from None
    if not checked:
        raise RespondentError(INVALID, ["no answers"])
    return checked


# ---------------------------------------------------------------- many respondents

def read_respondents(bank: QuestionBank, entries: object) -> ReadTeam:
    """[{label, text}, ...] as the team page sends them -> the good respondents and the ones left out."""
    team = ReadTeam()
    if not isinstance(entries, list):
        team.left_out.append(RespondentProblem("the team", UNREADABLE, ("expected a list of respondents",)))
        return team
    for position, entry in enumerate(entries, start=1):
        label = entry_label(entry, position)
        try:
            read = answers_from_text(bank, entry.get("text") if isinstance(entry, Mapping) else None)
        except RespondentError as error:
            team.left_out.append(RespondentProblem(label, error.reason, error.problems))
            continue
        team.respondents.append((label, read.answers))
        if read.outdated:
            team.notices.append(RespondentProblem(label, OUTDATED, read.dropped))
    return team


def entry_label(entry: object, position: int) -> str:
    label = entry.get("label") if isinstance(entry, Mapping) else None
    return respondent_label(label.strip()[:LONGEST_LABEL] if isinstance(label, str) else "", position)


# ---------------------------------------------------------------- team links

def read_team_link(bank: QuestionBank, link: object) -> ReadTeam:
    """A team link -> its respondents, each read on its own. RespondentError if the link as a whole is bad."""
    try:
        entries = team_link_entries(bank, link)
    except LinkRefused as error:
        raise RespondentError(OUTDATED if error.reason == "outdated_team" else UNREADABLE, [str(error)]) from None
    if len(entries) > LARGEST_TEAM:
        raise RespondentError(UNREADABLE, [f"it holds more than {LARGEST_TEAM} respondents"])
    team = ReadTeam()
    for position, (label, code) in enumerate(entries, start=1):
        label = entry_label({"label": label}, position)
        try:
            team.respondents.append((label, checked_answers(bank, decoded_answers(bank, code))))
        except LinkRefused as error:
            team.left_out.append(RespondentProblem(label, UNREADABLE, (str(error),)))
        except RespondentError as error:
            team.left_out.append(RespondentProblem(label, error.reason, error.problems))
    return team
