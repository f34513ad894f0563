"""Text and Markdown renderings show what the result holds, from its to_dict()."""

import re

import pytest

from assessment import score_answers
from assessment.report import bank_as_markdown, bank_as_text, result_as_markdown, result_as_text

from .article_scenarios import SCENARIOS

BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
RENDERINGS = pytest.mark.parametrize("render", [result_as_text, result_as_markdown], ids=["text", "markdown"])


def result_of(bank, name: str) -> dict:
    return score_answers(bank, BY_NAME[name].answers).to_dict()


@RENDERINGS
def test_a_rendering_opens_with_the_summary_and_the_thin_evidence_note(bank, render):
    result = result_of(bank, "training_follow_up_alone")
    rendered = render(result)
    assert rendered.splitlines()[0].removeprefix("# ") == result["summary"]
    assert result["thin_evidence"] in rendered


@RENDERINGS
def test_a_rendering_lists_what_would_change_the_result(bank, render):
    result = result_of(bank, "behaviour_observed_by_the_board")
    rendered = render(result)
    assert result["what_would_change"]
    assert bank.texts.heading_what_would_change in rendered
    for change in result["what_would_change"]:
        assert f"- {change['text']}" in rendered


@RENDERINGS
def test_nothing_called_for_shows_when_each_approach_would_apply(bank, render):
    result = result_of(bank, "nothing_called_for")
    rendered = render(result)
    assert rendered.startswith(("No timing", "# No timing"))
    assert bank.texts.heading_when_each_applies in rendered
    for approach in bank.approaches:
        assert approach.situation in rendered
        assert f"#{approach.anchor}" in rendered


@RENDERINGS
def test_the_answer_comes_first_then_what_to_do_then_the_details_in_order(bank, render):
    result = result_of(bank, "succession_focus_with_identified_candidates")
    rendered = render(result)
    headings = result["headings"]
    order = [headings[part] for part in ("approaches", "next_steps", "when_each_applies", "why", "current_practice", "what_would_change")]
    positions = [rendered.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert rendered.index(result["summary"]) < positions[0]


def test_what_to_do_quotes_the_articles_words_on_a_condition_under_its_approach_before_its_first_step(bank):
    result = result_of(bank, "after_the_fact_as_litigation_cover")
    text = result_as_text(result)
    (caution,) = result["cautions"]
    (first_step, *_) = [step for step in result["next_steps"] if step["applies_to"] == "after_the_fact"]
    group = text.index(f"\n  After-the-fact coaching\n    The article: “{caution['passage']}” (see #{caution['anchor']})\n")
    assert group < text.index(f"    - {bank.texts.editors_suggestion} {first_step['text']}") < text.index(result["headings"]["when_each_applies"])
    # What the caution says of the answers is one of the answers that counted, not said again above.
    assert text.index(result["headings"]["why"]) < text.index(f"    ! {caution['text']} (see #{caution['anchor']})")
    assert text.count(caution["passage"]) == 1
    assert f"After-the-fact coaching: {bank.texts.verdict_label_blocked} (" in text
    assert bank.texts.need_present.format(name="After-the-fact coaching") in text


@RENDERINGS
def test_practice_notes_are_details_with_their_passage_and_conditions_are_quoted_beside_the_steps(bank, render):
    result = result_of(bank, "contribution_not_valued_and_litigation_cover")
    rendered = render(result)
    details = rendered.index(result["headings"]["when_each_applies"])
    for caution in result["cautions"]:
        assert rendered.count(caution["passage"]) == 1
        assert (rendered.index(caution["passage"]) < details) is (caution["severity"] in ("blocking", "risk"))
    assert {caution["severity"] for caution in result["cautions"]} >= {"blocking"}
    assert "Best fit" not in rendered


@RENDERINGS
def test_what_would_change_shows_its_first_lines_then_the_rest_under_more(bank, render):
    result = result_of(bank, "behaviour_observed_by_the_board")
    rendered = render(result)
    texts = [change["text"] for change in result["what_would_change"]]
    first = result["changes_shown_first"]
    assert 0 < first < len(texts), "this scenario has lines shown first and more"
    more = rendered.index(result["headings"]["more_changes"])
    assert all(rendered.index(text) < more for text in texts[:first])
    assert all(rendered.index(text) > more for text in texts[first:])


@RENDERINGS
def test_each_approachs_verdict_is_given_in_ranking_order_and_no_score(bank, render):
    result = result_of(bank, "succession_candidates_acting_on_360_results")
    rendered = render(result)
    names = {approach["id"]: approach["name"] for approach in result["approaches"]}
    positions = [rendered.index(f"{names[approach_id]}") for approach_id in result["ranking"]]
    assert positions == sorted(positions)
    for approach_id in result["ranking"]:
        assert result["verdict_labels"][approach_id] in rendered
        if result["verdicts"][approach_id] != "not_called":
            assert result["verdict_texts"][approach_id] in rendered
    assert "out of 100" not in rendered and "points apart" not in rendered and "0 to 100" not in rendered


def test_text_marks_leaning_answers_and_says_when_no_answer_shows_a_situation(bank):
    result = result_of(bank, "promote_from_within_policy_alone")
    text = result_as_text(result)
    policy = bank.question("promote_from_within").option("from_within_policy")
    question = bank.question("promote_from_within")
    assert bank.texts.evidence_leaning.format(question=question.text, answer=policy.text) in text
    # Said once, on the verdict line; "why" lists only the approaches some answer points to.
    nothing = [approach_id for approach_id in result["ranking"] if not result["need"][approach_id]["evidence"]]
    assert nothing
    for approach_id in nothing:
        assert result["verdict_texts"][approach_id] in text and result["need"][approach_id]["heading"] not in text


def test_markdown_links_point_at_the_given_page_address(bank):
    result = result_of(bank, "candidates_may_leave")
    markdown = result_as_markdown(result, "https://example.org/issues/timing/")
    assert "(https://example.org/issues/timing/#proactive-risk)" in markdown
    assert f"]({bank.article_path}#" not in markdown
    assert f"]({bank.article_path}#proactive-risk)" in result_as_markdown(result)


def test_markdown_has_a_verdict_per_approach_and_each_next_step_under_its_approach(bank):
    result = result_of(bank, "succession_candidates_acting_on_360_results")
    markdown = result_as_markdown(result)
    for approach in result["approaches"]:
        verdict = f"- **{approach['name']}: {result['verdict_labels'][approach['id']]}** ({approach['scope']}). {result['verdict_texts'][approach['id']]}"
        assert verdict in markdown
    assert result["current_practice"]["text"] in markdown
    assert result["next_steps"]
    names = {approach["id"]: approach["name"] for approach in result["approaches"]}
    for step in result["next_steps"]:
        # The editors' suggestions say whose they are; the article's own reading needs no label.
        label = f"{result['editors_label']} " if step["source"] == "editors" else ""
        assert markdown.index(f"### {names[step['applies_to']]}") < markdown.index(f"- {label}{step['text']}")
    assert {step["source"] for step in result["next_steps"]} == {"article", "editors"}


def option_line(bank, question_id: str, option_id: str, signal: str) -> str:
    option = bank.question(question_id).option(option_id)
    return f"[{option.id}] {option.text}  ({signal})"


def test_bank_text_shows_the_need_readiness_or_practice_of_every_option(bank):
    text = bank_as_text(bank)
    assert option_line(bank, "succession_focus", "central", "need: proactive situation") in text
    assert option_line(bank, "succession_focus", "secondary", "need: proactive leaning") in text
    assert option_line(bank, "succession_focus", "not_a_focus", "need: none") in text
    assert option_line(bank, "flight_risk", "likely", "readiness: proactive at risk") in text
    assert option_line(bank, "flight_risk", "unlikely", "readiness: proactive holds") in text
    assert option_line(bank, "current_decision", "assigned_by_leadership", "practice: proactive 0, just_in_time 0, after_the_fact 3") in text
    assert "asked only when observed_behaviour is some_concern/yes_specific" in text
    for question in bank.questions:
        assert f"[{question.id}] ({question.role}, see #{question.anchor}) {question.text}" in text


def test_bank_markdown_gives_each_question_a_heading_its_role_and_an_article_link(bank):
    markdown = bank_as_markdown(bank)
    for question in bank.questions:
        assert f"## {question.text}" in markdown
        assert f"`{question.id}`, {question.role}, [see the article]({bank.article_path}#{question.anchor})" in markdown
    assert "Asked only when observed_behaviour is some_concern/yes_specific" in markdown


@RENDERINGS
def test_the_terms_a_result_uses_are_explained_and_no_others(bank, render):
    result = result_of(bank, "nothing_called_for")
    rendered = render(result)
    terms_section = rendered.split(bank.texts.heading_terms, 1)[1]
    body = rendered.split(bank.texts.heading_terms, 1)[0]
    for term in bank.terms:
        used = re.search(rf"(?<![\w#-]){re.escape(term.term)}(?!\w)", body) is not None
        explained = re.search(rf"^(  |- \*\*){re.escape(term.term)}(\*\*)?: {re.escape(term.definition)}$", terms_section, re.MULTILINE)
        assert (explained is not None) is used, term.term
    assert "bench strength" in body and "C-level" in body


def test_a_result_using_no_term_has_no_terms_section(bank):
    result = result_of(bank, "nothing_called_for")
    assert bank.texts.heading_terms not in result_as_text({**result, "terms": []})
