"""One issue's front matter, read and checked: every mistake a SeriesError naming the file and field.

Plain Python (no MkDocs), like the model it fills (`model.py`).
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Mapping

import yaml

from site_build.series.model import Issue, SeriesError

# Front-matter fields of an issue: name -> (expected Python types, human description, required).
ISSUE_FIELDS: dict[str, tuple[tuple[type, ...], str, bool]] = {
    "series": ((str,), "text", True),
    "issue": ((int,), "a whole number", True),
    "total": ((int,), "a whole number", True),
    "title": ((str,), "text", True),
    "description": ((str,), "text", True),
    "tags": ((list,), "a list of text", True),
    "date": ((datetime.date, str), "a date (YYYY-MM-DD)", False),
    # The title of the next issue as this issue announces it, in the author's words.
    "announces": ((str,), "text", False),
}


class _DatesAsTextLoader(yaml.SafeLoader):
    """YAML's safe loader, except that dates stay text: a wrong date is then reported as the date
    field's mistake, not as a file that cannot be read."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_front_matter(source: str, block: str | None) -> dict[str, Any]:
    """The fields of a front matter block (the YAML between the `---` lines), or SeriesError saying why not."""
    if block is None:
        raise SeriesError(source, "", "missing; expected the file to start with fields between two '---' lines", place="block")
    try:
        fields = yaml.load(block, _DatesAsTextLoader)
    except yaml.MarkedYAMLError as error:
        # The block starts on the file's second line, after the opening '---'.
        line = error.problem_mark.line + 2 if error.problem_mark else 2
        raise SeriesError(source, "", f"not valid YAML ({error.problem})", place=f"line {line}") from None
    except yaml.YAMLError as error:
        raise SeriesError(source, "", f"not valid YAML ({error})", place="block") from None
    if not isinstance(fields, dict):
        raise SeriesError(source, "", f"expected fields (name: value), got {type(fields).__name__}", place="block")
    return fields


def parse_issue(source: str, url: str, meta: Mapping[str, Any]) -> Issue:
    """Validate one file's front matter and turn it into an Issue; raise SeriesError naming the field."""
    for name, (types, description, required) in ISSUE_FIELDS.items():
        if name not in meta or meta[name] is None:
            if required:
                raise SeriesError(source, name, f"missing; expected {description}")
            continue
        value = meta[name]
        # bool is an int in Python, but `issue: true` is a mistake, not issue number 1.
        if isinstance(value, bool) or not isinstance(value, types):
            raise SeriesError(source, name, f"expected {description}, got {type(value).__name__} {value!r}")
    tags = meta["tags"]
    for tag in tags:
        if not isinstance(tag, str):
            raise SeriesError(source, "tags", f"expected a list of text, got item {tag!r}")
    for name in ("issue", "total"):
        if meta[name] < 1:
            raise SeriesError(source, name, f"expected a number from 1 up, got {meta[name]}")
    if meta["issue"] > meta["total"]:
        raise SeriesError(
            source, "issue", f"issue {meta['issue']} is beyond the series length (total: {meta['total']})"
        )
    return Issue(
        source=source,
        url=url,
        series=meta["series"],
        number=meta["issue"],
        total=meta["total"],
        title=meta["title"],
        description=meta["description"],
        tags=tuple(tags),
        date=_parse_date(source, meta.get("date")),
        announces=meta.get("announces"),
    )


def _parse_date(source: str, value: datetime.date | str | None) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise SeriesError(source, "date", f"{value!r} is not a valid date; expected a real date as YYYY-MM-DD") from None
