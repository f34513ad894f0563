"""The result reads answer first, as a reader sees it in Chromium: the verdicts inside the first
screen (one and a half on a phone), nothing said twice, the details closed on screen and open in
print, and a picture of when each coaching comes, marked with the verdicts."""

import json
import re

import pytest
from reader_page import PageWatch, booted_page, fill_answers, random_answer_sets, shown_texts

from assessment import load_bank, score_answers
from assessment.links import share_link
from assessment.report import result_as_text, shown_first, terms_used
from support.chromium import BOOT_TIMEOUT_MS, RESULT_TIMEOUT_MS
from tests.engine.article_scenarios import SCENARIOS

BANK = load_bank()
BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
# One answer set per verdict, and one calling for all three approaches.
CASES = {
    "ready": "360_results_and_training_to_act_on_now",
    "at_risk": "candidates_may_leave",
    "blocked": "succession_need_and_coaching_as_litigation_cover",
    "not_called": "nothing_called_for",
    "all three": "every_approach_called_for",
}
SCREENS = {"desktop": ({"width": 1280, "height": 800}, 1.0), "phone": ({"width": 360, "height": 740}, 1.5)}


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, browser, site_url):
    """(page, watch, first screens): the assessment page at this screen's size with Python ready,
    shared by the module's tests; each opens its result on it as a share link followed from the page
    (how a result is laid out does not depend on how the engine booted)."""
    viewport, screens = SCREENS[request.param]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    watch = PageWatch(page, site_url)
    page.goto(site_url + "assessment/")
    page.wait_for_selector("[data-engine-status=ready]", timeout=BOOT_TIMEOUT_MS, state="attached")
    yield page, watch, viewport["height"] * screens
    context.close()


def open_result(screen, name):
    """(page, watch, the engine's result): the scenario's share link followed, its result rendered afresh."""
    page, watch, _ = screen
    answers = BY_NAME[name].answers
    page.evaluate("""(link) => {
        window.previousResult = document.querySelector("[data-result-body]").firstElementChild;
        location.hash = "";
        location.hash = link;
    }""", share_link(BANK, answers))
    page.wait_for_function("""() => {
        const body = document.querySelector("[data-result]:not([hidden]) [data-result-body]");
        return body?.querySelector("[data-result-json]") && body.firstElementChild !== window.previousResult;
    }""")
    return page, watch, score_answers(BANK, answers).to_dict()


def shown_words(page) -> list[str]:
    """The words on screen before anything is opened, in order: the result's rendered text (a closed
    details' content and the picture's title and description are not rendered; quotation marks are
    the stylesheet's), bar the sharing actions and the verdicts' heading for screen readers."""
    return page.evaluate("""() => [...document.querySelector("[data-result-body]").children]
        .filter((part) => !part.matches("[data-result-actions], script"))
        .map((part) => (part.matches("[data-verdicts]") ? part.querySelector("ul") : part).innerText)
        .join("\\n").split(/\\s+/).filter(Boolean)""")


def layout_words(result: dict) -> list[str]:
    return [word.strip("“”") for word in " ".join(shown_first(result)).split() if word.strip("“”")]


@pytest.mark.parametrize("case", list(CASES))
def test_the_answer_comes_first_and_the_details_wait_one_click_away(screen, case):
    page, watch, result = open_result(screen, CASES[case])
    first_screens = screen[2]
    # The verdicts end within the first screen (one and a half on a phone) of the result.
    top, bottom = page.evaluate("""() => [document.querySelector("[data-result]").getBoundingClientRect().top,
                                          document.querySelector("[data-verdicts]").getBoundingClientRect().bottom]""")
    assert bottom - top <= first_screens, (case, bottom - top)
    # What a reader sees before opening anything is what the engine's layout says (the bench counts it).
    assert shown_words(page) == layout_words(result)
    # The details are closed on screen, their headings in view; in print, all of them are there.
    assert page.locator("[data-result-body] details[open]").count() == 0
    details = page.locator("[data-result-body] > details")
    assert details.count() == 3
    for index in range(details.count()):
        assert details.nth(index).locator("> summary").is_visible()
    closed_text = page.locator("[data-why] h4").first
    assert not closed_text.is_visible()
    page.emulate_media(media="print")
    assert closed_text.is_visible()
    assert page.locator("[data-what-would-change] li, [data-what-would-change] p").first.is_visible()
    page.emulate_media(media="screen")
    assert watch.problems == []


def sentences(texts: list[str]) -> list[str]:
    return [sentence.strip() for text in texts for sentence in re.split(r"(?<=[.?!])\s+", text) if len(sentence.split()) > 3]


@pytest.mark.parametrize("case", ["blocked", "all three"])
def test_nothing_is_said_twice_even_with_every_detail_open(screen, case):
    page, watch, _ = open_result(screen, CASES[case])
    page.evaluate("() => document.querySelectorAll('[data-result-body] details').forEach((details) => { details.open = true; })")
    # Every text but the "Read in the article" links' labels and the sharing actions.
    said = sentences(shown_texts(page, "[data-result-body]", "script, [data-result-actions], .assessment-result__more"))
    assert said and len(said) == len(set(said)), [sentence for sentence in said if said.count(sentence) > 1]


@pytest.mark.parametrize("case", list(CASES))
def test_the_picture_of_timing_has_a_name_and_marks_each_verdict(screen, case):
    page, watch, result = open_result(screen, CASES[case])
    figure = page.locator("[data-result-body]").get_by_role("img", name=result["headings"]["timing"])
    assert figure.count() == 1
    assert figure.get_attribute("aria-labelledby") and page.locator("[data-result-body] [data-timing-desc]").text_content() == result["timing_text"]
    for approach in BANK.approaches:
        mark = page.locator(f'[data-result-body] [data-timing-mark="{approach.id}"]')
        verdict = result["verdicts"][approach.id]
        assert mark.get_attribute("href") == f"#timing-shape-{verdict}"
        # The verdict list shows the same shape beside the verdict it stands for.
        assert page.locator(f'[data-verdict="{verdict}"][data-approach="{approach.id}"] use').get_attribute("href") == f"#timing-shape-{verdict}"
    # Each approach at its moment, in the order they come, its label under the line.
    labels = page.locator("[data-result-body] [data-timing-label]").all_inner_texts()
    assert [" ".join(label.split()) for label in labels] == [f"{approach.moment} {approach.name}" for approach in BANK.approaches]


def test_the_approaches_page_shows_the_picture_without_verdicts(page, site_url):
    page.goto(site_url + "approaches/")
    figure = page.get_by_role("img", name=BANK.texts.heading_timing)
    assert figure.count() == 1
    description = page.locator("[data-timing-desc]").text_content()
    assert description == " ".join(BANK.texts.timing_plain.format(moment=approach.moment, name=approach.name) for approach in BANK.approaches)
    assert {page.locator(f'[data-timing-mark="{approach.id}"]').get_attribute("href") for approach in BANK.approaches} == {"#timing-shape-plain"}


def test_the_terms_of_a_result_are_tooltips_as_on_every_page(screen):
    page, watch, result = open_result(screen, CASES["not_called"])
    page.locator("[data-result] [data-when-each-applies] > summary").click()
    definitions = {term.term: term.definition for term in BANK.terms}
    marked = page.locator("[data-result-body] abbr").evaluate_all("(items) => items.map((item) => [item.textContent, item.title])")
    assert ["bench strength", definitions["bench strength"]] in marked and ["C-level", definitions["C-level"]] in marked
    assert all(title == definitions[term] for term, title in marked)
    # The same terms the Markdown and the terminal explain.
    assert {term for term, _ in marked} == {term["term"] for term in terms_used(result, result_as_text(result).split(BANK.texts.heading_terms)[0])}
    assert watch.problems == []


@pytest.fixture(scope="module")
def desktop_page(browser, site_url):
    yield from booted_page(browser, site_url, "assessment/")


def test_the_verdicts_fit_the_first_desktop_screen_for_random_answer_sets(desktop_page):
    page, watch = desktop_page
    page.set_viewport_size({"width": 1280, "height": 800})
    heights = []
    for answers in random_answer_sets(BANK, 25):
        page.click("[data-start-over]")
        fill_answers(page, answers)
        page.click("form[data-assessment-form] button[type=submit]")
        # The result for these answers (not the one before).
        page.wait_for_function("""(expected) => {
            const shown = document.querySelector("[data-result]:not([hidden]) [data-result-json]");
            return shown && JSON.stringify(Object.entries(JSON.parse(shown.textContent).answers).sort()) === expected;
        }""", arg=json.dumps(sorted([key, value] for key, value in BANK.answers_to_asked(answers).items()), separators=(",", ":")))
        heights.append(page.evaluate("""() => document.querySelector("[data-verdicts]").getBoundingClientRect().bottom
                                             - document.querySelector("[data-result]").getBoundingClientRect().top"""))
    assert max(heights) <= 800, heights
    assert watch.problems == []
