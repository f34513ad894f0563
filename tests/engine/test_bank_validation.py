"""A malformed bank fails on loading with a message naming the file, the place and the field."""

import pytest

from assessment import BankError, load_bank, score_answers

from .small_bank import SMALL_BANK, small_bank_with

# (what to change in the small bank, expected location, expected field, words in the message)
MALFORMED_BANKS = {
    "duplicate question id": (
        ('id = "goal"\n', 'id = "today"\n'), "question 'today'", "id", "duplicate id 'today'"),
    "duplicate option id": (
        ('id = "goal_beta"', 'id = "goal_alpha"'), "question 'goal', option 'goal_alpha'", "id", "duplicate id"),
    "duplicate approach id": (
        ('id = "beta"', 'id = "alpha"'), "approach 'alpha'", "id", "duplicate id"),
    "duplicate caution id": (
        ('[[next_steps]]', '[[cautions]]\nid = "careful"\ntext = "Again."\nanchor = "first"\nwhen = { goal = ["goal_beta"] }\n\n[[next_steps]]'),
        "caution 'careful'", "id", "duplicate id"),
    "option without weights": (
        ('text = "The beta goal"\nweights = { alpha = 0, beta = 2 }', 'text = "The beta goal"'),
        "question 'goal', option 'goal_beta'", "weights", "missing"),
    "option with an empty weights table": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = {}'), "question 'goal', option 'goal_beta'", "weights", "missing"),
    "option missing one approach's weight": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 0 }'),
        "question 'goal', option 'goal_beta'", "weights.beta", "missing weight for approach 'beta'"),
    "weight for an unknown approach": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 0, beta = 2, gamma = 1 }'),
        "question 'goal', option 'goal_beta'", "weights.gamma", "unknown approach 'gamma'"),
    "weight above the range": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 0, beta = 4 }'),
        "question 'goal', option 'goal_beta'", "weights.beta", "outside 0..3"),
    "weight below the range": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = -1, beta = 2 }'),
        "question 'goal', option 'goal_beta'", "weights.alpha", "outside 0..3"),
    "weight not a whole number": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 0, beta = 1.5 }'),
        "question 'goal', option 'goal_beta'", "weights.beta", "whole number"),
    "question whose options cannot move any approach": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 3, beta = 0 }'),
        "question 'goal'", "options.weights", "no answer can move any approach"),
    "approach no answer set can reach": (
        ('weights = { alpha = 0, beta = 2 }', 'weights = { alpha = 3, beta = 3 }'),
        "approach 'beta'", "weights", "not recommended even by the answers most favourable to it"),
    "caution referring to a missing question": (
        ('when = { goal = ["goal_alpha"] }', 'when = { ambition = ["goal_alpha"] }'),
        "caution 'careful'", "when.ambition", "missing question 'ambition'"),
    "caution referring to a missing option": (
        ('when = { goal = ["goal_alpha"] }', 'when = { goal = ["goal_gamma"] }'),
        "caution 'careful'", "when.goal", "missing option 'goal_gamma'"),
    "caution without conditions": (
        ('when = { goal = ["goal_alpha"] }', ''), "caution 'careful'", "when", "missing"),
    "caution for an unknown approach": (
        ('approach = "alpha"', 'approach = "gamma"'), "caution 'careful'", "approach", "unknown approach 'gamma'"),
    "next step for an unknown approach": (
        ('applies_to = "alpha"', 'applies_to = "gamma"'), "next step #1", "applies_to", "unknown 'gamma'"),
    "anchor not in the article": (
        ('text = "What is the goal?"\nanchor = "second"', 'text = "What is the goal?"\nanchor = "third"'),
        "question 'goal'", "anchor", "'third' is not one of the article anchors"),
    "option anchor not in the article": (
        ('text = "The beta goal"', 'text = "The beta goal"\nanchor = "nowhere"'),
        "question 'goal', option 'goal_beta'", "anchor", "'nowhere'"),
    "unknown question kind": (
        ('kind = "condition"', 'kind = "wish"'), "question 'goal'", "kind", "'wish' is not one of: practice, condition"),
    "question without text": (
        ('text = "What is the goal?"\n', ''), "question 'goal'", "text", "missing"),
    "question with one option": (
        ('[[questions.options]]\nid = "today_beta"\ntext = "Beta"\nweights = { alpha = 0, beta = 3 }\n', ''),
        "question 'today'", "options", "at least two options"),
    "unknown placeholder in a text": (
        ('recommend_single = "Best: {name}."', 'recommend_single = "Best: {title}."'),
        "[texts]", "recommend_single", "unknown placeholder title"),
    "weight range upside down": (
        ('weight_max = 3', 'weight_max = 0'), "[scoring]", "weight_max", "at least 1"),
    "negative blend margin": (
        ('blend_margin = 10', 'blend_margin = -1'), "[scoring]", "blend_margin", "at least 0"),
    "missing article anchors": (
        ('anchors = ["first", "second"]', ''), "[article]", "anchors", "missing"),
}


@pytest.fixture
def write_bank(tmp_path):
    def write(text: str):
        path = tmp_path / "bank.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_the_small_bank_itself_is_valid(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    assert [question.id for question in bank.questions] == ["today", "goal"]
    result = score_answers(bank, {"today": "today_beta", "goal": "goal_alpha"})
    assert result.recommended == "alpha"
    assert [caution.id for caution in result.cautions] == ["careful"]


@pytest.mark.parametrize("case", MALFORMED_BANKS, ids=list(MALFORMED_BANKS))
def test_malformed_bank_names_file_place_and_field(write_bank, case):
    (old, new), location, field, words = MALFORMED_BANKS[case]
    path = write_bank(small_bank_with(old, new))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    error = raised.value
    assert (error.file, error.location, error.field) == (str(path), location, field)
    assert words in error.message
    assert str(error).startswith(f"{path}: {location}: field '{field}': ")


def test_invalid_toml_names_the_file(write_bank):
    path = write_bank(SMALL_BANK.replace("[scoring]", "[scoring"))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert raised.value.file == str(path)
    assert (raised.value.location, raised.value.field) == ("line 6, column 9", "")
    assert str(raised.value) == f"{path}: line 6, column 9: not valid TOML (Expected ']' at the end of a table declaration)"


def test_a_bank_given_as_text_is_named_by_its_source():
    with pytest.raises(BankError) as raised:
        load_bank(text=small_bank_with('kind = "condition"', 'kind = "wish"'), source="edited.toml")
    assert str(raised.value).startswith("edited.toml: question 'goal': field 'kind'")


def test_an_option_may_omit_help_and_anchor(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    goal = bank.question("goal")
    assert goal.help == ""
    assert all(option.anchor == "second" for option in goal.options)
