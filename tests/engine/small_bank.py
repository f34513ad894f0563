"""A tiny, valid bank as TOML text. Malformed-bank tests change one line of it at a time."""

SMALL_BANK = '''
[article]
path = "article/"
anchors = ["first", "second"]

[scoring]
weight_min = 0
weight_max = 3
blend_margin = 10
reasons_per_approach = 2

[texts]
recommend_single = "Best: {name}."
recommend_blend = "Blend: {first} and {second} ({margin})."
practice_unknown = "Unknown."
practice_matches = "{practice} matches {best}."
practice_differs = "{practice} differs from {best}."

[[approaches]]
id = "alpha"
name = "Alpha"
summary = "The first way."
anchor = "first"

[[approaches]]
id = "beta"
name = "Beta"
summary = "The second way."
anchor = "second"

[[questions]]
id = "today"
kind = "practice"
text = "What do you do today?"
anchor = "first"

[[questions.options]]
id = "today_alpha"
text = "Alpha"
weights = { alpha = 3, beta = 0 }

[[questions.options]]
id = "today_beta"
text = "Beta"
weights = { alpha = 0, beta = 3 }

[[questions]]
id = "goal"
kind = "condition"
text = "What is the goal?"
anchor = "second"

[[questions.options]]
id = "goal_alpha"
text = "The alpha goal"
weights = { alpha = 3, beta = 0 }

[[questions.options]]
id = "goal_beta"
text = "The beta goal"
weights = { alpha = 0, beta = 2 }

[[cautions]]
id = "careful"
approach = "alpha"
text = "Be careful."
anchor = "first"
when = { goal = ["goal_alpha"] }

[[next_steps]]
applies_to = "alpha"
text = "Do the alpha thing."
anchor = "first"
'''


def small_bank_with(old: str, new: str) -> str:
    """The small bank with exactly one occurrence of `old` replaced by `new`."""
    assert SMALL_BANK.count(old) == 1, f"{old!r} must occur exactly once in the small bank"
    return SMALL_BANK.replace(old, new)
