"""Each cell of a Markdown table labelled with its column heading, as `data-label`.

On a phone the stylesheet shows every row as a block and writes the label before each entry
(`content: attr(data-label)`), so the table stays the one source of its content and nothing is
needed in the browser but CSS. Plain text in, plain text out: this module knows nothing of MkDocs.

It reads the tables Python-Markdown writes (`<thead>` with one row of `<th>`, then rows of `<td>`;
no tables inside cells), not arbitrary HTML.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
CELL_START = re.compile(r"<td(?=[\s>])")
TAG = re.compile(r"<[^>]*>")


def with_column_labels(page_html: str) -> str:
    return TABLE.sub(lambda table: _labelled_table(table.group(0)), page_html)


def _labelled_table(table: str) -> str:
    head, end_of_head, body = table.partition("</thead>")
    if not end_of_head:
        return table
    labels = [_attribute_text(heading) for heading in HEADING.findall(head)]
    return head + end_of_head + ROW.sub(lambda row: _labelled_row(row.group(0), labels), body)


def _labelled_row(row: str, labels: list[str]) -> str:
    remaining = iter(labels)

    def label(cell_start: re.Match) -> str:
        text = next(remaining, None)
        return cell_start.group(0) if text is None else f'<td data-label="{text}"'

    return CELL_START.sub(label, row)


def _attribute_text(heading_html: str) -> str:
    # A heading may hold markup (emphasis, a glossary abbreviation); the label is its text alone.
    text = " ".join(html.unescape(TAG.sub("", heading_html)).split())
    return html.escape(text, quote=True)
