"""A team's view (`TeamView.to_dict()`) as plain text or Markdown: the CLI prints them, the team page
downloads the Markdown (asked of the engine, so there is one renderer). Every sentence comes from the
view (the engine words it); these functions only lay it out, as the team page does
(scripts/page/team-view.js)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .report import approach_names, article_link


def answered_phrase(result: dict) -> str:
    answered = len(result["answers"])
    return f"{answered} of {answered + len(result['unanswered'])}"


def split_groups(split: dict) -> list[tuple[str, list[str]]]:
    """Who chose what, then who was not asked or gave no answer."""
    groups = [(f"{option['answer']} ({len(option['respondents'])})", option["respondents"]) for option in split["options"] if option["respondents"]]
    groups += [("Not asked", split["not_asked"])] if split["not_asked"] else []
    groups += [("No answer", split["no_answer"])] if split["no_answer"] else []
    return groups


def splits_off_the_agenda(view: dict) -> list[tuple[str, list[dict]]]:
    """(heading, splits): where everyone who answered agrees, then what nobody answered; empty groups left out."""
    agreed = [split for split in view["splits"] if not split["on_agenda"] and split["answered"]]
    unasked = [split for split in view["splits"] if not split["answered"]]
    groups = (("Where everyone who answered agrees", agreed), ("Not asked of anyone, or not answered", unasked))
    return [(heading, splits) for heading, splits in groups if splits]


def agenda_items(view: dict) -> list[tuple[dict, dict | None]]:
    """(agenda entry, its question's split or None for a condition), in agenda order."""
    splits = {split["question_id"]: split for split in view["splits"]}
    return [(entry, splits.get(entry.get("question_id"))) for entry in view["agenda"]]


@dataclass(frozen=True)
class Layout:
    """How a format lays out the agenda and the splits off it (the rest of the two differs too much
    to share): an item's prefix (with {number}), a question's off the agenda, a line's under either;
    how a question stands out, how it points into the article, how a group of splits is headed."""

    item: str
    bullet: str
    under: str
    strong: Callable[[str], str]
    see: Callable[[str], str]
    heading: Callable[[str], list[str]]
    no_agenda: str  # the prefix of the line said when there is no agenda


def agenda_lines(view: dict, layout: Layout) -> list[str]:
    lines = []
    for number, (entry, split) in enumerate(agenda_items(view), start=1):
        item = layout.item.format(number=number)
        if split is None:
            lines.append(f"{item}{layout.strong(entry['text'])} The article: “{entry['passage']}” {layout.see(entry['anchor'])}")
            continue
        lines.append(f"{item}{layout.strong(split['question'])} {split['measure']} {layout.see(split['anchor'])}")
        lines += [f"{layout.under}{answer}: {', '.join(labels)}" for answer, labels in split_groups(split)]
        if split["settled_text"]:
            lines.append(f"{layout.under}{split['settled_text']}")
    if not view["agenda"]:
        lines.append(f"{layout.no_agenda}{view['no_agenda']}")
    for heading, splits in splits_off_the_agenda(view):
        lines += layout.heading(heading)
        for split in splits:
            lines.append(f"{layout.bullet}{layout.strong(split['question'])}")
            lines += [f"{layout.under}{answer}: {', '.join(labels)}" for answer, labels in split_groups(split)]
    return lines


# ---------------------------------------------------------------- text

TEXT = Layout(item="  {number}. ", bullet="  - ", under="     ", strong=str, see=lambda anchor: f"(see #{anchor})",
              heading=lambda heading: ["", heading], no_agenda="  ")

def team_as_text(view: dict) -> str:
    names = approach_names(view)
    team = view["team"]
    lines = [f"Team view of {len(view['respondents'])} respondents", "", "Team outcome, by the team rule"]
    lines += [f"  {sentence}" for sentence in team["outcome"]] + [f"  {team['basis']}", f"  ({view['rule']})", ""]
    lines.append("Each respondent's outcome and verdict per approach")
    for respondent in view["respondents"]:
        result = respondent["result"]
        verdicts = "; ".join(f"{names[approach_id]}: {result['verdict_labels'][approach_id]}" for approach_id in names)
        lines.append(f"  {respondent['label']}: {result['short']} [{verdicts}] (answered {answered_phrase(result)})")
    lines += ["", "Need and readiness per approach"] + [f"  {names[entry['approach']]}: {entry['text']}" for entry in view["agreement"]]
    lines += ["", "Agenda: what to settle first, then the questions that divide the team, most divided first"]
    lines += agenda_lines(view, TEXT)
    if view["cautions"]:
        lines += ["", "Cautions any respondent raised"]
        lines += [f"  ! {caution['text']} {caution['raised_by_text']} (see #{caution['anchor']})" for caution in view["cautions"]]
    lines += ["", f"Section references (#...) point into the article at {view['article_path']}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Markdown

def team_as_markdown(view: dict, article_url: str | None = None) -> str:
    names = approach_names(view)
    team = view["team"]
    path = article_url or view["article_path"]

    def see(anchor: str) -> str:
        return f"([see the article]({article_link(path, anchor)}))"

    layout = Layout(item="{number}. ", bullet="- ", under="    - ", strong=lambda text: f"**{text}**", see=see,
                    heading=lambda heading: ["", f"## {heading}", ""], no_agenda="")

    lines = [f"# Team view of {len(view['respondents'])} respondents", "", "## Team outcome, by the team rule", ""]
    lines += [f"- **{sentence}**" for sentence in team["outcome"]] + ["", team["basis"], "", f"> {view['rule']}", ""]
    lines += ["## Each respondent's outcome and verdict per approach", "", "| Respondent | Outcome | " + " | ".join(names.values()) + " | Answered |"]
    lines.append("| --- | --- | " + " | ".join("---" for _ in names) + " | --- |")
    for respondent in view["respondents"]:
        result = respondent["result"]
        verdicts = " | ".join(result["verdict_labels"][approach_id] for approach_id in names)
        lines.append(f"| {markdown_cell(respondent['label'])} | {result['short']} | {verdicts} | {answered_phrase(result)} |")
    lines += ["", "## Need and readiness per approach", ""] + [f"- **{names[entry['approach']]}:** {entry['text']}" for entry in view["agreement"]]
    lines += ["", "## Agenda: what to settle first, then the questions that divide the team", ""]
    lines += agenda_lines(view, layout)
    if view["cautions"]:
        lines += ["", "## Cautions any respondent raised", ""]
        lines += [f"- {caution['text']} {caution['raised_by_text']} {see(caution['anchor'])}" for caution in view["cautions"]]
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """A label typed by a person, safe inside a table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|")
