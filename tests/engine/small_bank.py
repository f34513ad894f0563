"""A tiny, valid bank as TOML text (small_bank.toml, with its texts filled in). Malformed-bank tests change one line of it at a time.

It has two sections, and one question of each role: `today` (practice), `goal` (need: each approach's situation),
`detail` (need, asked only after the beta goal, leaning toward beta) and `care` (readiness, asked
only after the alpha goal, looked at by the alpha caution, a risk).
"""

from pathlib import Path

from assessment.bank import TEXT_PLACEHOLDERS

# Every text the bank requires, each using all the placeholders it allows, so that a new required
# text is a test failure here rather than a surprise in an author's bank.
TEXTS = "\n".join(
    f'{key} = "{key}' + "".join(f" {{{name}}}" for name in sorted(allowed)) + '"' for key, allowed in TEXT_PLACEHOLDERS.items()
)

# The bank itself is a data file; its [texts] are filled in here, from what the engine requires.
SMALL_BANK = Path(__file__).with_name("small_bank.toml").read_text("utf-8").replace("[texts]\n", f"[texts]\n{TEXTS}\n", 1)


def small_bank_with(old: str, new: str) -> str:
    """The small bank with exactly one occurrence of `old` replaced by `new`."""
    assert SMALL_BANK.count(old) == 1, f"{old!r} must occur exactly once in the small bank"
    return SMALL_BANK.replace(old, new)
