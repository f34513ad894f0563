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
