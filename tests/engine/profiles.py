"""Named answer sets, each a recognisable organization from the article."""

SUCCESSION_PLANNER = {
    "current_timing": "groomed_for_future_role",
    "current_decision": "budgeted_in_talent_plan",
    "succession_focus": "central",
    "promote_from_within": "from_within_policy",
    "candidates_identified": "named_and_budgeted",
    "investment_scale": "substantial",
    "flight_risk": "unlikely",
    "success_measure": "roi_built_in",
    "time_horizon": "over_years",
    "multi_rater_results": "occasionally",
    "training_follow_up": "sometimes",
    "protect_investment": "no",
    "observed_behaviour": "no",
    "contribution_valued": "no_one_concerned",
    "dismissal_protection": "no",
    "positioning": "carefully",
}

ACTS_ON_360_AND_TRAINING = {
    "current_timing": "after_assessment_or_training",
    "current_decision": "contracted_with_programme",
    "succession_focus": "secondary",
    "promote_from_within": "mixed",
    "candidates_identified": "named_only",
    "investment_scale": "focused",
    "flight_risk": "possible",
    "success_measure": "roi_built_in",
    "time_horizon": "right_away",
    "multi_rater_results": "yes_now",
    "training_follow_up": "yes",
    "protect_investment": "yes",
    "observed_behaviour": "no",
    "contribution_valued": "no_one_concerned",
    "dismissal_protection": "no",
    "positioning": "carefully",
}

BOARD_NOTICES_A_PROBLEM = {
    "current_timing": "when_performance_poor",
    "current_decision": "assigned_by_leadership",
    "succession_focus": "not_a_focus",
    "promote_from_within": "mostly_outside",
    "candidates_identified": "not_identified",
    "investment_scale": "remedial",
    "flight_risk": "likely",
    "success_measure": "behaviour_changed",
    "time_horizon": "once_corrected",
    "multi_rater_results": "no",
    "training_follow_up": "no",
    "protect_investment": "no",
    "observed_behaviour": "yes_specific",
    "contribution_valued": "valued",
    "dismissal_protection": "no",
    "positioning": "carefully",
}

# Succession matters and so does acting on 360° results and training, about equally.
BALANCED_SUCCESSION_AND_PROGRAMMES = {
    "current_timing": "not_offered",
    "current_decision": "no_coaching",
    "succession_focus": "central",
    "promote_from_within": "from_within_policy",
    "candidates_identified": "named_and_budgeted",
    "investment_scale": "focused",
    "flight_risk": "unlikely",
    "success_measure": "roi_built_in",
    "time_horizon": "right_away",
    "multi_rater_results": "yes_now",
    "training_follow_up": "yes",
    "protect_investment": "no",
    "observed_behaviour": "no",
    "contribution_valued": "no_one_concerned",
    "dismissal_protection": "no",
    "positioning": "carefully",
}


def changed(profile: dict, **changes: str) -> dict:
    """A copy of a profile with some answers changed."""
    assert set(changes) <= set(profile), f"unknown questions: {set(changes) - set(profile)}"
    return {**profile, **changes}

# A little of everything: all three approaches end up within the blend margin of each other.
A_LITTLE_OF_EVERYTHING = {
    "current_timing": "not_offered",
    "current_decision": "no_coaching",
    "succession_focus": "secondary",
    "promote_from_within": "mostly_outside",
    "candidates_identified": "named_and_budgeted",
    "investment_scale": "remedial",
    "flight_risk": "unlikely",
    "success_measure": "behaviour_changed",
    "time_horizon": "over_years",
    "multi_rater_results": "yes_now",
    "training_follow_up": "yes",
    "protect_investment": "yes",
    "observed_behaviour": "some_concern",
    "contribution_valued": "no_one_concerned",
    "dismissal_protection": "no",
    "positioning": "as_a_requirement",
}
