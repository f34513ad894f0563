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

// The cautions quoted beside what to do: the conditions and risks (report.py's QUOTED_BESIDE_STEPS); what
// the article reports as practice is a detail, given with the answers that counted.
const QUOTED_BESIDE_STEPS = new Set(["blocking", "risk"]);
const SVG = "http://www.w3.org/2000/svg";
const VERDICT_SHAPE = /^[a-z_]+$/;

// A verdict's shape, as the picture of timing marks it (its symbols come with the picture).
function verdictShape(verdict) {
  const use = document.createElementNS(SVG, "use");
  use.setAttribute("href", `#timing-shape-${VERDICT_SHAPE.test(verdict) ? verdict : "plain"}`);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "assessment-verdict__shape");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.append(use);
  return svg;
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
    verdictShape(result.verdicts[approachId]),
    element("strong", { text: `${names.get(approachId) ?? approachId}: ${result.verdict_labels[approachId]}` }),
    element("span", { className: "assessment-verdict__scope", text: ` (${scopes.get(approachId)}). ` }),
    element("span", { text: result.verdict_texts[approachId] }),
  ])));
}

// The picture of timing the page was built with (overrides/partials/timing-figure.html), each
// approach marked with its verdict's shape, and the engine's words for it as its description.
function timingFigure(container, result) {
  const template = container.querySelector("[data-timing-figure-template]");
  if (!template || !result.timing_text) return [];
  const figure = template.content.querySelector("[data-timing-figure]").cloneNode(true);
  for (const mark of figure.querySelectorAll("[data-timing-mark]")) {
    const verdict = result.verdicts[mark.dataset.timingMark];
    if (!VERDICT_SHAPE.test(verdict ?? "")) continue;
    mark.setAttribute("href", `#timing-shape-${verdict}`);
    mark.dataset.timingVerdict = verdict;
    figure.querySelector(`[data-timing-label="${mark.dataset.timingMark}"]`)?.setAttribute("data-timing-verdict", verdict);
  }
  figure.querySelector("[data-timing-desc]").textContent = result.timing_text;
  return [figure];
}

// What to do (as report.py's to_do): for each approach called for or with a step, the article's
// words on its conditions (each quote a link to its passage), then its steps; then the steps for
// no one approach.
function whatToDo(result, articleUrl, names) {
  const groups = result.ranking.map((approachId) => [
    names.get(approachId),
    result.cautions.filter((caution) => caution.approach === approachId && QUOTED_BESIDE_STEPS.has(caution.severity)),
    result.next_steps.filter((step) => step.applies_to === approachId),
  ]);
  groups.push([
    null,
    result.cautions.filter((caution) => !names.has(caution.approach) && QUOTED_BESIDE_STEPS.has(caution.severity)),
    result.next_steps.filter((step) => !names.has(step.applies_to)),
  ]);
  return groups.filter(([, cautions, steps]) => cautions.length + steps.length).flatMap(([name, cautions, steps]) => [
    ...(name ? [element("h4", { text: name })] : []),
    ...cautions.map((caution) => element("p", { className: "assessment-result__quote", attributes: { "data-caution": caution.id, "data-severity": caution.severity } }, [
      element("span", { text: "The article: " }),
      element("a", { attributes: { href: articleLink(articleUrl, caution.anchor) } }, [
        element("q", { text: caution.passage, className: "assessment-result__passage" }),
      ]),
    ])),
    ...(steps.length ? [nextSteps(result, articleUrl, steps)] : []),
  ]);
}

// A step that is the editors' suggestion, not the article's own reading, says so (as the Markdown does).
function nextSteps(result, articleUrl, steps) {
  return element("ul", { className: "assessment-result__steps" }, steps.map((step) => {
    const editors = step.source === "editors" && result.editors_label;
    return element("li", { attributes: { "data-step-source": step.source ?? "", "data-step-for": step.applies_to } }, [
      ...(editors ? [element("span", { className: "assessment-result__source", text: `${result.editors_label} ` })] : []),
      element("span", { text: `${step.text} (` }),
      element("a", { text: "article", attributes: { href: articleLink(articleUrl, step.anchor), "aria-label": `Read in the article: ${step.text}` } }),
      element("span", { text: ")" }),
    ]);
  }));
}

function whenEachApplies(result, articleUrl) {
  return element("ul", {}, (result.approaches ?? []).map((approach) => element("li", { attributes: { "data-situation": approach.id } }, [
    element("strong", { text: `${approach.name}: ` }),
    element("span", { text: `${approach.situation} ` }),
    readMore(articleUrl, approach.anchor, approach.name),
  ])));
}

// The answers that counted (as report.py's answers_that_counted): for each approach some answer
// points to or a caution concerns, the answers, then what its cautions say of them (a practice
// note with the article's words, which nothing above quotes); today's practice last.
function answersThatCounted(result, articleUrl) {
  const groups = result.ranking.filter((approachId) => result.need[approachId].evidence.length
    || result.cautions.some((caution) => caution.approach === approachId)).flatMap((approachId) => {
    const need = result.need[approachId];
    const evidence = need.evidence.map((item) => element("li", {}, [
      element("span", { text: `${item.text} ` }), readMore(articleUrl, item.anchor, item.question),
    ]));
    const cautions = result.cautions.filter((caution) => caution.approach === approachId).map((caution) => element("li", {
      attributes: { "data-caution-detail": caution.id, "data-severity": caution.severity },
    }, [
      element("span", { text: `${caution.text} ` }),
      ...(QUOTED_BESIDE_STEPS.has(caution.severity) ? [] : [
        element("span", { text: "The article: " }),
        element("q", { text: caution.passage, className: "assessment-result__passage" }),
        element("span", { text: " " }),
      ]),
      readMore(articleUrl, caution.anchor, caution.text),
    ]));
    return [element("h4", { text: need.heading }), element("ul", {}, [...evidence, ...cautions])];
  });
  return [
    ...groups,
    element("h4", { text: result.headings.current_practice }),
    element("p", { text: result.current_practice.text, attributes: { "data-current-practice": "" } }),
  ];
}

// What each answer to a "not sure" question would do comes first: finding it out is the next step;
// a "not sure" answer this result has no use for is said last, so none vanishes. The engine says
// how many lines come first (single changes); the rest are under "more".
function whatWouldChange(result) {
  const unsure = (result.if_not_sure ?? []).map((line) => element("li", { text: line.text, attributes: { "data-if-not-sure": line.question_id } }));
  const changes = (result.what_would_change ?? []).map((change) => element("li", { text: change.text, attributes: { "data-what-if": change.recommended } }));
  const moot = (result.not_sure_moot ?? []).map((line) => element("li", { text: line.text, attributes: { "data-not-sure-moot": line.question_id } }));
  const lines = [...unsure, ...changes, ...moot];
  if (lines.length === 0) return [element("p", { text: result.no_change })];
  const first = result.changes_shown_first ?? lines.length;
  const more = lines.slice(first);
  return [
    ...(first ? [element("ul", {}, lines.slice(0, first))] : []),
    ...(more.length ? [details(result.headings.more_changes, [element("ul", {}, more)], { "data-more-changes": "" }, "h4")] : []),
  ];
}

// The bank's terms, each a tooltip (its definition as the title) wherever the result uses it, as on
// every page of the site; matched as written, whole words, as report.py's terms_used does.
function markTerms(root, terms) {
  if (!terms?.length) return;
  const escaped = terms.map((term) => term.term).sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_#-])(${escaped.join("|")})(?![\\p{L}\\p{N}_])`, "u");
  const definitions = new Map(terms.map((term) => [term.term, term.definition]));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest("a, abbr, script, svg, summary") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const text of texts) {
    // Split on a capturing pattern: the odd parts are the terms.
    const parts = text.textContent.split(pattern);
    if (parts.length === 1) continue;
    text.replaceWith(...parts.map((part, index) => (index % 2 ? element("abbr", { text: part, attributes: { title: definitions.get(part) } }) : part)));
  }
}

function section(title, children, attributes = {}, headingClass) {
  return element("section", { className: "assessment-result__section", attributes }, [element("h3", { text: title, className: headingClass }), ...children]);
}

// One click away: closed on screen, open in print (assessment.css).
function details(title, children, attributes = {}, heading = "h3") {
  return element("details", { className: "assessment-result__details", attributes }, [
    element("summary", {}, [element(heading, { text: title })]), ...children,
  ]);
}

export function renderResult(container, result, { articleUrl, shareUrl, onDownload, onPrint }) {
  const names = approachNames(result);
  const body = container.querySelector("[data-result-body]");
  const headings = result.headings;
  const sections = [element("p", { className: "assessment-result__summary", text: result.summary })];
  if (result.thin_evidence) sections.push(element("p", { className: "assessment-result__thin", text: result.thin_evidence }));
  // The answer first: each approach's verdict (its heading for screen readers: on screen the list
  // follows the headline it explains), the picture of timing, what to do; then the details.
  sections.push(section(headings.approaches, [verdictList(result, names)], { "data-verdicts": "" }, "visually-hidden"));
  sections.push(...timingFigure(container, result));
  const toDo = whatToDo(result, articleUrl, names);
  if (toDo.length) sections.push(section(headings.next_steps, toDo, { "data-next-steps": "" }));
  sections.push(details(headings.when_each_applies, [whenEachApplies(result, articleUrl)], { "data-when-each-applies": "" }));
  sections.push(details(headings.why, answersThatCounted(result, articleUrl), { "data-why": "" }));
  sections.push(details(headings.what_would_change, whatWouldChange(result), { "data-what-would-change": "" }));
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
  // The terms are marked before the result joins the page: one insertion, not one per term.
  const content = document.createDocumentFragment();
  content.append(...sections);
  markTerms(content, result.terms);
  body.replaceChildren(content);
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
