"""A newsletter archive of any size, for the benches: the real site with synthetic issues added.

The archive is a docs folder beside a temporary config: the real pages are linked in (not copied),
the real issues are written again with only `total:` changed to the archive's size, and synthetic
issues of ~800 words of clearly made-up text take every other number. The config is the project's
own mkdocs.yml with `docs_dir` pointed at that folder (`support.site.mkdocs_build` builds from its
text), so the theme and every hook are the project's, the assessment's included.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import meta as front_matter

from support.site import CONFIG, ROOT

REAL_DOCS = ROOT / "docs"

# Words drawn by Zipf's law (frequency ~ 1/rank), as in natural text: a few function words make up
# much of it (the search index drops them as stop words), then a long tail of made-up words. A
# handful of words in every section would make every query match everything, which no real
# archive does; "synthetic" is kept in every issue's title and intro as the worst realistic case.
FUNCTION_WORDS = "the of and to a in that is for it as with was on be by this are or from at which an".split()
VOCABULARY_SIZE = 5000
SYLLABLES = ("ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bo", "de", "fi", "gu", "ha", "jo", "ke", "ly", "mo", "ni")


def codename(number: int) -> str:
    """A made-up word unique to one issue, so one query can find exactly one issue."""
    letters = []
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
    return "".join(letters) + "x"


def made_up_word(rank: int) -> str:
    """Rank 0.. to a pronounceable word of 2 to 4 syllables, never ending in "x" (codenames do)."""
    rng = random.Random(f"word-{rank}")
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def vocabulary() -> tuple[list[str], list[float]]:
    words = FUNCTION_WORDS + [made_up_word(rank) for rank in range(VOCABULARY_SIZE)]
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return words, cumulative


VOCABULARY, CUMULATIVE_WEIGHTS = vocabulary()


def filler(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


def issue_slug(number: int) -> str:
    return f"synthetic-issue-{number:04d}"


def synthetic_issue(number: int, total: int, series: str) -> str:
    """One issue file: the front matter the series model requires, and ~800 words of filler."""
    rng = random.Random(number)
    name = codename(number)
    fields = {
        "series": series,
        "issue": number,
        "total": total,
        "title": f"Synthetic issue {number}: {name.capitalize()}",
        "description": f"Synthetic issue {number} of {total}, generated for the archive benchmark; not an article.",
        "tags": ["synthetic", f"synthetic group {number % 10}"],
    }
    body = [f"# Synthetic issue {number}: {name.capitalize()}", "",
            f"Synthetic issue {number} of {total}. Generated filler text for a scale benchmark, code name {name}.", ""]
    for section in range(1, 5):
        body += [f"## Section {section}: {filler(rng, 3)[:-1]}", "", filler(rng, 95), "", filler(rng, 95), ""]
    # JSON is valid YAML, and keeps the front matter free of quoting questions.
    lines = ["---", *(f"{key}: {json.dumps(value)}" for key, value in fields.items()), "---", ""]
    return "\n".join(lines + body)


@dataclass
class Archive:
    docs: Path
    size: int
    synthetic: list[int]  # the numbers of the synthetic issues, in order

    @property
    def middle(self) -> int:
        """A synthetic issue in the middle of the archive: its page stands for any issue's."""
        return self.synthetic[len(self.synthetic) // 2]

    def config(self, every_issue_in_nav: bool = False) -> str:
        """The project's mkdocs.yml for this archive; the naive variant drops our navigation, so
        MkDocs lists every issue in the sidebar of every page."""
        text = CONFIG.read_text("utf-8")
        text, replaced = re.subn(r"^docs_dir: .*$", f"docs_dir: {json.dumps(str(self.docs))}", text, count=1, flags=re.M)
        if replaced != 1:
            raise RuntimeError(f"bench: no docs_dir line in {CONFIG.name}")
        if every_issue_in_nav:
            text = re.sub(r"^nav:\n(?:  .*\n)+", "", text, count=1, flags=re.MULTILINE)
            text = re.sub(r"^not_in_nav: \|\n(?:  .*\n)+", "", text, count=1, flags=re.MULTILINE)
        return text


def write_archive(folder: Path, size: int) -> Archive:
    """The docs folder of an archive of `size` issues, real ones included, in `folder`."""
    docs = folder / "docs"
    issues = docs / "issues"
    issues.mkdir(parents=True)
    for entry in REAL_DOCS.iterdir():
        if entry.name != "issues":
            (docs / entry.name).symlink_to(entry)
    taken, series = set(), None
    for real in sorted((REAL_DOCS / "issues").glob("*.md")):
        text = real.read_text("utf-8")
        _, meta = front_matter.get_data(text)
        taken.add(meta["issue"])
        series = meta["series"]
        (issues / real.name).write_text(re.sub(r"^total: \d+$", f"total: {size}", text, count=1, flags=re.M), "utf-8")
    if max(taken) > size:
        raise SystemExit(f"bench: an archive of {size} issues cannot hold the real issue {max(taken)}")
    synthetic = [number for number in range(1, size + 1) if number not in taken]
    for number in synthetic:
        (issues / f"{issue_slug(number)}.md").write_text(synthetic_issue(number, size, series), "utf-8")
    return Archive(docs, size, synthetic)
