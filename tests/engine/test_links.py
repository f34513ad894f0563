"""The share link and the team link, as the engine builds and reads them (assessment.links)."""

import pytest
from hypothesis import given, settings

from assessment.links import REFUSALS, SHARE, LinkRefused, read_share_link, rules_for_page, share_link
from support.link_table import link_table

from .strategies import partial_answers
from .team_answers import JUST_IN_TIME, PROACTIVE

EXAMPLES = settings(max_examples=30, deadline=None)


def cases(bank):
    return [case for answers in (PROACTIVE, JUST_IN_TIME) for case in link_table(bank, answers)]


def test_every_link_of_the_table_is_read_as_the_table_says(bank):
    for case in cases(bank):
        if case.answers is None:
            with pytest.raises(LinkRefused) as refused:
                read_share_link(bank, case.fragment)
            assert refused.value.reason == case.refusal, case.name
            assert str(refused.value) == REFUSALS[case.refusal]
        else:
            read = read_share_link(bank, case.fragment)
            assert (read.answers, read.complete, read.outdated) == (case.answers, case.complete, case.outdated), case.name


def test_the_table_covers_what_mail_programs_and_hands_do_to_links(bank):
    names = {case.name for case in cases(bank)}
    for expected in ("trailing ampersand", "a repeated field", "incomplete", "an earlier bank", "too long", "odd characters",
                     "percent-encoded separators", "upper case"):
        assert expected in names


@EXAMPLES
@given(answers=partial_answers().filter(bool))
def test_a_built_link_reads_back_as_the_answers_asked(bank, answers):
    asked = bank.answers_to_asked(answers)
    if not asked:
        return
    read = read_share_link(bank, "https://example.org/assessment/" + share_link(bank, answers))
    assert read.answers == asked
    assert read.complete == all(question.id in asked for question in bank.asked_questions(asked))
    assert not read.outdated


def test_a_link_of_an_earlier_bank_names_the_answers_it_drops(bank):
    link = share_link(bank, PROACTIVE).replace(bank.fingerprint, "000000000000") + "&retired_question=gone"
    assert read_share_link(bank, link).dropped == ("retired_question=gone",)


def test_a_complete_link_of_a_full_bank_stays_within_the_limit(bank):
    longest_answers = {question.id: max(question.option_ids, key=len) for question in bank.questions}
    assert len(share_link(bank, longest_answers)) < SHARE.longest / 2


def test_the_page_is_handed_the_same_rules_as_the_reader_uses():
    rules = rules_for_page()
    assert rules["share"] == {"name": "assessment", "prefix": "assessment=", "version": "1", "longest": SHARE.longest, "lenient": True}
    assert rules["refusals"] == REFUSALS
