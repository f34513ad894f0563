"""The packaged bank keeps the shared contract: ids, roles, anchors into the article, and the fingerprint rule."""

import copy
import re
from pathlib import Path

import pytest

from assessment import BankError, load_bank
from assessment.bank import bank_from_data, check_passages
from assessment.model import ID_PATTERN, LEANING, NEED, QUESTION_ROLES, READINESS, SITUATION
from support.site import ROOT

from .article import article_heading_ids, article_paragraphs, article_source


def question_data(data: dict, question_id: str) -> dict:
    return next(entry for entry in data["questions"] if entry["id"] == question_id)


def option_data(data: dict, question_id: str, option_id: str) -> dict:
    return next(entry for entry in question_data(data, question_id)["options"] if entry["id"] == option_id)


def test_the_approaches_are_the_three_timings(bank):
    assert bank.approach_ids == ("proactive", "just_in_time", "after_the_fact")


def test_every_role_has_questions(bank):
    assert {question.role for question in bank.questions} == set(QUESTION_ROLES)


def test_every_id_can_travel_in_a_share_link_or_an_html_attribute(bank):
    ids = [*bank.approach_ids, *(caution.id for caution in bank.cautions)]
    ids += [question.id for question in bank.questions] + [option.id for question in bank.questions for option in question.options]
    assert [identifier for identifier in ids if not re.fullmatch(ID_PATTERN, identifier)] == []


def test_every_anchor_the_bank_lists_exists_in_the_article(bank):
    assert set(bank.anchors) <= set(article_paragraphs(bank)) | article_heading_ids(bank)


def test_every_anchor_cited_is_one_the_bank_lists(bank):
    cited = [question.anchor for question in bank.questions]
    cited += [option.anchor for question in bank.questions for option in question.options]
    cited += [caution.anchor for caution in bank.cautions] + [step.anchor for step in bank.next_steps]
    cited += [approach.anchor for approach in bank.approaches]
    assert set(cited) <= set(bank.anchors)


def test_each_approach_cites_the_paragraph_of_its_situation(bank):
    paragraphs = article_paragraphs(bank)
    assert all(approach.anchor in paragraphs for approach in bank.approaches)


def test_the_article_path_is_a_published_issue(bank):
    assert bank.article_path.startswith("issues/") and bank.article_path.endswith("/")
    assert (ROOT / "docs" / (bank.article_path.rstrip("/") + ".md")).is_file()


def test_every_need_question_has_a_situation_or_leaning_option(bank):
    for question in bank.need_questions:
        assert any(set(option.need.values()) & {SITUATION, LEANING} for option in question.options), question.id


def test_every_approach_has_a_situation_answer_in_a_question_always_asked(bank):
    always_asked = [question for question in bank.need_questions if not question.ask_if]
    for approach_id in bank.approach_ids:
        assert any(option.signal_for(approach_id) == SITUATION for question in always_asked for option in question.options), approach_id


def test_a_situation_answer_words_its_condition_for_what_would_change(bank):
    for question in bank.need_questions:
        for option in question.options:
            if SITUATION in option.need.values():
                assert option.as_condition, f"{question.id}.{option.id}"


def test_every_readiness_question_is_looked_at_by_a_caution(bank):
    looked_at = {question_id for caution in bank.cautions for question_id in caution.when}
    assert {question.id for question in bank.questions if question.role == READINESS} <= looked_at


def test_questions_about_the_executive_are_asked_only_once_a_behaviour_is_observed(bank):
    for question_id in ("contribution_valued", "dismissal_protection", "positioning"):
        assert bank.question(question_id).ask_if == {"observed_behaviour": frozenset({"yes_specific", "some_concern"})}


def test_every_approach_and_nothing_called_for_have_next_steps(bank):
    for applies_to in (*bank.approach_ids, "none", "practice_differs"):
        assert any(step.applies_to == applies_to for step in bank.next_steps), applies_to


def test_the_cautions_cover_the_articles_warnings(bank):
    assert {caution.id for caution in bank.cautions} >= {
        "after_the_fact_as_litigation_cover",
        "after_the_fact_contribution_not_valued",
        "after_the_fact_not_carefully_positioned",
        "proactive_without_budget",
        "proactive_without_roi",
        "proactive_flight_risk",
        "just_in_time_satisfaction_survey_only",
    }


def test_every_caution_quotes_the_article_it_rests_on(bank):
    check_passages(bank, article_source(bank))


def edited_bank(bank_data: dict, edit) -> object:
    data = copy.deepcopy(bank_data)
    edit(data)
    return bank_from_data(data, "edited.toml")


def test_every_step_says_whose_reading_it_is_and_the_articles_own_quote_it(bank):
    assert {step.source for step in bank.next_steps} == {"article", "editors"}
    assert all(step.passage for step in bank.next_steps if step.source == "article")


@pytest.mark.parametrize(
    "edit, location, field",
    [
        # The article's own question, framed as if it were the editors' words, with nothing citing it.
        (lambda data: data["texts"].update(practice_differs="Today you mostly use {practice}. Could your organization benefit from another approach?"),
         "[texts]", "practice_differs"),
        # A step said to be the article's reading must rest on the article's own words.
        (lambda data: data["next_steps"][0].update(passage="the organization budgets for coaching every year"), "next step #1", "passage"),
    ],
)
def test_a_text_quoting_the_article_without_its_anchor_or_a_step_misquoting_it_fails_the_check(bank, bank_data, edit, location, field):
    with pytest.raises(BankError) as raised:
        check_passages(edited_bank(bank_data, edit), article_source(bank))
    assert (raised.value.location, raised.value.field) == (location, field)


@pytest.mark.parametrize(
    "edit, location, field",
    [
        (lambda data: data["next_steps"][0].pop("source"), "next step #1", "source"),
        (lambda data: data["next_steps"][0].update(source="ours"), "next step #1", "source"),
        (lambda data: data["next_steps"][3].update(passage="First of all"), "next step #4", "passage"),  # an editors' step quotes nothing
        (lambda data: data["next_steps"][0].pop("passage"), "next step #1", "passage"),  # the article's reading quotes its words
    ],
)
def test_a_step_without_a_clear_source_is_refused_on_loading(bank_data, edit, location, field):
    with pytest.raises(BankError) as raised:
        edited_bank(bank_data, edit)
    assert (raised.value.location, raised.value.field) == (location, field)


@pytest.mark.parametrize(
    "caution_id, severity",
    [
        # "it can work only if the executive's contribution is otherwise valued" (aft-mandated)
        ("after_the_fact_contribution_not_valued", "blocking"),
        # "It invariably fails if the coaching is provided as a way to protect the organization from litigation"
        ("after_the_fact_as_litigation_cover", "blocking"),
        # "unless extremely carefully positioned, can serve to alienate the executive" (aft-resistance)
        ("after_the_fact_not_carefully_positioned", "risk"),
        # "some of these individuals will see this as a sign of their increased marketability" (proactive-risk)
        ("proactive_flight_risk", "risk"),
        # "the trend is toward establishing proactive executive coaching programs with a built-in ROI component"
        ("proactive_without_roi", "practice"),
        # "If any evaluation is done, it is most often in the form of a self-administered satisfaction survey"
        ("just_in_time_satisfaction_survey_only", "practice"),
    ],
)
def test_each_caution_has_the_force_the_article_gives_it(bank, caution_id, severity):
    assert next(rule for rule in bank.cautions if rule.id == caution_id).severity == severity


def test_the_packaged_bank_is_loaded_once():
    assert load_bank() is load_bank()


def test_the_fingerprint_is_a_short_hash_of_the_bank_as_loaded(bank, bank_data):
    assert re.fullmatch(r"[0-9a-f]{12}", bank.fingerprint)
    assert bank_from_data(copy.deepcopy(bank_data), "copy.toml").fingerprint == bank.fingerprint


def edit_text(data):
    question_data(data, "succession_focus")["text"] = "Reworded?"


def edit_option_text(data):
    option_data(data, "succession_focus", "central")["text"] = "Reworded"


def edit_help(data):
    question_data(data, "candidates_identified")["help"] = "Other help."


def edit_anchor(data):
    option_data(data, "investment_scale", "focused")["anchor"] = "jit-training"


def edit_as_condition(data):
    option_data(data, "succession_focus", "central")["as_condition"] = "succession mattered"


def edit_result_text(data):
    data["texts"]["headline_none"] = "Nothing stands out."


def edit_caution_text(data):
    data["cautions"][0]["text"] = "Reworded."


def edit_need_signal(data):
    option = option_data(data, "promote_from_within", "from_within_policy")
    option["need"], option["situation"] = {"proactive": "situation"}, "it fills executive roles from within whenever possible"


def remove_need_signal(data):
    del option_data(data, "succession_focus", "secondary")["need"]


def edit_ask_if(data):
    question_data(data, "protect_investment")["ask_if"] = {"multi_rater_results": ["yes_now"]}


def edit_leaning_points(data):
    data["scoring"]["leaning_points"] += 1
    data["scoring"]["occasional_points"] += 1  # each above the one below it
    data["scoring"]["situation_points"] += 1


def edit_points(data):
    data["scoring"]["situation_points"] += 1


def edit_weight(data):
    option_data(data, "current_timing", "when_support_needed")["weights"]["after_the_fact"] = 2


def edit_option_id(data):
    option_data(data, "succession_focus", "central")["id"] = "renamed"
    for caution in data["cautions"]:
        assert "succession_focus" not in caution["when"]


def edit_caution_condition(data):
    caution = next(entry for entry in data["cautions"] if entry["id"] == "after_the_fact_not_carefully_positioned")
    caution["when"] = {"positioning": ["carefully", "not_carefully"]}


def edit_severity(data):
    caution = next(entry for entry in data["cautions"] if entry["id"] == "after_the_fact_not_carefully_positioned")
    caution["passage"] = "can work only if " + caution["passage"]
    caution["severity"], caution["first_step"] = "blocking", "Position it first."


def edit_step_condition(data):
    step = next(entry for entry in data["next_steps"] if "360°" in entry["text"])
    step["when"] = {"multi_rater_results": ["yes_now"]}


def remove_last_question(data):
    removed = data["questions"].pop()["id"]
    data["cautions"] = [caution for caution in data["cautions"] if removed not in caution["when"]]
    kept = {caution["id"] for caution in data["cautions"]}
    for step in data["next_steps"]:
        if step.get("caution") not in kept:
            step.pop("caution", None)


@pytest.mark.parametrize(
    "edit",
    [edit_text, edit_option_text, edit_help, edit_anchor, edit_as_condition, edit_result_text, edit_caution_text],
)
def test_the_fingerprint_stays_when_only_wording_or_anchors_change(bank, bank_data, edit):
    edited = copy.deepcopy(bank_data)
    edit(edited)
    assert bank_from_data(edited, "edited.toml").fingerprint == bank.fingerprint


@pytest.mark.parametrize(
    "edit",
    [
        edit_need_signal, remove_need_signal, edit_ask_if, edit_leaning_points, edit_points, edit_weight,
        edit_option_id, edit_caution_condition, edit_severity, edit_step_condition, remove_last_question,
    ],
)
def test_the_fingerprint_changes_when_anything_that_decides_a_result_changes(bank, bank_data, edit):
    edited = copy.deepcopy(bank_data)
    edit(edited)
    assert bank_from_data(edited, "edited.toml").fingerprint != bank.fingerprint
