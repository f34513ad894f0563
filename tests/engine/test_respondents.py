"""Reading a team's respondents: share links, JSON downloads, answers files and team links, each
respondent checked on its own."""

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessment import score_answers
from assessment.links import LONGEST_LABEL, share_link, team_link
from assessment.respondents import (
    OUTDATED,
    UNREADABLE,
    ReadAnswers,
    RespondentError,
    answers_from_text,
    read_respondents,
    read_team_link,
)
from assessment.team import LARGEST_TEAM, SMALLEST_TEAM

from .team_answers import AFTER_THE_FACT, JUST_IN_TIME, PROACTIVE
from .strategies import partial_answers

EXAMPLES = settings(max_examples=20, deadline=None)


def address(bank, answers, *, earlier_bank=False, extra=""):
    """A whole address holding the engine's share link for these answers; `earlier_bank` as a link
    made before the questions changed, `extra` fields appended as a hand-edited link would have them."""
    link = share_link(bank, answers) + extra
    if earlier_bank:
        link = link.replace(f"bank={bank.fingerprint}", "bank=000000000000")
    return "https://example.org/assessment/" + link


# ---------------------------------------------------------------- one respondent

def test_a_share_link_a_result_download_and_an_answers_file_give_the_same_answers(bank):
    download = json.dumps(score_answers(bank, PROACTIVE).to_dict())
    for text in (address(bank, PROACTIVE), download, json.dumps(PROACTIVE)):
        assert answers_from_text(bank, text) == ReadAnswers(PROACTIVE)


def test_links_and_downloads_of_an_earlier_bank_keep_the_answers_that_still_exist(bank):
    earlier = {**PROACTIVE, "retired_question": "gone", "succession_focus": "retired_option"}
    download = {**score_answers(bank, PROACTIVE).to_dict(), "answers": earlier, "bank_fingerprint": "000000000000"}
    link = address(bank, {key: value for key, value in PROACTIVE.items() if key != "succession_focus"}, earlier_bank=True,
                   extra="&retired_question=gone&succession_focus=retired_option")
    for text in (link, json.dumps(download)):
        read = answers_from_text(bank, text)
        assert read.outdated
        assert sorted(read.dropped) == ["retired_question=gone", "succession_focus=retired_option"]
        assert read.answers == bank.answers_to_asked({key: value for key, value in PROACTIVE.items() if key != "succession_focus"})


def test_read_respondents_keeps_an_earlier_banks_link_with_a_notice(bank):
    team = read_respondents(bank, [
        {"label": "CEO", "text": address(bank, PROACTIVE)},
        {"label": "HR", "text": address(bank, JUST_IN_TIME, earlier_bank=True)},
    ])
    assert team.respondents == [("CEO", PROACTIVE), ("HR", JUST_IN_TIME)]
    assert [(notice.label, notice.reason) for notice in team.notices] == [("HR", OUTDATED)]
    assert team.left_out == []


@pytest.mark.parametrize("tamper", [
    lambda link: link.replace("assessment=1", "assessment=2"),
    lambda link: link + "&succession_focus=central",
    lambda link: link + "&<b>=x",
    lambda link: link.replace("=central", "=centr<al"),
    lambda link: link.split("#")[0],
    lambda link: "",
])
def test_a_tampered_share_link_is_unreadable(bank, tamper):
    with pytest.raises(RespondentError) as raised:
        answers_from_text(bank, tamper(address(bank, PROACTIVE)))
    assert raised.value.reason == UNREADABLE


def test_unknown_options_in_a_link_say_so(bank):
    link = address(bank, PROACTIVE).replace("succession_focus=", "succession_focus=everything_")
    with pytest.raises(RespondentError) as raised:
        answers_from_text(bank, link)
    assert raised.value.problems == ("it names questions or answers this assessment does not have (it may have been changed)",)


def test_read_respondents_leaves_out_the_bad_ones_by_name(bank):
    team = read_respondents(bank, [
        {"label": "CEO", "text": address(bank, PROACTIVE)},
        {"label": "HR", "text": "not a link"},
        {"text": json.dumps(AFTER_THE_FACT)},
        {"label": "CFO", "text": "{broken json"},
    ])
    assert team.respondents == [("CEO", PROACTIVE), ("Respondent 3", AFTER_THE_FACT)]
    assert [(problem.label, problem.reason) for problem in team.left_out] == [("HR", UNREADABLE), ("CFO", UNREADABLE)]


# ---------------------------------------------------------------- team links

LABELS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=LONGEST_LABEL).map(str.strip).filter(bool)


@EXAMPLES
@given(team=st.lists(st.tuples(LABELS, partial_answers().filter(bool)), min_size=SMALLEST_TEAM, max_size=LARGEST_TEAM))
def test_a_team_link_carries_every_respondents_label_and_answers(bank, team):
    team = [(label, bank.answers_to_asked(answers)) for label, answers in team]  # as forms give them
    assume(all(answers for _, answers in team))
    read = read_team_link(bank, "https://example.org/assessment/team/" + team_link(bank, team))
    assert read.respondents == team
    assert read.left_out == []


def test_a_team_link_of_twelve_stays_short(bank):
    team = [(f"Respondent {number}", PROACTIVE) for number in range(1, LARGEST_TEAM + 1)]
    link = team_link(bank, team)
    # One character per question and the label per respondent: 12 x (16 + 15) plus the header.
    assert len(link) < LARGEST_TEAM * (len(bank.questions) + 20) + 40


def tampered_team_link(bank, change):
    link = team_link(bank, [("CEO", PROACTIVE), ("HR", JUST_IN_TIME), ("Board", AFTER_THE_FACT)])
    head, *entries = link.split("&r=")
    return "&r=".join([head, *change(entries)])


@pytest.mark.parametrize("change", [
    lambda entries: [entries[0], "0" + entries[1], entries[2]],          # one answer too many
    lambda entries: [entries[0], entries[1][1:], entries[2]],            # one answer missing
    lambda entries: [entries[0], "z" + entries[1][1:], entries[2]],      # an option that does not exist
    lambda entries: [entries[0], "<" + entries[1][1:], entries[2]],      # not an answer at all
    lambda entries: [entries[0], "-" * len(entries[1].split(".")[0]) + ".HR", entries[2]],  # no answers
])
def test_a_tampered_respondent_is_named_and_left_out_and_the_others_kept(bank, change):
    read = read_team_link(bank, tampered_team_link(bank, change))
    assert [label for label, _ in read.respondents] == ["CEO", "Board"]
    assert [problem.label for problem in read.left_out] == ["HR"]


@pytest.mark.parametrize("tamper", [
    lambda link: link.replace("team=1", "team=9"),
    lambda link: link + "&extra=1",
    lambda link: link + "&team=1",
    lambda link: link.split("&r=")[0],
    lambda link: link.replace("bank=", "bunk="),
])
def test_a_tampered_team_link_as_a_whole_is_unreadable(bank, tamper):
    with pytest.raises(RespondentError) as raised:
        read_team_link(bank, tamper(team_link(bank, [("CEO", PROACTIVE), ("HR", PROACTIVE)])))
    assert raised.value.reason == UNREADABLE


def test_a_team_link_with_more_than_the_largest_team_is_unreadable(bank):
    link = team_link(bank, [("CEO", PROACTIVE)] * (LARGEST_TEAM + 1))
    with pytest.raises(RespondentError) as raised:
        read_team_link(bank, link)
    assert raised.value.reason == UNREADABLE


def test_a_team_link_for_another_bank_is_outdated(bank):
    link = team_link(bank, [("CEO", PROACTIVE), ("HR", PROACTIVE)]).replace(bank.fingerprint, "000000000000")
    with pytest.raises(RespondentError) as raised:
        read_team_link(bank, link)
    assert raised.value.reason == OUTDATED
