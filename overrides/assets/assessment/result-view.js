// Renders the engine's result (AssessmentResult.to_dict()) with DOM APIs and textContent only:
// every string here came from data, so none of it is ever parsed as HTML. The engine words every
// sentence and heading; this only lays them out, as the Markdown does (assessment/report.py).

const SAFE_ANCHOR = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function element(tag, { text, className, attributes = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function articleLink(articleUrl, anchor) {
  const url = new URL(articleUrl, document.baseURI);
  url.hash = SAFE_ANCHOR.test(anchor ?? "") ? anchor : "";
  return url.href;
}

function approachNames(result) {
  return new Map((result.approaches ?? []).map((approach) => [approach.id, approach.name]));
}

function readMore(articleUrl, anchor, about) {
  return element("a", {
    text: "Read in the article",
    className: "assessment-result__more",
    attributes: { href: articleLink(articleUrl, anchor), "aria-label": `Read in the article: ${about}` },
  });
}

function needStatus(result, approachId) {
  return result.need?.[approachId]?.present ? "present" : "absent";
}

// Each approach's verdict, in the engine's words: called for (ready, with risks, or blocked) or not.
// No score: approaches called for run side by side, so no number ranks one above another.
function verdictList(result, names) {
  const scopes = new Map((result.approaches ?? []).map((approach) => [approach.id, approach.scope]));
  return element("ul", { className: "assessment-verdicts" }, result.ranking.map((approachId) => element("li", {
    className: `assessment-verdict is-${result.verdicts[approachId]}`,
    attributes: {
      "data-verdict": result.verdicts[approachId], "data-approach": approachId, "data-readiness": result.readiness[approachId].status,
      "data-need": approachId, "data-need-status": needStatus(result, approachId),
    },
  }, [
    element("strong", { text: `${names.get(approachId) ?? approachId}: ${result.verdict_labels[approachId]}` }),
    element("span", { className: "assessment-verdict__scope", text: ` (${scopes.get(approachId)}). ` }),
    element("span", { text: result.verdict_texts[approachId] }),
  ])));
}

// The answers behind each approach some answer points to (as report.py's with_evidence): of the
// others, the verdict line already says that no answer shows their situation.
function evidenceFor(result, articleUrl) {
  return result.ranking.filter((approachId) => result.need[approachId].evidence.length).flatMap((approachId) => {
    const need = result.need[approachId];
    const items = need.evidence.map((item) => element("li", {}, [
      element("span", { text: `${item.text} ` }), readMore(articleUrl, item.anchor, item.question),
    ]));
    return [element("h4", { text: need.heading }), element("ul", {}, items)];
  });
}

function whenEachApplies(result, articleUrl) {
  return element("ul", {}, (result.approaches ?? []).map((approach) => element("li", { attributes: { "data-situation": approach.id } }, [
    element("strong", { text: `${approach.name}: ` }),
    element("span", { text: `${approach.situation} ` }),
    readMore(articleUrl, approach.anchor, approach.name),
  ])));
}

// The cautions under their force's heading (the engine gives both, strongest first), each with
// the article's own words it rests on.
function cautionSections(result, articleUrl) {
  const headings = Object.entries(result.caution_headings ?? {});
  return headings
    .map(([severity, heading]) => [heading, result.cautions.filter((caution) => caution.severity === severity)])
    .filter(([, cautions]) => cautions.length)
    .map(([heading, cautions]) => section(heading, [element("ul", {}, cautions.map((caution) => element("li", {
      attributes: { "data-caution": caution.id, "data-severity": caution.severity },
    }, [
      element("span", { text: `${caution.text} ` }),
      element("span", { text: "The article: " }),
      element("q", { text: caution.passage, className: "assessment-result__passage", attributes: { cite: articleLink(articleUrl, caution.anchor) } }),
      element("span", { text: " " }),
      readMore(articleUrl, caution.anchor, caution.text),
    ])))]));
}

// What each answer to a "not sure" question would do comes first: finding it out is the next step;
// a "not sure" answer this result has no use for is said last, so none vanishes.
function whatWouldChange(result) {
  const unsure = (result.if_not_sure ?? []).map((line) => element("li", { text: line.text, attributes: { "data-if-not-sure": line.question_id } }));
  const changes = (result.what_would_change ?? []).map((change) => element("li", { text: change.text, attributes: { "data-what-if": change.recommended } }));
  const moot = (result.not_sure_moot ?? []).map((line) => element("li", { text: line.text, attributes: { "data-not-sure-moot": line.question_id } }));
  if (unsure.length + changes.length + moot.length === 0) return [element("p", { text: result.no_change })];
  return [element("ul", {}, [...unsure, ...changes, ...moot])];
}

// A step that is the editors' suggestion, not the article's own reading, says so (as the Markdown does).
function nextSteps(result, articleUrl) {
  return element("ul", {}, result.next_steps.map((step) => {
    const editors = step.source === "editors" && result.editors_label;
    return element("li", { attributes: { "data-step-source": step.source ?? "" } }, [
      ...(editors ? [element("span", { className: "assessment-result__source", text: `${result.editors_label} ` })] : []),
      element("span", { text: `${step.text} ` }), readMore(articleUrl, step.anchor, step.text),
    ]);
  }));
}

function section(title, children, attributes = {}) {
  return element("section", { className: "assessment-result__section", attributes }, [element("h3", { text: title }), ...children]);
}

export function renderResult(container, result, { articleUrl, shareUrl, onDownload, onPrint }) {
  const names = approachNames(result);
  const body = container.querySelector("[data-result-body]");
  const noneStandsOut = result.recommended_approaches.length === 0;
  const headings = result.headings;
  const sections = [element("p", { className: "assessment-result__summary", text: result.summary })];
  if (result.thin_evidence) sections.push(element("p", { className: "assessment-result__thin", text: result.thin_evidence }));
  // The answer first: each approach's verdict, then (when none is called for) when each would apply.
  sections.push(section(headings.approaches, [verdictList(result, names)]));
  if (noneStandsOut) sections.push(section(headings.when_each_applies, [whenEachApplies(result, articleUrl)]));
  const why = evidenceFor(result, articleUrl);
  if (why.length) sections.push(section(headings.why, why));
  sections.push(...cautionSections(result, articleUrl));
  sections.push(section(headings.what_would_change, whatWouldChange(result)));
  sections.push(section(headings.current_practice, [element("p", { text: result.current_practice.text })]));
  if (result.next_steps.length) sections.push(section(headings.next_steps, [nextSteps(result, articleUrl)]));
  sections.push(section("Keep or share this result", [
    element("p", {}, [
      element("span", { text: "Share link (your answers travel in the link itself, never to a server): " }),
      element("a", { text: "link to this result", attributes: { href: shareUrl, "data-share-link": "" } }),
    ]),
    element("p", { className: "assessment-result__actions" }, [
      button("Download as JSON", () => onDownload("json")),
      button("Download as Markdown", () => onDownload("markdown")),
      button("Print", onPrint),
    ]),
    teamViewLink(container),
  ], { "data-result-actions": "" }));
  // The full result, for people and tools that want the exact data behind the page.
  sections.push(element("script", { text: JSON.stringify(result), attributes: { type: "application/json", "data-result-json": "" } }));
  body.replaceChildren(...sections);
  container.dataset.recommended = result.recommended;
  container.hidden = false;
}

// Deciding with others: the team page compares several people's results (the page gives its address).
function teamViewLink(container) {
  const teamUrl = container.closest("[data-team-url]")?.dataset.teamUrl;
  if (!teamUrl) return "";
  return element("p", {}, [
    element("span", { text: "Deciding with others? Each person takes the assessment, then " }),
    element("a", { text: "compare your results in the team view", attributes: { href: teamUrl, "data-team-view-link": "" } }),
    element("span", { text: "." }),
  ]);
}

function button(label, onClick) {
  const node = element("button", { text: label, className: "md-button", attributes: { type: "button" } });
  node.addEventListener("click", onClick);
  return node;
}
