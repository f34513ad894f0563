"""A team's view (`TeamView.to_dict()`) as plain text or Markdown: the CLI prints them, the team page
downloads the Markdown (asked of the engine, so there is one renderer)."""

from __future__ import annotations

from .report import approach_names, article_link
from .scoring import joined


def outcome_phrase(view: dict, outcome: dict) -> str:
    """An outcome (a result, or a way to settle a question) by the approaches it recommends."""
    names = approach_names(view)
    chosen = [names[approach_id] for approach_id in outcome["recommended_approaches"]]
    blocked = [names[approach_id] for approach_id in outcome.get("blocked", ())]
    phrase = chosen[0] if len(chosen) == 1 else f"{joined(chosen)}, side by side" if chosen else ""
    if blocked:
        phrase += ("; " if phrase else "") + f"{joined(blocked)} called for but expected to fail"
    return phrase or "no timing standing out"


def answered_phrase(result: dict) -> str:
    answered = len(result["answers"])
    return f"{answered} of {answered + len(result['unanswered'])} answered"


def split_line(split: dict) -> str:
    chosen = [f"{option['answer']}: {', '.join(option['respondents'])}" for option in split["options"] if option["respondents"]]
    others = [f"not asked: {', '.join(split['not_asked'])}"] if split["not_asked"] else []
    others += [f"no answer: {', '.join(split['no_answer'])}"] if split["no_answer"] else []
    return "; ".join(chosen + others)


def settled_phrase(view: dict, split: dict) -> str:
    outcomes = {way["recommended"] for way in split["settled_as"]}
    if len(outcomes) == 1:
        return f"Open (a tie): however it is settled, the team outcome stays {outcome_phrase(view, split['settled_as'][0])}."
    answers = {option["option_id"]: option["answer"] for option in split["options"]}
    ways = [f"as “{answers[way['option_id']]}” gives {outcome_phrase(view, way)}" for way in split["settled_as"]]
    return "Open (a tie): settled " + "; ".join(ways) + "."


READINESS_WORDS = {"holds": "conditions hold", "at_risk": "risks named", "blocked": "expected to fail", "unknown": "conditions not known"}


def need_phrase(entry: dict) -> str:
    present, absent = entry["need"]["present"], entry["need"]["absent"]
    if not absent:
        return "everyone sees the need"
    if not present:
        return "no one sees the need"
    return f"need seen by {', '.join(present)}; not by {', '.join(absent)}"


def readiness_phrase(entry: dict) -> str:
    groups = [(READINESS_WORDS[status], labels) for status, labels in entry["readiness"].items() if labels]
    if len(groups) == 1:
        return f"{groups[0][0]} for everyone"
    return "; ".join(f"{words}: {', '.join(labels)}" for words, labels in groups)


def agreement_line(view: dict, entry: dict) -> str:
    return f"{approach_names(view)[entry['approach']]}: {need_phrase(entry)}; {readiness_phrase(entry)}."


def team_headline(view: dict) -> str:
    team = view["team"]
    return (
        f"Team outcome, by the team rule: {outcome_phrase(view, team['result'])} "
        f"(from {len(team['answers'])} team answers; {len(team['open_questions'])} question(s) open)."
    )


# ---------------------------------------------------------------- text

def team_as_text(view: dict) -> str:
    names = approach_names(view)
    lines = [f"Team view of {len(view['respondents'])} respondents", "", team_headline(view), f"  ({view['rule']})", ""]
    lines.append("Respondents, and their verdict on each approach")
    for respondent in view["respondents"]:
        result = respondent["result"]
        verdicts = "; ".join(f"{names[approach_id]}: {result['verdict_labels'][approach_id]}" for approach_id in names)
        lines.append(f"  {respondent['label']}: {outcome_phrase(view, result)} [{verdicts}] ({answered_phrase(result)})")
    lines += ["", "Need and readiness per approach"] + [f"  {agreement_line(view, entry)}" for entry in view["agreement"]]
    agenda = [split for split in view["splits"] if split["on_agenda"]]
    lines += ["", f"Agenda: {len(agenda)} question(s) where the team is divided, most divided first"]
    for number, split in enumerate(agenda, start=1):
        lines.append(f"  {number}. {split['question']} ({split['division']}% outside the largest group; see #{split['anchor']})")
        lines.append(f"     {split_line(split)}")
        if split["open"]:
            lines.append(f"     {settled_phrase(view, split)}")
    agreed = [split for split in view["splits"] if not split["on_agenda"] and split["answered"]]
    if agreed:
        lines += ["", "Where everyone who answered agrees"]
        lines += [f"  - {split['question']} {split_line(split)}" for split in agreed]
    if view["cautions"]:
        lines += ["", "Cautions raised"]
        lines += [f"  ! {caution['text']} (raised by {', '.join(caution['raised_by'])}; see #{caution['anchor']})" for caution in view["cautions"]]
    lines += ["", f"Section references (#...) point into the article at {view['article_path']}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Markdown

def team_as_markdown(view: dict, article_url: str | None = None) -> str:
    names = approach_names(view)
    path = article_url or view["article_path"]
    lines = [f"# Team view of {len(view['respondents'])} respondents", "", f"**{team_headline(view)}**", "", f"> {view['rule']}", ""]
    lines += ["## Respondents", "", "| Respondent | Outcome | " + " | ".join(names.values()) + " | Answered |"]
    lines.append("| --- | --- | " + " | ".join("---" for _ in names) + " | --- |")
    for respondent in view["respondents"]:
        result = respondent["result"]
        verdicts = " | ".join(result["verdict_labels"][approach_id] for approach_id in names)
        lines.append(f"| {markdown_cell(respondent['label'])} | {outcome_phrase(view, result)} | {verdicts} | {answered_phrase(result)} |")
    lines += ["", "## Need and readiness per approach", ""] + [f"- {agreement_line(view, entry)}" for entry in view["agreement"]]
    agenda = [split for split in view["splits"] if split["on_agenda"]]
    lines += ["", "## Agenda: where the team is divided", ""]
    for number, split in enumerate(agenda, start=1):
        lines.append(f"{number}. **{split['question']}** ({split['division']}% outside the largest group; [see the article]({article_link(path, split['anchor'])}))")
        lines += [f"    - {option['answer']}: {', '.join(option['respondents'])}" for option in split["options"] if option["respondents"]]
        if split["not_asked"]:
            lines.append(f"    - Not asked: {', '.join(split['not_asked'])}")
        if split["no_answer"]:
            lines.append(f"    - No answer: {', '.join(split['no_answer'])}")
        if split["open"]:
            lines.append(f"    - {settled_phrase(view, split)}")
    if not agenda:
        lines.append("Everyone who answered agrees on every question.")
    agreed = [split for split in view["splits"] if not split["on_agenda"] and split["answered"]]
    if agreed:
        lines += ["", "## Where everyone who answered agrees", ""]
        lines += [f"- {split['question']} {split_line(split)}" for split in agreed]
    if view["cautions"]:
        lines += ["", "## Cautions raised", ""]
        lines += [f"- {caution['text']} (raised by {', '.join(caution['raised_by'])}; [see the article]({article_link(path, caution['anchor'])}))" for caution in view["cautions"]]
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """A label typed by a person, safe inside a table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|")
