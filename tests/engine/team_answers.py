"""Three people for the team tests, each an organization from the article's scenarios: one who
sees a proactive need, one a just-in-time need, one an after-the-fact need."""

from .article_scenarios import SCENARIOS


def scenario_answers(name: str) -> dict[str, str]:
    return next(scenario for scenario in SCENARIOS if scenario.name == name).answers


PROACTIVE = scenario_answers("succession_focus_with_identified_candidates")
JUST_IN_TIME = scenario_answers("360_results_and_training_to_act_on_now")
AFTER_THE_FACT = scenario_answers("behaviour_observed_by_the_board")
# The same organization, where HR answers that the coaching would partly serve as litigation cover:
# the article says after-the-fact coaching then invariably fails.
AFTER_THE_FACT_AS_LITIGATION_COVER = {**AFTER_THE_FACT, "dismissal_protection": "yes"}
