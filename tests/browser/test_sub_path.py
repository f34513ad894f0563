"""Published under a sub-path (e.g. a project page at /coaching/), the site still works: every
request stays inside the prefix and resolves, search finds the article, the assessment gives a result."""

import json
from urllib.parse import urlsplit

import pytest

from assessment import load_bank, score_answers
from support.chromium import BOOT_TIMEOUT_MS, downloaded_or_tried

ARTICLE = load_bank().article_path
PAGES = ["", "issues/", ARTICLE, "approaches/", "glossary/", "assessment/"]


@pytest.fixture
def failed_requests(page):
    """Every request that left the prefix or was not found."""
    failures = []
    page.on("response", lambda response: failures.append(response.url) if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failures.append(request.url) if downloaded_or_tried(request) else None)
    return failures


@pytest.mark.parametrize("path", PAGES)
def test_every_request_stays_inside_the_prefix_and_resolves(page, sub_path_site_url, failed_requests, path):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(sub_path_site_url + path, wait_until="networkidle")
    assert requested, "the page should have loaded"
    assert [path for path in requested if not path.startswith("/coaching/")] == []
    assert failed_requests == []


def test_search_finds_the_article_under_the_prefix(page, sub_path_site_url):
    page.goto(sub_path_site_url)
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
    page.keyboard.type("scrutiny", delay=40)
    link = page.locator(".md-search-result__list .md-search-result__link").first
    link.wait_for(state="visible")
    assert urlsplit(link.get_attribute("href") or "").path.endswith(ARTICLE)
    link.click()
    page.wait_for_url(f"**/coaching/{ARTICLE}**")


def test_the_assessment_runs_under_the_prefix(page, sub_path_site_url, failed_requests):
    bank = load_bank()
    # Only the questions these answers ask: the others stay hidden, and cannot be clicked.
    answers = bank.answers_to_asked({question.id: question.options[-1].id for question in bank.questions})
    page.goto(sub_path_site_url + "assessment/")
    for question_id, option_id in answers.items():
        page.check(f'input[name="{question_id}"][value="{option_id}"]')
    page.wait_for_selector("[data-engine-status=ready]", state="attached", timeout=BOOT_TIMEOUT_MS)
    page.click("form:has(fieldset[data-question]) button[type=submit]")
    result = page.locator("[data-result][data-recommended]")
    result.wait_for(state="visible")
    expected = json.loads(json.dumps(score_answers(bank, answers).to_dict()))
    assert result.get_attribute("data-recommended") == expected["recommended"]
    for approach, verdict in expected["verdicts"].items():
        assert page.get_attribute(f'[data-verdict][data-approach="{approach}"]', "data-verdict") == verdict
    assert failed_requests == []
