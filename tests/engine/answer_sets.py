"""Complete answer sets built from the bank itself, so tests state only the answers they care about.

The neutral base answers every question asked with its first option that says nothing: for a
need question, no signal for any approach; for a practice question, no weight for any; for a
readiness question, no caution's condition. Where every option says something, the option that
says least (for a need question, a leaning rather than a situation) is taken. Because the base is
read from the bank, a question added later is answered too.
"""

from collections.abc import Mapping

from assessment.model import NEED, PRACTICE, SITUATION, Option, Question, QuestionBank


def how_much_it_says(bank: QuestionBank, question: Question, option: Option) -> int:
    if question.role == NEED:
        return sum(2 if signal == SITUATION else 1 for signal in option.need.values())
    if question.role == PRACTICE:
        return sum(option.weights.values())
    return sum(option.id in rule.when.get(question.id, ()) for rule in bank.cautions)


def neutral_option(bank: QuestionBank, question: Question) -> str:
    return min(question.options, key=lambda option: how_much_it_says(bank, question, option)).id


def complete_answers(bank: QuestionBank, given: Mapping[str, str]) -> dict[str, str]:
    """Every question asked, in bank order: the given answer where there is one, else the neutral one.
    Given answers to questions that end up not asked are left out."""
    answers: dict[str, str] = {}
    for question in bank.questions:
        if question.is_asked(answers):
            answers[question.id] = given.get(question.id, neutral_option(bank, question))
    return answers


def neutral_answers(bank: QuestionBank) -> dict[str, str]:
    return complete_answers(bank, {})
