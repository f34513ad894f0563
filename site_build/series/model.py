"""The newsletter series as plain data: its issues, in order, checked against each other.

Nothing here knows about MkDocs. The plugin (`plugin.py`) reads each issue's front matter with
`front_matter.py` and hands the issues here; `index.py` and `feed.py` render
the series. Everything is linear in the number of issues, so a long archive builds fast.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterable, Mapping


class SeriesError(ValueError):
    """Bad series data, with the file and field a person must fix.

    Paths are inside docs/; `line(folder)` gives the one line with paths from the project root.
    `place` replaces the field when the problem is not in one field (a YAML error's line);
    `other` is a second file the message names (a duplicate number's first user).
    """

    def __init__(self, file: str, field_name: str, message: str, *, place: str | None = None, other: str | None = None):
        self.file = file
        self.field = field_name
        self.message = message
        self.place = place or f"field '{field_name}'"
        self.other = other
        super().__init__(self.line())

    def line(self, folder: str = "") -> str:
        other = f" {folder}{self.other}" if self.other else ""
        return f"{folder}{self.file}: front matter {self.place}: {self.message}{other}"


@dataclass(frozen=True)
class Issue:
    source: str  # path of the Markdown file inside docs/, e.g. issues/some-title.md
    url: str  # site-relative URL of the built page
    series: str
    number: int
    total: int
    title: str
    description: str
    tags: tuple[str, ...]
    date: datetime.date | None = None
    announces: str | None = None


@dataclass(frozen=True)
class Neighbours:
    previous: Issue | None
    next: Issue | None


@dataclass(frozen=True)
class AnnouncedIssue:
    number: int
    title: str
    announced_by: Issue


@dataclass
class Series:
    name: str
    total: int
    issues: list[Issue]  # published issues, in issue order
    _by_source: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_source = {issue.source: position for position, issue in enumerate(self.issues)}

    @property
    def latest(self) -> Issue:
        return self.issues[-1]

    def issue_for(self, source: str) -> Issue | None:
        position = self._by_source.get(source)
        return None if position is None else self.issues[position]

    def neighbours(self, source: str) -> Neighbours:
        position = self._by_source[source]
        previous = self.issues[position - 1] if position > 0 else None
        following = self.issues[position + 1] if position + 1 < len(self.issues) else None
        return Neighbours(previous, following)

    def missing_numbers(self) -> list[int]:
        published = {issue.number for issue in self.issues}
        return [number for number in range(1, self.total + 1) if number not in published]

    def announced(self) -> list[AnnouncedIssue]:
        """Unpublished issues that a published issue announces as coming next."""
        published = {issue.number for issue in self.issues}
        return [
            AnnouncedIssue(issue.number + 1, issue.announces, issue)
            for issue in self.issues
            if issue.announces and issue.number + 1 not in published and issue.number < self.total
        ]


def build_series(issues: Iterable[Issue], modified: Mapping[str, float] | None = None) -> Series:
    """Check the issues agree with each other (one series, one length, unique numbers) and order them.

    `modified` (source -> modification time), when known, decides which of two clashing files is
    blamed: the one changed last, since that is where the author just made the mistake.
    """
    changed = modified or {}
    ordered = sorted(issues, key=lambda issue: (issue.number, changed.get(issue.source, 0.0), issue.source))
    if not ordered:
        raise SeriesError("issues/", "issue", "no issue files found")
    # The file the others are held to: the one left alone longest (the first in order when not known).
    first = min(ordered, key=lambda issue: (changed.get(issue.source, 0.0), issue.number, issue.source))
    seen: dict[int, Issue] = {}
    for issue in ordered:
        if issue.series != first.series:
            raise SeriesError(issue.source, "series", f"{issue.series!r} differs from {first.series!r} in", other=first.source)
        if issue.total != first.total:
            raise SeriesError(issue.source, "total", f"{issue.total} differs from {first.total} in", other=first.source)
        if issue.number in seen:
            raise SeriesError(issue.source, "issue", f"issue number {issue.number} is also used by", other=seen[issue.number].source)
        seen[issue.number] = issue
    return Series(name=first.series, total=first.total, issues=ordered)
