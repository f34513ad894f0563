"""The team page in Chromium: the view equals `python -m assessment compare`, team links round-trip
for twelve people, tampered ones are refused by name, it works by keyboard, passes axe and asks no
other host for anything.

Booting Python takes seconds, so one booted team page is shared by the tests that need the engine.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from axe_check import axe_violations
from reader_page import PageWatch, booted_page, enter_team, random_answer_sets, shown_texts

from support.chromium import BOOT_TIMEOUT_MS

from assessment import load_bank, score_answers
from assessment.links import share_link, team_link
from assessment.team import LARGEST_TEAM
from assessment.team import team_view
from assessment.team_report import team_as_markdown
from engine.team_answers import AFTER_THE_FACT, AFTER_THE_FACT_AS_LITIGATION_COVER

ROOT = Path(__file__).resolve().parents[2]
TEAM_PAGE = "assessment/team/"


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def teams(bank):
    """Three fixed teams: unanimous, divided two against one, and four people of whom one answered half."""
    one, two, three, four = random_answer_sets(bank, 4, seed=1212)
    half = dict(list(four.items())[: len(four) // 2])
    return {
        "unanimous": [("CEO", one), ("HR", one)],
        "two against one": [("CEO", one), ("HR", two), ("Board", one)],
        "with a partial answer set": [("CEO", one), ("HR", two), ("Chair", three), ("New director", half)],
    }


@pytest.fixture(scope="module")
def booted(browser, site_url):
    yield from booted_page(browser, site_url, TEAM_PAGE)


def download_text(bank, answers: dict[str, str]) -> str:
    return json.dumps(score_answers(bank, answers, allow_partial=True).to_dict())


def shown_view(page) -> dict:
    page.wait_for_selector("[data-team-result]:not([hidden]) [data-team-json]", state="attached")
    return json.loads(page.text_content("[data-team-result] [data-team-json]"))


def compare_in_terminal(tmp_path, bank, team, output_format: str = "json"):
    files = []
    for number, (_, answers) in enumerate(team):
        path = tmp_path / f"respondent-{number}.json"
        path.write_text(download_text(bank, answers), encoding="utf-8")
        files.append(str(path))
    labels = ",".join(label for label, _ in team)
    completed = subprocess.run([sys.executable, "-m", "assessment", "compare", *files, "--labels", labels, "--format", output_format],
                               cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return json.loads(completed.stdout) if output_format == "json" else completed.stdout



def assert_contract(page, view: dict) -> None:
    """The page's marks for tests and tools agree with the view it shows."""
    assert page.get_attribute("[data-team-result]", "data-team-outcome") == view["team"]["recommended"]
    respondents = page.locator("[data-respondent]")
    assert respondents.count() == len(view["respondents"])
    for index, respondent in enumerate(view["respondents"]):
        assert respondents.nth(index).get_attribute("data-recommended") == respondent["result"]["recommended"]
    shown_order = page.locator("[data-split]").evaluate_all("(items) => items.map((item) => item.dataset.split)")
    assert shown_order == [split["question_id"] for split in view["splits"]]
    agreement = page.locator("[data-agreement]").evaluate_all(
        "(items) => items.map((item) => [item.dataset.agreement, item.dataset.needAgreed, item.dataset.readinessAgreed])")
    assert agreement == [[entry["approach"], str(entry["need_agreed"]).lower(), str(entry["readiness_agreed"]).lower()] for entry in view["agreement"]]


# --- parity with the terminal --------------------------------------------------------------------

def test_the_team_view_equals_the_terminals_for_three_teams(booted, bank, teams, tmp_path):
    page, watch = booted
    for name, team in teams.items():
        # Share links for some, JSON downloads for the others: both doors lead to the same view.
        enter_team(page, [(label, share_link(bank, answers) if index % 2 else download_text(bank, answers))
                          for index, (label, answers) in enumerate(team)])
        page.click("form[data-team-form] button[type=submit]")
        view = shown_view(page)
        assert view == compare_in_terminal(tmp_path, bank, team), name
        assert_contract(page, view)
        assert page.url.endswith(team_link(bank, team)), name
        # Word for word: every sentence of the page is in the terminal's Markdown.
        markdown = " ".join(compare_in_terminal(tmp_path, bank, team, "markdown").replace("**", "").split())
        # Bar headings, column headings, link labels and the keep-or-share actions.
        for text in shown_texts(page, "[data-team-result] [data-team-body]", "a, script, h3, th[scope=col], [data-team-share]"):
            assert " ".join(text.split()) in markdown, (name, text)
    assert watch.problems == []


def test_one_respondents_blocking_answer_leads_the_agenda_and_the_team_outcome_calls_nothing_a_fit(booted, bank, tmp_path):
    team = [("CEO", AFTER_THE_FACT), ("HR", AFTER_THE_FACT_AS_LITIGATION_COVER), ("Board", AFTER_THE_FACT)]
    page, watch = booted
    enter_team(page, [(label, share_link(bank, answers)) for label, answers in team])
    page.click("form[data-team-form] button[type=submit]")
    view = shown_view(page)
    assert view == compare_in_terminal(tmp_path, bank, team)
    first = page.locator("[data-team-agenda] > li").first
    assert first.get_attribute("data-agenda-condition") == "after_the_fact_as_litigation_cover"
    assert view["agenda"][0]["text"] in first.inner_text()
    assert page.locator("[data-team-agenda] > li").nth(1).get_attribute("data-split") == "dismissal_protection"
    assert page.get_attribute("[data-team-result]", "data-team-outcome") == "none"
    outcome = page.locator("[data-team-outcome-box]").inner_text()
    after_the_fact = bank.approach("after_the_fact")
    assert bank.texts.team_called.format(approach=f"{after_the_fact.name}, {after_the_fact.scope}") not in outcome
    assert bank.texts.team_disputed.format(approach=f"{after_the_fact.name}, {after_the_fact.scope}", labels="HR") in outcome
    assert watch.problems == []


# --- team links ----------------------------------------------------------------------------------

def test_a_team_link_of_twelve_people_round_trips_in_a_new_browser(browser, site_url, bank):
    chooser = random.Random(12)
    labels = ["CEO", "HR", "CFO", "Chair", "Board 1", "Board 2", "COO", "CTO", "Talent", "Coach & mentor", "Ünal", "Respondent 12"]
    team = [(label, answers) for label, answers in zip(labels, random_answer_sets(bank, LARGEST_TEAM, seed=chooser.randint(0, 99)))]
    link = team_link(bank, team)
    print(f"team link for {LARGEST_TEAM} people: {len(link)} characters")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        page.goto(site_url + TEAM_PAGE + link)
        view = shown_view(page)
        assert view == json.loads(json.dumps(team_view(bank, team).to_dict()))
        assert_contract(page, view)
        assert page.url.endswith(link)
        assert page.get_attribute("[data-team-link]", "href").endswith(link)
        # The form holds the same people, so the team can be changed and shown again.
        assert page.locator("[data-entry-label]").evaluate_all("(inputs) => inputs.map((input) => input.value)") == labels
        page.click("form[data-team-form] button[type=submit]")
        page.wait_for_function("(link) => location.hash === link", arg=link)
        assert shown_view(page) == view
        assert watch.problems == []
    finally:
        context.close()


def test_a_tampered_respondent_in_a_team_link_is_named_and_left_out(browser, site_url, bank, teams):
    team = teams["with a partial answer set"]
    head, *entries = team_link(bank, team).split("&r=")
    entries[1] = "z" + entries[1][1:]  # HR's first answer is now an option that does not exist
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        page.goto(site_url + TEAM_PAGE + "&r=".join([head, *entries]))
        view = shown_view(page)
        kept = [respondent for respondent in team if respondent[0] != "HR"]
        assert view == json.loads(json.dumps(team_view(bank, kept).to_dict()))
        notice = page.locator("[data-notice]")
        assert notice.is_visible()
        assert "HR is left out: it could not be read" in notice.inner_text()
        assert watch.problems == []
    finally:
        context.close()


@pytest.mark.parametrize("tamper, says", [
    (lambda link, bank: link.replace(bank.fingerprint, "000000000000"), "earlier version of the assessment"),
    (lambda link, bank: link.replace("team=1", "team=7"), "could not be read"),
    (lambda link, bank: link + "&<script>=1", "could not be read"),
    (lambda link, bank: "#not-a-heading-nor-a-link", "could not be read"),
])
def test_a_tampered_team_link_gives_a_friendly_notice_and_no_view(booted, bank, teams, tamper, says):
    page, watch = booted
    page.goto(page.url.split("#")[0] + tamper(team_link(bank, teams["unanimous"]), bank))
    # Only the fragment changed, so the page is not reloaded: the notice of the case before may
    # still show until the page has set this link aside.
    page.wait_for_function("() => !location.hash")
    expect(page.locator("[data-notice]")).to_contain_text(says)
    assert page.locator("[data-team-result]").is_hidden()
    assert watch.problems == []


def test_a_respondent_pasted_from_an_earlier_bank_is_kept_and_named_with_the_same_notice(booted, bank, teams):
    page, watch = booted
    one, two = (answers for _, answers in teams["two against one"][:2])
    earlier = share_link(bank, two).replace(bank.fingerprint, "000000000000") + "&retired_question=gone"
    enter_team(page, [("CEO", share_link(bank, one)), ("HR", earlier), ("Board", download_text(bank, one))])
    page.click("form[data-team-form] button[type=submit]")
    view = shown_view(page)
    assert view == json.loads(json.dumps(team_view(bank, [("CEO", one), ("HR", two), ("Board", one)]).to_dict()))
    notice = page.locator("[data-notice]").inner_text()
    assert "HR's link was made for an earlier version of the assessment" in notice
    assert "retired_question=gone" in notice
    assert watch.problems == []


# --- downloads and print -------------------------------------------------------------------------

def test_downloads_are_the_engines_json_and_markdown(booted, bank, teams):
    page, watch = booted
    team = teams["two against one"]
    enter_team(page, [(label, download_text(bank, answers)) for label, answers in team])
    page.click("form[data-team-form] button[type=submit]")
    view = shown_view(page)
    with page.expect_download() as json_download:
        page.get_by_role("button", name="Download as JSON").click()
    assert json.loads(Path(json_download.value.path()).read_text("utf-8")) == view
    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download as Markdown").click()
    article_url = page.evaluate("() => new URL(document.querySelector('[data-team]').dataset.articleUrl, document.baseURI).href")
    assert Path(markdown_download.value.path()).read_text("utf-8") == team_as_markdown(team_view(bank, team).to_dict(), article_url)
    assert watch.problems == []


def test_the_printed_page_is_the_agenda(booted, bank, teams):
    page, watch = booted
    enter_team(page, [(label, download_text(bank, answers)) for label, answers in teams["two against one"]])
    page.click("form[data-team-form] button[type=submit]")
    view = shown_view(page)
    page.emulate_media(media="print")
    try:
        for hidden in ("[data-team-form]", "[data-team-share]", "[data-agreed-section]", ".md-header"):
            shown = page.locator(hidden).evaluate_all("(nodes) => nodes.filter((node) => node.checkVisibility()).length")
            assert shown == 0, hidden
        for respondent in view["respondents"]:
            assert page.locator(f'[data-respondent="{respondent["label"]}"]').is_visible()
        for split in view["splits"]:
            if split["on_agenda"]:
                item = page.locator(f'[data-team-agenda] [data-split="{split["question_id"]}"]')
                assert item.is_visible()
                assert item.locator(f'a[href$="#{split["anchor"]}"]').count() == 1
        assert page.locator("[data-team-outcome-box]").is_visible()
    finally:
        page.emulate_media(media="screen")
    assert watch.problems == []


# --- keyboard, accessibility, privacy ------------------------------------------------------------

def test_the_whole_team_flow_works_by_keyboard_alone(booted, bank, teams):
    page, watch = booted
    page.click("[data-clear-team]")
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.querySelector('[data-entry-label]')"):
            break
    else:
        pytest.fail("Tab never reached the first respondent's label")
    team = teams["two against one"]
    for index, (label, answers) in enumerate(team):
        page.keyboard.type(label)
        page.keyboard.press("Tab")
        page.keyboard.insert_text(share_link(bank, answers))
        page.keyboard.press("Tab")  # the respondent's Remove button
        page.keyboard.press("Tab")
        if index == len(team) - 1:
            break
        if index >= 1:
            assert page.evaluate("() => document.activeElement.matches('[data-add-entry]')")
            page.keyboard.press("Enter")  # a new respondent; focus moves to its label
            assert page.evaluate("() => document.activeElement.matches('[data-entry]:last-child [data-entry-label]')")
    for _ in range(10):
        if page.evaluate("() => document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    view = shown_view(page)
    assert [respondent["label"] for respondent in view["respondents"]] == [label for label, _ in team]
    # Focus moves to the view's heading in the frame after the view is drawn.
    page.wait_for_function("() => document.activeElement.id === 'team-result-title'")

    # Removing a respondent by keyboard keeps focus in the form.
    page.locator("[data-remove-entry]").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("[data-entry]").count() == len(team) - 1
    assert page.evaluate("() => document.activeElement.matches('[data-entry-label]')")
    assert watch.problems == []


def violations_once_still(page) -> list[str]:
    """axe's findings once no transition runs (the theme fades its back-to-top button in on scroll)."""
    page.wait_for_function("() => document.getAnimations().length === 0")
    return axe_violations(page)


def test_no_accessibility_violations_on_the_form_the_notice_and_the_view(booted, bank, teams):
    page, watch = booted
    page.click("[data-clear-team]")
    assert violations_once_still(page) == [], "the empty form"
    page.click("form[data-team-form] button[type=submit]")
    assert page.locator("[data-notice]").is_visible()
    assert violations_once_still(page) == [], "with a notice"
    enter_team(page, [(label, download_text(bank, answers)) for label, answers in teams["with a partial answer set"]])
    page.click("form[data-team-form] button[type=submit]")
    shown_view(page)
    assert violations_once_still(page) == [], "with a team view"
    assert watch.problems == []


@pytest.mark.parametrize("scheme, width", [("dark", 1280), ("light", 360)])
def test_no_accessibility_violations_on_a_team_view_in_the_dark_scheme_and_on_a_phone(browser, site_url, bank, teams, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        page.goto(site_url + TEAM_PAGE + team_link(bank, teams["with a partial answer set"]))
        shown_view(page)
        assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        assert violations_once_still(page) == []
        # Nothing but the table (which scrolls on its own) is wider than a phone.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_nothing_leaves_the_site_while_a_team_is_compared(browser, site_url, bank, teams):
    """Every request of a whole session (boot, view, team link, downloads) goes to the site itself."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        watch = PageWatch(page, site_url)
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page.goto(site_url + TEAM_PAGE)
        enter_team(page, [(label, share_link(bank, answers)) for label, answers in teams["with a partial answer set"]])
        page.click("form[data-team-form] button[type=submit]")
        shown_view(page)
        with page.expect_download():
            page.get_by_role("button", name="Download as Markdown").click()
        page.goto(page.url)
        page.reload()
        shown_view(page)
        assert requested, "the page made no request at all: the watch is not watching"
        assert all(url.startswith((site_url, "blob:", "data:")) for url in requested), requested
        assert watch.problems == []
    finally:
        context.close()


def test_the_assessment_result_links_to_the_team_view(browser, site_url, bank):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(BOOT_TIMEOUT_MS)
        page.goto(site_url + "assessment/" + share_link(bank, random_answer_sets(bank, 1, seed=4)[0]))
        link = page.locator("[data-result]:not([hidden]) [data-team-view-link]")
        link.click()
        page.wait_for_selector("[data-team-form]")
        assert page.url.split("#")[0] == site_url + TEAM_PAGE
    finally:
        context.close()
