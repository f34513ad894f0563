"""Reading answers text without trusting it: limits hold at their edges, and echoed values are safe."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.answers_json import MAX_NESTING, parse_answers
from assessment.errors import LISTED_MAX_PROBLEMS, QUOTED_MAX_CHARACTERS, UnreadableAnswersError, listed, quoted


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_nesting_up_to_the_limit_is_parsed_one_more_level_is_refused():
    assert parse_answers(nested(MAX_NESTING)) is not None
    with pytest.raises(UnreadableAnswersError, match=f"nested more than {MAX_NESTING} levels"):
        parse_answers(nested(MAX_NESTING + 1))


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = '{"succession_focus": "' + "[{" * 1000 + '\\"' + "[" * 1000 + '"}'
    assert parse_answers(text) == {"succession_focus": "[{" * 1000 + '"' + "[" * 1000}


def test_an_unclosed_string_full_of_escaped_quotes_is_refused_as_not_json():
    with pytest.raises(UnreadableAnswersError, match="not valid JSON"):
        parse_answers('"\\' * 400_000)


@given(st.text())
def test_a_quoted_value_is_printable_and_short(value):
    shown = quoted(value)
    assert shown.isprintable()
    assert len(shown) <= 12 * QUOTED_MAX_CHARACTERS  # each character escapes to at most \U0010ffff, plus the length note


@given(st.lists(st.text(max_size=5), max_size=4 * LISTED_MAX_PROBLEMS))
def test_listed_problems_keep_the_first_ones_and_count_the_rest(problems):
    shown = listed(problems)
    if len(problems) <= LISTED_MAX_PROBLEMS:
        assert shown == problems
    else:
        assert shown == [*problems[:LISTED_MAX_PROBLEMS], f"and {len(problems) - LISTED_MAX_PROBLEMS:,} more"]
