"""Readable renderings of a result and of the bank, as plain text or Markdown.

Results are rendered from `AssessmentResult.to_dict()`, the same data the browser page shows; the
page's Markdown download is this module's Markdown too (the browser asks the engine for it).
"""

from __future__ import annotations

import re

from .model import BLOCKING, NEED, PRACTICE, RISK, QuestionBank


def approach_names(result: dict) -> dict[str, str]:
    return {approach["id"]: approach["name"] for approach in result["approaches"]}


def article_link(article_path: str, anchor: str) -> str:
    return f"{article_path}#{anchor}"


# ---------------------------------------------------------------- results
# Every sentence comes from the result (the engine words it); these functions only lay it out, as
# the page does (scripts/page/result-view.js), so the three say the same in the same
# order. The answer first: the headline and each approach's verdict; then what to do, for each
# approach called for, beside the article's words on its conditions; then the details, one click
# away on the page (open in print) and plain sections here: when each approach applies, the answers
# that counted (today's practice last), and what would change (its first lines, then "more").

# The cautions quoted beside what to do: the conditions and risks. What the article reports as
# practice is a detail, given with the answers that counted.
QUOTED_BESIDE_STEPS = (BLOCKING, RISK)


def verdict_line(result: dict, approach_id: str, names: dict[str, str], scopes: dict[str, str]) -> tuple[str, str]:
    """The verdict in a few words, then for whom and the verdict as a sentence."""
    return f"{names[approach_id]}: {result['verdict_labels'][approach_id]}", f"({scopes[approach_id]}). {result['verdict_texts'][approach_id]}"


def what_would_change_texts(result: dict) -> list[str]:
    """What each answer to a "not sure" question would do first (finding it out comes next), then
    the smallest changes, then the "not sure" answers this result has no use for. Results saved
    before "not sure" existed have no such lines."""
    return [line["text"] for line in result.get("if_not_sure", [])] + [change["text"] for change in result["what_would_change"]] + [
        line["text"] for line in result.get("not_sure_moot", [])]


def changes_first_and_more(result: dict) -> tuple[list[str], list[str]]:
    """What would change: the lines shown first (single changes, at most three), then the rest ("more")."""
    texts = what_would_change_texts(result)
    first = result.get("changes_shown_first", len(texts))
    return texts[:first], texts[first:]


def to_do(result: dict) -> list[tuple[str | None, list[dict], list[dict]]]:
    """What to do, as (approach name, its cautions quoted, its next steps): each approach called for
    or with a step, in ranking order, then the steps for no one approach (no name)."""
    names = approach_names(result)
    groups = []
    for approach_id in result["ranking"]:
        quoted = [caution for caution in result["cautions"] if caution["approach"] == approach_id and caution["severity"] in QUOTED_BESIDE_STEPS]
        steps = [step for step in result["next_steps"] if step["applies_to"] == approach_id]
        if quoted or steps:
            groups.append((names[approach_id], quoted, steps))
    general = [step for step in result["next_steps"] if step["applies_to"] not in names]
    general_cautions = [caution for caution in result["cautions"] if caution["approach"] not in names and caution["severity"] in QUOTED_BESIDE_STEPS]
    return groups + ([(None, general_cautions, general)] if general or general_cautions else [])


def answers_that_counted(result: dict) -> list[tuple[str, list[dict], list[dict]]]:
    """For each approach some answer points to or a caution concerns, in ranking order: whether the
    answers show its situation, the answers that point to it, and the cautions its answers raise."""
    groups = []
    for approach_id in result["ranking"]:
        need = result["need"][approach_id]
        cautions = [caution for caution in result["cautions"] if caution["approach"] == approach_id]
        if need["evidence"] or cautions:
            groups.append((need["heading"], need["evidence"], cautions))
    return groups


def caution_detail(caution: dict) -> str:
    """A caution as the answers that counted give it: what it says of the answers, and the article's
    words for a practice note (a condition's and a risk's are quoted beside what to do)."""
    quote = f" The article: “{caution['passage']}”" if caution["severity"] not in QUOTED_BESIDE_STEPS else ""
    return caution["text"] + quote


def terms_used(result: dict, text: str) -> list[dict]:
    """The terms a result's text uses (as written, whole words, not part of an anchor such as
    #aft-remediation): the Markdown and the terminal explain them, where the page has a tooltip.
    Results saved before terms were explained have none."""
    return [term for term in result.get("terms", []) if re.search(rf"(?<![\w#-]){re.escape(term['term'])}(?!\w)", text)]


def step_text(result: dict, step: dict) -> str:
    """A next step, headed as the editors' when it is their suggestion rather than the article's reading.
    Results saved before steps said whose they were have no label."""
    label = result.get("editors_label")
    return f"{label} {step['text']}" if label and step.get("source") == "editors" else step["text"]


def shown_first(result: dict) -> list[str]:
    """What the page shows before a reader opens anything, in its order: the headline, the verdicts,
    the timing figure's labels, what to do, and the headings of the closed details. What a reader
    reads at a glance, counted by bench.judgement_stats and checked against the page in Chromium."""
    names, headings = approach_names(result), result["headings"]
    scopes = {approach["id"]: approach["scope"] for approach in result["approaches"]}
    # The verdicts' heading is for screen readers: on screen the list follows the headline it explains.
    shown = [result["summary"], *([result["thin_evidence"]] if result["thin_evidence"] else [])]
    shown += [" ".join(verdict_line(result, approach_id, names, scopes)) for approach_id in result["ranking"]]
    shown += [f"{approach.get('moment', '')} {approach['name']}" for approach in result["approaches"]]
    groups = to_do(result)
    shown += [headings["next_steps"]] if groups else []
    for name, cautions, steps in groups:
        shown += [name] if name else []
        shown += [f"{ARTICLE_SAYS} “{caution['passage']}”" for caution in cautions]
        shown += [f"{step_text(result, step)} {STEP_LINK}" for step in steps]
    shown += [headings[part] for part in DETAILS]
    return [line.strip() for line in shown if line.strip()]


# How a quotation and a step's link read on the page (the Markdown links to the article in its own way).
ARTICLE_SAYS = "The article:"
STEP_LINK = "(article)"
# The details, in order: one click away on the page. Today's practice is one of the answers that counted.
DETAILS = ("when_each_applies", "why", "what_would_change")


def result_as_text(result: dict) -> str:
    names, headings = approach_names(result), result["headings"]
    scopes = {approach["id"]: approach["scope"] for approach in result["approaches"]}
    lines = [result["summary"]]
    lines += [result["thin_evidence"]] if result["thin_evidence"] else []
    lines += ["", headings["approaches"]] + [f"  {' '.join(verdict_line(result, approach_id, names, scopes))}" for approach_id in result["ranking"]]
    groups = to_do(result)
    lines += ["", headings["next_steps"]] if groups else []
    for name, cautions, steps in groups:
        indent = "    " if name else "  "
        lines += [f"  {name}"] if name else []
        lines += [f"{indent}{ARTICLE_SAYS} “{caution['passage']}” (see #{caution['anchor']})" for caution in cautions]
        lines += [f"{indent}- {step_text(result, step)} (see #{step['anchor']})" for step in steps]
    lines += ["", headings["when_each_applies"]] + [f"  {approach['name']}: {approach['situation']} (see #{approach['anchor']})" for approach in result["approaches"]]
    groups = answers_that_counted(result)
    lines += ["", headings["why"]]
    for heading, evidence, cautions in groups:
        lines.append(f"  {heading}")
        lines += [f"    - {item['text']} (see #{item['anchor']})" for item in evidence]
        lines += [f"    ! {caution_detail(caution)} (see #{caution['anchor']})" for caution in cautions]
    lines += [f"  {headings['current_practice']}", f"    {result['current_practice']['text']}"]
    first, more = changes_first_and_more(result)
    lines += ["", headings["what_would_change"], *([f"  - {text}" for text in first] or [f"  {result['no_change']}"])]
    lines += [f"  {headings['more_changes']}", *(f"    - {text}" for text in more)] if more else []
    used = terms_used(result, "\n".join(lines))
    lines += ["", headings["terms"], *(f"  {term['term']}: {term['definition']}" for term in used)] if used else []
    lines += ["", f"Section references (#...) point into the article at {result['article_path']}"]
    return "\n".join(lines) + "\n"


def result_as_markdown(result: dict, article_url: str | None = None) -> str:
    """The result as Markdown; links point at `article_url` (the page's own address) or the article's path."""
    names, headings = approach_names(result), result["headings"]
    scopes = {approach["id"]: approach["scope"] for approach in result["approaches"]}
    base = article_url or result["article_path"]

    def see(anchor: str) -> str:
        return f"([see the article]({article_link(base, anchor)}))"

    lines = [f"# {result['summary']}", ""]
    lines += [result["thin_evidence"], ""] if result["thin_evidence"] else []
    lines += [f"## {headings['approaches']}", ""]
    lines += [f"- **{label}** {sentence}" for label, sentence in (verdict_line(result, approach_id, names, scopes) for approach_id in result["ranking"])]
    groups = to_do(result)
    lines += ["", f"## {headings['next_steps']}"] if groups else []
    for name, cautions, steps in groups:
        lines += ["", f"### {name}"] if name else []
        lines += [""] + [f"{ARTICLE_SAYS} “{caution['passage']}” {see(caution['anchor'])}\n" for caution in cautions]
        lines += [f"- {step_text(result, step)} {see(step['anchor'])}" for step in steps]
    lines += ["", f"## {headings['when_each_applies']}", ""]
    lines += [f"- **{approach['name']}:** {approach['situation']} {see(approach['anchor'])}" for approach in result["approaches"]]
    groups = answers_that_counted(result)
    lines += ["", f"## {headings['why']}"]
    for heading, evidence, cautions in groups:
        lines += ["", f"### {heading}", ""]
        lines += [f"- {item['text']} {see(item['anchor'])}" for item in evidence]
        lines += [f"- {caution_detail(caution)} {see(caution['anchor'])}" for caution in cautions]
    lines += ["", f"### {headings['current_practice']}", "", result["current_practice"]["text"]]
    first, more = changes_first_and_more(result)
    lines += ["", f"## {headings['what_would_change']}", ""]
    lines += [f"- {text}" for text in first] or [result["no_change"]]
    lines += ["", f"### {headings['more_changes']}", "", *(f"- {text}" for text in more)] if more else []
    used = terms_used(result, "\n".join(lines))
    lines += ["", f"## {headings['terms']}", "", *(f"- **{term['term']}**: {term['definition']}" for term in used)] if used else []
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the bank

def option_signal(bank: QuestionBank, question, option) -> str:
    """What an option says, for --questions: its need signal, practice weights, or nothing."""
    if question.role == NEED:
        return ", ".join(f"need: {approach_id} {signal}" for approach_id, signal in option.need.items()) or "need: none"
    if question.role == PRACTICE:
        return "practice: " + ", ".join(f"{approach_id} {option.weight_for(approach_id)}" for approach_id in bank.approach_ids)
    return readiness_signal(bank, question.id, option.id)


SEVERITY_WORDS = {"blocking": "blocked", "risk": "at risk", "practice": "practice note"}


def readiness_signal(bank: QuestionBank, question_id: str, option_id: str) -> str:
    looked_at = [rule for rule in bank.cautions if question_id in rule.when]
    raised = [rule for rule in looked_at if option_id in rule.when[question_id]]
    parts = [f"{rule.approach or 'any'} {SEVERITY_WORDS[rule.severity]}" for rule in raised]
    untouched = sorted({rule.approach or "any" for rule in looked_at} - {rule.approach or "any" for rule in raised})
    # "Not sure" is counted as not known: it neither raises a caution nor lets a condition hold.
    settled = "not known" if option_id in bank.not_sure_options.get(question_id, ()) else "holds"
    return "readiness: " + ", ".join(parts + [f"{approach_id} {settled}" for approach_id in untouched])


def asked_when(bank: QuestionBank, question) -> str:
    if not question.ask_if:
        return ""
    conditions = " or ".join(f"{question_id} is {'/'.join(sorted(options))}" for question_id, options in question.ask_if.items())
    return f"asked only when {conditions}"


def bank_as_text(bank: QuestionBank) -> str:
    lines = [f"{len(bank.questions)} questions (bank {bank.fingerprint})", ""]
    for number, question in enumerate(bank.questions, start=1):
        lines.append(f"{number}. [{question.id}] ({question.role}, see #{question.anchor}) {question.text}")
        lines += [f"   {text}" for text in (question.help, asked_when(bank, question)) if text]
        lines += [f"   - [{option.id}] {option.text}  ({option_signal(bank, question, option)})" for option in question.options]
        lines.append("")
    return "\n".join(lines)


def bank_as_markdown(bank: QuestionBank) -> str:
    lines = [f"# Questions ({len(bank.questions)}, bank {bank.fingerprint})", ""]
    for question in bank.questions:
        lines += [f"## {question.text}", "", f"`{question.id}`, {question.role}, [see the article]({article_link(bank.article_path, question.anchor)})", ""]
        lines += [f"{text}\n" for text in (question.help, asked_when(bank, question).capitalize()) if text]
        lines += [f"- `{option.id}` {option.text} ({option_signal(bank, question, option)})" for option in question.options]
        lines.append("")
    return "\n".join(lines)
