"""Answers as JSON text, read without trusting it: the one reader the terminal and the browser share.

A set of answers is a small flat object (question id -> option id), a few hundred bytes. Text far
bigger or deeper than that is not answers, so it is refused before the JSON parser sees it: the
parser would otherwise spend memory on it or recurse until Python gives up.

answers_text(data: bytes) -> str      UTF-8 (a byte-order mark is fine); other encodings are named
parse_answers(text: str) -> object    the parsed JSON; no key twice, no number too long for int()
Both raise UnreadableAnswersError with one sentence a person can act on.
"""

from __future__ import annotations

import codecs
import json
import re

from .errors import UnreadableAnswersError, quoted

MAX_ANSWERS_BYTES = 1_000_000
MAX_NESTING = 32
# Python refuses to turn longer digit strings into int (sys.get_int_max_str_digits()).
INT_MAX_DIGITS = 4300

# Longest byte-order marks first: UTF-32 LE starts with the UTF-16 LE mark.
OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# A JSON string (its closing quote optional, so an unclosed one ends the scan instead of
# restarting it at every later quote) or a bracket.
STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def answers_text(data: bytes) -> str:
    too_big(len(data))
    for mark, encoding in OTHER_ENCODINGS:
        if data.startswith(mark):
            raise UnreadableAnswersError(f"the text is {encoding}; save it as UTF-8")
    if b"\0" in data:
        raise UnreadableAnswersError("this is binary data or UTF-16/UTF-32 text (it has NUL bytes); answers are UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableAnswersError(
            f"not UTF-8 text (byte 0x{data[error.start]:02X} at offset {error.start:,}); "
            "if it was saved as Latin-1 or Windows-1252, save it as UTF-8"
        ) from None


def parse_answers(text: str) -> object:
    too_big(len(text))
    if not text.strip():
        raise UnreadableAnswersError("it is empty; expected a JSON object of question id -> option id")
    too_deep(text)
    try:
        return json.loads(text, object_pairs_hook=object_without_repeated_keys, parse_int=json_integer)
    except json.JSONDecodeError as error:
        raise UnreadableAnswersError(f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None


def too_big(size: int) -> None:
    if size > MAX_ANSWERS_BYTES:
        raise UnreadableAnswersError(f"more than {MAX_ANSWERS_BYTES:,} bytes; a set of answers is a few hundred")


def too_deep(text: str) -> None:
    depth = 0
    for match in STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                raise UnreadableAnswersError(f"nested more than {MAX_NESTING} levels deep; answers are one flat object")
        elif token in ("]", "}"):
            depth -= 1


def object_without_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    answers: dict[str, object] = {}
    for key, value in pairs:
        if key in answers:
            raise UnreadableAnswersError(f"the key {quoted(key)} appears more than once; keep one answer per question")
        answers[key] = value
    return answers


def json_integer(digits: str) -> int | float:
    # A number is never an answer; a huge one must still reach the answer check as "a number".
    return int(digits) if len(digits) <= INT_MAX_DIGITS else float(digits)
