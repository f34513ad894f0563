"""The share link and the team link: the one definition of both, their builders and their readers.

The assessment page reads share links itself (it fills the form before Python has started): the
build hands it `rules_for_page()`, the formats and refusals below, and answers.js follows them.
tests/engine/test_links.py and tests/browser/test_link_contract.py hold the Python reader, the
page and the team view to one table of links.

Share link (one person's answers; a whole address or just its fragment):
    #assessment=1&bank=<fingerprint>&<question id>=<option id>&...
Each field is `key=value`, both of lower-case letters, digits and "_"; none repeated; the version
known and the bank named; at most SHARE.longest characters. What mail programs and messengers do
to a link without changing what it says is undone first: percent-encoding is decoded once, upper
case read as lower case (every id and fingerprint is lower case), trailing "&" dropped.
- A link of today's bank names only questions and options that exist (else it is refused); the
  answers to questions not asked are ignored; an incomplete one keeps what it has (`complete`
  false: the page fills the form and asks for the rest).
- A link of an earlier bank keeps the answers that still exist and names the others (`dropped`).
- A link with no answer to today's questions is refused.

Team link (every respondent of a team in one fragment; read only here):
    #team=1&bank=<fingerprint>&r=<answers>.<label>&r=<answers>.<label>...
<answers> has one character per question in bank order: the chosen option's position in base 36
("0" is the first option), or "-" for no answer. <label> is percent-encoded UTF-8, possibly empty,
so a team link is read as it is (no case folding, no decoding but the labels'); trailing "&" are
dropped. The fingerprint covers the question and option ids in order, so positions mean the same
options for as long as a link is accepted; a link of another bank cannot be read. Twelve people on
a 16-question bank labelled "Respondent 1" to "Respondent 12" take 436 characters (745 with
40-character labels; `python -m bench.team_bench` prints both), so no compression is needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote

from .model import QuestionBank


@dataclass(frozen=True)
class LinkFormat:
    name: str  # the first field's key, whose value is the format's version
    version: str
    longest: int  # characters after the "#"; anything longer is not ours
    lenient: bool  # percent-encoding decoded and upper case folded before reading

    @property
    def prefix(self) -> str:
        return f"{self.name}="

    def to_dict(self) -> dict:
        return {"name": self.name, "prefix": self.prefix, "version": self.version, "longest": self.longest, "lenient": self.lenient}


# A complete share link of today's bank is a few hundred characters.
SHARE = LinkFormat("assessment", "1", longest=2000, lenient=True)
# Twelve respondents with the longest labels stay far below this.
TEAM = LinkFormat("team", "1", longest=8000, lenient=False)
# Whole-field patterns (no anchors: each reader matches the whole key or value).
FIELD_KEY = r"[a-z0-9_]+"
FIELD_VALUE = r"[a-z0-9_]+"
NO_ANSWER = "-"
POSITIONS = "0123456789abcdefghijklmnopqrstuvwxyz"
# What a team's labels may be: what people type, cut to this length.
LONGEST_LABEL = 40

# Why a link is refused, in the words every reader gives (the page and the team view show them).
UNREADABLE = "unreadable"
REFUSALS = {
    UNREADABLE: "it could not be read (it may be incomplete or changed)",
    "too_long": "it is longer than any link this assessment makes",
    "unknown_answers": "it names questions or answers this assessment does not have (it may have been changed)",
    "no_answers": "it holds no answer to today's questions",
    "outdated_team": "it was made for an earlier version of the questions",
}


class LinkRefused(ValueError):
    """A link that cannot be used; `reason` is a key of REFUSALS, str(error) its words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(REFUSALS[reason])


def rules_for_page() -> dict:
    """What the page needs to read share links as this module does."""
    return {
        "share": SHARE.to_dict(),
        "field_key": FIELD_KEY,
        "field_value": FIELD_VALUE,
        "refusals": REFUSALS,
    }


def fragment_of(link: str) -> str:
    """What follows the "#" of an address, or the text itself when it is only a fragment."""
    return link.partition("#")[2] if "#" in link else link


def read_as(fragment: str, link_format: LinkFormat) -> str:
    """The fragment as it is read: undone what mail programs do, for a lenient format."""
    if link_format.lenient and "%" in fragment:
        try:
            fragment = unquote(fragment, errors="strict")
        except UnicodeDecodeError:
            raise LinkRefused(UNREADABLE) from None
    return (fragment.lower() if link_format.lenient else fragment).rstrip("&")


def link_fields(link: str, link_format: LinkFormat, *, repeated: str = "") -> dict:
    """The fields of a link; `repeated` may occur many times (its values in a list). The format's
    version is checked and left out; "bank" is always there."""
    fragment = fragment_of(link)
    if len(fragment) > link_format.longest:
        raise LinkRefused("too_long")
    fragment = read_as(fragment, link_format)
    if not fragment.startswith(link_format.prefix):
        raise LinkRefused(UNREADABLE)
    fields: dict = {repeated: []} if repeated else {}
    for part in fragment.split("&"):
        key, equals, value = part.partition("=")
        if not equals or not re.fullmatch(FIELD_KEY, key):
            raise LinkRefused(UNREADABLE)
        if key == repeated:
            fields[key].append(value)
        elif key in fields or not re.fullmatch(FIELD_VALUE, value):
            raise LinkRefused(UNREADABLE)
        else:
            fields[key] = value
    if fields.pop(link_format.name, None) != link_format.version or "bank" not in fields:
        raise LinkRefused(UNREADABLE)
    return fields


# ---------------------------------------------------------------- share links

@dataclass(frozen=True)
class SharedAnswers:
    """A share link's answers (to the questions asked); from an earlier bank, with those dropped."""

    answers: dict[str, str]
    complete: bool
    outdated: bool = False
    dropped: tuple[str, ...] = ()


def share_link(bank: QuestionBank, answers: Mapping[str, str]) -> str:
    """The fragment (with its "#") of the share link for these answers: those to questions asked, in bank order."""
    asked = bank.answers_to_asked(answers)
    pairs = [f"{question.id}={asked[question.id]}" for question in bank.questions if question.id in asked]
    return "&".join([f"#{SHARE.prefix}{SHARE.version}", f"bank={bank.fingerprint}", *pairs])


def read_share_link(bank: QuestionBank, link: object) -> SharedAnswers:
    """A share link (address or fragment) -> its answers; LinkRefused saying why it cannot be used."""
    if not isinstance(link, str):
        raise LinkRefused(UNREADABLE)
    fields = link_fields(link, SHARE)
    outdated = fields.pop("bank") != bank.fingerprint
    known, dropped = existing_answers(bank, fields)
    if dropped and not outdated:
        raise LinkRefused("unknown_answers")
    asked = bank.answers_to_asked(known)
    if not asked:
        raise LinkRefused("no_answers")
    complete = all(question.id in asked for question in bank.asked_questions(asked))
    return SharedAnswers(asked, complete, outdated, dropped)


def existing_answers(bank: QuestionBank, answers: Mapping) -> tuple[dict[str, str], tuple[str, ...]]:
    """The answers that name a question and one of its options today, and the others as
    "question=option": how a link or a download of an earlier bank is read."""
    known = {key: value for key, value in answers.items()
             if isinstance(value, str) and bank.question(key) and bank.question(key).option(value)}
    return known, tuple(f"{key}={value}" for key, value in answers.items() if key not in known)


# ---------------------------------------------------------------- team links

def team_link(bank: QuestionBank, respondents: list[tuple[str, Mapping[str, str]]]) -> str:
    """The fragment (with its "#") carrying every respondent's answers and label."""
    parts = [f"#{TEAM.prefix}{TEAM.version}", f"bank={bank.fingerprint}"]
    for label, answers in respondents:
        parts.append(f"r={encoded_answers(bank, answers)}.{quote(label, safe='')}")
    return "&".join(parts)


def encoded_answers(bank: QuestionBank, answers: Mapping[str, str]) -> str:
    return "".join(
        POSITIONS[question.option_ids.index(answers[question.id])] if question.id in answers else NO_ANSWER
        for question in bank.questions
    )


def team_link_entries(bank: QuestionBank, link: object) -> list[tuple[str, str]]:
    """A team link -> each respondent's (label as typed, encoded answers); LinkRefused if the link as
    a whole cannot be used."""
    if not isinstance(link, str):
        raise LinkRefused(UNREADABLE)
    fields = link_fields(link, TEAM, repeated="r")
    if fields.pop("bank") != bank.fingerprint:
        raise LinkRefused("outdated_team")
    if set(fields) != {"r"} or not fields["r"]:
        raise LinkRefused(UNREADABLE)
    entries = []
    for entry in fields["r"]:
        code, _, encoded_label = entry.partition(".")
        entries.append((decoded_label(encoded_label), code))
    return entries


def decoded_label(encoded: str) -> str:
    try:
        return unquote(encoded, errors="strict")
    except UnicodeDecodeError:
        return ""


def decoded_answers(bank: QuestionBank, code: str) -> dict[str, str]:
    """One respondent's answers from a team link; LinkRefused if they cannot be read."""
    if len(code) != len(bank.questions):
        raise LinkRefused(UNREADABLE)
    answers = {}
    for question, character in zip(bank.questions, code):
        if character == NO_ANSWER:
            continue
        position = POSITIONS.find(character)
        if not 0 <= position < len(question.options):
            raise LinkRefused(UNREADABLE)
        answers[question.id] = question.options[position].id
    return answers
