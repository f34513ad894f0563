"""Errors a person can act on: each names where the problem is and what was expected."""


class BankError(ValueError):
    """The question bank data is wrong: names the file, the place in it and the field.

    A problem of the file as a whole (its encoding, its TOML syntax) has no field: `field` is "" and
    the place is a line and column.
    """

    def __init__(self, file: str, location: str, field: str, message: str) -> None:
        self.file = file
        self.location = location
        self.field = field
        self.message = message
        named_field = f" field '{field}':" if field else ""
        super().__init__(f"{file}: {location}:{named_field} {message}")


class AnswersError(ValueError):
    """A set of answers is wrong: lists every problem at once, so they can all be fixed in one go."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


class UnreadableAnswersError(ValueError):
    """Answers text that is not a JSON object at all: too big, too deep, not UTF-8, not JSON, a key twice."""


# An id someone typed is echoed back so they can find it; past this it is no longer an id worth reading.
QUOTED_MAX_CHARACTERS = 60
# Ten problems are enough to start fixing; a file with thousands needs a different kind of fix.
LISTED_MAX_PROBLEMS = 10


def quoted(value: object) -> str:
    """Echo an untrusted value safely: cut to a readable length, then quoted with every control,
    NUL or bidi character escaped (repr's rule: anything not printable), so it cannot act on a terminal."""
    text = str(value)
    if len(text) <= QUOTED_MAX_CHARACTERS:
        return repr(text)
    return f"{text[:QUOTED_MAX_CHARACTERS]!r}… ({len(text):,} characters)"


def listed(problems: list[str] | tuple[str, ...]) -> list[str]:
    """The first problems, then how many more there are."""
    if len(problems) <= LISTED_MAX_PROBLEMS:
        return list(problems)
    return [*problems[:LISTED_MAX_PROBLEMS], f"and {len(problems) - LISTED_MAX_PROBLEMS:,} more"]
