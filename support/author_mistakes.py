"""Every mistake an author can make in an issue's front matter, in the question bank, in the site's
settings or in the set-up, with the one line that must refuse it; and a copy of the project to make
them in, one after the other (`one_case`: what a case changed is put back after it).

Two kinds of test read the table: each check, run in-process on every case
(tests/site_build/test_author_checks.py), and the real `make build` on one case of each kind
(tests/site/test_author_mistakes.py).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from assessment import load_bank
from support.site import ROOT

BANK = "assessment/bank.toml"
ARTICLE_PATH = load_bank().article_path  # the article's address, as the bank gives it
ARTICLE = "docs/" + ARTICLE_PATH.rstrip("/") + ".md"
ARTICLE_TEXT = (ROOT / ARTICLE).read_text("utf-8")
ARTICLE_NUMBER = int(re.search(r"^issue: (\d+)$", ARTICLE_TEXT, re.MULTILINE)[1])
ARTICLE_TOTAL = int(re.search(r"^total: (\d+)$", ARTICLE_TEXT, re.MULTILINE)[1])
BANK_DATA = tomllib.loads((ROOT / BANK).read_text("utf-8"))
QUESTION = BANK_DATA["questions"][0]["id"]
OPTION = BANK_DATA["questions"][0]["options"][0]["id"]
# The first option with weights, by its question's id and its own.
WEIGHTED = next((entry["id"], option["id"]) for entry in BANK_DATA["questions"] for option in entry["options"] if "weights" in option)
APPROACHES = ", ".join(approach["id"] for approach in BANK_DATA["approaches"])
TITLE_LINE = next(line for line in ARTICLE_TEXT.splitlines() if line.startswith("title:"))
CAUTION = next(caution["id"] for caution in BANK_DATA["cautions"])
VALID_ID = "expected lower-case letters, digits and '_', starting with a letter"


@dataclass(frozen=True)
class Mistake:
    prepare: Callable[[Path], None]  # makes the mistake in a copy of the project
    expected: str  # the one line the build must print


def edit(file: str, old: str, new: str, *, after: tuple[str, ...] = ()) -> Callable[[Path], None]:
    """Replace the first `old` that follows the markers `after`, found one after the other, in the file
    (the mistake must be made, or the case is wrong)."""
    def prepare(project: Path) -> None:
        path = project / file
        text = path.read_text("utf-8")
        start = 0
        for marker in after:
            start = text.index(marker, start)
        at = text.index(old, start)
        path.write_text(text[:at] + new + text[at + len(old):], "utf-8")
    return prepare


def write(file: str, data: bytes) -> Callable[[Path], None]:
    return lambda project: (project / file).write_bytes(data)


def remove(name: str) -> Callable[[Path], None]:
    return lambda project: (project / name).unlink()


def front(field: str, message: str, file: str = ARTICLE) -> str:
    return f"{file}: front matter field '{field}': {message}"


def question(field: str, message: str, place: str = f"question '{QUESTION}'") -> str:
    return f"{BANK}: {place}: field '{field}': {message}"


def position(file: str, text: str) -> tuple[int, int]:
    """Line and column (from 1) where `text` first occurs in the project's file."""
    lines = (ROOT / file).read_text("utf-8").splitlines()
    number = next(number for number, line in enumerate(lines) if text in line)
    return number + 1, lines[number].index(text) + 1


SINGLE_TEXT = 'verdict_ready = "'
SINGLE = position(BANK, SINGLE_TEXT)
ARTICLE_TABLE = position(BANK, "[article]")
def text_mistake(placeholder: str, message: str) -> Mistake:
    """The `{name}` of the bank's heading for an approach whose situation the answers show, written another way."""
    return Mistake(edit(BANK, "{name}", placeholder, after=("need_present",)),
                   f"{BANK}: [texts]: field 'need_present': {message}")


SECOND_ISSUE = "docs/issues/a-second-issue.md"
MISTAKES = {
    # Front matter of an issue
    "series missing": Mistake(edit(ARTICLE, "series:", "serie:"), front("series", "missing; expected text")),
    "title missing": Mistake(edit(ARTICLE, "\ntitle:", "\ntitel:"), front("title", "missing; expected text")),
    "issue number as words": Mistake(
        edit(ARTICLE, f"issue: {ARTICLE_NUMBER}\n", "issue: four\n"), front("issue", "expected a whole number, got str 'four'")),
    "issue number as yes/no": Mistake(
        edit(ARTICLE, f"issue: {ARTICLE_NUMBER}\n", "issue: true\n"), front("issue", "expected a whole number, got bool True")),
    "issue number zero": Mistake(
        edit(ARTICLE, f"issue: {ARTICLE_NUMBER}\n", "issue: 0\n"), front("issue", "expected a number from 1 up, got 0")),
    "issue beyond the series": Mistake(
        edit(ARTICLE, f"issue: {ARTICLE_NUMBER}\n", f"issue: {ARTICLE_TOTAL + 1}\n"),
        front("issue", f"issue {ARTICLE_TOTAL + 1} is beyond the series length (total: {ARTICLE_TOTAL})")),
    "tags as one text": Mistake(
        edit(ARTICLE, "tags:\n", "tags: coaching\nold_tags:\n"), front("tags", "expected a list of text, got str 'coaching'")),
    "impossible date": Mistake(
        edit(ARTICLE, "\ntitle:", "\ndate: 2025-13-45\ntitle:"),
        front("date", "'2025-13-45' is not a valid date; expected a real date as YYYY-MM-DD")),
    "date in another format": Mistake(
        edit(ARTICLE, "\ntitle:", "\ndate: 31/01/2025\ntitle:"),
        front("date", "'31/01/2025' is not a valid date; expected a real date as YYYY-MM-DD")),
    "broken YAML": Mistake(
        edit(ARTICLE, "\ntitle:", "\nsubtitle: [unclosed\ntitle:"),
        # YAML notices the missing ']' on the next line, the title's (moved one line down).
        f"{ARTICLE}: front matter line {ARTICLE_TEXT.splitlines().index(TITLE_LINE) + 2}: "
        "not valid YAML (expected ',' or ']', but got ':')"),
    "no front matter": Mistake(
        edit(ARTICLE, "---\n", ""),
        f"{ARTICLE}: front matter block: missing; expected the file to start with fields between two '---' lines"),
    "duplicate issue number": Mistake(
        write(SECOND_ISSUE, ARTICLE_TEXT.replace("\ntitle: ", "\ntitle: Another ").encode()),
        front("issue", f"issue number {ARTICLE_NUMBER} is also used by {ARTICLE}", file=SECOND_ISSUE)),
    "series length disagrees": Mistake(
        write(SECOND_ISSUE, ARTICLE_TEXT.replace(f"\nissue: {ARTICLE_NUMBER}\n", "\nissue: 1\n")
              .replace(f"\ntotal: {ARTICLE_TOTAL}\n", f"\ntotal: {ARTICLE_TOTAL + 1}\n").encode()),
        front("total", f"{ARTICLE_TOTAL + 1} differs from {ARTICLE_TOTAL} in {ARTICLE}", file=SECOND_ISSUE)),
    "hand-written series index": Mistake(
        write("docs/issues/index.md", b"# Issues\n"), "docs/issues/index.md: this page is generated from the issues; remove the file"),
    # The question bank, as a file
    "bank not UTF-8": Mistake(
        lambda project: (project / BANK).write_bytes(
            (project / BANK).read_bytes().replace(SINGLE_TEXT.encode(), SINGLE_TEXT.encode() + b"\xe9", 1)),
        f"{BANK}: line {SINGLE[0]}, column {SINGLE[1] + len(SINGLE_TEXT)}: not UTF-8 text (byte 0xe9); save the file as UTF-8"),
    "TOML syntax": Mistake(
        edit(BANK, "[article]", "[article"),
        f"{BANK}: line {ARTICLE_TABLE[0]}, column 9: not valid TOML (Expected ']' at the end of a table declaration)"),
    # Ids
    "question id with a hyphen": Mistake(
        edit(BANK, f'id = "{QUESTION}"', 'id = "some-concern"'),
        question("id", f"'some-concern' is not a valid id; {VALID_ID}", place="question 'some-concern'")),
    "option id with a space": Mistake(
        edit(BANK, f'id = "{OPTION}"', 'id = "some concern"', after=(f'id = "{QUESTION}"',)),
        question("id", f"'some concern' is not a valid id; {VALID_ID}", place=f"question '{QUESTION}', option 'some concern'")),
    "duplicate question id": Mistake(
        edit(BANK, f'id = "{BANK_DATA["questions"][1]["id"]}"', f'id = "{QUESTION}"'),
        question("id", f"duplicate id '{QUESTION}'")),
    # Texts and their placeholders
    "placeholder with a format spec": text_mistake("{name:q}", "placeholder {name:q} has a format; write just {name}"),
    "placeholder padded to 300 MB": text_mistake(
        "{name:>300000000}", "placeholder {name:>300000000} has a format; write just {name}"),
    "placeholder with a conversion": text_mistake("{name!r}", "placeholder {name!r} has a format; write just {name}"),
    "placeholder the text does not have": text_mistake("{title}", "unknown placeholder title; allowed: name"),
    "unclosed placeholder": text_mistake(
        "{name", "broken placeholder (unmatched '{' in format spec); write {name}, or {{ and }} for a literal brace"),
    # Cross-references
    "weight for an unknown approach": Mistake(
        edit(BANK, "weights = { ", "weights = { reactive = 1, ", after=(f'id = "{WEIGHTED[0]}"', f'id = "{WEIGHTED[1]}"')),
        question("weights.reactive", f"unknown approach 'reactive' (expected one of: {APPROACHES})",
                 place=f"question '{WEIGHTED[0]}', option '{WEIGHTED[1]}'")),
    "anchor not in the article": Mistake(
        edit(BANK, 'anchor = "', 'anchor = "nowhere', after=(f'id = "{QUESTION}"',)),
        question("anchor", f"'nowhere{BANK_DATA['questions'][0]['anchor']}' is not one of the article anchors listed in [article] anchors")),
    "caution about a missing question": Mistake(
        edit(BANK, "when = { ", 'when = { ghost = ["x"], ', after=(f'id = "{CAUTION}"',)),
        question("when.ghost", "refers to missing question 'ghost'", place=f"caution '{CAUTION}'")),
    "caution without severity": Mistake(
        edit(BANK, "severity = ", "force = ", after=(f'id = "{CAUTION}"',)),
        question("severity", "missing or not a non-empty text", place=f"caution '{CAUTION}'")),
    "caution passage that is not the article's words": Mistake(
        edit(BANK, 'passage = "', 'passage = "Plainly, ', after=(f'id = "{CAUTION}"',)),
        question("passage", f"not found in the article ({ARTICLE_PATH}); quote its words exactly", place=f"caution '{CAUTION}'")),
    "article edited under a caution's passage": Mistake(
        edit(ARTICLE, "otherwise valued", "valued"),
        question("passage", f"not found in the article ({ARTICLE_PATH}); quote its words exactly",
                 place=f"caution '{next(caution['id'] for caution in BANK_DATA['cautions'] if 'otherwise valued' in caution['passage'])}'")),
    "article that is not a page": Mistake(
        edit(BANK, f'path = "{ARTICLE_PATH}"', 'path = "issues/no-such-issue/"'),
        f"{BANK}: [article]: field 'path': no page of the site is at 'issues/no-such-issue/'; "
        "expected the article's address, like issues/<file name>/"),
    # The site's settings (mkdocs.yml)
    "policy naming another host": Mistake(
        edit("mkdocs.yml", "connect-src 'self';", "connect-src 'self' https://stats.example.org;"),
        "mkdocs.yml: extra.csp: connect-src allows https://stats.example.org; the site asks no other host for anything, "
        "so only 'self', 'none', data:, blob:, 'wasm-unsafe-eval' or a hash may be named"),
    "e-mail address mistyped": Mistake(
        edit("mkdocs.yml", 'contact_email: ""', 'contact_email: "editor@example"'),
        "mkdocs.yml: extra.contact_email: expected an e-mail address like name@example.org, got 'editor@example'"),
    # Set-up
    "runtime not installed": Mistake(remove("node_modules"), "node_modules/pyodide is missing or damaged: run `make install`"),
}


LAST_GOOD_BUILD = "the last good build"  # what site/ holds before each case
# What a case may change: the author's files, and the set-up's links (one case removes one).
EDITABLE = ("docs", "assessment", "mkdocs.yml", "node_modules")


@contextlib.contextmanager
def one_case(project: Path) -> Iterator[Path]:
    """The project, with a previous good build in site/ (one marker file stands for it); whatever the
    case changes of the author's files is put back after it."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    (site / "index.html").write_text(LAST_GOOD_BUILD, "utf-8")
    before = files_of(project)
    try:
        yield project
    finally:
        put_back(project, before)


def files_of(project: Path) -> dict[Path, bytes | Path]:
    """Each file the cases may change: its bytes, or the target of a link."""
    files: dict[Path, bytes | Path] = {}
    for name in EDITABLE:
        top = project / name
        for path in [top] if top.is_symlink() or top.is_file() else top.rglob("*"):
            if path.is_symlink():
                files[path] = path.readlink()
            elif path.is_file() and "__pycache__" not in path.parts:
                files[path] = path.read_bytes()
    return files


def put_back(project: Path, before: dict[Path, bytes | Path]) -> None:
    for path in set(files_of(project)) - set(before):
        path.unlink()
    for path, content in before.items():
        if isinstance(content, Path):
            if not path.is_symlink():
                path.symlink_to(content)
        elif not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)


