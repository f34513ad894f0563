"""What the page's answers.js is given by the build, and what the engine makes of sample answers and
of share links (the contract table and a corpus of tampered links, support/link_table.py): printed
as JSON for the Node tests beside this file (engine_data.mjs), so both follow one owner."""

import json
import random

from assessment import links, load_bank
from assessment.links import LinkRefused, read_share_link, share_link
from support.link_table import link_table, tampered_fragments
from tests.engine.team_answers import PROACTIVE

SAMPLES = 200


def sample_answers(bank, rng: random.Random) -> dict[str, str]:
    """Any option of any question, or none: asked or not, as a form can hold them."""
    return {question.id: rng.choice(question.option_ids) for question in bank.questions if rng.random() < 0.7}


def engine_reading(bank, fragment: str) -> dict:
    """The engine's reading of a link, as answers.js states it."""
    try:
        read = read_share_link(bank, fragment)
    except LinkRefused as refused:
        return {"ok": False, "message": str(refused)}
    return {"ok": True, "answers": read.answers, "complete": read.complete, "outdated": read.outdated}


def main() -> None:
    bank = load_bank()
    rng = random.Random(4)
    samples = [sample_answers(bank, rng) for _ in range(SAMPLES)]
    fragments = [case.fragment for case in link_table(bank, PROACTIVE)]
    fragments += tampered_fragments(share_link(bank, bank.answers_to_asked(PROACTIVE)), bank.fingerprint)
    print(json.dumps({
        "links": links.rules_for_page(),
        "fingerprint": bank.fingerprint,
        "questions": [{"id": question.id, "options": list(question.option_ids), "askedWhen": bank.asked_when[question.id]}
                      for question in bank.questions],
        "samples": [{"answers": answers, "kept": bank.answers_to_asked(answers),
                     "asked": [question.id for question in bank.asked_questions(answers)]} for answers in samples],
        "readings": [{"fragment": fragment, "reading": engine_reading(bank, fragment)} for fragment in fragments],
    }))


if __name__ == "__main__":
    main()
