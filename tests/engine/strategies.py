"""Hypothesis strategies over a bank: answer sets a reader could give, question by question."""

from hypothesis import strategies as st

from assessment import load_bank


@st.composite
def complete_answers(draw, bank=None):
    """An answer for every question asked and no other, drawn in bank order so that each `ask_if`
    sees the answers before it, as the form does."""
    bank = bank or load_bank()
    answers: dict[str, str] = {}
    for question in bank.questions:
        if question.is_asked(answers):
            answers[question.id] = draw(st.sampled_from(question.option_ids))
    return answers


def partial_answers(bank=None):
    """Some of the answers of a complete set (the rest left unanswered)."""
    return complete_answers(bank).flatmap(lambda answers: st.sets(st.sampled_from(sorted(answers))).map(lambda keep: {key: answers[key] for key in keep}))


def unasked_answers(answers, bank=None):
    """Answers to the questions a complete set leaves unasked: any option, or even a made-up one."""
    bank = bank or load_bank()
    unasked = [question for question in bank.questions if question.id not in answers]
    return st.fixed_dictionaries({question.id: st.sampled_from((*question.option_ids, "made_up")) for question in unasked})
