"""Texts that paraphrase the article keep its force: its modal words, neither softened nor hardened."""

import re
from pathlib import Path

import pytest

from .article import article_source

DOCS = Path(__file__).resolve().parents[2] / "docs"

# (the article's words, a paragraph of the article that says them, texts that paraphrase it)
MODAL_PHRASES = [
    ("can work only if", "aft-mandated", lambda bank, docs: [caution(bank, "after_the_fact_contribution_not_valued").text, docs["approaches.md"]]),
    ("invariably fails", "aft-mandated", lambda bank, docs: [caution(bank, "after_the_fact_as_litigation_cover").text, docs["approaches.md"]]),
    ("most often (but not always)", "aft-remediation", lambda bank, docs: [bank.approach("after_the_fact").summary, docs["approaches.md"], docs["glossary.md"]]),
    ("extremely carefully", "aft-resistance", lambda bank, docs: [caution(bank, "after_the_fact_not_carefully_positioned").text, step(bank, "Position the coaching")]),
    ("permanent", "aft-resistance", lambda bank, docs: [caution(bank, "after_the_fact_not_carefully_positioned").text]),
    ("the trend is toward", "proactive-risk", lambda bank, docs: [caution(bank, "proactive_without_roi").text, glossary_entry(docs, "roi")]),
    ("most often", "jit-evaluation", lambda bank, docs: [caution(bank, "just_in_time_satisfaction_survey_only").text]),
]


def glossary_entry(docs, anchor):
    return re.search(rf"\{{ #{anchor} \}}\n(.*?)\n\n", docs["glossary.md"] + "\n\n", re.DOTALL)[1]


def caution(bank, caution_id):
    return next(rule for rule in bank.cautions if rule.id == caution_id)


def step(bank, words):
    return next(item.text for item in bank.next_steps if item.text.startswith(words))


def normalized(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@pytest.mark.parametrize("phrase, anchor, paraphrases", MODAL_PHRASES, ids=[phrase for phrase, _, _ in MODAL_PHRASES])
def test_texts_that_paraphrase_a_passage_keep_its_modal_words(bank, phrase, anchor, paraphrases):
    source = article_source(bank)
    paragraph = re.search(rf"^([^\n]*)\n\{{ #{anchor} \}}$", source, re.MULTILINE)[1]
    assert phrase in normalized(paragraph), f"the article's #{anchor} no longer says {phrase!r}"
    docs = {name: (DOCS / name).read_text("utf-8") for name in ("approaches.md", "glossary.md")}
    for text in paraphrases(bank, docs):
        assert phrase in normalized(text), text[:120]


@pytest.mark.parametrize("softer", ["very carefully", "lasting breakdown", "carries substantial risk; the trend", "works only if", "tend to have", "tends to have"])
def test_no_text_softens_or_hardens_the_article(bank, softer):
    texts = [rule.text for rule in bank.cautions] + [item.text for item in bank.next_steps] + [approach.summary for approach in bank.approaches]
    texts += [(DOCS / name).read_text("utf-8") for name in ("approaches.md", "glossary.md")]
    # "works only if" is the article's "can work only if" with its modal dropped.
    assert not any(softer in normalized(text).replace("can work only if", "") for text in texts)


EDITORIAL_PAGES = ["approaches.md", "glossary.md", "assessment.md"]


@pytest.mark.parametrize("name", EDITORIAL_PAGES)
def test_pages_in_the_editors_words_say_so(name):
    assert "editors' reading" in normalized((DOCS / name).read_text("utf-8")) or "editors' words" in normalized((DOCS / name).read_text("utf-8"))


def test_high_potentials_are_not_defined_as_the_candidates_the_article_names_beside_them(bank):
    # The article: "high potentials or candidates for top-level positions", "high potentials and
    # succession plan candidates": two groups, named side by side.
    docs = {"glossary.md": (DOCS / "glossary.md").read_text("utf-8")}
    tooltip = next(term.definition for term in bank.terms if term.term == "high potentials")
    for definition in (glossary_entry(docs, "high-potentials"), tooltip):
        first_sentence = normalized(definition).split(";")[0].split(". ")[0]
        assert "candidates" not in first_sentence, definition
