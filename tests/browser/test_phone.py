"""The site on a phone (360 x 740 and 390 x 844, Chromium's mobile emulation): no page is wider than
the screen and no table wider than the text column; the comparison reads as one labelled block per
aspect, yet stays a table on a wide screen; a result's score bars are real bars, buttons and radio
buttons are 24 x 24 px targets; axe finds nothing, target size included."""

import pytest
from axe_check import TARGET_SIZE, axe_violations
from support.chromium import BOOT_TIMEOUT_MS, RESULT_TIMEOUT_MS
from support.site import page_files

PHONES = {"360x740": {"width": 360, "height": 740}, "390x844": {"width": 390, "height": 844}}
COMPARISON = "approaches/"

# Whatever a reader would have to scroll sideways for: the page itself, any element of the text that
# sticks out of the screen (unless a box around it clips it, as for the visually hidden table
# headings), any table (or the box around it) that scrolls sideways, any table wider than the column.
OVERFLOW = """(screenWidth) => {
    const problems = [];
    const page = document.documentElement.scrollWidth;
    if (page > screenWidth) problems.push(`page is ${page} px wide`);
    const content = document.querySelector(".md-content");
    const describe = (node) => node.tagName.toLowerCase() + (node.className ? "." + [...node.classList].join(".") : "");
    const overflowX = (node) => getComputedStyle(node).overflowX;
    const clipped = (node) => {
        for (let box = node.parentElement; box && box !== content; box = box.parentElement) if (overflowX(box) !== "visible") return true;
        return false;
    };
    for (const node of content.querySelectorAll("*")) {
        const box = node.getBoundingClientRect();
        if (box.width > 0 && box.right > screenWidth + 1 && !clipped(node)) problems.push(`${describe(node)} reaches ${Math.round(box.right)} px`);
    }
    for (const table of content.querySelectorAll("table")) {
        const column = table.closest("article").getBoundingClientRect();
        const box = table.getBoundingClientRect();
        if (box.left < column.left - 1 || box.right > column.right + 1) problems.push(`table spans ${Math.round(box.left)}-${Math.round(box.right)} px, column ${Math.round(column.left)}-${Math.round(column.right)} px`);
        for (let node = table; node !== content; node = node.parentElement) {
            if (["auto", "scroll"].includes(overflowX(node)) && node.scrollWidth > node.clientWidth + 1) problems.push(`${describe(node)} scrolls sideways (${node.scrollWidth} px in ${node.clientWidth} px)`);
        }
    }
    return problems.slice(0, 5);
}"""

# The page's own controls (Material's header and search are left to axe's target-size rule, which
# also knows WCAG's spacing exception).
TARGETS_UNDER_24_PX = """() => [...document.querySelectorAll(".md-content :is(button, input[type=radio], input[type=checkbox])")]
    .filter((node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden")
    .map((node) => [node.outerHTML.slice(0, 80), node.getBoundingClientRect()])
    .filter(([, box]) => box.width < 24 || box.height < 24)
    .map(([html, box]) => `${html} is ${box.width} x ${box.height} px`)"""


def phone_context(browser, size: str, **options):
    return browser.new_context(viewport=PHONES[size], is_mobile=True, has_touch=True, **options)


@pytest.mark.parametrize("size", PHONES)
def test_every_page_fits_the_phone_screen_and_passes_axe(browser, site_url, built_site, size):
    context = phone_context(browser, size)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for path in list(page_files(built_site)):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        found = page.evaluate(OVERFLOW, PHONES[size]["width"]) + page.evaluate(TARGETS_UNDER_24_PX) + axe_violations(page, TARGET_SIZE)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}


CELL_LAYOUT = """() => [...document.querySelectorAll("article table tbody tr")].map((row) => [...row.cells].map((cell) => ({
    top: Math.round(cell.getBoundingClientRect().top),
    left: Math.round(cell.getBoundingClientRect().left),
    label: getComputedStyle(cell, "::before").content,
    links: cell.querySelectorAll("a").length,
})))"""


def headings_of(page) -> list[str]:
    return page.locator("article table thead th").all_inner_texts()


@pytest.mark.parametrize("scripts", ["with scripts", "without scripts"])
@pytest.mark.parametrize("size", PHONES)
def test_the_comparison_reads_as_one_block_per_aspect_with_each_entry_named(browser, site_url, size, scripts):
    context = phone_context(browser, size, java_script_enabled=scripts == "with scripts")
    page = context.new_page()
    page.goto(site_url + COMPARISON)
    approaches = headings_of(page)[1:]
    rows = page.evaluate(CELL_LAYOUT)
    assert len(approaches) >= 2 and rows
    for cells in rows:
        # One under another, in reading order, all starting at the same left edge.
        assert [cell["top"] for cell in cells] == sorted({cell["top"] for cell in cells})
        assert len({cell["left"] for cell in cells}) == 1
        assert [cell["label"] for cell in cells[1:]] == [f'"{name}"' for name in approaches]
    links = page.locator("article table a[href*='#']")
    assert links.count() == sum(cell["links"] for cells in rows for cell in cells) > 0
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    context.close()


def test_the_comparison_is_still_a_table_on_a_wide_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + COMPARISON)
    rows = page.evaluate(CELL_LAYOUT)
    assert rows
    for cells in rows:
        # Side by side: one line of cells, left to right, no labels repeated in them.
        assert len({cell["top"] for cell in cells}) == 1
        assert [cell["left"] for cell in cells] == sorted({cell["left"] for cell in cells})
        assert {cell["label"] for cell in cells} == {"none"}
    assert page.locator("article table thead").is_visible()
    context.close()


def answer_every_question_as_a_reader(page) -> None:
    """Pick the first option of each question on screen until none is left (some appear only after others)."""
    while (unanswered := page.locator("fieldset[data-question]:visible:not(:has(input:checked))")).count():
        unanswered.first.locator("input[type=radio]").first.check()


VERDICTS = """() => [...document.querySelectorAll("[data-result] [data-verdict]")].map((item) => item.getBoundingClientRect())"""


def test_a_result_on_a_phone_fits_the_screen_and_passes_axe(browser, site_url):
    context = phone_context(browser, "360x740")
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(site_url + "assessment/")
    page.wait_for_selector("[data-engine-status=ready]", timeout=BOOT_TIMEOUT_MS, state="attached")
    answer_every_question_as_a_reader(page)
    page.click("form[data-assessment-form] button[type=submit]")
    page.wait_for_selector("[data-result]:not([hidden]) [data-verdict]")
    for size, viewport in PHONES.items():
        page.set_viewport_size(viewport)
        boxes = page.evaluate(VERDICTS)
        assert boxes, size
        # Each approach's verdict takes the width of the screen, one under the other.
        assert all(box["right"] <= viewport["width"] and box["width"] >= viewport["width"] * 0.7 for box in boxes), (size, boxes)
        assert [box["top"] for box in boxes] == sorted(box["top"] for box in boxes)
        assert page.evaluate(OVERFLOW, viewport["width"]) == [], size
        assert page.evaluate(TARGETS_UNDER_24_PX) == [], size
        assert axe_violations(page, TARGET_SIZE) == [], size
    context.close()
