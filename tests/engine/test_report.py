"""Text and Markdown renderings show everything the result holds, from its to_dict()."""

from assessment import score_answers
from assessment.report import bank_as_markdown, result_as_markdown, result_as_text

from .profiles import BALANCED_SUCCESSION_AND_PROGRAMMES, BOARD_NOTICES_A_PROBLEM, changed


def test_text_shows_cautions_with_their_anchors(bank):
    result = score_answers(bank, changed(BOARD_NOTICES_A_PROBLEM, dismissal_protection="yes")).to_dict()
    text = result_as_text(result)
    (caution,) = result["cautions"]
    assert f"! {caution['text']} (see #{caution['anchor']})" in text


def test_text_says_when_no_answer_pointed_to_an_approach(bank):
    text = result_as_text(score_answers(bank, BOARD_NOTICES_A_PROBLEM).to_dict())
    assert "no answer pointed this way" in text


def test_text_lists_scores_in_ranking_order_with_the_margin(bank):
    result = score_answers(bank, BALANCED_SUCCESSION_AND_PROGRAMMES).to_dict()
    text = result_as_text(result)
    names = {approach["id"]: approach["name"] for approach in result["approaches"]}
    positions = [text.index(f"  {names[approach_id]} ") for approach_id in result["ranking"]]
    assert positions == sorted(positions)
    assert f"{result['margin']} points" in text


def test_markdown_shows_practice_and_next_steps(bank):
    result = score_answers(bank, BALANCED_SUCCESSION_AND_PROGRAMMES).to_dict()
    markdown = result_as_markdown(result)
    assert result["current_practice"]["text"] in markdown
    for number, step in enumerate(result["next_steps"], start=1):
        assert f"{number}. {step['text']}" in markdown


def test_bank_markdown_gives_each_question_a_heading_and_an_article_link(bank):
    markdown = bank_as_markdown(bank)
    for question in bank.questions:
        assert f"## {question.text}" in markdown
        assert f"({bank.article_path}#{question.anchor})" in markdown
