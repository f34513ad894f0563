"""The self-assessment page in Chromium: the engine in the browser gives the native engine's result,
share links round-trip and tampered ones are refused kindly, answers survive a reload, the flow works
by keyboard, a failed boot keeps the answers and can be retried, and the page stays accessible.

Booting Python takes seconds, so one booted page is shared by the tests that need a ready engine.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_check import axe_violations
from reader_page import PageWatch, booted_page, checked_answers, fill_answers, random_answer_sets, shown_texts

from support.chromium import BOOT_TIMEOUT_MS, RESULT_TIMEOUT_MS
from support.link_table import tampered_fragments
from engine.article_scenarios import SCENARIOS

from assessment import load_bank, report, score_answers
from assessment.browser import warm_up_answers
from assessment.links import LinkRefused, read_share_link, share_link

RANDOM_ANSWER_SETS = 20


def native_result(bank, answers: dict[str, str]) -> dict:
    # Through JSON, as the browser sees it (tuples become lists); the page sends asked answers only.
    return json.loads(json.dumps(score_answers(bank, bank.answers_to_asked(answers)).to_dict()))


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def booted(browser, site_url):
    """One assessment page with Python ready, shared by the tests that need results."""
    yield from booted_page(browser, site_url, "assessment/")


def shown_result(page) -> dict:
    page.wait_for_selector("[data-result]:not([hidden]) [data-result-json]", state="attached")
    return json.loads(page.text_content("[data-result] [data-result-json]"))


def result_for(page, answers: dict[str, str]) -> dict:
    page.click("[data-start-over]")
    fill_answers(page, answers)
    page.click("form[data-assessment-form] button[type=submit]")
    return shown_result(page)


# --- the form, straight from the bank ------------------------------------------------------------

def test_every_question_of_the_bank_is_a_fieldset_of_radio_buttons(engine_on_hold, bank):
    page, watch = engine_on_hold()
    for question in bank.questions:
        fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
        assert question.text in fieldset.locator("legend").inner_text()
        values = fieldset.locator(f'input[type=radio][name="{question.id}"]').evaluate_all("(inputs) => inputs.map((i) => i.value)")
        assert values == [option.id for option in question.options]
    assert page.locator("fieldset[data-question]").count() == len(bank.questions)
    assert watch.problems == []


# --- parity with the native engine ---------------------------------------------------------------

def test_browser_results_equal_the_native_engine_for_the_articles_scenarios(booted, bank):
    page, watch = booted
    assert len(SCENARIOS) >= 12
    for scenario in SCENARIOS:
        shown = result_for(page, scenario.answers)
        expected = native_result(bank, scenario.answers)
        assert shown == expected, scenario
        assert page.get_attribute("[data-result]", "data-recommended") == expected["recommended"]
        # All of them, those under "more" too (the details are closed: the text is there, not shown).
        shown_changes = page.locator("[data-result] [data-what-if]").all_text_contents()
        assert shown_changes == [change["text"] for change in expected["what_would_change"]], scenario
        # What each answer to a "not sure" question would do, as the engine words it.
        shown_if_not_sure = page.locator("[data-result] [data-if-not-sure]").all_text_contents()
        assert shown_if_not_sure == [line["text"] for line in expected["if_not_sure"]], scenario
        # ...for each condition answered so, bar a risk the article names whatever the answer.
        inherent = {rule.id for rule in bank.cautions if rule.inherent}
        assert bool(shown_if_not_sure) == bool(set(scenario.not_known) - inherent), scenario
        shown_moot = page.locator("[data-result] [data-not-sure-moot]").all_text_contents()
        assert shown_moot == [line["text"] for line in expected["not_sure_moot"]], scenario
        # Each next step says whose it is: the editors' suggestions are headed as theirs.
        steps = page.locator("[data-result] [data-step-source]").evaluate_all(
            "(items) => items.map((item) => [item.dataset.stepSource, item.textContent])")
        assert [source for source, _ in steps] == [step["source"] for step in expected["next_steps"]], scenario
        assert all(text.startswith(expected["editors_label"]) == (source == "editors") for source, text in steps), scenario
        for approach_id, need in expected["need"].items():
            status = "present" if need["present"] else "absent"
            assert page.get_attribute(f'[data-result] [data-need="{approach_id}"]', "data-need-status") == status
    assert watch.problems == []





def cli_markdown(answers: dict[str, str]) -> str:
    completed = subprocess.run([sys.executable, "-m", "assessment", "--answers", "-", "--format", "markdown"],
                               input=json.dumps(answers), capture_output=True, text=True, check=True)
    return completed.stdout


def test_every_text_of_the_page_result_is_in_the_terminals_markdown_word_for_word(booted, bank):
    # One answer set per verdict and readiness, one with two approaches, one with none called for.
    page, watch = booted
    covered = set()
    for scenario in SCENARIOS:
        shown = result_for(page, scenario.answers)
        covered |= {f"{verdict}/{shown['readiness'][approach_id]['status']}" for approach_id, verdict in shown["verdicts"].items()}
        covered |= {f"called:{len(shown['recommended_approaches'])}"}
        markdown = " ".join(cli_markdown(scenario.answers).replace("**", "").split())
        # Bar link labels, the keep-or-share actions and the picture of timing (the page's own: the
        # verdicts it marks are the verdict lines'; test_result_layout.py checks it).
        for text in shown_texts(page, "[data-result] [data-result-body]", "a, script, [data-result-actions], [data-timing-figure]"):
            assert " ".join(text.split()) in markdown, (scenario.name, text)
    assert {"ready/holds", "at_risk/at_risk", "at_risk/unknown", "blocked/blocked", "not_called/unknown", "ready/no_conditions", "called:0", "called:2"} <= covered
    assert watch.problems == []


def test_when_no_situation_is_present_the_page_says_so_and_shows_when_each_would_apply(booted, bank):
    page, watch = booted
    nothing_called_for = next(scenario.answers for scenario in SCENARIOS if native_result(bank, scenario.answers)["recommended"] == "none")
    shown = result_for(page, nothing_called_for)
    assert shown["recommended"] == "none"
    assert page.get_attribute("[data-result]", "data-recommended") == "none"
    assert "No timing" in page.locator(".assessment-result__summary").inner_text()
    # When each would apply is one click away, as the headline says.
    page.locator("[data-result] [data-when-each-applies] > summary").click()
    for approach in bank.approaches:
        item = page.locator(f'[data-result] [data-situation="{approach.id}"]')
        assert approach.situation in item.inner_text()
        assert item.locator("a").get_attribute("href").endswith(f"#{approach.anchor}")
        assert page.get_attribute(f'[data-result] [data-need="{approach.id}"]', "data-need-status") == "absent"
    assert page.locator("[data-result] [data-what-if]").count() >= len(bank.approaches)
    assert watch.problems == []


@pytest.mark.parametrize("name", ["contribution_not_valued_and_litigation_cover", "succession_need_and_an_executive_whose_contribution_is_not_valued"])
def test_a_blocked_approach_is_marked_as_expected_to_fail_with_the_articles_words(booted, bank, name):
    page, watch = booted
    scenario = next(scenario for scenario in SCENARIOS if scenario.name == name)
    shown = result_for(page, scenario.answers)
    assert shown == native_result(bank, scenario.answers)
    summary = page.locator(".assessment-result__summary").inner_text()
    after_the_fact = bank.approach("after_the_fact")
    blocked = bank.texts.headline_blocked_too if shown["recommended_approaches"] else bank.texts.headline_blocked
    assert blocked.format(approach=after_the_fact.name) in summary
    assert page.get_attribute('[data-result] [data-verdict][data-approach="after_the_fact"]', "data-verdict") == "blocked"
    note = page.locator('[data-result] [data-approach="after_the_fact"][data-readiness="blocked"]')
    assert shown["readiness"]["after_the_fact"]["text"] in note.inner_text()
    # The article's words on each condition, beside what to do for the approach.
    blocking = page.locator('[data-result] [data-next-steps] [data-caution][data-severity="blocking"]')
    assert blocking.count() == len([caution for caution in shown["cautions"] if caution["severity"] == "blocking"]) > 0
    for index, caution in enumerate(caution for caution in shown["cautions"] if caution["severity"] == "blocking"):
        item = blocking.nth(index)
        assert item.locator("q").inner_text() == caution["passage"]
        assert item.locator("a").get_attribute("href").endswith(f"#{caution['anchor']}")
    # What would have to be true first leads the next steps.
    first_step = next(rule.first_step for rule in bank.cautions if rule.id == shown["readiness"]["after_the_fact"]["blocking"][0])
    # What would have to be true first leads the next steps, as the editors' suggestion it is.
    assert page.locator('[data-result] [data-next-steps] [data-step-for="after_the_fact"]').first.inner_text().startswith(
        f"{bank.texts.editors_suggestion} {first_step}")
    assert "matches" not in page.locator("[data-result] [data-current-practice]").text_content()
    assert watch.problems == []


def test_two_approaches_called_for_are_shown_side_by_side_each_for_its_own_people(booted, bank):
    page, watch = booted
    scenario = next(scenario for scenario in SCENARIOS if scenario.name == "succession_plan_and_an_executive_under_scrutiny")
    shown = result_for(page, scenario.answers)
    assert shown == native_result(bank, scenario.answers)
    summary = page.locator(".assessment-result__summary").inner_text()
    for approach_id in ("proactive", "after_the_fact"):
        approach = bank.approach(approach_id)
        # Named in the headline; for whom once, on its own verdict line.
        assert approach.name in summary and approach.scope not in summary
        assert approach.scope in page.locator(f'[data-result] [data-verdict][data-approach="{approach_id}"]').inner_text()
        assert page.get_attribute(f'[data-result] [data-verdict][data-approach="{approach_id}"]', "data-verdict") in ("ready", "at_risk")
    assert page.get_attribute('[data-result] [data-verdict][data-approach="just_in_time"]', "data-verdict") == "not_called"
    body = page.locator("[data-result]").inner_text()
    assert "out of 100" not in body and "points apart" not in body and "blend" not in body.lower()
    assert watch.problems == []


def test_the_questions_are_grouped_by_whom_they_are_about(engine_on_hold, bank):
    page, watch = engine_on_hold()
    sections = page.locator("[data-assessment-form] [data-section]")
    assert sections.evaluate_all("(nodes) => nodes.map((node) => node.dataset.section)") == [section.id for section in bank.sections]
    for section in bank.sections:
        group = page.locator(f'[data-section="{section.id}"]')
        assert group.locator("h3").inner_text() == section.title
        assert group.get_attribute("aria-labelledby") == group.locator("h3").get_attribute("id")
        questions = group.locator("fieldset[data-question]").evaluate_all("(nodes) => nodes.map((node) => node.dataset.question)")
        assert questions == [question.id for question in bank.questions if question.section == section.id]
    assert watch.problems == []


def test_questions_about_the_executive_appear_only_once_a_behaviour_is_observed(engine_on_hold, bank):
    page, watch = engine_on_hold()
    conditional = [question for question in bank.questions if question.ask_if]
    assert conditional, "the bank asks every question unconditionally"
    for question in conditional:
        assert page.locator(f'fieldset[data-question="{question.id}"]').is_hidden()
    question = conditional[-1]
    (trigger_id, trigger_options), *_ = question.ask_if.items()
    page.check(f'input[name="{trigger_id}"][value="{sorted(trigger_options)[0]}"]')
    assert page.locator(f'fieldset[data-question="{question.id}"]').is_visible()
    page.check(f'input[name="{question.id}"][value="{question.options[0].id}"]')
    other = next(option.id for option in bank.question(trigger_id).options if option.id not in trigger_options)
    page.check(f'input[name="{trigger_id}"][value="{other}"]')
    assert page.locator(f'fieldset[data-question="{question.id}"]').is_hidden()
    asked = len(bank.asked_questions({trigger_id: other}))
    assert page.locator("[data-progress-text]").inner_text().endswith(f"of {asked} questions answered")
    assert watch.problems == []


def test_without_javascript_every_question_shows_and_says_when_to_skip_it(browser, site_url, bank):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "assessment/")
        for question in bank.questions:
            fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
            assert fieldset.is_visible()
            condition = fieldset.locator(".assessment-question__condition")
            assert condition.count() == (1 if question.ask_if else 0)
            if question.ask_if:
                assert "skip it" in condition.inner_text()
    finally:
        context.close()


def test_the_form_asks_exactly_the_questions_the_engine_asks(engine_on_hold, bank):
    """The ask-if rule is the engine's (Question.is_asked); the form applies it at once, before Python
    starts (answers.js): any answers, even to questions not asked, show the same questions."""
    page, watch = engine_on_hold()
    chooser = random.Random(34)
    for _ in range(RANDOM_ANSWER_SETS):
        answers = {question.id: chooser.choice(question.options).id for question in bank.questions if chooser.random() < 0.6}
        fill_answers(page, answers)
        shown = page.locator("fieldset[data-question]:not([hidden])").evaluate_all("(sets) => sets.map((set) => set.dataset.question)")
        assert shown == [question.id for question in bank.asked_questions(answers)], answers
    assert watch.problems == []


def test_browser_results_equal_the_native_engine_for_random_answer_sets(booted, bank):
    page, watch = booted
    for answers in random_answer_sets(bank, RANDOM_ANSWER_SETS):
        expected = native_result(bank, answers)
        assert result_for(page, answers) == expected, answers
        assert page.get_attribute("[data-result]", "data-recommended") == expected["recommended"]
        for approach_id, verdict in expected["verdicts"].items():
            item = page.locator(f'[data-result] [data-verdict][data-approach="{approach_id}"]')
            assert item.get_attribute("data-verdict") == verdict
            assert expected["verdict_texts"][approach_id] in item.inner_text()
    assert watch.problems == []


# --- share links ---------------------------------------------------------------------------------

def test_a_share_link_shows_the_same_result_in_a_new_browser(booted, browser, site_url, bank):
    page, watch = booted
    answers = random_answer_sets(bank, 1, seed=7)[0]
    original = result_for(page, answers)
    share_url = page.url
    assert "#" in share_url

    context = browser.new_context()
    try:
        fresh = context.new_page()
        fresh.set_default_timeout(BOOT_TIMEOUT_MS)
        fresh_watch = PageWatch(fresh, site_url)
        fresh.goto(share_url)
        assert shown_result(fresh) == original
        assert fresh.get_attribute("[data-result]", "data-recommended") == original["recommended"]
        assert checked_answers(fresh) == answers
        assert fresh_watch.problems == []
    finally:
        context.close()
    assert watch.problems == []


def test_changing_an_answer_marks_the_result_as_out_of_date_and_drops_its_link(booted, bank):
    page, watch = booted
    answers = random_answer_sets(bank, 1, seed=21)[0]
    result_for(page, answers)
    assert page.locator("[data-result-stale]").is_hidden()
    question = bank.questions[0]
    other = next(option.id for option in question.options if option.id != answers[question.id])
    page.check(f'input[name="{question.id}"][value="{other}"]')
    assert page.locator("[data-result-stale]").is_visible()
    assert urlsplit(page.url).fragment == ""
    assert watch.problems == []


def test_a_share_link_opened_in_the_same_tab_shows_its_result(booted, bank):
    page, watch = booted
    first, second = random_answer_sets(bank, 2, seed=31)
    result_for(page, first)
    first_link = urlsplit(page.url).fragment
    result_for(page, second)
    page.evaluate("(fragment) => { location.hash = fragment; }", first_link)
    page.wait_for_function(
        """(expected) => {
            const node = document.querySelector("[data-result] [data-result-json]");
            const answers = node && JSON.parse(node.textContent).answers;
            return Boolean(answers) && Object.entries(expected).every(([id, option]) => answers[id] === option);
        }""",
        arg=first,
    )
    assert shown_result(page) == native_result(bank, first)
    assert watch.problems == []


# Markup, script, or names an object already has: what must stay text whatever the page does.
INJECTION = re.compile(r"[<>\"']|javascript:|__proto__|constructor")


def outcome(bank, fragment: str) -> tuple:
    try:
        read = read_share_link(bank, fragment)
    except LinkRefused as refused:
        return (fragment.startswith("#assessment="), str(refused))
    return ("read", read.complete, read.outdated)


def shown_to_the_page(bank, corpus: list[str]) -> list[str]:
    """Every fragment that carries markup or script, and the first of each other outcome (each
    refusal, each kind of reading). The page's reading of every one of them is held to the
    engine's without a browser (tests/scripts/answers.test.mjs)."""
    chosen, seen = [], set()
    for fragment in corpus:
        if INJECTION.search(fragment) or outcome(bank, fragment) not in seen:
            chosen.append(fragment)
            seen.add(outcome(bank, fragment))
    return chosen


def test_tampered_share_links_give_a_friendly_notice_and_a_clean_form(booted, engine_on_hold, bank):
    page, _ = booted
    answers = random_answer_sets(bank, 1, seed=11)[0]
    result_for(page, answers)
    valid = urlsplit(page.url).fragment
    corpus = tampered_fragments("#" + valid, bank.fingerprint)
    assert len(corpus) >= 30

    for fragment in shown_to_the_page(bank, corpus):
        tampered, watch = engine_on_hold(fragment)
        notice = tampered.locator("[data-notice]")
        try:  # what the engine's reader makes of it (a hand's change may leave a usable link)
            kept = read_share_link(bank, fragment).answers
        except LinkRefused as refused:
            kept = {}
            if fragment.startswith("#assessment="):
                assert notice.is_visible(), fragment[:80]
                assert f"This share link was not used: {refused}." in notice.inner_text()
            else:  # not a share link at all: left alone, like the page's own anchors
                assert notice.is_hidden(), fragment[:80]
        assert checked_answers(tampered) == kept, fragment[:80]
        assert tampered.evaluate("() => window.__pwned") is None
        assert tampered.locator("[data-assessment] :is(script, img, svg, iframe, object)").count() == 0
        assert tampered.locator("[data-result]").is_hidden()
        assert watch.problems == [], fragment[:80]
        tampered.evaluate("() => localStorage.clear()")  # a link kept above is no saved answer for the next
        tampered.close()


def test_a_link_from_an_earlier_bank_says_so_and_shows_todays_result_for_the_same_answers(booted, bank):
    page, watch = booted
    answers = random_answer_sets(bank, 1, seed=12)[0]
    result_for(page, answers)
    outdated = urlsplit(page.url).fragment.replace(f"bank={bank.fingerprint}", "bank=0123456789ab") + "&retired_question=gone"
    page.evaluate("(fragment) => { location.hash = fragment; }", outdated)
    notice = page.locator("[data-notice]")
    notice.wait_for(state="visible")
    assert "earlier version of the assessment" in notice.inner_text()
    assert "retired_question=gone" in notice.inner_text()
    assert shown_result(page) == native_result(bank, answers)
    assert watch.problems == []


def test_an_incomplete_link_from_an_earlier_bank_fills_what_it_can_and_asks_for_the_rest(engine_on_hold, bank):
    answers = random_answer_sets(bank, 1, seed=13)[0]
    kept = dict(list(answers.items())[:-1])
    fragment = share_link(bank, kept).replace(f"bank={bank.fingerprint}", "bank=0123456789ab")
    page, watch = engine_on_hold(fragment)
    assert "answer the remaining questions" in page.locator("[data-notice]").inner_text()
    assert checked_answers(page) == kept
    assert page.locator("[data-result]").is_hidden()
    assert watch.problems == []


def test_a_heading_anchor_is_not_mistaken_for_a_share_link(engine_on_hold):
    page, watch = engine_on_hold("#assessment-form-title")
    assert page.locator("[data-notice]").is_hidden()
    assert watch.problems == []


# --- answering -----------------------------------------------------------------------------------

def test_a_reload_keeps_the_answers(engine_on_hold, bank):
    page, watch = engine_on_hold()
    chosen: dict[str, str] = {}
    for question in bank.questions:  # the last option of the first three questions a reader is asked
        if len(chosen) < 3 and question.is_asked(chosen):
            chosen[question.id] = question.options[-1].id
    for question_id, option_id in chosen.items():
        page.check(f'input[name="{question_id}"][value="{option_id}"]')
    assert page.locator("[data-progress-text]").inner_text().startswith("3 of ")
    page.reload()
    assert checked_answers(page) == chosen
    assert page.locator("[data-progress-text]").inner_text().startswith("3 of ")
    assert watch.problems == []


def test_unanswered_questions_are_pointed_out_on_submit(engine_on_hold, bank):
    page, watch = engine_on_hold()
    first = bank.questions[0]
    page.check(f'input[name="{first.id}"][value="{first.options[0].id}"]')
    page.click("form[data-assessment-form] button[type=submit]")
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    asked = len(bank.asked_questions({first.id: first.options[0].id}))
    assert summary.locator("li").count() == asked - 1
    second = bank.questions[1]
    assert page.evaluate("() => document.activeElement.name") == second.id
    assert page.locator(f'fieldset[data-question="{second.id}"] [data-question-error]').is_visible()
    assert page.get_attribute(f'input[name="{second.id}"] >> nth=0', "aria-invalid") == "true"
    page.check(f'input[name="{second.id}"][value="{second.options[0].id}"]')
    assert summary.locator("li").count() == asked - 2
    assert watch.problems == []


def test_the_whole_flow_works_by_keyboard_alone(booted, bank):
    page, watch = booted
    page.click("[data-start-over]")
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    first = bank.questions[0].id
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == first:
            break
    else:
        pytest.fail("Tab never reached the first question")
    # The first option of each question in turn; questions that an answer brings in come next.
    for _ in bank.questions:
        if page.evaluate("() => document.activeElement.type") != "radio":
            break
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    shown = shown_result(page)
    expected = warm_up_answers()
    assert shown["answers"] == expected
    # Focus moves to the result's heading in the frame after the result is drawn.
    page.wait_for_function("() => document.activeElement.id === 'assessment-result-title'")
    assert watch.problems == []


def test_results_download_as_json_and_markdown(booted, bank):
    page, watch = booted
    answers = random_answer_sets(bank, 1, seed=5)[0]
    shown = result_for(page, answers)
    with page.expect_download() as json_download:
        page.get_by_role("button", name="Download as JSON").click()
    assert json.loads(Path(json_download.value.path()).read_text("utf-8")) == shown
    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download as Markdown").click()
    markdown = Path(markdown_download.value.path()).read_text("utf-8")
    # The engine's own Markdown, the same as `python -m assessment --format markdown` gives.
    article_url = page.evaluate("(path) => new URL(path, document.baseURI).href", page.get_attribute("[data-assessment]", "data-article-url"))
    assert markdown == report.result_as_markdown(shown, article_url)
    assert watch.problems == []


def test_no_coaching_today_hides_the_other_practice_questions_and_the_markdown_says_so(booted, bank):
    page, watch = booted
    page.click("[data-start-over]")
    page.check('input[name="current_timing"][value="when_performance_poor"]')
    later_practice = [question.id for question in bank.practice_questions if question.id != "current_timing"]
    assert later_practice and all(page.locator(f"#question-{question_id}").is_visible() for question_id in later_practice)
    page.check('input[name="current_timing"][value="not_offered"]')
    assert not any(page.locator(f"#question-{question_id}").is_visible() for question_id in later_practice)
    nothing = next(scenario for scenario in SCENARIOS if scenario.name == "nothing_called_for")
    shown = result_for(page, nothing.answers)
    assert shown["current_practice"]["no_coaching_today"] is True
    assert page.locator("[data-result] [data-current-practice]").text_content() == bank.texts.practice_not_offered
    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download as Markdown").click()
    assert bank.texts.practice_not_offered in Path(markdown_download.value.path()).read_text("utf-8")
    assert watch.problems == []


# --- when Python cannot start --------------------------------------------------------------------

def test_a_failed_boot_keeps_the_answers_and_offers_a_retry(browser, site_url, bank):
    context = browser.new_context()
    try:
        context.route("**/*.wasm", lambda route: route.abort())
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        page.goto(site_url + "assessment/")
        answers = random_answer_sets(bank, 1, seed=3)[0]
        fill_answers(page, answers)
        page.wait_for_selector("[data-engine-status=failed]", state="attached")
        assert page.locator("[data-engine-retry]").is_visible()
        assert page.locator("fieldset[data-question]").count() == len(bank.questions)
        assert checked_answers(page) == answers
        # The blocked download is the only complaint allowed here; no script error.
        assert [problem for problem in watch.problems if not problem.startswith("console error")] == []

        context.unroute("**/*.wasm")
        page.click("[data-engine-retry]")
        page.wait_for_selector("[data-engine-status=ready]", state="attached")
        assert checked_answers(page) == answers
        page.click("form[data-assessment-form] button[type=submit]")
        assert shown_result(page) == native_result(bank, answers)
    finally:
        context.close()


# --- the memory snapshot -------------------------------------------------------------------------

def test_a_snapshot_that_is_not_the_one_the_page_pinned_falls_back_to_the_normal_boot(browser, site_url, bank):
    context = browser.new_context()
    try:
        context.route(
            "**/engine.snapshot*",
            lambda route: route.fulfill(body=b"not the snapshot the page pinned", content_type="application/octet-stream"),
        )
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        answers = SCENARIOS[0].answers
        # A share link: the one kind of visit (with complete saved answers) that asks for the snapshot.
        page.goto(site_url + "assessment/" + share_link(bank, answers))
        assert shown_result(page) == native_result(bank, answers)
        assert page.get_attribute("[data-engine-status]", "data-engine-boot") == "normal"
        assert watch.problems == []
    finally:
        context.close()


# --- accessibility -------------------------------------------------------------------------------

def test_no_accessibility_violations_before_during_and_after_a_result(booted, engine_on_hold, bank):
    loading, _ = engine_on_hold()
    assert axe_violations(loading) == [], "while Python loads"

    page, watch = booted
    page.click("[data-start-over]")
    page.click("form[data-assessment-form] button[type=submit]")
    assert page.locator("[data-error-summary]").is_visible()
    assert axe_violations(page) == [], "with unanswered questions pointed out"

    result_for(page, random_answer_sets(bank, 1, seed=9)[0])
    assert axe_violations(page) == [], "with a result"
    assert watch.problems == []


def boot_and_list_wheel_requests(browser, site_url: str, engine_sha256: str | None) -> tuple[object, list[str]]:
    """Boots the page from the snapshot (with the engine's sha256 the page states replaced, when
    given); returns the page and the wheels it fetched."""
    context = browser.new_context()
    if engine_sha256 is not None:
        def restate(route):
            page_html = route.fetch().text()
            route.fulfill(body=re.sub(r'data-engine-sha256="[0-9a-f]+"', f'data-engine-sha256="{engine_sha256}"', page_html),
                          content_type="text/html")
        context.route("**/assessment/", restate)
    wheels: list[str] = []
    context.on("request", lambda request: wheels.append(request.url) if ".whl" in request.url else None)
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(site_url + "assessment/" + share_link(load_bank(), warm_up_answers()))
    page.wait_for_selector("[data-engine-status=ready]", timeout=BOOT_TIMEOUT_MS, state="attached")
    return page, wheels


def test_a_snapshot_of_another_engine_gets_the_current_engine_installed_on_top(browser, site_url, bank):
    page, wheels = boot_and_list_wheel_requests(browser, site_url, engine_sha256=None)
    assert page.get_attribute("[data-engine-status]", "data-engine-boot") == "snapshot" and wheels == []
    page.context.close()
    # As under `mkdocs serve` after an engine edit: the snapshot holds an earlier engine.
    page, wheels = boot_and_list_wheel_requests(browser, site_url, engine_sha256="0" * 64)
    watch = PageWatch(page, site_url)
    assert page.get_attribute("[data-engine-status]", "data-engine-boot") == "snapshot" and len(wheels) == 1
    answers = warm_up_answers()
    assert result_for(page, answers) == native_result(bank, answers)
    assert watch.problems == []
    page.context.close()
