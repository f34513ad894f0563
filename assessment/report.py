"""Readable renderings of a result and of the bank, as plain text or Markdown.

Results are rendered from `AssessmentResult.to_dict()`, the same data the browser page shows; the
page's Markdown download is this module's Markdown too (the browser asks the engine for it).
"""

from __future__ import annotations

from .model import NEED, PRACTICE, QuestionBank

READINESS_WORDS = {"holds": "conditions hold", "at_risk": "risks named", "blocked": "expected to fail", "unknown": "conditions not known yet"}


def approach_names(result: dict) -> dict[str, str]:
    return {approach["id"]: approach["name"] for approach in result["approaches"]}


def article_link(article_path: str, anchor: str) -> str:
    return f"{article_path}#{anchor}"


def conditions_word(result: dict, approach_id: str) -> str:
    """Readiness matters only where the situation is present; elsewhere it would only confuse."""
    if not result["need"][approach_id]["present"]:
        return "-"
    return READINESS_WORDS[result["readiness"][approach_id]["status"]]


def need_word(result: dict, approach_id: str) -> str:
    return "situation present" if result["need"][approach_id]["present"] else "situation absent"


def evidence_phrase(item: dict) -> str:
    strength = "" if item.get("signal", "situation") == "situation" else " (leans toward it)"
    return f"{item['question']} “{item['answer']}”{strength}"


# ---------------------------------------------------------------- results

def result_as_text(result: dict) -> str:
    names = approach_names(result)
    width = max(len(name) for name in names.values())
    lines = [result["summary"]]
    lines += [result["thin_evidence"]] if result["thin_evidence"] else []
    lines += ["", "Each approach"]
    lines += [f"  {names[approach_id]:<{width}}  {result['verdict_labels'][approach_id]}" for approach_id in result["ranking"]]
    lines += [f"  {result['verdict_texts'][approach_id]}" for approach_id in result["ranking"] if result["verdicts"][approach_id] != "not_called"]
    lines += ["", "Why"]
    for approach_id in result["ranking"]:
        conditions = conditions_word(result, approach_id)
        lines.append(f"  {names[approach_id]}: {need_word(result, approach_id)}" + (f", {conditions}" if conditions != "-" else ""))
        evidence = result["need"][approach_id]["evidence"]
        lines += [f"    - {evidence_phrase(item)} (see #{item['anchor']})" for item in evidence] or ["    - no answer shows its situation"]
    if not result["recommended_approaches"]:
        lines += ["", "When each approach would apply"] + [f"  {approach['name']}: {approach['situation']} (see #{approach['anchor']})" for approach in result["approaches"]]
    for heading, cautions in cautions_by_severity(result):
        lines += ["", heading] + [f"  ! {caution['text']} The article: “{caution['passage']}” (see #{caution['anchor']})" for caution in cautions]
    changes = [f"  - {text}" for text in what_would_change_texts(result)]
    lines += ["", "What would change the result", *(changes or ["  - no change of one or two answers would"])]
    lines += ["", "What you do today", f"  {result['current_practice']['text']}"]
    if result["next_steps"]:
        lines += ["", "Next steps"] + [f"  {number}. {step['text']} (see #{step['anchor']})" for number, step in enumerate(result["next_steps"], start=1)]
    lines += ["", f"Section references (#...) point into the article at {result['article_path']}"]
    return "\n".join(lines) + "\n"


def what_would_change_texts(result: dict) -> list[str]:
    """What each answer to a "not sure" question would do first (finding it out comes next), then
    the smallest changes. Results saved before "not sure" existed have no such lines."""
    return [line["text"] for line in result.get("if_not_sure", [])] + [change["text"] for change in result["what_would_change"]]


def cautions_by_severity(result: dict) -> list[tuple[str, list[dict]]]:
    """The cautions raised under their severity's heading, the strongest first (the bank's order)."""
    groups = [(heading, [caution for caution in result["cautions"] if caution["severity"] == severity]) for severity, heading in result["caution_headings"].items()]
    return [(heading, cautions) for heading, cautions in groups if cautions]


def result_as_markdown(result: dict, article_url: str | None = None) -> str:
    """The result as Markdown; links point at `article_url` (the page's own address) or the article's path."""
    names = approach_names(result)
    base = article_url or result["article_path"]
    lines = [f"# {result['summary']}", ""]
    lines += [result["thin_evidence"], ""] if result["thin_evidence"] else []
    scopes = {approach["id"]: approach["scope"] for approach in result["approaches"]}
    lines += ["| Approach | Verdict | For whom |", "| --- | --- | --- |"]
    lines += [f"| {names[approach_id]} | {result['verdict_labels'][approach_id]} | {scopes[approach_id]} |" for approach_id in result["ranking"]]
    lines += ["", *[f"- {result['verdict_texts'][approach_id]}" for approach_id in result["ranking"] if result["verdicts"][approach_id] != "not_called"]]
    lines += ["", "## Why"]
    for approach_id in result["ranking"]:
        lines += ["", f"### {names[approach_id]}", ""]
        evidence = result["need"][approach_id]["evidence"]
        lines += [f"- {evidence_phrase(item)} ([see the article]({article_link(base, item['anchor'])}))" for item in evidence] or ["- No answer shows its situation."]
    if not result["recommended_approaches"]:
        lines += ["", "## When each approach would apply", ""]
        lines += [f"- **{approach['name']}**: {approach['situation']} ([see the article]({article_link(base, approach['anchor'])}))" for approach in result["approaches"]]
    for heading, cautions in cautions_by_severity(result):
        lines += ["", f"## {heading}", ""]
        lines += [f"- {caution['text']} The article: “{caution['passage']}” ([see the article]({article_link(base, caution['anchor'])}))" for caution in cautions]
    if changes := what_would_change_texts(result):
        lines += ["", "## What would change the result", ""] + [f"- {text}" for text in changes]
    lines += ["", "## What you do today", "", result["current_practice"]["text"]]
    if result["next_steps"]:
        lines += ["", "## Next steps", ""] + [f"{number}. {step['text']} ([see the article]({article_link(base, step['anchor'])}))" for number, step in enumerate(result["next_steps"], start=1)]
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
