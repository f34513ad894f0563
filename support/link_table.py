"""One table of share links, each with what the engine's reader must make of it (assessment.links).

The engine's tests check the Python reader against it; the page's reader (answers.js) is held to the
Python reader on every link under Node (tests/scripts), and the browser tests show each kind of link
on the assessment page and feed every link to the team view. Every link starts from
the engine's own builder (`share_link`) and is then changed as a mail program, a messenger or a
hand would change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.links import SHARE, share_link
from assessment.model import QuestionBank

EARLIER_BANK = "000000000000"


@dataclass(frozen=True)
class LinkCase:
    name: str
    fragment: str  # with its "#"
    answers: dict[str, str] | None = None  # what an accepting reader keeps; None: refused
    refusal: str = ""  # the reason (a key of assessment.links.REFUSALS) when refused
    complete: bool = True
    outdated: bool = False


def link_table(bank: QuestionBank, answers: dict[str, str]) -> list[LinkCase]:
    """The cases for one complete answer set of today's bank."""
    asked = bank.answers_to_asked(answers)
    link = share_link(bank, asked)
    fields = link[1:].split("&")
    first_pair, last_question = fields[2], list(asked)[-1]
    partial = bank.answers_to_asked({key: value for key, value in asked.items() if key != last_question})
    earlier = link.replace(f"bank={bank.fingerprint}", f"bank={EARLIER_BANK}")
    first_question, first_option = first_pair.split("=")
    cases = [
        LinkCase("valid", link, asked),
        LinkCase("trailing ampersand", link + "&", asked),
        LinkCase("trailing ampersands", link + "&&&", asked),
        LinkCase("upper case", link.upper(), asked),
        LinkCase("percent-encoded separators", "#" + link[1:].replace("&", "%26").replace("=", "%3D"), asked),
        LinkCase("percent-encoded letters", link.replace(first_pair, "".join(f"%{ord(c):02X}" for c in first_question) + f"={first_option}"), asked),
        LinkCase("incomplete", share_link(bank, partial), partial, complete=False),
        LinkCase("an earlier bank", earlier + "&retired_question=gone", asked, outdated=True),
        LinkCase("an earlier bank, incomplete", share_link(bank, partial).replace(f"bank={bank.fingerprint}", f"bank={EARLIER_BANK}"),
                 partial, complete=False, outdated=True),
        LinkCase("an earlier bank, nothing left", f"#{SHARE.prefix}{SHARE.version}&bank={EARLIER_BANK}&retired_question=gone",
                 refusal="no_answers"),
        LinkCase("no answers", f"#{SHARE.prefix}{SHARE.version}&bank={bank.fingerprint}", refusal="no_answers"),
        LinkCase("a repeated field", link + "&" + first_pair, refusal="unreadable"),
        LinkCase("a repeated bank", link + f"&bank={bank.fingerprint}", refusal="unreadable"),
        LinkCase("an empty field", link.replace("&", "&&", 1), refusal="unreadable"),
        LinkCase("an unknown option", link.replace(first_pair, f"{first_question}=no_such_option"), refusal="unknown_answers"),
        LinkCase("an unknown question", link + "&no_such_question=yes", refusal="unknown_answers"),
        LinkCase("odd characters", link.replace(first_pair, f"{first_question}=<b>{first_option}"), refusal="unreadable"),
        LinkCase("a non-ASCII letter", link.replace(first_pair, f"{first_question}={first_option}\u00e9"), refusal="unreadable"),
        LinkCase("broken percent-encoding", link + "%E0%A4%A", refusal="unreadable"),
        LinkCase("an unknown version", link.replace(f"{SHARE.prefix}{SHARE.version}", f"{SHARE.prefix}9"), refusal="unreadable"),
        LinkCase("no bank", "#" + "&".join([fields[0], *fields[2:]]), refusal="unreadable"),
        LinkCase("cut short", link[: link.rindex("=") + 1], refusal="unreadable"),
        LinkCase("too long", link + "&x=" + "a" * SHARE.longest, refusal="too_long"),
    ]
    unasked = next((question for question in bank.questions
                    if question.id not in asked and question not in bank.asked_questions(asked)), None)
    if unasked is not None:
        cases.append(LinkCase("an answer to a question not asked", link + f"&{unasked.id}={unasked.options[0].id}", asked))
    return cases


def tampered_fragments(valid: str, fingerprint: str) -> list[str]:
    """Fragments a hand or an attacker makes of a valid link (`valid`, with its "#"): damaged,
    padded, re-encoded, or carrying markup and script; some still readable."""
    body = valid[1:]
    pairs = body.split("&")
    head, answers = pairs[:2], pairs[2:]
    first_question, first_option = answers[0].split("=")
    second_option = answers[1].split("=")[1]
    return [
        "#garbage",
        "#%",
        "#%E0%A4%A",
        "#assessment=",
        "#assessment=1",
        "#assessment=1&bank=" + fingerprint,
        "#assessment=2&" + "&".join([f"bank={fingerprint}", *answers]),
        "#" + body[: len(body) // 2],
        "#" + "&".join(pairs[:-1]),
        "#" + body[:-1] + "~",
        "#" + body[:-3],
        "#" + body + "&not_a_question=yes",
        "#" + body.replace(f"{first_question}={first_option}", f"{first_question}=not_an_option"),
        "#" + body.replace(f"{first_question}={first_option}", f"{first_question}={second_option}x"),
        "#" + body + f"&{first_question}={first_option}",
        "#" + "&".join([head[0], *answers]),
        "#" + body + "&x=" + "a" * 100_000,
        "#" + "A" * 5000,
        "#<script>window.__pwned=1</script>",
        "#assessment=1&bank=" + fingerprint + "&" + first_question + "=<img src=x onerror=window.__pwned=1>",
        '#"><svg/onload=window.__pwned=1>',
        "#javascript:window.__pwned=1",
        "#assessment=1&bank=<svg onload=window.__pwned=1>",
        "#assessment=1&bank=" + fingerprint + "&__proto__=x",
        "#assessment=1&bank=" + fingerprint + "&constructor=x",
        "#" + body.replace("&", "&&", 1),
        "#" + body.replace("=", "==", 3),
        "#" + body.upper(),
        "#" + body.replace("&", "%26"),
        "#" + body.replace("&", "%20&", 2),
        '#{"assessment":1}',
        "#eyJhc3Nlc3NtZW50IjoxfQ==",
        "#assessment=1&bank=" + fingerprint + "&" + answers[0],
        "#" + body + "%00",
        "#" + body.replace(fingerprint, fingerprint + "%3Cb%3E"),
    ]
