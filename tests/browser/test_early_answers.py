"""What a reader does before the page's script runs is theirs: the questions work from the first
paint, so answers (and the team page's chosen files) given while the script is still loading are
kept, saved, and read by everything the page does at start-up."""

from __future__ import annotations

import pytest
from reader_page import PageWatch, answer, checked_answers, stored

from assessment.links import share_link

from site_build.paths import ASSETS_DIR, WORKER_FILE
from support.chromium import RESULT_TIMEOUT_MS


class HeldScript:
    """A script the browser asks for and does not get until `release()`: the window between the
    first paint and the page's script, made as long as a test needs."""

    def __init__(self, context, pattern: str):
        self.held = []
        self.released = False
        context.route(pattern, self._hold)

    def _hold(self, route):
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self):
        self.released = True
        for route in self.held:
            route.continue_()
        self.held.clear()


@pytest.fixture
def context(browser):
    """A fresh browser whose engine never starts: what happens to answers needs no Python."""
    context = browser.new_context()
    context.route(f"**/{WORKER_FILE}", lambda route: route.fulfill(body="", content_type="text/javascript"))
    yield context
    context.close()


def open_before_script(context, url: str, script: str = "assessment.js"):
    """(page, watch, held): `url` painted, its page script held back."""
    held = HeldScript(context, f"**/{ASSETS_DIR}/{script}")
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    watch = PageWatch(page, url)
    page.goto(url, wait_until="commit")
    page.wait_for_selector("[data-assessment-form] fieldset:not([hidden]) input, [data-team-files]")
    return page, watch, held


def wait_for_script(page, answered: int) -> None:
    """The page's script has run once its progress line counts what the form holds."""
    page.wait_for_function(
        "(answered) => document.querySelector('[data-progress-text]').textContent.startsWith(`${answered} of `)", arg=answered
    )


def an_answer_that_opens_questions(bank) -> tuple[dict[str, str], list[str]]:
    """An answer to a question asked from the start that asks questions no answer asks yet."""
    hidden_at_first = [question for question in bank.questions if not question.is_asked({})]
    for question in bank.questions:
        if not question.is_asked({}):
            continue
        for option in question.options:
            opened = [later.id for later in hidden_at_first if later.is_asked({question.id: option.id})]
            if opened:
                return {question.id: option.id}, opened
    raise AssertionError("the bank has no question that opens another")


@pytest.fixture(scope="module")
def bank():
    from assessment import load_bank

    return load_bank()


def test_answers_given_before_the_script_runs_are_kept_saved_and_open_their_questions(context, site_url, bank):
    opening, opened = an_answer_that_opens_questions(bank)
    other = next(question for question in bank.questions if question.is_asked({}) and question.id not in opening)
    early = {**opening, other.id: other.options[-1].id}

    page, watch, held = open_before_script(context, site_url + "assessment/")
    answer(page, early)
    held.release()
    wait_for_script(page, len(early))

    assert checked_answers(page) == early
    assert stored(page) == early
    for question_id in opened:
        assert page.locator(f"#question-{question_id}").is_visible()
    page.reload()
    wait_for_script(page, len(early))
    assert checked_answers(page) == early
    assert watch.problems == []


def test_a_returning_reader_who_changes_an_answer_before_the_script_runs_keeps_the_change_and_the_rest(context, site_url, bank):
    answers = bank.answers_to_asked({question.id: question.options[0].id for question in bank.questions})
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(site_url + "assessment/")
    wait_for_script(page, 0)
    answer(page, answers)
    assert stored(page) == answers
    page.close()

    # A question that stays asked whatever it is answered: the change alters nothing else.
    changed_question = next(question for question in bank.questions if question.is_asked({}) and not any(
        question.id in later.ask_if for later in bank.questions))
    changed = {**answers, changed_question.id: changed_question.options[-1].id}
    page, watch, held = open_before_script(context, site_url + "assessment/")
    answer(page, {changed_question.id: changed[changed_question.id]})
    held.release()
    wait_for_script(page, len(changed))

    assert checked_answers(page) == changed
    assert stored(page) == changed
    assert watch.problems == []


def test_answers_given_before_a_share_link_opens_are_set_aside_as_the_readers_own(context, site_url, bank):
    link_answers = bank.answers_to_asked({question.id: question.options[-1].id for question in bank.questions})
    link = share_link(bank, link_answers)
    question = next(question for question in bank.questions if question.is_asked({}))
    early = {question.id: next(option.id for option in question.options if option.id != link_answers[question.id])}

    page, watch, held = open_before_script(context, site_url + "assessment/" + link)
    answer(page, early)
    held.release()
    page.locator("[data-own-answers]").wait_for()

    assert checked_answers(page) == link_answers
    assert stored(page) == link_answers
    assert stored(page, "data-own-answers-key") == early
    page.get_by_role("button", name="Back to my own answers").click()
    assert checked_answers(page) == early
    assert watch.problems == []


def test_the_browser_restores_nothing_into_the_form(context, site_url, bank):
    """What is checked before the script runs must be the reader's: coming back to a tab whose answers
    another tab has since changed shows the saved answers, not the form this tab last held (which
    Chromium restores on a back navigation unless the form says autocomplete="off")."""
    question = next(question for question in bank.questions if question.is_asked({}))
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.set_default_timeout(RESULT_TIMEOUT_MS)
    first.goto(site_url + "assessment/")
    wait_for_script(first, 0)
    answer(first, {question.id: question.options[0].id})
    first.goto(site_url)

    second.goto(site_url + "assessment/")
    wait_for_script(second, 1)
    answer(second, {question.id: question.options[-1].id})

    first.go_back()
    wait_for_script(first, 1)
    assert checked_answers(first) == {question.id: question.options[-1].id}
    assert stored(first) == {question.id: question.options[-1].id}


def test_files_chosen_on_the_team_page_before_its_script_runs_are_added(context, site_url, tmp_path):
    download = tmp_path / "ceo.json"
    download.write_text('{"answers": {}}')
    page, watch, held = open_before_script(context, site_url + "assessment/team/", script="team.js")
    page.set_input_files("[data-team-files]", str(download))
    held.release()

    entry = page.locator("[data-entry]").first
    page.wait_for_function("() => document.querySelector('[data-entry-text]')?.value")
    assert entry.locator("[data-entry-text]").input_value() == download.read_text()
    assert entry.locator("[data-entry-label]").input_value() == "ceo"
    assert watch.problems == []
