"""Where a team's respondents come from: share links, JSON downloads or answers files, and team links.

Nothing read here is trusted. Each respondent is read and checked on its own: a bad one gives a
RespondentProblem naming it (by label or position) and is left out; it never spoils the others.

Share link (one respondent, as the assessment page makes it; a whole address or just its fragment):
    #assessment=1&bank=<fingerprint>&<question id>=<option id>&...
JSON: a result download (`AssessmentResult.to_dict()`: its `answers` and `bank_fingerprint` are
read) or an answers file ({question id: option id}, as `python -m assessment --answers` reads).
A link or download of an earlier bank is read as the assessment page reads one: the answers that
still exist are kept, the others dropped and named in a notice.

Team link (every respondent of a team in one fragment):
    #team=1&bank=<fingerprint>&r=<answers>.<label>&r=<answers>.<label>...
<answers> has one character per question in bank order: the chosen option's position in base 36
("0" is the first option), or "-" for no answer. <label> is percent-encoded UTF-8, possibly empty.
The fingerprint covers the question and option ids in order, so positions mean the same options
for as long as a link is accepted. A respondent takes one character per question plus the label:
twelve people on a 16-question bank labelled "Respondent 1" to "Respondent 12" take 436 characters
(745 with 40-character labels; `python -m bench.team_bench` prints both), so no compression is needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from .answers_json import parse_answers
from .errors import AnswersError, UnreadableAnswersError
from .model import QuestionBank
from .scoring import json_type_name, validate_answers
from .team import LARGEST_TEAM

OUTDATED = "outdated"
UNREADABLE = "unreadable"
INVALID = "invalid"
SHARE_PREFIX = "assessment="
SHARE_VERSION = "1"
TEAM_PREFIX = "team="
TEAM_VERSION = "1"
NO_ANSWER = "-"
POSITIONS = "0123456789abcdefghijklmnopqrstuvwxyz"
LONGEST_LABEL = 40
# A team link of twelve respondents with the longest labels stays far below this; longer is not ours.
LONGEST_TEAM_LINK = 8000
LINK_KEY = re.compile(r"^[a-z0-9_]+$")
LINK_VALUE = re.compile(r"^[A-Za-z0-9_]+$")


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
    if fragment_of(text).startswith(TEAM_PREFIX):
        raise RespondentError(UNREADABLE, ["this is a team link: open it in the address bar instead"])
    return answers_from_share_link(bank, text)


def fragment_of(link: str) -> str:
    """What follows the "#" of an address, or the text itself when it is only a fragment."""
    return link.partition("#")[2] if "#" in link else link


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
    fields = link_fields(fragment_of(link), SHARE_PREFIX, SHARE_VERSION)
    if fields.pop("bank") != bank.fingerprint:
        return answers_from_earlier_bank(bank, fields)
    return ReadAnswers(checked_answers(bank, fields))


def answers_from_earlier_bank(bank: QuestionBank, answers: Mapping) -> ReadAnswers:
    """As the assessment page reads a link of an earlier bank: the answers that still exist are kept,
    the others dropped and named."""
    kept = {
        question_id: option_id for question_id, option_id in answers.items()
        if isinstance(option_id, str) and bank.question(question_id) and bank.question(question_id).option(option_id)
    }
    dropped = tuple(f"{question_id}={option_id}" for question_id, option_id in answers.items() if question_id not in kept)
    return ReadAnswers(checked_answers(bank, kept), outdated=True, dropped=dropped)


def link_fields(fragment: str, prefix: str, version: str, *, repeated: str = "") -> dict:
    """The fields of a link fragment, as strictly as the page reads them; `repeated` may occur many times."""
    unreadable = RespondentError(UNREADABLE, ["the link could not be read (it may be incomplete or changed)"])
    if not fragment.startswith(prefix) or len(fragment) > LONGEST_TEAM_LINK:
        raise unreadable
    fields: dict = {repeated: []} if repeated else {}
    for part in fragment.split("&"):
        key, equals, value = part.partition("=")
        if not equals or not LINK_KEY.match(key):
            raise unreadable
        if key == repeated:
            fields[key].append(value)
        elif key in fields or not LINK_VALUE.match(value):
            raise unreadable
        else:
            fields[key] = value
    if fields.pop(prefix[:-1], None) != version or "bank" not in fields:
        raise unreadable
    return fields


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
    label = label.strip()[:LONGEST_LABEL] if isinstance(label, str) else ""
    return label or f"Respondent {position}"


# ---------------------------------------------------------------- team links

def team_link(bank: QuestionBank, respondents: list[tuple[str, Mapping[str, str]]]) -> str:
    """The fragment (with its "#") carrying every respondent's answers and label."""
    parts = [f"#{TEAM_PREFIX}{TEAM_VERSION}", f"bank={bank.fingerprint}"]
    for label, answers in respondents:
        parts.append(f"r={encoded_answers(bank, answers)}.{quote(label, safe='')}")
    return "&".join(parts)


def encoded_answers(bank: QuestionBank, answers: Mapping[str, str]) -> str:
    return "".join(
        POSITIONS[question.option_ids.index(answers[question.id])] if question.id in answers else NO_ANSWER
        for question in bank.questions
    )


def read_team_link(bank: QuestionBank, link: object) -> ReadTeam:
    """A team link -> its respondents, each read on its own. RespondentError if the link as a whole is bad."""
    if not isinstance(link, str):
        raise RespondentError(UNREADABLE, ["the team link could not be read"])
    entries = link_fields(fragment_of(link), TEAM_PREFIX, TEAM_VERSION, repeated="r")
    # Answers travel as positions in today's bank: a link of another bank cannot be read at all.
    if entries.pop("bank") != bank.fingerprint:
        raise RespondentError(OUTDATED, ["made for another version of the questions"])
    if set(entries) != {"r"} or not 1 <= len(entries["r"]) <= LARGEST_TEAM:
        raise RespondentError(UNREADABLE, ["the team link could not be read (it may be incomplete or changed)"])
    team = ReadTeam()
    for position, entry in enumerate(entries["r"], start=1):
        code, _, encoded_label = entry.partition(".")
        label = entry_label({"label": decoded_label(encoded_label)}, position)
        try:
            team.respondents.append((label, checked_answers(bank, decoded_answers(bank, code))))
        except RespondentError as error:
            team.left_out.append(RespondentProblem(label, error.reason, error.problems))
    return team


def decoded_label(encoded: str) -> str:
    try:
        return unquote(encoded, errors="strict")
    except UnicodeDecodeError:
        return ""


def decoded_answers(bank: QuestionBank, code: str) -> dict[str, str]:
    unreadable = RespondentError(UNREADABLE, ["its answers could not be read (the link may be incomplete or changed)"])
    if len(code) != len(bank.questions):
        raise unreadable
    answers = {}
    for question, character in zip(bank.questions, code):
        if character == NO_ANSWER:
            continue
        position = POSITIONS.find(character)
        if not 0 <= position < len(question.options):
            raise unreadable
        answers[question.id] = question.options[position].id
    return answers
