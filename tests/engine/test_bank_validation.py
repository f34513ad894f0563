"""A malformed bank fails on loading with a message naming the file, the place and the field."""

import pytest

from assessment import BankError, load_bank, score_answers
from assessment.bank import check_passages

from .small_bank import SMALL_BANK, small_bank_with

# A need question asked only after a readiness answer (inserted before the cautions).
NEED_AFTER_READINESS = '''[[questions]]
id = "later"
section = "goals"
role = "need"
text = "Later?"
anchor = "first"
ask_if = { care = ["care_yes"] }

[[questions.options]]
id = "later_yes"
text = "Yes"
need = { alpha = "leaning" }

[[questions.options]]
id = "later_no"
text = "No"

[[cautions]]'''

GOAL_HEADER = 'role = "need"\ntext = "What is the goal?"\nanchor = "second"'

# name: ((text in the small bank, its replacement), expected location, expected field, words in the message)
MALFORMED_BANKS = {
    # ids
    "duplicate question id": (
        ('id = "detail"\n', 'id = "goal"\n'), "question 'goal'", "id", "duplicate id 'goal'"),
    "duplicate option id": (
        ('id = "goal_beta"', 'id = "goal_alpha"'), "question 'goal', option 'goal_alpha'", "id", "duplicate id 'goal_alpha'"),
    "duplicate approach id": (
        ('id = "beta"', 'id = "alpha"'), "approach 'alpha'", "id", "duplicate id 'alpha'"),
    "duplicate caution id": (
        ('[[next_steps]]\napplies_to = "alpha"', '[[cautions]]\nid = "careful"\ntext = "Again."\nanchor = "first"\nwhen = { care = ["care_yes"] }\n\n[[next_steps]]\napplies_to = "alpha"'),
        "caution 'careful'", "id", "duplicate id 'careful'"),
    "option id that cannot travel in a share link": (
        ('id = "goal_none"', 'id = "No goal"'), "question 'goal', option 'No goal'", "id", "'No goal' is not a valid id"),
    "approach id that cannot travel in an html attribute": (
        ('id = "beta"', 'id = "be-ta"'), "approach 'be-ta'", "id", "'be-ta' is not a valid id"),
    # roles
    "question without a role": (
        (GOAL_HEADER, 'text = "What is the goal?"\nanchor = "second"'), "question 'goal'", "role", "missing"),
    "unknown question role": (
        (GOAL_HEADER, GOAL_HEADER.replace('"need"', '"wish"')), "question 'goal'", "role", "'wish' is not one of: practice, need, readiness"),
    # need signals
    "need signal of an unknown kind": (
        ('need = { alpha = "situation" }', 'need = { alpha = "strong" }'),
        "question 'goal', option 'goal_alpha'", "need.alpha", "must be one of: situation, occasional, leaning; got 'strong'"),
    "need signal for an unknown approach": (
        ('need = { beta = "situation" }', 'need = { gamma = "situation" }'),
        "question 'goal', option 'goal_beta'", "need.gamma", "unknown approach 'gamma' (expected one of: alpha, beta)"),
    "need signal for more than one approach": (
        ('need = { alpha = "situation" }', 'need = { alpha = "situation", beta = "leaning" }'),
        "question 'goal', option 'goal_alpha'", "need", "signal at most one approach"),
    "need that is not a table": (
        ('need = { alpha = "situation" }', 'need = "alpha"'), "question 'goal', option 'goal_alpha'", "need", "must be a table"),
    "need question none of whose options signals a need": (
        ('need = { beta = "leaning" }\n', ''), "question 'detail'", "options.need", "no option signals any approach's need"),
    "approach no answer calls for": (
        ('need = { beta = "situation" }\nsituation = "beta is the goal"', 'need = { beta = "leaning" }'),
        "approach 'beta'", "need", "no answer calls for it"),
    # fields that belong to another role
    "weights on a need option": (
        ('need = { alpha = "situation" }', 'need = { alpha = "situation" }\nweights = { alpha = 3, beta = 0 }'),
        "question 'goal', option 'goal_alpha'", "weights", "only practice questions have weights; this is a need question"),
    "weights on a readiness option": (
        ('text = "With care"', 'text = "With care"\nweights = { alpha = 3, beta = 0 }'),
        "question 'care', option 'care_yes'", "weights", "only practice questions have weights; this is a readiness question"),
    "need on a practice option": (
        ('weights = { alpha = 3, beta = 0 }', 'weights = { alpha = 3, beta = 0 }\nneed = { alpha = "situation" }'),
        "question 'today', option 'today_alpha'", "need", "only need questions signal a need; this is a practice question"),
    "need on a readiness option": (
        ('text = "With care"', 'text = "With care"\nneed = { alpha = "situation" }'),
        "question 'care', option 'care_yes'", "need", "only need questions signal a need; this is a readiness question"),
    # practice weights
    "practice option without weights": (
        ('text = "Beta"\nweights = { alpha = 0, beta = 3 }', 'text = "Beta"'), "question 'today', option 'today_beta'", "weights", "missing"),
    "practice option with an empty weights table": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = {}'), "question 'today', option 'today_beta'", "weights", "missing"),
    "practice option missing one approach's weight": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = 0 }'),
        "question 'today', option 'today_beta'", "weights.beta", "missing weight for approach 'beta'"),
    "weight for an unknown approach": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = 0, beta = 3, gamma = 1 }'),
        "question 'today', option 'today_beta'", "weights.gamma", "unknown approach 'gamma'"),
    "weight above the range": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = 0, beta = 4 }'),
        "question 'today', option 'today_beta'", "weights.beta", "weight 4 is outside 0..3"),
    "weight below the range": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = -1, beta = 3 }'),
        "question 'today', option 'today_beta'", "weights.alpha", "weight -1 is outside 0..3"),
    "weight not a whole number": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = 0, beta = 1.5 }'),
        "question 'today', option 'today_beta'", "weights.beta", "must be a whole number, got 1.5"),
    "practice question whose options all weigh the same": (
        ('weights = { alpha = 0, beta = 3 }', 'weights = { alpha = 3, beta = 0 }'),
        "question 'today'", "options.weights", "no answer can move any approach"),
    # ask_if
    "ask_if referring to a later question": (
        (GOAL_HEADER, GOAL_HEADER + '\nask_if = { care = ["care_yes"] }'),
        "question 'goal'", "ask_if.care", "refers to missing question 'care' (expected an earlier question)"),
    "ask_if referring to a missing question": (
        ('ask_if = { goal = ["goal_beta"] }', 'ask_if = { aim = ["goal_beta"] }'),
        "question 'detail'", "ask_if.aim", "refers to missing question 'aim' (expected an earlier question)"),
    "ask_if referring to a missing option": (
        ('ask_if = { goal = ["goal_beta"] }', 'ask_if = { goal = ["goal_gamma"] }'),
        "question 'detail'", "ask_if.goal", "refers to missing option 'goal_gamma' of question 'goal'"),
    "ask_if with an option that is not in a list": (
        ('ask_if = { goal = ["goal_beta"] }', 'ask_if = { goal = "goal_beta" }'),
        "question 'detail'", "ask_if.goal", "must be a non-empty list of option ids"),
    "empty ask_if": (
        ('ask_if = { goal = ["goal_beta"] }', 'ask_if = {}'), "question 'detail'", "ask_if", "missing or empty"),
    "need question depending on a readiness question": (
        ('[[cautions]]', NEED_AFTER_READINESS),
        "question 'later'", "ask_if.care", "a need question may depend only on need questions, and 'care' is a readiness question"),
    # readiness and cautions
    "readiness question no caution looks at": (
        ('when = { care = ["care_no"] }', 'when = { goal = ["goal_beta"] }'),
        "question 'care'", "role", "a readiness question must be looked at by at least one caution's `when`"),
    "caution referring to a missing question": (
        ('when = { care = ["care_no"] }', 'when = { ambition = ["care_no"] }'),
        "caution 'careful'", "when.ambition", "refers to missing question 'ambition'"),
    "caution referring to a missing option": (
        ('when = { care = ["care_no"] }', 'when = { care = ["care_maybe"] }'),
        "caution 'careful'", "when.care", "refers to missing option 'care_maybe' of question 'care'"),
    "caution without conditions": (
        ('when = { care = ["care_no"] }\n', ''), "caution 'careful'", "when", "missing or empty"),
    "caution for an unknown approach": (
        ('approach = "alpha"', 'approach = "gamma"'), "caution 'careful'", "approach", "unknown approach 'gamma'"),
    # the article's force
    "caution without severity": (
        ('severity = "risk"\n', ''), "caution 'careful'", "severity", "missing"),
    "caution of an unknown severity": (
        ('severity = "risk"', 'severity = "serious"'), "caution 'careful'", "severity", "'serious' is not one of: blocking, risk, practice"),
    "caution without passage": (
        ('passage = "Alpha may go wrong without care."\n', ''), "caution 'careful'", "passage", "missing"),
    "risk whose passage lacks the article's words for a risk": (
        ('passage = "Alpha may go wrong without care."', 'passage = "Alpha is usually done with care."'),
        "caution 'careful'", "passage", "a risk caution rests on the article's words for it (may go wrong); this passage has none"),
    "blocking caution whose passage lacks the blocking words": (
        ('severity = "risk"', 'severity = "blocking"\nfirst_step = "Take care first."'),
        "caution 'careful'", "passage", "a blocking caution rests on the article's words for it (cannot work unless)"),
    "passage that says the approach cannot work, under a lesser severity": (
        ('passage = "Alpha may go wrong without care."', 'passage = "Alpha may go wrong: it cannot work unless done with care."'),
        "caution 'careful'", "severity", "the passage says the approach cannot work (cannot work unless): the severity must be blocking"),
    "blocking caution without a first step": (
        ('severity = "risk"\npassage = "Alpha may go wrong without care."', 'severity = "blocking"\npassage = "Alpha cannot work unless done with care."'),
        "caution 'careful'", "first_step", "missing"),
    "blocking caution that names no approach": (
        ('approach = "alpha"\nseverity = "risk"\npassage = "Alpha may go wrong without care."',
         'severity = "blocking"\npassage = "Alpha cannot work unless done with care."\nfirst_step = "Take care."'),
        "caution 'careful'", "approach", "a blocking caution says which approach cannot work"),
    "severity words missing": (
        ('risk = ["may go wrong"]\n', ''), "[severities]", "risk", "missing or not a non-empty list"),
    "severity words for an unknown severity": (
        ('risk = ["may go wrong"]', 'risk = ["may go wrong"]\nserious = ["grave"]'), "[severities]", "serious", "unknown severity"),
    # next steps
    "next step for an unknown approach": (
        ('applies_to = "alpha"', 'applies_to = "gamma"'),
        "next step #1", "applies_to", "unknown 'gamma' (expected one of: alpha, beta, none, practice_differs)"),
    "next step `when` referring to a missing option": (
        ('when = { care = ["care_yes"] }', 'when = { care = ["care_maybe"] }'),
        "next step #1", "when.care", "refers to missing option 'care_maybe' of question 'care'"),
    "next step `when` referring to a missing question": (
        ('when = { care = ["care_yes"] }', 'when = { ambition = ["care_yes"] }'),
        "next step #1", "when.ambition", "refers to missing question 'ambition'"),
    "next step on a caution that is not its approach's": (
        ('text = "Wait for a goal."\n', 'text = "Wait for a goal."\ncaution = "careful"\n'),
        "next step #2", "caution", "'careful' is not a caution of 'none'"),
    "next step on a missing caution": (
        ('text = "Keep doing the alpha thing with care."\n', 'text = "Keep doing the alpha thing with care."\ncaution = "carful"\n'),
        "next step #1", "caution", "'carful' is not a caution of 'alpha'"),
    "next step without text": (
        ('text = "Wait for a goal."\n', ''), "next step #2", "text", "missing"),
    # anchors
    "question anchor not in the article": (
        (GOAL_HEADER, GOAL_HEADER.replace('"second"', '"third"')),
        "question 'goal'", "anchor", "'third' is not one of the article anchors"),
    "option anchor not in the article": (
        ('text = "The beta goal"', 'text = "The beta goal"\nanchor = "nowhere"'),
        "question 'goal', option 'goal_beta'", "anchor", "'nowhere' is not one of the article anchors"),
    "caution anchor not in the article": (
        ('text = "Be careful."\nanchor = "first"', 'text = "Be careful."\nanchor = "third"'),
        "caution 'careful'", "anchor", "'third' is not one of the article anchors"),
    "missing article anchors": (
        ('anchors = ["first", "second"]', ''), "[article]", "anchors", "missing"),
    # approaches, questions and texts
    "approach without its scope": (
        ('scope = "for the beta team"\n', ''), "approach 'beta'", "scope", "missing or not a non-empty text"),
    "term defined twice": (
        ('[scoring]', '[[terms]]\nterm = "alpha"\ndefinition = "A."\n\n[[terms]]\nterm = "alpha"\ndefinition = "B."\n\n[scoring]'),
        "term 'alpha'", "term", "defined twice"),
    "two terms with one definition": (
        ('[scoring]', '[[terms]]\nterm = "alpha"\ndefinition = "A."\n\n[[terms]]\nterm = "beta"\ndefinition = "A."\n\n[scoring]'),
        "term 'beta'", "definition", "the same as term 'alpha'"),
    "term without its definition": (
        ('[scoring]', '[[terms]]\nterm = "alpha"\n\n[scoring]'),
        "term 'alpha'", "definition", "missing or not a non-empty text"),
    "approach without its moment": (
        ('moment = "Later"\n', ''), "approach 'beta'", "moment", "missing or not a non-empty text"),
    # situations: the sentence the page shows is the rule the engine applies
    "situation answer that does not say what the situation is": (
        ('situation = "beta is the goal"\n', ''), "question 'goal', option 'goal_beta'", "situation", "missing: say what the situation is"),
    "situation clause that joins a second condition": (
        ('situation = "beta is the goal"', 'situation = "and beta is the goal"'),
        "question 'goal', option 'goal_beta'", "situation", "the approach's sentence joins its clauses with \"or\""),
    "situation clause written as a sentence": (
        ('situation = "beta is the goal"', 'situation = "Beta is the goal."'),
        "question 'goal', option 'goal_beta'", "situation", "without a joining word in front or a full stop"),
    "situation on an answer that is not a situation": (
        ('text = "No goal"', 'text = "No goal"\nsituation = "there is no goal"'),
        "question 'goal', option 'goal_none'", "situation", "only a \"situation\" answer shows a situation"),
    "situation on a question that is not a need question": (
        ('role = "readiness"\ntext = "Is alpha done with care?"', 'role = "readiness"\nsituation = "care matters"\ntext = "Is alpha done with care?"'),
        "question 'care'", "situation", "only need questions show a situation"),
    # help
    "help that repeats an answer's words": (
        ('text = "What is the goal?"\nanchor = "second"', 'text = "What is the goal?"\nhelp = "Most teams pick the beta goal here."\nanchor = "second"'),
        "question 'goal'", "help", "repeats the words of answer 'goal_beta' (\"the beta goal\"): explain the question without hinting at an answer"),
    # no coaching today
    "no-coaching flag on an answer that is not about practice": (
        ('text = "No goal"', 'text = "No goal"\nno_coaching_today = true'),
        "question 'goal', option 'goal_none'", "no_coaching_today", "only practice questions have this; this is a need question"),
    "practice question still asked after no coaching today": (
        ('weights = { alpha = 3, beta = 0 }', 'weights = { alpha = 3, beta = 0 }\n\n[[questions.options]]\nid = "today_none"\ntext = "None"\n'
         'weights = { alpha = 0, beta = 0 }\nno_coaching_today = true\n\n[[questions]]\nid = "how"\nsection = "today"\nrole = "practice"\n'
         'text = "How is it paid?"\nanchor = "first"\n\n[[questions.options]]\nid = "how_alpha"\ntext = "Alpha"\nweights = { alpha = 3, beta = 0 }\n\n'
         '[[questions.options]]\nid = "how_beta"\ntext = "Beta"\nweights = { alpha = 0, beta = 3 }'),
        "question 'how'", "ask_if", "still asked after 'today' is answered today_none"),
    # sections
    "question without a section": (
        ('section = "today"\nrole = "practice"', 'role = "practice"'), "question 'today'", "section", "missing"),
    "question in an unknown section": (
        ('section = "today"\nrole = "practice"', 'section = "tomorrow"\nrole = "practice"'),
        "question 'today'", "section", "unknown section 'tomorrow' (expected one of: today, goals)"),
    "sections out of order": (
        ('section = "goals"\nrole = "readiness"', 'section = "today"\nrole = "readiness"'),
        "question 'care'", "section", "'today' is listed before 'goals' in [[sections]]"),
    "section without a title": (
        ('title = "Goals"\n', ''), "section 'goals'", "title", "missing"),
    "question without text": (
        ('text = "What is the goal?"\n', ''), "question 'goal'", "text", "missing"),
    "question with one option": (
        ('[[questions.options]]\nid = "today_beta"\ntext = "Beta"\nweights = { alpha = 0, beta = 3 }\n', ''),
        "question 'today'", "options", "at least two options"),
    "unknown placeholder in a text": (
        ('headline_one = "headline_one {approach}"', 'headline_one = "Best: {title}."'),
        "[texts]", "headline_one", "unknown placeholder title; allowed: approach"),
    "placeholder in a text that allows none": (
        ('headline_none = "headline_none"', 'headline_none = "Nothing for {name}."'),
        "[texts]", "headline_none", "unknown placeholder name; allowed: none"),
    "missing required text": (
        ('thin_evidence = "thin_evidence {answer}"\n', ''), "[texts]", "thin_evidence", "missing"),
    # scoring
    "leaning points below one": (
        ('leaning_points = 1', 'leaning_points = 0'), "[scoring]", "leaning_points", "must be at least 1, got 0"),
    "situation no stronger than leaning": (
        ('situation_points = 3', 'situation_points = 1'), "[scoring]", "situation_points", "must be at least 3, got 1"),
    "practice weight range upside down": (
        ('practice_weight_max = 3', 'practice_weight_max = 0'), "[scoring]", "practice_weight_max", "must be at least 1, got 0"),
}


@pytest.fixture
def write_bank(tmp_path):
    def write(text: str):
        path = tmp_path / "bank.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_the_small_bank_itself_is_valid_and_scores_by_need(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    assert [question.id for question in bank.questions] == ["today", "goal", "detail", "care"]
    result = score_answers(bank, {"today": "today_beta", "goal": "goal_alpha", "care": "care_no"})
    assert result.recommended == "alpha"
    assert result.not_asked == ()
    assert [caution.id for caution in result.cautions] == ["careful"]
    assert result.readiness_for("alpha").status == "at_risk"


def test_the_small_bank_asks_its_conditional_questions_only_after_their_answer(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    beta = score_answers(bank, {"today": "today_alpha", "goal": "goal_beta", "detail": "detail_yes", "care": "care_no"})
    assert beta.recommended == "beta"
    assert beta.not_asked == ("care",)
    assert beta.cautions == ()
    assert [item.signal for item in beta.need_for("beta").evidence] == ["situation", "leaning"]
    assert bank.approach("beta").situation == "It applies when beta is the goal."


@pytest.mark.parametrize("case", MALFORMED_BANKS, ids=list(MALFORMED_BANKS))
def test_malformed_bank_names_file_place_and_field(write_bank, case):
    (old, new), location, field, words = MALFORMED_BANKS[case]
    path = write_bank(small_bank_with(old, new))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    error = raised.value
    assert (error.file, error.location, error.field) == (str(path), location, field)
    assert words in error.message
    assert str(error) == f"{path}: {location}: field '{field}': {error.message}"
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    "applies_to, answers, shown",
    [
        ("none", {"today": "today_alpha", "goal": "goal_none"}, True),
        ("none", {"today": "today_alpha", "goal": "goal_alpha", "care": "care_yes"}, False),
        ("practice_differs", {"today": "today_beta", "goal": "goal_alpha", "care": "care_yes"}, True),
        ("practice_differs", {"today": "today_alpha", "goal": "goal_alpha", "care": "care_yes"}, False),
    ],
)
def test_a_next_step_may_apply_to_none_or_to_a_practice_that_differs(write_bank, applies_to, answers, shown):
    text = small_bank_with('applies_to = "none"\ntext = "Wait for a goal."', f'applies_to = "{applies_to}"\ntext = "The special step."')
    result = score_answers(load_bank(write_bank(text)), answers)
    assert ("The special step." in [step.text for step in result.next_steps]) is shown


NO_COACHING_TODAY = (
    '[[questions.options]]\nid = "today_none"\ntext = "None"\nweights = { alpha = 0, beta = 0 }\nno_coaching_today = true\n\n'
    '[[questions]]\nid = "how"\nsection = "today"\nrole = "practice"\ntext = "How is it paid?"\nanchor = "first"\n'
    'ask_if = { today = ["today_alpha", "today_beta"] }\n\n'
    '[[questions.options]]\nid = "how_alpha"\ntext = "Alpha"\nweights = { alpha = 3, beta = 0 }\n\n'
    '[[questions.options]]\nid = "how_beta"\ntext = "Beta"\nweights = { alpha = 0, beta = 3 }\n\n'
    '[[questions]]\nid = "who"\nsection = "today"\nrole = "practice"\ntext = "Who decides?"\nanchor = "first"\n'
    'ask_if = { how = ["how_alpha"] }\n\n'
    '[[questions.options]]\nid = "who_alpha"\ntext = "Alpha"\nweights = { alpha = 3, beta = 0 }\n\n'
    '[[questions.options]]\nid = "who_beta"\ntext = "Beta"\nweights = { alpha = 0, beta = 3 }\n\n'
)


def test_a_practice_question_asked_after_one_that_no_coaching_skips_is_accepted(write_bank):
    """`who` is asked only after `how`, which is never asked after "no coaching today": neither is `who`."""
    text = small_bank_with('[[questions]]\nid = "goal"', NO_COACHING_TODAY + '[[questions]]\nid = "goal"')
    bank = load_bank(write_bank(text))
    assert bank.asked_when["who"] == ({"today": ("today_alpha", "today_beta"), "how": ("how_alpha",)},)
    assert [question.id for question in bank.asked_questions({"today": "today_none", "how": "how_alpha"})] == ["today", "goal"]


def test_a_next_step_with_when_is_shown_only_where_the_answers_match(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    with_care = score_answers(bank, {"today": "today_alpha", "goal": "goal_alpha", "care": "care_yes"})
    without_care = score_answers(bank, {"today": "today_alpha", "goal": "goal_alpha", "care": "care_no"})
    assert [step.text for step in with_care.next_steps] == ["Keep doing the alpha thing with care."]
    assert without_care.next_steps == ()


def test_invalid_toml_names_the_file(write_bank):
    path = write_bank(SMALL_BANK.replace("[scoring]", "[scoring"))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert raised.value.file == str(path)
    line = SMALL_BANK.splitlines().index("[scoring]") + 1
    assert (raised.value.location, raised.value.field) == (f"line {line}, column 9", "")
    assert str(raised.value) == f"{path}: line {line}, column 9: not valid TOML (Expected ']' at the end of a table declaration)"


def test_a_bank_given_as_text_is_named_by_its_source():
    with pytest.raises(BankError) as raised:
        load_bank(text=small_bank_with(GOAL_HEADER, GOAL_HEADER.replace('"need"', '"wish"')), source="edited.toml")
    assert str(raised.value).startswith("edited.toml: question 'goal': field 'role'")


def test_an_option_may_omit_help_anchor_and_as_condition(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    goal = bank.question("goal")
    assert goal.help == ""
    assert all(option.anchor == "second" for option in goal.options)
    assert goal.option("goal_beta").as_condition == ""


def test_a_passage_must_be_the_articles_own_words_whitespace_aside(write_bank):
    bank = load_bank(write_bank(SMALL_BANK))
    check_passages(bank, "Some text.\nAlpha may go\n   wrong without care. More text.")
    with pytest.raises(BankError) as raised:
        check_passages(bank, "Alpha may sometimes go wrong without care.")
    assert (raised.value.location, raised.value.field) == ("caution 'careful'", "passage")
    assert "not found in the article (article/)" in raised.value.message
    assert "\n" not in str(raised.value)
