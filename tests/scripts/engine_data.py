"""What the page's answers.js is given by the build, and what the engine makes of sample answers:
printed as JSON for the Node tests beside this file (engine_data.mjs), so both follow one owner."""

import json
import random

from assessment import links, load_bank

SAMPLES = 200


def sample_answers(bank, rng: random.Random) -> dict[str, str]:
    """Any option of any question, or none: asked or not, as a form can hold them."""
    return {question.id: rng.choice(question.option_ids) for question in bank.questions if rng.random() < 0.7}


def main() -> None:
    bank = load_bank()
    rng = random.Random(4)
    samples = [sample_answers(bank, rng) for _ in range(SAMPLES)]
    print(json.dumps({
        "links": links.rules_for_page(),
        "fingerprint": bank.fingerprint,
        "questions": [{"id": question.id, "options": list(question.option_ids), "askedWhen": bank.asked_when[question.id]}
                      for question in bank.questions],
        "samples": [{"answers": answers, "kept": bank.answers_to_asked(answers),
                     "asked": [question.id for question in bank.asked_questions(answers)]} for answers in samples],
    }))


if __name__ == "__main__":
    main()
