"""Hypothesis strategies over the packaged bank."""

from hypothesis import strategies as st

from assessment import load_bank


def complete_answers(bank=None):
    bank = bank or load_bank()
    return st.fixed_dictionaries({question.id: st.sampled_from(question.option_ids) for question in bank.questions})


def partial_answers(bank=None):
    bank = bank or load_bank()
    return complete_answers(bank).flatmap(
        lambda answers: st.sets(st.sampled_from(sorted(answers))).map(lambda keep: {key: answers[key] for key in keep})
    )
