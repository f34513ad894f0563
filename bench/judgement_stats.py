"""How the assessment judges random answer sets: outcomes, a recommendation never without its need,
readiness at the article's force (a blocked approach never a "Best fit", never "matched"), and how
long scoring (with "what would change") takes on this machine's CPython.

Draws answer sets question by question in bank order, answering only the questions asked (as the
form does), with a fixed seed so that two runs print the same shares. Checks each recommendation
against the bank itself, not against the result's own "present" flags. Prints figures; asserts nothing.

    python -m bench.judgement_stats [--count 20000] [--seed 9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter

from assessment import load_bank, score_answers
from assessment.model import BLOCKING, LEANING, OCCASIONAL, RISK, SITUATION, QuestionBank
from assessment.report import result_as_text, shown_first


def random_answers(bank: QuestionBank, rng: random.Random) -> dict[str, str]:
    answers: dict[str, str] = {}
    for question in bank.questions:
        if question.is_asked(answers):
            answers[question.id] = rng.choice(question.option_ids)
    return answers


def signals_given(bank: QuestionBank, answers: dict[str, str], approach_id: str) -> set[str]:
    """The need signals the answers give an approach ("situation", "occasional", "leaning")."""
    return {
        signal
        for question in bank.need_questions
        if question.id in answers and (signal := question.option(answers[question.id]).signal_for(approach_id))
    }


def best_fit_names(bank: QuestionBank, approach_id: str, summary: str) -> bool:
    """Whether the summary names the approach as called for without saying it is expected to fail."""
    name = bank.approach(approach_id).name
    return any(name in sentence and "expects it to fail" not in sentence for sentence in summary.split(". "))


# ---------------------------------------------------------------- what a result says, against the answers and the article's force
# Each check reads the bank and re-scores changed answers itself; none trusts the result's own flags.

def condition_rules(bank: QuestionBank, approach_id: str) -> list:
    return [rule for rule in bank.cautions if rule.approach == approach_id and rule.severity in (BLOCKING, RISK)]


def denies_own_answers(bank: QuestionBank, result, answers: dict[str, str]) -> bool:
    """Some approach not called for is said to have no answer showing its situation, while the
    reader gave answers for it (any need signal, "leaning" or a frequency)."""
    return any(
        result.verdicts[approach_id] == "not_called" and "no answer shows" in result.verdict_texts[approach_id].lower()
        and signals_given(bank, answers, approach_id)
        for approach_id in bank.approach_ids
    )


def unfounded_failure_claim(bank: QuestionBank, result) -> bool:
    """A "what would change" line says the article would expect failure (or no approach it expects
    to work) while, with the changed answers, no approach called for meets a blocking condition."""
    for change in result.what_would_change:
        if "fail" not in change.text and "expects to work" not in change.text:
            continue
        for way in change.ways:
            changed = bank.answers_to_asked({**result.answers, **{item.question_id: item.option_id for item in way}})
            if not score_answers(bank, changed, allow_partial=True, what_would_change=False).blocked:
                return True
    return False


def open_condition_unsaid(bank: QuestionBank, result) -> bool:
    """A "what would change" line calls for an approach whose blocking condition the changed answers
    leave open (unanswered or "not sure"), without saying so."""
    for change in result.what_would_change:
        for way in change.ways:
            changed = bank.answers_to_asked({**result.answers, **{item.question_id: item.option_id for item in way}})
            after = score_answers(bank, changed, allow_partial=True, what_would_change=False)
            left_open = any(after.readiness_for(approach_id).status == "unknown" for approach_id in after.recommended_approaches)
            if left_open and "open" not in change.text:
                return True
    return False


def not_sure_vanished(bank: QuestionBank, result, answers: dict[str, str]) -> bool:
    """A question answered "not sure" that the result neither uses (what to find out) nor says is moot."""
    used = {question_id for item in result.find_out for rule in bank.cautions if rule.id == item.id for question_id in rule.when}
    moot = {line.question_id for line in getattr(result, "not_sure_moot", ())}
    return any(bank.question(question_id).option(option_id).not_sure and question_id not in used | moot for question_id, option_id in answers.items())


def not_known_from_a_risk(bank: QuestionBank, result, answers: dict[str, str]) -> bool:
    """A verdict "not known" for an approach none of whose blocking conditions is open."""
    for approach_id in bank.approach_ids:
        if result.verdict_labels[approach_id] != bank.texts.verdict_label_unknown:
            continue
        blocking_open = any(
            any(question_id not in answers or answers[question_id] in bank.not_sure_options.get(question_id, ()) for question_id in rule.when)
            for rule in condition_rules(bank, approach_id) if rule.severity == BLOCKING
        )
        if not blocking_open:
            return True
    return False


def conditions_hold_without_conditions(bank: QuestionBank, result) -> bool:
    """An approach the article attaches no condition to is said to have its conditions hold."""
    return any(
        not condition_rules(bank, approach_id) and "conditions the article attaches to it hold" in result.verdict_texts[approach_id]
        for approach_id in bank.approach_ids
    )


# ---------------------------------------------------------------- how a result reads

# Words of the engine, not of a reader: none may be shown.
ENGINE_WORDS = ("situation present", "situation absent", "leans toward", "in play")


def shown_sentences(result) -> list[str]:
    """Every line of the result as the terminal lays it out (the page's sections, in its order),
    bar the closing reference line: what a reader has in front of them."""
    lines = [line.strip(" -!0123456789.") for line in result_as_text(result.to_dict()).splitlines()]
    return [line for line in lines[:-1] if line]


def repeated_sentences(lines: list[str]) -> int:
    sentences = [sentence.strip() for line in lines for sentence in line.split(". ") if len(sentence.split()) > 3]
    return len(sentences) - len(set(sentences))


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.2f} %"


def main(count: int = 20000, seed: int = 9) -> None:
    bank = load_bank()
    rng = random.Random(seed)
    outcomes: Counter = Counter()
    without_need = only_leaning = thin = 0
    readiness: Counter = Counter()  # (status, called for or not) over every approach of every set
    verdicts: Counter = Counter()  # (approach, verdict)
    numbers_shown = margins_said = 0
    blocked_sets = blocked_best_fit = blocked_matched = confirms_denied = 0
    wall_ms, cpu_ms = [], []
    denied = unfounded = risk_not_known = hold_without = open_unsaid = vanished = 0
    words, first_words, repeats, engine_words = [], [], 0, 0
    for _ in range(count):
        answers = random_answers(bank, rng)
        wall_started, cpu_started = time.perf_counter(), time.process_time()
        result = score_answers(bank, answers)
        wall_ms.append((time.perf_counter() - wall_started) * 1000)
        cpu_ms.append((time.process_time() - cpu_started) * 1000)
        outcomes[result.recommended] += 1
        signals = [signals_given(bank, answers, approach_id) for approach_id in result.recommended_approaches]
        without_need += any(not given & {SITUATION, OCCASIONAL} for given in signals)
        only_leaning += any(given == {LEANING} for given in signals)
        thin += result.thin_evidence is not None
        for approach_id in bank.approach_ids:
            readiness[result.readiness_for(approach_id).status, result.need_for(approach_id).present] += 1
            verdicts[approach_id, result.verdicts[approach_id]] += 1
        shown = result.to_dict()
        # A number that could rank one approach above another, anywhere the result shows.
        numbers_shown += bool({"scores", "margin", "within_margin"} & set(shown)) or any("score" in need for need in shown["need"].values())
        margins_said += "points apart" in result.summary
        blocked_sets += bool(result.blocked)
        blocked_best_fit += any(best_fit_names(bank, approach_id, result.summary) for approach_id in result.blocked)
        blocked_matched += result.current_practice.approach in result.blocked and "matches" in result.current_practice.text
        denied += denies_own_answers(bank, result, answers)
        unfounded += unfounded_failure_claim(bank, result)
        risk_not_known += not_known_from_a_risk(bank, result, answers)
        hold_without += conditions_hold_without_conditions(bank, result)
        open_unsaid += open_condition_unsaid(bank, result)
        vanished += not_sure_vanished(bank, result, answers)
        lines = shown_sentences(result)
        words.append(sum(len(line.split()) for line in lines))
        first_words.append(sum(len(line.split()) for line in shown_first(shown)))
        repeats += repeated_sentences(lines) > 0
        engine_words += any(word in line.lower() for line in lines for word in ENGINE_WORDS)
        confirms_denied += any("confirm" in step.text.lower() for step in result.next_steps) and bool(result.blocked)
    print(f"{count} random answer sets (seed {seed}), bank {bank.fingerprint}")
    print(f"  recommended approach without its situation present: {percent(without_need, count)}  (target 0)")
    print(f"  recommended approach with only leaning answers:     {percent(only_leaning, count)}  (target 0)")
    print(f"  thin evidence (a recommendation on one answer):     {percent(thin, count)}")
    print(f"  answer sets with an approach blocked:               {percent(blocked_sets, count)}")
    print(f"  blocked approach named as a fit (not as failing):   {percent(blocked_best_fit, count)}  (target 0)")
    print(f"  today's practice \"matches\" a blocked approach:     {percent(blocked_matched, count)}  (target 0)")
    print(f"  a next step asks to confirm, with an approach blocked: {percent(confirms_denied, count)}  (target 0)")
    print(f"  results showing a strength number that could contradict a verdict: {percent(numbers_shown, count)}  (target 0)")
    print(f"  summaries saying \"points apart\":                  {percent(margins_said, count)}  (target 0)")
    print("  what a result says, against the answers and the article's force:")
    print(f"    a verdict says no answer shows an approach's situation, beside the reader's answers for it: {denied:>6}  (target 0)")
    print(f"    \"what would change\" claims a failure no blocking condition in the changed answers supports: {unfounded:>6}  (target 0)")
    print(f"    a verdict \"not known\" with no blocking condition open (a risk alone):             {risk_not_known:>6}  (target 0)")
    print(f"    \"the conditions hold\" for an approach the article attaches no condition to:       {hold_without:>6}  (target 0)")
    print(f"    \"what would change\" calls for an approach with a blocking condition left open, unsaid: {open_unsaid:>6}  (target 0)")
    print(f"    a \"not sure\" answer neither used nor said to be moot:                               {vanished:>6}  (target 0)")
    for label, counted in (("shown before opening anything (the page's layout: report.shown_first)", first_words),
                           ("of every section, the details open (as printed)", words)):
        counted.sort()
        print(f"  words of a result {label}: median {statistics.median(counted):.0f}, "
              f"95th percentile {counted[int(0.95 * (len(counted) - 1))]}, max {counted[-1]}")
    print(f"    results repeating a sentence: {repeats:>6}  (target 0);  results with engine words {ENGINE_WORDS}: {engine_words:>6}  (target 0)")
    print("  verdicts per approach:")
    for approach_id in bank.approach_ids:
        shares = ", ".join(f"{verdict} {percent(verdicts[approach_id, verdict], count).strip()}" for verdict in ("ready", "at_risk", "blocked", "not_called"))
        print(f"    {approach_id:<15} {shares}")
    print(f"  readiness of each approach ({len(bank.approach_ids)} per set), by whether its situation is present:")
    for status in ("holds", "at_risk", "blocked", "unknown", "no_conditions"):
        called, not_called = readiness[status, True], readiness[status, False]
        print(f"    {status:<13} called for {called:>6}  not called for {not_called:>6}")
    print("  outcomes:")
    for label, times in sorted(outcomes.items(), key=lambda item: (-item[1], item[0])):
        print(f"    {label:<36} {percent(times, count)}")
    # CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
    for name, timings in (("wall", wall_ms), ("CPU", cpu_ms)):
        timings.sort()
        print(f"  score_answers with what would change ({name}): median {statistics.median(timings):.2f} ms, "
              f"95th percentile {timings[int(0.95 * (len(timings) - 1))]:.2f} ms, max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.judgement_stats", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20000, help="answer sets to draw (default: 20000)")
    parser.add_argument("--seed", type=int, default=9, help="random seed (default: 9)")
    arguments = parser.parse_args()
    main(arguments.count, arguments.seed)
