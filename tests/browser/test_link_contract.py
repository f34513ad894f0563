"""One table of share links, read by the engine, by the assessment page and by the team view: a
link accepted anywhere is accepted everywhere with the same answers, one refused is refused in the
engine's words, and an incomplete one keeps the answers it has (support/link_table.py)."""

from __future__ import annotations

import pytest
from reader_page import booted_page, checked_answers, enter_team

from assessment import load_bank
from assessment.links import LinkRefused, read_share_link, share_link
from assessment.respondents import read_team_link
from engine.team_answers import JUST_IN_TIME, PROACTIVE
from support.link_table import link_table


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def table(bank):
    return link_table(bank, PROACTIVE)


def engine_reading(bank, fragment):
    """(answers, complete, outdated) as the engine reads the link, or the words it refuses it in."""
    try:
        read = read_share_link(bank, fragment)
    except LinkRefused as refused:
        return str(refused)
    return read.answers, read.complete, read.outdated


def one_of_each_kind(table):
    """The first case of each kind the page shows differently: each refusal, an outdated, an
    incomplete and a complete reading. The page's reading of every case is held to the engine's
    without a browser (tests/scripts/answers.test.mjs), where a page load per case costs nothing."""
    kinds = {}
    for case in table:
        kinds.setdefault((case.refusal, case.complete, case.outdated), case)
    return list(kinds.values())


def test_the_assessment_page_shows_each_kind_of_link_as_the_engine_reads_it(engine_on_hold, bank, table):
    for case in one_of_each_kind(table):
        page, watch = engine_on_hold(case.fragment)
        reading = engine_reading(bank, case.fragment)
        notice = page.locator("[data-notice]")
        if isinstance(reading, str):
            assert notice.is_visible(), case.name
            assert f"This share link was not used: {reading}." in notice.inner_text(), case.name
            assert checked_answers(page) == {}, case.name
        else:
            answers, complete, outdated = reading
            assert checked_answers(page) == answers, case.name
            # Kept on this device too, so nothing the link holds is lost on a reload.
            key = page.get_attribute("[data-assessment]", "data-storage-key")
            assert page.evaluate("(key) => JSON.parse(localStorage.getItem(key)).answers", key) == answers, case.name
            if outdated:
                assert "earlier version of the assessment" in notice.inner_text(), case.name
            elif not complete:
                assert "Answer the remaining questions to see the result" in notice.inner_text(), case.name
            else:
                assert notice.is_hidden(), case.name
        assert watch.problems == [], case.name
        page.evaluate("() => localStorage.clear()")  # the next link meets no saved answers
        page.close()


@pytest.fixture(scope="module")
def team_page(browser, site_url):
    yield from booted_page(browser, site_url, "assessment/team/")


def test_the_team_view_reads_every_link_as_the_engine_does(team_page, bank, table):
    page, watch = team_page
    other = share_link(bank, JUST_IN_TIME)
    for case in table:
        enter_team(page, [("Pasted", case.fragment), ("Other", other)])
        page.click("form[data-team-form] button[type=submit]")
        page.wait_for_selector("[data-team-result]:not([hidden]), [data-notice]:not([hidden])", state="attached")
        reading = engine_reading(bank, case.fragment)
        notice = page.locator("[data-notice]")
        if isinstance(reading, str):
            assert page.locator("[data-team-result]").is_hidden(), case.name
            assert f"Pasted is left out: {reading}." in notice.inner_text(), case.name
        else:
            answers, _, outdated = reading
            # The view's own link carries each respondent's answers as the team view read them.
            shown = read_team_link(bank, page.evaluate("() => location.hash")).respondents
            assert shown == [("Pasted", answers), ("Other", bank.answers_to_asked(JUST_IN_TIME))], case.name
            said_earlier = notice.is_visible() and "Pasted's link was made for an earlier version" in notice.inner_text()
            assert said_earlier == outdated, case.name
    assert watch.problems == []
