"""Organizations described by the article's own sentences, with the outcome the article implies.

Each scenario states only the answers it is about; `answers` completes them from the bank's
neutral base (see answer_sets), so the table holds as questions are added. The engine tests
check each outcome (tests/engine/test_article_scenarios.py); the browser tests replay the same
`answers` for parity with the native engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from assessment import load_bank

from .answer_sets import complete_answers

PRESENT = True
ABSENT = False


@dataclass(frozen=True)
class Scenario:
    name: str
    anchor: str  # the article paragraph the sentence is from, e.g. "#aft-remediation"
    sentence: str  # the article's own words
    given: Mapping[str, str]  # the answers this organization gives (may include unasked questions)
    recommended: str
    need: Mapping[str, bool] = field(default_factory=dict)  # approach id -> need present
    readiness: Mapping[str, str] = field(default_factory=dict)  # approach id -> holds | at_risk | blocked | unknown
    blocked: tuple[str, ...] = ()  # approaches called for that the article expects to fail as the answers stand
    raised: tuple[str, ...] = ()  # caution ids that must be raised
    not_raised: tuple[str, ...] = ()  # caution ids that must not be
    thin_evidence: bool | None = None  # None: this scenario does not care
    not_asked: tuple[str, ...] = ()  # given answers to questions these answers leave unasked
    not_known: tuple[str, ...] = ()  # conditions answered "not sure": the result says what to find out

    @property
    def answers(self) -> dict[str, str]:
        """A complete answer set valid for the bank: every question asked is answered, no other."""
        return complete_answers(load_bank(), self.given)

    @property
    def answers_as_given(self) -> dict[str, str]:
        """The complete answers plus the given answers to questions that are not asked."""
        return {**self.answers, **{question_id: self.given[question_id] for question_id in self.not_asked}}

    def __repr__(self) -> str:  # keeps assertion messages short
        return f"Scenario({self.name!r}, {self.anchor})"


def scenario(name: str, anchor: str, sentence: str, given: Mapping[str, str], recommended: str, **expected) -> Scenario:
    return Scenario(name, anchor, sentence, MappingProxyType(dict(given)), recommended, **expected)


NO_BEHAVIOUR_QUESTIONS_ANSWERED = {"contribution_valued": "valued", "dismissal_protection": "no", "positioning": "carefully"}
BEHAVIOUR_OBSERVED = {"observed_behaviour": "yes_specific", **NO_BEHAVIOUR_QUESTIONS_ANSWERED}
SUCCESSION_WITH_CANDIDATES = {"succession_focus": "central", "candidates_identified": "named_and_budgeted", "success_measure": "roi_built_in"}
EXECUTIVE_QUESTIONS = ("contribution_valued", "dismissal_protection", "positioning")

SCENARIOS = (
    scenario(
        "nothing_called_for",
        "#field-practices",
        "What approach do you use? Could your organization benefit from another?",
        # The first example, word for word: no coaching today and none of the situations.
        {
            "current_timing": "not_offered", "succession_focus": "not_a_focus",
            "promote_from_within": "mostly_outside", "candidates_identified": "not_identified", "investment_scale": "focused",
            "flight_risk": "unlikely", "success_measure": "not_judged", "time_horizon": "right_away",
            "multi_rater_results": "no", "training_follow_up": "no", "protect_investment": "no", "observed_behaviour": "no",
            "contribution_valued": "no_one_concerned", "dismissal_protection": "no", "positioning": "carefully",
        },
        "none",
        need={"proactive": ABSENT, "just_in_time": ABSENT, "after_the_fact": ABSENT},
        not_raised=("just_in_time_satisfaction_survey_only", "proactive_without_roi"),
        not_asked=("protect_investment", *EXECUTIVE_QUESTIONS),
    ),
    scenario(
        "360_results_and_training_to_act_on_now",
        "#jit-impact",
        "Just-in-time executive coaching is the approach organizations favor when they are looking for immediate impact from or immediate implementation of new insights, ideas, processes, etc.",
        # The second example: nothing about a behaviour, so after-the-fact gets nothing.
        {
            "multi_rater_results": "yes_now", "training_follow_up": "sometimes", "time_horizon": "right_away",
            "observed_behaviour": "no", **NO_BEHAVIOUR_QUESTIONS_ANSWERED,
        },
        "just_in_time",
        need={"just_in_time": PRESENT, "proactive": ABSENT, "after_the_fact": ABSENT},
        not_asked=EXECUTIVE_QUESTIONS,
    ),
    scenario(
        "succession_focus_with_identified_candidates",
        "#proactive-candidates",
        "First, the organization identifies who, within management ranks, has the promise to succeed in an executive role; or who, already in an executive role, has the potential to succeed someone else in a C-level position (e.g., CEO, CFO, COO, or CTO). Then, the organization budgets for executive coaching for each of these people.",
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "unlikely"},
        "proactive",
        need={"proactive": PRESENT, "just_in_time": ABSENT, "after_the_fact": ABSENT},
        readiness={"proactive": "at_risk"},
        # The article states the leverage risk as inherent ("some of these individuals will"):
        # named whatever the organization expects.
        raised=("proactive_flight_risk",),
        not_raised=("proactive_without_roi", "proactive_without_budget"),
        thin_evidence=False,
    ),
    scenario(
        "behaviour_observed_by_the_board",
        "#aft-remediation",
        "Someone on the Board or in Senior Management observes a behavior that limits or could limit that executive’s capacity to achieve greater success.",
        {**BEHAVIOUR_OBSERVED, "investment_scale": "remedial", "time_horizon": "once_corrected"},
        "after_the_fact",
        need={"after_the_fact": PRESENT, "proactive": ABSENT, "just_in_time": ABSENT},
        readiness={"after_the_fact": "holds"},
        thin_evidence=False,
    ),
    scenario(
        "after_the_fact_as_litigation_cover",
        "#aft-mandated",
        "It invariably fails if the coaching is provided as a way to protect the organization from litigation if dismissal is the result.",
        {**BEHAVIOUR_OBSERVED, "dismissal_protection": "yes"},
        "none",
        need={"after_the_fact": PRESENT},
        readiness={"after_the_fact": "blocked"},
        blocked=("after_the_fact",),
        raised=("after_the_fact_as_litigation_cover",),
        not_raised=("after_the_fact_contribution_not_valued", "after_the_fact_not_carefully_positioned"),
    ),
    scenario(
        "litigation_cover_not_known",
        "#aft-mandated",
        "It invariably fails if the coaching is provided as a way to protect the organization from litigation if dismissal is the result.",
        # "Not sure" is neither a yes nor a no: the verdict waits, and the result says what to find out.
        {**BEHAVIOUR_OBSERVED, "dismissal_protection": "not_sure"},
        "after_the_fact",
        readiness={"after_the_fact": "unknown"},
        not_raised=("after_the_fact_as_litigation_cover",),
        not_known=("after_the_fact_as_litigation_cover",),
    ),
    scenario(
        "contribution_not_known",
        "#aft-mandated",
        "Even so, it can work only if the executive’s contribution is otherwise valued by the organization.",
        {**BEHAVIOUR_OBSERVED, "contribution_valued": "not_sure"},
        "after_the_fact",
        readiness={"after_the_fact": "unknown"},
        not_raised=("after_the_fact_contribution_not_valued",),
        not_known=("after_the_fact_contribution_not_valued",),
    ),
    scenario(
        "positioning_not_decided_is_a_risk_to_check",
        "#aft-resistance",
        "After-the-fact executive coaching is often met with resistance and, unless extremely carefully positioned, can serve to alienate the executive or cause a permanent breakdown in trust between the executive and his or her peers or superiors.",
        {**BEHAVIOUR_OBSERVED, "positioning": "not_decided"},
        "after_the_fact",
        # A risk left open is a risk to check, not an unknown verdict: only a blocking condition can make it that.
        readiness={"after_the_fact": "at_risk"},
        not_raised=("after_the_fact_not_carefully_positioned",),
        not_known=("after_the_fact_not_carefully_positioned",),
    ),
    scenario(
        "mandated_is_common_and_not_a_condition",
        "#aft-mandated",
        "After-the-fact executive coaching is often mandated. Even so, it can work only if the executive’s contribution is otherwise valued by the organization.",
        # Being mandated is what the article reports as common, not a condition: the approach stays
        # ready, with the note beside it.
        {**BEHAVIOUR_OBSERVED, "mandated": "yes"},
        "after_the_fact",
        readiness={"after_the_fact": "holds"},
        raised=("after_the_fact_mandated",),
    ),
    scenario(
        "only_a_concern_with_the_contribution_not_known",
        "#aft-remediation",
        "Someone on the Board or in Senior Management observes a behavior that limits or could limit that executive’s capacity to achieve greater success.",
        # Nothing observed yet, so after-the-fact coaching is not called for, and "not sure" about the
        # executive's contribution is said to be moot rather than dropped.
        {"observed_behaviour": "some_concern", "contribution_valued": "not_sure"},
        "none",
        need={"after_the_fact": ABSENT},
    ),
    scenario(
        "flight_risk_not_sure_is_named_as_a_risk",
        "#proactive-risk",
        "Or, once identified as high potentials or candidates for top-level positions, some of these individuals will see this as a sign of their increased marketability and may use it as leverage to find high-level positions outside of the organization.",
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "not_sure"},
        "proactive",
        # A risk, not a condition for proactive coaching to work: "not sure" leaves it named, never
        # the verdict "not known".
        readiness={"proactive": "at_risk"},
        raised=("proactive_flight_risk",),
        not_known=("proactive_flight_risk",),  # still worth finding out: a next step says what and whom to ask
    ),
    scenario(
        "contribution_not_valued",
        "#aft-mandated",
        "Even so, it can work only if the executive’s contribution is otherwise valued by the organization.",
        {**BEHAVIOUR_OBSERVED, "contribution_valued": "not_valued"},
        "none",
        need={"after_the_fact": PRESENT},
        readiness={"after_the_fact": "blocked"},
        blocked=("after_the_fact",),
        raised=("after_the_fact_contribution_not_valued",),
        not_raised=("after_the_fact_as_litigation_cover",),
    ),
    scenario(
        "contribution_not_valued_and_litigation_cover",
        "#aft-mandated",
        "After-the-fact executive coaching is often mandated. Even so, it can work only if the executive’s contribution is otherwise valued by the organization. It invariably fails if the coaching is provided as a way to protect the organization from litigation if dismissal is the result.",
        # The HR head: coaching as a requirement, the contribution in doubt.
        {
            "current_timing": "when_performance_poor", "current_decision": "assigned_by_leadership", "succession_focus": "not_a_focus",
            "promote_from_within": "mostly_outside", "candidates_identified": "not_identified", "investment_scale": "remedial",
            "flight_risk": "unlikely", "success_measure": "behaviour_changed", "time_horizon": "once_corrected",
            "multi_rater_results": "no", "training_follow_up": "no", "observed_behaviour": "yes_specific",
            "contribution_valued": "not_valued", "dismissal_protection": "yes", "positioning": "not_carefully",
        },
        "none",
        need={"after_the_fact": PRESENT, "proactive": ABSENT, "just_in_time": ABSENT},
        readiness={"after_the_fact": "blocked"},
        blocked=("after_the_fact",),
        raised=("after_the_fact_contribution_not_valued", "after_the_fact_as_litigation_cover", "after_the_fact_not_carefully_positioned"),
    ),
    scenario(
        "succession_need_and_an_executive_whose_contribution_is_not_valued",
        "#aft-mandated",
        "Even so, it can work only if the executive’s contribution is otherwise valued by the organization.",
        # Blocking one approach leaves the other's recommendation as it was.
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "unlikely", **BEHAVIOUR_OBSERVED, "contribution_valued": "not_valued"},
        "proactive",
        need={"proactive": PRESENT, "after_the_fact": PRESENT},
        readiness={"proactive": "at_risk", "after_the_fact": "blocked"},
        blocked=("after_the_fact",),
        raised=("after_the_fact_contribution_not_valued",),
    ),
    scenario(
        "succession_need_and_coaching_as_litigation_cover",
        "#aft-mandated",
        "It invariably fails if the coaching is provided as a way to protect the organization from litigation if dismissal is the result.",
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "unlikely", **BEHAVIOUR_OBSERVED, "dismissal_protection": "yes"},
        "proactive",
        need={"proactive": PRESENT, "after_the_fact": PRESENT},
        readiness={"proactive": "at_risk", "after_the_fact": "blocked"},
        blocked=("after_the_fact",),
        raised=("after_the_fact_as_litigation_cover",),
    ),
    scenario(
        "remediation_for_a_valued_executive",
        "#aft-mandated",
        "After-the-fact executive coaching is often mandated. Even so, it can work only if the executive’s contribution is otherwise valued by the organization.",
        # Valued, no litigation motive: the conditions for it to work hold, even when mandated.
        {**BEHAVIOUR_OBSERVED, "investment_scale": "remedial", "current_timing": "when_performance_poor", "current_decision": "assigned_by_leadership"},
        "after_the_fact",
        readiness={"after_the_fact": "holds"},
        not_raised=("after_the_fact_contribution_not_valued", "after_the_fact_as_litigation_cover"),
    ),
    scenario(
        "not_carefully_positioned",
        "#aft-resistance",
        "After-the-fact executive coaching is often met with resistance and, unless extremely carefully positioned, can serve to alienate the executive or cause a permanent breakdown in trust between the executive and his or her peers or superiors.",
        {**BEHAVIOUR_OBSERVED, "positioning": "not_carefully"},
        "after_the_fact",
        readiness={"after_the_fact": "at_risk"},
        raised=("after_the_fact_not_carefully_positioned",),
    ),
    scenario(
        "candidates_named_without_a_budget",
        "#proactive-candidates",
        "Then, the organization budgets for executive coaching for each of these people.",
        # What the article describes as the practice: a note, never a risk.
        {**SUCCESSION_WITH_CANDIDATES, "candidates_identified": "named_only", "flight_risk": "unlikely"},
        "proactive",
        need={"proactive": PRESENT},
        readiness={"proactive": "at_risk"},
        raised=("proactive_without_budget",),
        not_raised=("proactive_without_roi",),
    ),
    scenario(
        "candidates_may_leave",
        "#proactive-risk",
        "Or, once identified as high potentials or candidates for top-level positions, some of these individuals will see this as a sign of their increased marketability and may use it as leverage to find high-level positions outside of the organization.",
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "likely"},
        "proactive",
        need={"proactive": PRESENT},
        readiness={"proactive": "at_risk"},
        raised=("proactive_flight_risk",),
        not_raised=("proactive_without_roi",),
    ),
    scenario(
        "a_few_candidates_may_leave",
        "#proactive-risk",
        "Or, once identified as high potentials or candidates for top-level positions, some of these individuals will see this as a sign of their increased marketability and may use it as leverage to find high-level positions outside of the organization.",
        # "Some ... will": the article's risk holds for a few as much as for many.
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "possible"},
        "proactive",
        readiness={"proactive": "at_risk"},
        raised=("proactive_flight_risk",),
    ),
    scenario(
        "proactive_without_an_roi_component",
        "#proactive-risk",
        "Hence, the trend is toward establishing proactive executive coaching programs with a built-in Return-on-Investment (ROI) component.",
        # "The trend is toward": a practice note, not a risk.
        {**SUCCESSION_WITH_CANDIDATES, "success_measure": "behaviour_changed", "flight_risk": "unlikely"},
        "proactive",
        readiness={"proactive": "at_risk"},
        raised=("proactive_without_roi",),
        not_raised=("just_in_time_satisfaction_survey_only",),
    ),
    scenario(
        "just_in_time_judged_by_a_satisfaction_survey",
        "#jit-evaluation",
        "If any evaluation is done, it is most often in the form of a self-administered “satisfaction” survey that participants are asked to complete.",
        # "Most often": what is usually done, a practice note and no risk.
        {"training_follow_up": "yes", "protect_investment": "yes", "success_measure": "satisfaction_survey"},
        "just_in_time",
        need={"just_in_time": PRESENT},
        readiness={"just_in_time": "no_conditions"},
        raised=("just_in_time_satisfaction_survey_only",),
        # Proactive is neither recommended nor today's practice: its ROI caution stays quiet.
        not_raised=("proactive_without_roi",),
    ),
    scenario(
        "succession_candidates_acting_on_360_results",
        "#jit-impact",
        "An example of just-in-time coaching is the focused coaching that organizations contract for so that their high potentials and succession plan candidates can translate into action the information they get about their leadership from multi-rater assessments (also known as 360° surveys).",
        {"candidates_identified": "named_and_budgeted", "multi_rater_results": "yes_now", "investment_scale": "focused", "time_horizon": "over_years"},
        "blend:just_in_time+proactive",
        need={"proactive": PRESENT, "just_in_time": PRESENT, "after_the_fact": ABSENT},
    ),
    scenario(
        "promote_from_within_policy_alone",
        "#proactive-succession",
        "Typically, proactive coaching is an outgrowth of an organization’s promote-from-within-whenever-possible policy.",
        # Only answers that lean toward proactive: none of them is its situation.
        {"promote_from_within": "from_within_policy", "succession_focus": "secondary", "investment_scale": "substantial", "time_horizon": "over_years"},
        "none",
        need={"proactive": ABSENT, "just_in_time": ABSENT, "after_the_fact": ABSENT},
    ),
    scenario(
        "insurance_for_an_occasional_assessment",
        "#jit-evaluation",
        "This approach is taken by most organizations as a kind of insurance policy for their investment in the assessment or training, so that the insights are captured and implemented, rather than lost.",
        # Occasional 360° results and occasional training: just-in-time coaching applies each time they occur.
        {"multi_rater_results": "occasionally", "training_follow_up": "sometimes", "protect_investment": "yes", "time_horizon": "right_away"},
        "just_in_time",
        need={"just_in_time": PRESENT},
    ),
    scenario(
        "training_follow_up_alone",
        "#jit-training",
        "Another example of just-in-time coaching is the one-to-one, follow-up sessions that take place after an individual attends a training class or module.",
        {"training_follow_up": "yes"},
        "just_in_time",
        need={"just_in_time": PRESENT},
        thin_evidence=True,
    ),
    scenario(
        "questions_about_an_executive_no_one_is_concerned_about",
        "#aft-remediation",
        "Soon the executive under scrutiny is provided with a coach to modify the behavior in question.",
        # No behaviour observed, so the questions about "the executive" are not asked: what is
        # answered to them must neither raise a caution nor count.
        {"observed_behaviour": "no", "contribution_valued": "not_valued", "dismissal_protection": "yes", "positioning": "not_carefully"},
        "none",
        need={"after_the_fact": ABSENT},
        readiness={"after_the_fact": "unknown"},
        not_raised=("after_the_fact_as_litigation_cover", "after_the_fact_contribution_not_valued", "after_the_fact_not_carefully_positioned"),
        not_asked=EXECUTIVE_QUESTIONS,
    ),
    scenario(
        "every_newly_promoted_executive_coached",
        "#field-practices",
        "We learned that some organizations routinely offer coaching to every person newly promoted to executive row.",
        # The article calls this proactive coaching; nothing else is said.
        {"newly_promoted_coaching": "every_new_executive"},
        "proactive",
        need={"proactive": PRESENT, "just_in_time": ABSENT, "after_the_fact": ABSENT},
    ),
    scenario(
        "succession_plan_and_an_executive_under_scrutiny",
        "#proactive-succession",
        "Typically, proactive coaching is an outgrowth of an organization’s promote-from-within-whenever-possible policy.",
        # A programme for the succession plan, and one executive whose behaviour was observed: both
        # are called for, side by side, each for its own people.
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "unlikely", **BEHAVIOUR_OBSERVED},
        "blend:after_the_fact+proactive",
        need={"proactive": PRESENT, "after_the_fact": PRESENT, "just_in_time": ABSENT},
        readiness={"proactive": "at_risk", "after_the_fact": "holds"},
    ),
    scenario(
        "every_approach_called_for",
        "#jit-impact",
        "An example of just-in-time coaching is the focused coaching that organizations contract for so that their high potentials and succession plan candidates can translate into action the information they get about their leadership from multi-rater assessments (also known as 360° surveys).",
        # One organization may have every situation at once: each approach, for its own people.
        {**SUCCESSION_WITH_CANDIDATES, "flight_risk": "unlikely", "multi_rater_results": "yes_now", **BEHAVIOUR_OBSERVED},
        "blend:after_the_fact+just_in_time+proactive",
        need={"proactive": PRESENT, "just_in_time": PRESENT, "after_the_fact": PRESENT},
    ),
    scenario(
        "newly_promoted_executives_coached_by_routine",
        "#field-practices",
        "We learned that some organizations routinely offer coaching to every person newly promoted to executive row.",
        # Today's practice alone never makes a recommendation.
        {"current_timing": "newly_promoted", "current_decision": "talent_plan"},
        "none",
        need={"proactive": ABSENT},
    ),
)
