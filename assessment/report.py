"""Readable renderings of a result and of the bank, as plain text or Markdown.

Results are rendered from `AssessmentResult.to_dict()`, the same data the browser page shows; the
page's Markdown download is this module's Markdown too (the browser asks the engine for it).
"""

from __future__ import annotations

from .model import NEED, PRACTICE, QuestionBank


def approach_names(result: dict) -> dict[str, str]:
    return {approach["id"]: approach["name"] for approach in result["approaches"]}


def article_link(article_path: str, anchor: str) -> str:
    return f"{article_path}#{anchor}"


# ---------------------------------------------------------------- results
# Every sentence comes from the result (the engine words it); these functions only lay it out, as
# the page does (overrides/assets/assessment/result-view.js), so the two say the same.

def verdict_line(result: dict, approach_id: str, names: dict[str, str], scopes: dict[str, str]) -> tuple[str, str]:
    """The verdict in a few words, then for whom and the verdict as a sentence."""
    return f"{names[approach_id]}: {result['verdict_labels'][approach_id]}", f"({scopes[approach_id]}). {result['verdict_texts'][approach_id]}"


def what_would_change_texts(result: dict) -> list[str]:
    """What each answer to a "not sure" question would do first (finding it out comes next), then
    the smallest changes, then the "not sure" answers this result has no use for. Results saved
    before "not sure" existed have no such lines."""
    return [line["text"] for line in result.get("if_not_sure", [])] + [change["text"] for change in result["what_would_change"]] + [
        line["text"] for line in result.get("not_sure_moot", [])]


def with_evidence(result: dict) -> list[str]:
    """The approaches some answer points to, in ranking order: "why" lists their answers. Of the
    others the verdict line already says that no answer shows their situation (nothing twice)."""
    return [approach_id for approach_id in result["ranking"] if result["need"][approach_id]["evidence"]]


def step_text(result: dict, step: dict) -> str:
    """A next step, headed as the editors' when it is their suggestion rather than the article's reading.
    Results saved before steps said whose they were have no label."""
    label = result.get("editors_label")
    return f"{label} {step['text']}" if label and step.get("source") == "editors" else step["text"]


def cautions_by_severity(result: dict) -> list[tuple[str, list[dict]]]:
    """The cautions raised under their severity's heading, the strongest first (the bank's order)."""
    groups = [(heading, [caution for caution in result["cautions"] if caution["severity"] == severity]) for severity, heading in result["caution_headings"].items()]
    return [(heading, cautions) for heading, cautions in groups if cautions]


def result_as_text(result: dict) -> str:
    names, headings = approach_names(result), result["headings"]
    scopes = {approach["id"]: approach["scope"] for approach in result["approaches"]}
    lines = [result["summary"]]
    lines += [result["thin_evidence"]] if result["thin_evidence"] else []
    lines += ["", headings["approaches"]] + [f"  {' '.join(verdict_line(result, approach_id, names, scopes))}" for approach_id in result["ranking"]]
    if not result["recommended_approaches"]:
        lines += ["", headings["when_each_applies"]] + [f"  {approach['name']}: {approach['situation']} (see #{approach['anchor']})" for approach in result["approaches"]]
    if with_evidence(result):
        lines += ["", headings["why"]]
    for approach_id in with_evidence(result):
        need = result["need"][approach_id]
        lines.append(f"  {need['heading']}")
        lines += [f"    - {item['text']} (see #{item['anchor']})" for item in need["evidence"]]
    for heading, cautions in cautions_by_severity(result):
        lines += ["", heading] + [f"  ! {caution['text']} The article: “{caution['passage']}” (see #{caution['anchor']})" for caution in cautions]
    changes = [f"  - {text}" for text in what_would_change_texts(result)]
    lines += ["", headings["what_would_change"], *(changes or [f"  {result['no_change']}"])]
    lines += ["", headings["current_practice"], f"  {result['current_practice']['text']}"]
    if result["next_steps"]:
        lines += ["", headings["next_steps"]] + [f"  {number}. {step_text(result, step)} (see #{step['anchor']})" for number, step in enumerate(result["next_steps"], start=1)]
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
    if not result["recommended_approaches"]:
        lines += ["", f"## {headings['when_each_applies']}", ""]
        lines += [f"- **{approach['name']}:** {approach['situation']} {see(approach['anchor'])}" for approach in result["approaches"]]
    if with_evidence(result):
        lines += ["", f"## {headings['why']}"]
    for approach_id in with_evidence(result):
        need = result["need"][approach_id]
        lines += ["", f"### {need['heading']}", ""]
        lines += [f"- {item['text']} {see(item['anchor'])}" for item in need["evidence"]]
    for heading, cautions in cautions_by_severity(result):
        lines += ["", f"## {heading}", ""]
        lines += [f"- {caution['text']} The article: “{caution['passage']}” {see(caution['anchor'])}" for caution in cautions]
    lines += ["", f"## {headings['what_would_change']}", ""]
    lines += [f"- {text}" for text in what_would_change_texts(result)] or [result["no_change"]]
    lines += ["", f"## {headings['current_practice']}", "", result["current_practice"]["text"]]
    if result["next_steps"]:
        lines += ["", f"## {headings['next_steps']}", ""] + [f"{number}. {step_text(result, step)} {see(step['anchor'])}" for number, step in enumerate(result["next_steps"], start=1)]
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
