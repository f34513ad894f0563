"""What a reader does on a page, and what tests watch it for: helpers for the browser tests (the
fixtures are in conftest.py)."""

import json
import random
from urllib.parse import urlsplit

from support.chromium import BOOT_TIMEOUT_MS, RESULT_TIMEOUT_MS


class PageWatch:
    """What a page did that it must not: console errors, uncaught exceptions, other hosts."""

    def __init__(self, page, site_url: str):
        self.site_host = urlsplit(site_url).netloc
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.context.on("request", self._request)

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.site_host:
            self.problems.append(f"request to another host: {request.url}")


def booted_page(browser, site_url: str, path: str):
    """(page, watch) of a page at `path` with Python ready, in a context of its own; for a
    module-scoped fixture to yield from."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    watch = PageWatch(page, site_url)
    page.goto(site_url + path)
    page.wait_for_selector("[data-engine-status=ready]", timeout=BOOT_TIMEOUT_MS, state="attached")
    yield page, watch
    context.close()


def enter_team(page, entries: list[tuple[str, str]]) -> None:
    """Start over, then type each (label, link or JSON) into its own respondent's fields."""
    page.click("[data-clear-team]")
    for index, (label, text) in enumerate(entries):
        if index >= page.locator("[data-entry]").count():
            page.click("[data-add-entry]")
        entry = page.locator("[data-entry]").nth(index)
        entry.locator("[data-entry-label]").fill(label)
        entry.locator("[data-entry-text]").fill(text)


def random_answer_sets(bank, count: int, seed: int = 20261126) -> list[dict[str, str]]:
    """Complete answer sets drawn as a reader gives them: only the questions their answers ask."""
    chooser = random.Random(seed)
    sets = []
    for _ in range(count):
        answers: dict[str, str] = {}
        for question in bank.questions:
            if question.is_asked(answers):
                answers[question.id] = chooser.choice(question.options).id
        sets.append(answers)
    return sets


def checked_answers(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-assessment-form] input[type=radio]:checked")]
                .map((input) => [input.name, input.value]))"""
    )


def answer(page, answers: dict[str, str]) -> None:
    """Click each answer, as a reader does."""
    for question_id, option_id in answers.items():
        page.check(f'input[name="{question_id}"][value="{option_id}"]')


def fill_answers(page, answers: dict[str, str]) -> None:
    """All the answers at once, in one step of the page's own: for tests of what the page makes of
    answers, not of how a reader gives them (one round trip instead of one click per question)."""
    page.evaluate(
        """(answers) => {
            const form = document.querySelector("[data-assessment-form]");
            for (const input of form.querySelectorAll("input[type=radio]")) input.checked = answers[input.name] === input.value;
            form.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        answers,
    )


def stored(page, key_attribute: str = "data-storage-key") -> dict[str, str]:
    """The answers the page keeps (or, with its own-answers key, has set aside) under the storage key it declares."""
    saved = page.evaluate("(key) => localStorage.getItem(key)", page.get_attribute("[data-assessment]", key_attribute))
    return json.loads(saved)["answers"] if saved else {}


def shown_texts(page, root: str, skipped: str) -> list[str]:
    """Every piece of text under `root`, bar what is inside `skipped` (labels, actions): the sentences."""
    return page.evaluate(
        """([root, skipped]) => {
            const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
            const texts = [];
            while (walker.nextNode()) {
                const node = walker.currentNode;
                if (!node.parentElement.closest(skipped) && node.textContent.trim()) texts.push(node.textContent.trim());
            }
            return texts;
        }""",
        [root, skipped],
    )
