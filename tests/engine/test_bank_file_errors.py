"""Mistakes that used to pass the load and break later (or name nothing): each is one line at load time."""

import pytest

from assessment import BankError, load_bank
from assessment.bank import TEXT_PLACEHOLDERS, placeholder_problem

from .small_bank import SMALL_BANK, small_bank_with


@pytest.fixture
def load_bytes(tmp_path):
    def load(data: bytes):
        path = tmp_path / "bank.toml"
        path.write_bytes(data)
        return load_bank(path, source="assessment/bank.toml")
    return load


def error_line(load_bytes, data: bytes) -> str:
    with pytest.raises(BankError) as raised:
        load_bytes(data)
    return str(raised.value)


def test_a_byte_order_mark_is_tolerated(load_bytes):
    assert load_bytes(b"\xef\xbb\xbf" + SMALL_BANK.encode()).approach_ids == load_bytes(SMALL_BANK.encode()).approach_ids


def test_a_byte_that_is_not_utf8_is_named_with_its_line_and_column(load_bytes):
    text = small_bank_with('summary = "The first way."', 'summary = "The first w\xe9y."')
    line_number = text[: text.index("\xe9")].count("\n") + 1
    column = len(text[: text.index("\xe9")].rsplit("\n", 1)[-1]) + 1
    assert error_line(load_bytes, text.encode("latin-1")) == (
        f"assessment/bank.toml: line {line_number}, column {column}: not UTF-8 text (byte 0xe9); save the file as UTF-8")


def test_toml_ending_too_early_says_so(load_bytes):
    lines = SMALL_BANK.count("\n")
    assert error_line(load_bytes, SMALL_BANK.encode() + b"\n[extra\n") == (
        f"assessment/bank.toml: line {lines + 2}, column 7: not valid TOML (Expected ']' at the end of a table declaration)")
    assert error_line(load_bytes, SMALL_BANK.encode() + b'\nkey = "open') == (
        "assessment/bank.toml: end of file: not valid TOML (Unterminated string)")


@pytest.mark.parametrize("bad_id", ["some-concern", "two words", "Capital", "9lives", "é", "a\"b"])
def test_ids_must_be_safe_in_links_and_attributes(load_bytes, bad_id):
    data = small_bank_with('id = "goal_beta"', f'id = "{bad_id}"'.replace('a"b', 'a\\"b')).encode()
    assert error_line(load_bytes, data) == (
        f"assessment/bank.toml: question 'goal', option '{bad_id}': field 'id': {bad_id!r} is not a valid id; "
        "expected lower-case letters, digits and '_', starting with a letter")


@pytest.mark.parametrize("template, problem", [
    ("{name}", None),
    ("{{literal}} {name}", None),
    ("{margin:q}", "placeholder {margin:q} has a format; write just {margin}"),
    ("{name:>300000000}", "placeholder {name:>300000000} has a format; write just {name}"),
    ("{name!r}", "placeholder {name!r} has a format; write just {name}"),
    ("{name.__class__}", "unknown placeholder name.__class__; allowed: margin, name"),
    ("{name[0]}", "unknown placeholder name[0]; allowed: margin, name"),
    ("{}", "unknown placeholder {}; allowed: margin, name"),
    ("{name", "broken placeholder (expected '}' before end of string); write {name}, or {{ and }} for a literal brace"),
    ("name}", "broken placeholder (Single '}' encountered in format string); write {name}, or {{ and }} for a literal brace"),
])
def test_placeholders_are_plain_names_the_text_allows(template, problem):
    assert placeholder_problem(template, {"name", "margin"}) == problem


@pytest.mark.parametrize("text_key", sorted(TEXT_PLACEHOLDERS))
def test_every_text_rejects_a_format_spec_on_its_placeholders(load_bytes, text_key):
    allowed = sorted(TEXT_PLACEHOLDERS[text_key])
    placeholder = f"{{{allowed[0]}:q}}" if allowed else "{anything}"
    line = [line for line in SMALL_BANK.splitlines() if line.startswith(f"{text_key} = ")]
    if not line:
        pytest.skip(f"the small bank has no text {text_key}")
    data = small_bank_with(line[0], f'{text_key} = "Text {placeholder}."').encode()
    assert error_line(load_bytes, data).startswith(f"assessment/bank.toml: [texts]: field '{text_key}': ")
