"""Table cells labelled with their column heading, for the phone layout: every cell of every row, the
heading's text only, safe inside an attribute, and anything that is not a table left as it was."""

import html
import re

import markdown
from site_build.site.table_labels import with_column_labels


def rendered(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "attr_list", "abbr"])


def labels_by_row(page_html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", page_html.split("</thead>", 1)[1], re.S)
    return [[html.unescape(label) for label in re.findall(r'<td data-label="([^"]*)"', row)] for row in rows]


def test_each_cell_carries_its_column_heading():
    page = with_column_labels(rendered(
        "| Aspect | Proactive | After the fact |\n|---|---|---|\n| **Aim** | [Plan](a.md#x) | Repair |\n| Risk | Leaving | Resistance |\n"
    ))
    assert labels_by_row(page) == [["Aspect", "Proactive", "After the fact"]] * 2
    assert '<a href="a.md#x">Plan</a>' in page


def test_a_label_is_the_heading_text_without_markup_and_safe_in_an_attribute():
    page = with_column_labels(rendered('| Item | *Cost* & "time" <b>x</b> |\n|---|---|\n| A | 1 |\n'))
    assert labels_by_row(page) == [["Item", 'Cost & "time" x']]
    assert 'data-label="Cost &amp; &quot;time&quot; x"' in page


def test_aligned_cells_keep_their_attributes():
    page = with_column_labels(rendered("| Name | Score |\n|:---|---:|\n| A | 1 |\n"))
    assert labels_by_row(page) == [["Name", "Score"]]
    assert page.count("text-align") == 4


def test_every_table_of_a_page_is_labelled_from_its_own_headings():
    page = with_column_labels(rendered("| A | B |\n|---|---|\n| 1 | 2 |\n\nText.\n\n| C | D | E |\n|---|---|---|\n| 3 | 4 | 5 |\n"))
    first, second = page.split("</table>", 1)
    assert labels_by_row(first) == [["A", "B"]]
    assert labels_by_row(second) == [["C", "D", "E"]]


def test_a_row_longer_than_its_heading_row_leaves_the_extra_cell_unlabelled():
    table = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert with_column_labels(table) == (
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">1</td><td>2</td></tr></tbody></table>'
    )


def test_a_page_without_tables_or_without_a_heading_row_is_unchanged():
    page = rendered("A paragraph with <td> in `code`.\n\n- a list\n")
    assert with_column_labels(page) == page
    headless = "<table><tr><td>1</td></tr></table>"
    assert with_column_labels(headless) == headless
