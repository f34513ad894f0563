"""The article the bank cites, read from its Markdown source (no site build needed)."""

import re
from pathlib import Path

from assessment.model import QuestionBank

DOCS = Path(__file__).resolve().parents[2] / "docs"


def article_source(bank: QuestionBank) -> str:
    return (DOCS / (bank.article_path.rstrip("/") + ".md")).read_text(encoding="utf-8")


def article_paragraphs(bank: QuestionBank) -> dict[str, str]:
    """Paragraph anchor -> the paragraph's text, for paragraphs marked `{ #anchor }`."""
    return {anchor: paragraph for paragraph, anchor in re.findall(r"^([^\n{#][^\n]*)\n\{ #([a-z0-9-]+) \}$", article_source(bank), re.MULTILINE)}


def article_heading_ids(bank: QuestionBank) -> set[str]:
    """The ids MkDocs gives the article's section headings (lower case, words joined by "-")."""
    headings = re.findall(r"^#{2,6} (.+)$", article_source(bank), re.MULTILINE)
    return {re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-") for heading in headings}
