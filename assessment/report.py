"""Readable renderings of a result and of the bank, as plain text or Markdown.

Results are rendered from `AssessmentResult.to_dict()`, the same data the browser page shows.
"""

from __future__ import annotations

from .model import QuestionBank

BAR_WIDTH = 20


def approach_names(result: dict) -> dict[str, str]:
    return {approach["id"]: approach["name"] for approach in result["approaches"]}


def score_bar(score: int) -> str:
    filled = round(score * BAR_WIDTH / 100)
    return "#" * filled + "." * (BAR_WIDTH - filled)


def article_link(result_or_bank_path: str, anchor: str) -> str:
    return f"{result_or_bank_path}#{anchor}"


# ---------------------------------------------------------------- results

def result_as_text(result: dict) -> str:
    names = approach_names(result)
    width = max(len(name) for name in names.values())
    lines = [result["summary"], "", "Fit scores (0 to 100)"]
    lines += [f"  {names[approach_id]:<{width}}  {result['scores'][approach_id]:>3}  {score_bar(result['scores'][approach_id])}" for approach_id in result["ranking"]]
    lines += ["", margin_sentence(result), "", "Why"]
    for approach_id in result["ranking"]:
        lines.append(f"  {names[approach_id]}")
        reasons = result["reasons"][approach_id] or [None]
        lines += [f"    - {reason_sentence(reason)}" if reason else "    - no answer pointed this way" for reason in reasons]
    if result["cautions"]:
        lines += ["", "Cautions"] + [f"  ! {caution['text']} (see #{caution['anchor']})" for caution in result["cautions"]]
    lines += ["", "What you do today", f"  {result['current_practice']['text']}"]
    if result["next_steps"]:
        lines += ["", "Next steps"] + [f"  {number}. {step['text']} (see #{step['anchor']})" for number, step in enumerate(result["next_steps"], start=1)]
    lines += ["", f"Section references (#...) point into the article at {result['article_path']}"]
    return "\n".join(lines) + "\n"


def margin_sentence(result: dict) -> str:
    return (
        f"Margin between the first and second approach: {result['margin']} points "
        f"(a blend is recommended at {result['blend_margin']} or less)."
    )


def reason_sentence(reason: dict) -> str:
    return f"{reason['question']} {reason['answer']} (+{reason['points']}; see #{reason['anchor']})"


def result_as_markdown(result: dict) -> str:
    names = approach_names(result)
    path = result["article_path"]
    lines = [f"# {result['summary']}", "", "| Approach | Fit (0 to 100) |", "| --- | ---: |"]
    lines += [f"| {names[approach_id]} | {result['scores'][approach_id]} |" for approach_id in result["ranking"]]
    lines += ["", margin_sentence(result), "", "## Why"]
    for approach_id in result["ranking"]:
        lines += ["", f"### {names[approach_id]}", ""]
        reasons = result["reasons"][approach_id]
        lines += [f"- {reason['question']} **{reason['answer']}** (+{reason['points']}, [see the article]({article_link(path, reason['anchor'])}))" for reason in reasons]
        if not reasons:
            lines.append("- No answer pointed this way.")
    if result["cautions"]:
        lines += ["", "## Cautions", ""] + [f"- {caution['text']} ([see the article]({article_link(path, caution['anchor'])}))" for caution in result["cautions"]]
    lines += ["", "## What you do today", "", result["current_practice"]["text"]]
    if result["next_steps"]:
        lines += ["", "## Next steps", ""] + [f"{number}. {step['text']} ([see the article]({article_link(path, step['anchor'])}))" for number, step in enumerate(result["next_steps"], start=1)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the bank

def weights_phrase(bank: QuestionBank, weights: dict) -> str:
    return ", ".join(f"{approach_id} {weights[approach_id]}" for approach_id in bank.approach_ids)


def bank_as_text(bank: QuestionBank) -> str:
    lines = [f"{len(bank.questions)} questions (bank {bank.fingerprint}); weights {bank.scoring.weight_min} to {bank.scoring.weight_max}", ""]
    for number, question in enumerate(bank.questions, start=1):
        lines.append(f"{number}. [{question.id}] ({question.kind}, see #{question.anchor}) {question.text}")
        if question.help:
            lines.append(f"   {question.help}")
        lines += [f"   - [{option.id}] {option.text}  ({weights_phrase(bank, option.weights)})" for option in question.options]
        lines.append("")
    return "\n".join(lines)


def bank_as_markdown(bank: QuestionBank) -> str:
    lines = [f"# Questions ({len(bank.questions)}, bank {bank.fingerprint})", ""]
    for question in bank.questions:
        lines += [f"## {question.text}", "", f"`{question.id}`, {question.kind}, [see the article]({article_link(bank.article_path, question.anchor)})", ""]
        if question.help:
            lines += [question.help, ""]
        lines += [f"- `{option.id}` {option.text} ({weights_phrase(bank, option.weights)})" for option in question.options]
        lines.append("")
    return "\n".join(lines)
