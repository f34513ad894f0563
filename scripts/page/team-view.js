// Renders the engine's team view (assessment.team: TeamView.to_dict()) with DOM APIs and textContent
// only: labels are typed by people and answers come from links, so nothing is ever parsed as HTML.
// The engine words every sentence; this only lays them out, as the Markdown does (assessment/team_report.py).
import { articleLink, element } from "./result-view.js";

function approachNames(view) {
  return new Map(view.approaches.map((approach) => [approach.id, approach.name]));
}

function section(title, children, attributes = {}) {
  return element("section", { className: "team-result__section", attributes }, [element("h3", { text: title }), ...children]);
}

function passageLink(articleUrl, anchor, about) {
  return element("a", {
    text: "Read the passage",
    className: "team-result__passage",
    attributes: { href: articleLink(articleUrl, anchor), "aria-label": `Read the passage: ${about}`, "data-passage": `#${anchor}` },
  });
}

// A wide table scrolls on its own on a phone; as a focusable region it scrolls by keyboard too.
function scrollingTable(label, table) {
  return element("div", { className: "team-table", attributes: { role: "region", "aria-label": label, tabindex: "0" } }, [table]);
}

function teamOutcome(view) {
  const team = view.team;
  return section("Team outcome, by the team rule", [
    element("ul", { className: "team-result__outcome" }, team.outcome.map((sentence) => element("li", { text: sentence }))),
    element("p", { text: team.basis }),
    element("p", { className: "team-result__rule", text: view.rule }),
  ], { "data-team-outcome-box": "" });
}

function respondentsTable(view, names) {
  const approachIds = view.approaches.map((approach) => approach.id);
  const head = element("tr", {}, ["Respondent", "Outcome", ...approachIds.map((approachId) => names.get(approachId)), "Answered"]
    .map((title) => element("th", { text: title, attributes: { scope: "col" } })));
  const rows = view.respondents.map((respondent) => {
    const result = respondent.result;
    const answered = Object.keys(result.answers).length;
    return element("tr", { attributes: { "data-respondent": respondent.label, "data-recommended": result.recommended } }, [
      element("th", { text: respondent.label, attributes: { scope: "row" } }),
      element("td", { text: result.short }),
      ...approachIds.map((approachId) => element("td", {
        text: result.verdict_labels?.[approachId] ?? "",
        attributes: { "data-verdict": result.verdicts?.[approachId] ?? "", "data-approach": approachId },
      })),
      element("td", { text: `${answered} of ${answered + result.unanswered.length}` }),
    ]);
  });
  const table = element("table", { className: "team-table__grid" }, [element("thead", {}, [head]), element("tbody", {}, rows)]);
  return section("Each respondent's outcome and verdict per approach", [scrollingTable("Each respondent's outcome and verdict per approach", table)]);
}

// Where the team agrees on each approach's need (its situation is present) and readiness (its conditions).
function agreementSection(view, names) {
  return section("Need and readiness per approach", [element("ul", { className: "team-agreement" }, view.agreement.map((entry) => element("li", {
    attributes: { "data-agreement": entry.approach, "data-need-agreed": String(entry.need_agreed), "data-readiness-agreed": String(entry.readiness_agreed) },
  }, [
    element("strong", { text: `${names.get(entry.approach) ?? entry.approach}: ` }),
    element("span", { text: entry.text }),
  ])))]);
}

function splitOptions(split) {
  const chosen = split.options.filter((option) => option.respondents.length)
    .map((option) => [`${option.answer} (${option.respondents.length})`, option.respondents]);
  // "Not asked" and "No answer" are labels, like the column headings.
  if (split.not_asked.length) chosen.push(["Not asked", split.not_asked]);
  if (split.no_answer.length) chosen.push(["No answer", split.no_answer]);
  return element("ul", { className: "team-split__options" }, chosen.map(([answer, labels]) => element("li", {}, [
    element("span", { className: "team-split__answer", text: `${answer}: ` }),
    element("span", { text: labels.join(", ") }),
  ])));
}

function splitItem(split, articleUrl) {
  const children = [element("h4", { text: split.question }), splitOptions(split)];
  if (split.settled_text) children.push(element("p", { className: "team-split__open", text: split.settled_text }));
  children.push(element("p", { className: "team-split__measure" }, [
    element("span", { text: split.on_agenda ? `${split.measure} ` : "" }), passageLink(articleUrl, split.anchor, split.question),
  ]));
  return element("li", { className: split.open ? "team-split is-open" : "team-split", attributes: { "data-split": split.question_id } }, children);
}

// A blocking condition someone's answers raise: settled before anything else.
function conditionItem(condition, articleUrl) {
  return element("li", { className: "team-split is-condition", attributes: { "data-agenda-condition": condition.caution } }, [
    element("h4", { text: condition.text }),
    element("p", {}, [
      element("span", { text: "The article: " }),
      element("q", { text: condition.passage, attributes: { cite: articleLink(articleUrl, condition.anchor) } }),
      element("span", { text: " " }),
      passageLink(articleUrl, condition.anchor, condition.text),
    ]),
  ]);
}

function splitSections(view, articleUrl) {
  const splits = new Map(view.splits.map((split) => [split.question_id, split]));
  const agenda = view.agenda.map((entry) => (entry.kind === "condition"
    ? conditionItem(entry, articleUrl) : splitItem(splits.get(entry.question_id), articleUrl)));
  const agreed = view.splits.filter((split) => !split.on_agenda && split.answered);
  const unasked = view.splits.filter((split) => !split.answered);
  const items = (list) => list.map((split) => splitItem(split, articleUrl));
  const sections = [section("Agenda: what to settle first, then the questions that divide the team", [
    agenda.length
      ? element("ol", { className: "team-agenda", attributes: { "data-team-agenda": "" } }, agenda)
      : element("p", { text: view.no_agenda }),
  ], { "data-agenda-section": "" })];
  if (agreed.length) {
    sections.push(section("Where everyone who answered agrees", [element("ul", { className: "team-agreed" }, items(agreed))], { "data-agreed-section": "" }));
  }
  if (unasked.length) {
    sections.push(section("Not asked of anyone, or not answered", [element("ul", { className: "team-agreed" }, items(unasked))], { "data-agreed-section": "" }));
  }
  return sections;
}

function cautionsSection(view, articleUrl) {
  return section("Cautions any respondent raised", [element("ul", {}, view.cautions.map((caution) => element("li", {}, [
    element("span", { text: `${caution.text} ${caution.raised_by_text} ` }),
    passageLink(articleUrl, caution.anchor, caution.text),
  ])))]);
}

function button(label, onClick) {
  const node = element("button", { text: label, className: "md-button", attributes: { type: "button" } });
  node.addEventListener("click", onClick);
  return node;
}

function shareSection(teamUrl, teamLinkLength, { onDownload, onPrint }) {
  return section("Keep or share the team view", [
    element("p", {}, [
      element("span", { text: "Team link (every respondent's answers and label travel in the link itself, never to a server): " }),
      element("a", { text: "link to this team view", attributes: { href: teamUrl, "data-team-link": "" } }),
      element("span", { text: ` (${teamLinkLength} characters).` }),
    ]),
    element("p", { className: "assessment-result__actions" }, [
      button("Download as JSON", () => onDownload("json")),
      button("Download as Markdown", () => onDownload("markdown")),
      button("Print the agenda", onPrint),
    ]),
  ], { "data-team-share": "" });
}

export function renderTeam(container, reply, { articleUrl, teamUrl, onDownload, onPrint }) {
  const view = reply.team;
  const names = approachNames(view);
  const sections = [teamOutcome(view), respondentsTable(view, names), agreementSection(view, names), ...splitSections(view, articleUrl)];
  if (view.cautions.length) sections.push(cautionsSection(view, articleUrl));
  sections.push(shareSection(teamUrl, reply.team_link.length, { onDownload, onPrint }));
  // The full view, for people and tools that want the exact data behind the page.
  sections.push(element("script", { text: JSON.stringify(view), attributes: { type: "application/json", "data-team-json": "" } }));
  container.querySelector("[data-team-body]").replaceChildren(...sections);
  container.dataset.teamOutcome = view.team.recommended;
  container.hidden = false;
}
