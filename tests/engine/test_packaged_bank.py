"""The packaged bank keeps the shared contract: ids, anchors, sizes and the fingerprint rule."""

import copy
import re
from pathlib import Path

from assessment import load_bank
from assessment.bank import bank_from_data

ROOT = Path(__file__).resolve().parents[2]

ARTICLE_ANCHORS = {
    "proactive-coaching", "just-in-time", "after-the-fact", "future-platforms-for-discussion",
    "your-comments", "feedback-from-the-field",
    "proactive-succession", "proactive-candidates", "proactive-risk",
    "jit-impact", "jit-training", "jit-evaluation",
    "aft-remediation", "aft-mandated", "aft-resistance",
    "field-survey", "field-practices",
}


def test_the_approaches_are_the_three_timings(bank):
    assert bank.approach_ids == ("proactive", "just_in_time", "after_the_fact")


def test_there_are_10_to_16_questions_of_both_kinds(bank):
    assert 10 <= len(bank.questions) <= 16
    assert bank.practice_questions and bank.condition_questions
    assert len(bank.practice_questions) + len(bank.condition_questions) == len(bank.questions)


def test_every_anchor_is_one_of_the_articles(bank):
    assert set(bank.anchors) == ARTICLE_ANCHORS
    cited = [question.anchor for question in bank.questions]
    cited += [option.anchor for question in bank.questions for option in question.options]
    cited += [caution.anchor for caution in bank.cautions] + [step.anchor for step in bank.next_steps]
    cited += [approach.anchor for approach in bank.approaches]
    assert set(cited) <= ARTICLE_ANCHORS


def test_the_article_path_is_a_published_issue(bank):
    assert bank.article_path.startswith("issues/") and bank.article_path.endswith("/")
    assert (ROOT / "docs" / (bank.article_path.rstrip("/") + ".md")).is_file()


def test_every_approach_has_next_steps(bank):
    for approach_id in bank.approach_ids:
        assert any(step.applies_to == approach_id for step in bank.next_steps)


def test_the_cautions_cover_the_articles_warnings(bank):
    assert {caution.id for caution in bank.cautions} == {
        "after_the_fact_as_litigation_cover",
        "after_the_fact_contribution_not_valued",
        "after_the_fact_positioned_as_requirement",
        "proactive_without_roi",
        "proactive_flight_risk",
        "just_in_time_satisfaction_survey_only",
    }


def test_the_packaged_bank_is_loaded_once():
    assert load_bank() is load_bank()


def test_the_fingerprint_is_a_short_hash(bank):
    assert re.fullmatch(r"[0-9a-f]{12}", bank.fingerprint)


def test_the_fingerprint_ignores_texts_and_weights(bank, bank_data):
    edited = copy.deepcopy(bank_data)
    edited["questions"][2]["text"] = "Reworded?"
    edited["questions"][2]["options"][0]["weights"]["proactive"] = 2
    assert bank_from_data(edited, "edited.toml").fingerprint == bank.fingerprint


def test_the_fingerprint_changes_when_an_option_id_changes(bank, bank_data):
    edited = copy.deepcopy(bank_data)
    edited["questions"][2]["options"][0]["id"] = "renamed"
    assert bank_from_data(edited, "edited.toml").fingerprint != bank.fingerprint


def test_the_fingerprint_changes_when_a_question_is_removed(bank, bank_data):
    edited = copy.deepcopy(bank_data)
    del edited["questions"][-1]
    edited["cautions"] = [caution for caution in edited["cautions"] if "positioning" not in caution["when"]]
    assert bank_from_data(edited, "edited.toml").fingerprint != bank.fingerprint
