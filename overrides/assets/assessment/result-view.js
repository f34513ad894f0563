// Renders the engine's result (AssessmentResult.to_dict()) with DOM APIs and textContent only:
// every string here came from data, so none of it is ever parsed as HTML.

const SAFE_ANCHOR = /^[A-Za-z][A-Za-z0-9_-]*$/;

function element(tag, { text, className, attributes = {} } = {}, children = []) {
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

function scoreChart(result, names) {
  const list = element("ul", { className: "assessment-chart" });
  for (const approachId of result.ranking) {
    const score = result.scores[approachId];
    const bar = element("span", { className: "assessment-chart__bar", attributes: { "aria-hidden": "true" } }, [
      element("span", { className: "assessment-chart__fill" }),
    ]);
    // CSSOM, not a style attribute: allowed under the page's Content-Security-Policy.
    bar.firstChild.style.width = `${Math.max(0, Math.min(100, score))}%`;
    list.append(element("li", {
      className: result.recommended_approaches.includes(approachId) ? "assessment-chart__row is-best" : "assessment-chart__row",
      attributes: { "data-score": approachId },
    }, [
      element("span", { className: "assessment-chart__name", text: names.get(approachId) ?? approachId }),
      bar,
      element("span", { className: "assessment-chart__value", text: `${score} out of 100` }),
    ]));
  }
  return list;
}

function reasonsFor(result, names, articleUrl) {
  const blocks = [];
  for (const approachId of result.recommended_approaches) {
    const reasons = result.reasons?.[approachId] ?? [];
    if (reasons.length === 0) continue;
    const items = reasons.map((reason) => element("li", {}, [
      element("span", { text: `${reason.question} You answered: “${reason.answer}”. ` }),
      readMore(articleUrl, reason.anchor, reason.question),
    ]));
    blocks.push(element("h4", { text: names.get(approachId) ?? approachId }), element("ul", {}, items));
  }
  return blocks;
}

function section(title, children) {
  return element("section", { className: "assessment-result__section" }, [element("h3", { text: title }), ...children]);
}

export function renderResult(container, result, { articleUrl, shareUrl, onDownload, onPrint }) {
  const names = approachNames(result);
  const body = container.querySelector("[data-result-body]");
  const sections = [
    element("p", { className: "assessment-result__summary", text: result.summary }),
    section("Scores", [scoreChart(result, names)]),
  ];
  const reasons = reasonsFor(result, names, articleUrl);
  if (reasons.length) sections.push(section("Why", reasons));
  if (result.cautions.length) {
    sections.push(section("Cautions", [element("ul", {}, result.cautions.map((caution) => element("li", {}, [
      element("span", { text: `${caution.text} ` }), readMore(articleUrl, caution.anchor, caution.text),
    ])))]));
  }
  sections.push(section("Your current practice and the best fit", [element("p", { text: result.current_practice.text })]));
  if (result.next_steps.length) {
    sections.push(section("What to do next", [element("ul", {}, result.next_steps.map((step) => element("li", {}, [
      element("span", { text: `${step.text} ` }), readMore(articleUrl, step.anchor, step.text),
    ])))]));
  }
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
  ]));
  // The full result, for people and tools that want the exact data behind the page.
  sections.push(element("script", { text: JSON.stringify(result), attributes: { type: "application/json", "data-result-json": "" } }));
  body.replaceChildren(...sections);
  container.dataset.recommended = result.recommended;
  container.hidden = false;
}

function button(label, onClick) {
  const node = element("button", { text: label, className: "md-button", attributes: { type: "button" } });
  node.addEventListener("click", onClick);
  return node;
}

export function resultAsMarkdown(result, articleUrl) {
  const names = approachNames(result);
  const link = (anchor) => articleLink(articleUrl, anchor);
  const lines = ["# Self-assessment result", "", result.summary, "", "## Scores", ""];
  for (const approachId of result.ranking) lines.push(`- ${names.get(approachId) ?? approachId}: ${result.scores[approachId]} out of 100`);
  lines.push("", "## Why", "");
  for (const approachId of result.recommended_approaches) {
    for (const reason of result.reasons?.[approachId] ?? []) {
      lines.push(`- ${reason.question} You answered: “${reason.answer}”. ([article](${link(reason.anchor)}))`);
    }
  }
  if (result.cautions.length) {
    lines.push("", "## Cautions", "");
    for (const caution of result.cautions) lines.push(`- ${caution.text} ([article](${link(caution.anchor)}))`);
  }
  lines.push("", "## Your current practice and the best fit", "", result.current_practice.text);
  if (result.next_steps.length) {
    lines.push("", "## What to do next", "");
    for (const step of result.next_steps) lines.push(`- ${step.text} ([article](${link(step.anchor)}))`);
  }
  lines.push("");
  return lines.join("\n");
}
