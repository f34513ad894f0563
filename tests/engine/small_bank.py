"""A tiny, valid bank as TOML text. Malformed-bank tests change one line of it at a time.

It has two sections, and one question of each role: `today` (practice), `goal` (need: each approach's situation),
`detail` (need, asked only after the beta goal, leaning toward beta) and `care` (readiness, asked
only after the alpha goal, looked at by the alpha caution, a risk).
"""

from assessment.bank import TEXT_PLACEHOLDERS

# Every text the bank requires, each using all the placeholders it allows, so that a new required
# text is a test failure here rather than a surprise in an author's bank.
TEXTS = "\n".join(
    f'{key} = "{key}' + "".join(f" {{{name}}}" for name in sorted(allowed)) + '"' for key, allowed in TEXT_PLACEHOLDERS.items()
)

SMALL_BANK = f'''
[article]
path = "article/"
anchors = ["first", "second"]

[scoring]
situation_points = 3
leaning_points = 1
practice_weight_max = 3

[severities]
blocking = ["cannot work unless"]
risk = ["may go wrong"]
practice = ["usually"]

[texts]
{TEXTS}

[[sections]]
id = "today"
title = "Today"

[[sections]]
id = "goals"
title = "Goals"

[[approaches]]
id = "alpha"
name = "Alpha"
scope = "for the alpha team"
summary = "The first way."
anchor = "first"

[[approaches]]
id = "beta"
name = "Beta"
scope = "for the beta team"
summary = "The second way."
anchor = "second"

[[questions]]
id = "today"
section = "today"
role = "practice"
text = "What do you do today?"
anchor = "first"

[[questions.options]]
id = "today_alpha"
text = "Alpha"
weights = {{ alpha = 3, beta = 0 }}

[[questions.options]]
id = "today_beta"
text = "Beta"
weights = {{ alpha = 0, beta = 3 }}

[[questions]]
id = "goal"
section = "goals"
role = "need"
text = "What is the goal?"
anchor = "second"

[[questions.options]]
id = "goal_alpha"
text = "The alpha goal"
need = {{ alpha = "situation" }}
situation = "alpha is the goal"
as_condition = "alpha were the goal"

[[questions.options]]
id = "goal_beta"
text = "The beta goal"
need = {{ beta = "situation" }}
situation = "beta is the goal"

[[questions.options]]
id = "goal_none"
text = "No goal"

[[questions]]
id = "detail"
section = "goals"
role = "need"
text = "Is the beta goal urgent?"
anchor = "second"
ask_if = {{ goal = ["goal_beta"] }}

[[questions.options]]
id = "detail_yes"
text = "Yes"
need = {{ beta = "leaning" }}

[[questions.options]]
id = "detail_no"
text = "No"

[[questions]]
id = "care"
section = "goals"
role = "readiness"
text = "Is alpha done with care?"
anchor = "first"
ask_if = {{ goal = ["goal_alpha"] }}

[[questions.options]]
id = "care_yes"
text = "With care"

[[questions.options]]
id = "care_no"
text = "Without care"

[[cautions]]
id = "careful"
approach = "alpha"
severity = "risk"
passage = "Alpha may go wrong without care."
text = "Be careful."
anchor = "first"
when = {{ care = ["care_no"] }}

[[next_steps]]
applies_to = "alpha"
text = "Keep doing the alpha thing with care."
anchor = "first"
when = {{ care = ["care_yes"] }}

[[next_steps]]
applies_to = "none"
text = "Wait for a goal."
anchor = "second"
'''


def small_bank_with(old: str, new: str) -> str:
    """The small bank with exactly one occurrence of `old` replaced by `new`."""
    assert SMALL_BANK.count(old) == 1, f"{old!r} must occur exactly once in the small bank"
    return SMALL_BANK.replace(old, new)
