"""A reader's saved answers are never destroyed by a link: a link that cannot be used is set aside
with a notice, a fragment that is not a share link is left alone, and a valid link with other
answers shows its result while keeping the reader's own, one click away."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from reader_page import answer, checked_answers, stored
from site_build.paths import WORKER_FILE
from support.chromium import BOOT_TIMEOUT_MS

SAVED_COUNT = 8


def new_page(context, site_url: str):
    page = context.new_page()
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))
    return page, problems


OWN = "data-own-answers-key"


def open_fresh(page, url: str) -> None:
    """A full page load (not a same-page fragment change), as when a link is opened from elsewhere."""
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector("[data-engine-status]:not([hidden])", state="attached")


def own_answers(bank, link_answers: dict[str, str]) -> dict[str, str]:
    """Answers to the first questions both the link and these answers ask, each different from the link's."""
    own: dict[str, str] = {}
    for question in bank.questions:
        if len(own) < SAVED_COUNT and question.id in link_answers and question.is_asked(own):
            own[question.id] = next(option.id for option in question.options if option.id != link_answers[question.id])
    return own


@pytest.fixture(scope="module")
def bank():
    from assessment import load_bank

    return load_bank()


@pytest.fixture(scope="module")
def valid_link(browser, site_url, bank):
    """A share link as the page itself makes one, with its answers."""
    context = browser.new_context()
    page, _ = new_page(context, site_url)
    page.goto(site_url + "assessment/")
    # The last option of every question the answers ask (a question asked only after some answers
    # would be hidden, and cannot be clicked).
    answers = bank.answers_to_asked({question.id: question.options[-1].id for question in bank.questions})
    answer(page, answers)
    page.click("form[data-assessment-form] button[type=submit]")
    page.wait_for_function("() => location.hash.startsWith('#assessment=')")
    fragment = "#" + urlsplit(page.url).fragment
    context.close()
    return fragment, answers


@pytest.fixture
def engine_stopped(browser, site_url):
    """A fresh browser whose engine never starts: what happens to answers needs no Python."""
    context = browser.new_context()
    context.route(f"**/{WORKER_FILE}", lambda route: route.fulfill(body="", content_type="text/javascript"))
    yield context
    context.close()


def unusable_links(valid: str, fingerprint: str) -> dict[str, str]:
    first_pair = valid.split("&")[2]
    return {
        "mistyped option": valid.replace(first_pair, first_pair + "x"),
        "cut short": valid[: len(valid) // 2],
        "empty": "#assessment=",
    }


@pytest.mark.parametrize("case", ["mistyped option", "cut short", "empty"])
@pytest.mark.parametrize("opened", ["new load", "same page"])
def test_a_link_that_cannot_be_used_leaves_saved_answers_in_place(engine_stopped, site_url, bank, valid_link, case, opened):
    link, link_answers = valid_link
    own = own_answers(bank, link_answers)
    page, problems = new_page(engine_stopped, site_url)
    page.goto(site_url + "assessment/")
    answer(page, own)
    if opened == "new load":
        open_fresh(page, site_url + "assessment/" + unusable_links(link, bank.fingerprint)[case])
    else:
        page.evaluate("(fragment) => { location.hash = fragment; }", unusable_links(link, bank.fingerprint)[case])
    notice = page.locator("[data-notice]")
    notice.wait_for()
    assert "share link" in notice.inner_text()
    assert checked_answers(page) == own
    assert stored(page) == own
    page.reload()
    assert checked_answers(page) == own
    assert problems == []


@pytest.mark.parametrize("fragment", ["#how-it-works", "#assessment-form-title", "#garbage", "#%E0%A4%A", "#assessments=1"])
def test_a_fragment_that_is_not_a_share_link_is_ignored(engine_stopped, site_url, bank, valid_link, fragment):
    own = own_answers(bank, valid_link[1])
    page, problems = new_page(engine_stopped, site_url)
    page.goto(site_url + "assessment/")
    answer(page, own)
    open_fresh(page, site_url + "assessment/" + fragment)
    assert page.locator("[data-notice]").is_hidden()
    assert checked_answers(page) == own
    assert stored(page) == own
    assert problems == []


# A link made under an earlier bank is read too (with a notice, see test_assessment): it must not
# cost the reader their own answers either.
@pytest.mark.parametrize("made_for", ["this bank", "an earlier bank"])
def test_a_valid_link_shows_its_result_and_keeps_the_readers_own_answers_one_click_away(browser, site_url, bank, valid_link, made_for):
    link, link_answers = valid_link
    if made_for == "an earlier bank":
        link = link.replace(f"bank={bank.fingerprint}", "bank=0123456789ab")
    own = own_answers(bank, link_answers)
    context = browser.new_context()
    try:
        page, problems = new_page(context, site_url)
        page.goto(site_url + "assessment/")
        answer(page, own)
        open_fresh(page, site_url + "assessment/" + link)
        page.wait_for_selector("[data-result]:not([hidden]) [data-result-json]", state="attached")
        assert json.loads(page.text_content("[data-result-json]"))["answers"] == link_answers
        assert checked_answers(page) == link_answers
        offer = page.locator("[data-own-answers]")
        assert offer.is_visible()
        assert stored(page, OWN) == own

        page.reload()  # kept until the reader chooses
        assert offer.is_visible() and stored(page, OWN) == own

        page.get_by_role("button", name="Back to my own answers").click()
        assert checked_answers(page) == own
        assert offer.is_hidden() and page.locator("[data-result]").is_hidden()
        assert stored(page) == own and stored(page, OWN) == {}
        page.reload()
        assert checked_answers(page) == own and offer.is_hidden()
        assert problems == []
    finally:
        context.close()


def test_keeping_the_links_answers_lets_the_own_ones_go(browser, site_url, bank, valid_link):
    link, link_answers = valid_link
    context = browser.new_context()
    try:
        page, problems = new_page(context, site_url)
        page.goto(site_url + "assessment/")
        answer(page, own_answers(bank, link_answers))
        open_fresh(page, site_url + "assessment/" + link)
        page.get_by_role("button", name="Keep the link’s answers").click()
        assert page.locator("[data-own-answers]").is_hidden()
        assert stored(page, OWN) == {} and stored(page) == link_answers
        assert checked_answers(page) == link_answers
        assert problems == []
    finally:
        context.close()


def test_a_valid_link_with_a_trailing_ampersand_is_read(browser, site_url, valid_link):
    link, link_answers = valid_link
    context = browser.new_context()
    try:
        page, problems = new_page(context, site_url)
        page.goto(site_url + "assessment/" + link + "&")
        page.wait_for_selector("[data-result]:not([hidden]) [data-result-json]", state="attached")
        assert json.loads(page.text_content("[data-result-json]"))["answers"] == link_answers
        assert page.locator("[data-notice]").is_hidden()
        # Nothing of the reader's was set aside, so there is nothing to go back to.
        assert page.locator("[data-own-answers]").is_hidden()
        assert problems == []
    finally:
        context.close()
