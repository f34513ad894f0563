// The team page: people's share links or JSON downloads in, the engine's team view out. Everything
// happens in this browser: the texts go to the engine's worker on this page, never to a server.
import { saveFile } from "./download.js";
import { EngineClient } from "./engine-client.js";
import { showEngineStatus as showStatusBox } from "./engine-status.js";
import { renderTeam } from "./team-view.js";

// Why a respondent was left out when the engine gives no words of its own.
const LEFT_OUT = {
  unreadable: "it could not be read (it may be incomplete or changed)",
  invalid: "it has answers the assessment does not know",
};
const TEAM_LINK_NOTICE = {
  outdated: "This team link was made for an earlier version of the assessment, which has changed since, so its answers cannot be read. Ask each person for their link again (old links still open), or paste them below.",
  unreadable: "This team link could not be read (it may be incomplete or changed). You can paste each person's link below.",
};

const root = document.querySelector("[data-team]");
if (root) startTeamPage(root);

function startTeamPage(root) {
  const page = {
    root,
    form: root.querySelector("[data-team-form]"),
    entries: root.querySelector("[data-team-entries]"),
    resultView: root.querySelector("[data-team-result]"),
    articleUrl: root.dataset.articleUrl,
    // The engine's limits and words (assessment.team, assessment.answers_json), from the build.
    smallest: Number(root.dataset.smallestTeam),
    largest: Number(root.dataset.largestTeam),
    unlabelled: root.dataset.unlabelled,
    largestFileBytes: Number(root.dataset.largestFileBytes),
    // What was pasted survives a reload of this tab, and goes when the tab is closed.
    storageKey: root.dataset.storageKey,
  };
  // Only a team link has a result to show on arrival: the snapshot's bytes buy seconds for it alone
  // (see showsResultOnArrival in assessment.js); pasting links takes longer than a normal boot.
  page.engine = EngineClient.fromPage(root, (status, detail) => showEngineStatus(page, status, detail), {
    resultOnArrival: hasTeamLink(),
  });
  page.engine.start();

  fillEntries(page, savedEntries(page));
  page.entries.addEventListener("input", () => saveEntries(page));
  root.querySelector("[data-add-entry]").addEventListener("click", () => addEntry(page)?.querySelector("[data-entry-label]").focus());
  page.entries.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-entry]");
    if (remove) removeEntry(page, remove.closest("[data-entry]"));
  });
  root.querySelector("[data-team-files]").addEventListener("change", async (event) => {
    await addFiles(page, [...event.target.files]);
    event.target.value = ""; // so that choosing the same file again adds it again
  });
  const dropZone = root.querySelector("[data-team-drop]");
  dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    dropZone.classList.add("is-dragging");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("is-dragging"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("is-dragging");
    addFiles(page, event.dataTransfer.files);
  });
  page.form.addEventListener("submit", (event) => {
    event.preventDefault();
    showTeam(page, { respondents: readEntries(page) });
  });
  root.querySelector("[data-clear-team]").addEventListener("click", () => startOver(page));
  root.querySelector("[data-engine-retry]").addEventListener("click", () => page.engine.start());
  window.addEventListener("hashchange", () => openTeamLink(page));
  openTeamLink(page);
}

// ---------------------------------------------------------------- the respondents' form

function addEntry(page, { label = "", text = "" } = {}) {
  if (page.entries.children.length >= page.largest) {
    showNotice(page, `A team view compares at most ${page.largest} people.`);
    return null;
  }
  const entry = page.root.querySelector("[data-entry-template]").content.firstElementChild.cloneNode(true);
  entry.querySelector("[data-entry-label]").value = label;
  entry.querySelector("[data-entry-text]").value = text;
  page.entries.append(entry);
  numberEntries(page);
  return entry;
}

function removeEntry(page, entry) {
  const next = entry.nextElementSibling ?? entry.previousElementSibling;
  entry.remove();
  if (page.entries.children.length === 0) addEntry(page);
  numberEntries(page);
  saveEntries(page);
  (next ?? page.entries.firstElementChild).querySelector("[data-entry-label]").focus();
}

// Every field's accessible name says whose it is: "Respondent 3", and its label once typed.
function numberEntries(page) {
  [...page.entries.children].forEach((entry, index) => {
    const name = page.unlabelled.replace("{position}", String(index + 1));
    entry.querySelector("[data-entry-legend]").textContent = name;
    entry.querySelector("[data-remove-entry]").setAttribute("aria-label", `Remove ${name}`);
  });
  page.root.querySelector("[data-add-entry]").disabled = page.entries.children.length >= page.largest;
}

function readEntries(page) {
  return entryValues(page).filter((entry) => entry.text.trim());
}

function entryValues(page) {
  return [...page.entries.children].map((entry) => ({
    label: entry.querySelector("[data-entry-label]").value,
    text: entry.querySelector("[data-entry-text]").value,
  }));
}

function fillEntries(page, respondents) {
  page.entries.replaceChildren();
  for (const respondent of respondents) addEntry(page, respondent);
  while (page.entries.children.length < page.smallest) addEntry(page);
  saveEntries(page);
}

function saveEntries(page) {
  try {
    sessionStorage.setItem(page.storageKey, JSON.stringify(entryValues(page)));
  } catch {
    // Storage may be full or switched off; the form still works without it.
  }
}

// Only strings survive, and no more entries than a team may have.
function savedEntries(page) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(page.storageKey) ?? "[]");
    if (!Array.isArray(saved)) return [];
    return saved.slice(0, page.largest)
      .filter((entry) => typeof entry?.label === "string" && typeof entry?.text === "string")
      .map(({ label, text }) => ({ label, text }));
  } catch {
    return [];
  }
}

async function addFiles(page, files) {
  for (const file of files) {
    // The engine reads no larger answers text; a result download is a few kilobytes.
    if (file.size > page.largestFileBytes) {
      showNotice(page, `${file.name} is too large to be a result download.`);
      continue;
    }
    const empty = [...page.entries.children].find((entry) => !entry.querySelector("[data-entry-text]").value.trim());
    const entry = empty ?? addEntry(page);
    if (!entry) break;
    entry.querySelector("[data-entry-text]").value = await file.text();
    const label = entry.querySelector("[data-entry-label]");
    if (!label.value.trim()) label.value = file.name.replace(/\.json$/i, "");
  }
  saveEntries(page);
}

function startOver(page) {
  fillEntries(page, []);
  page.resultView.hidden = true;
  page.resultView.querySelector("[data-team-body]").replaceChildren();
  delete page.resultView.dataset.teamOutcome;
  hideNotice(page);
  history.replaceState(null, "", location.pathname + location.search);
  page.entries.querySelector("[data-entry-label]").focus();
}

// ---------------------------------------------------------------- the team view

function openTeamLink(page) {
  if (hasTeamLink()) showTeam(page, { team_link: location.hash }, { fromLink: true });
}

function hasTeamLink() {
  const fragment = location.hash;
  return Boolean(fragment) && fragment !== "#" && !isHeadingAnchor(fragment);
}

function isHeadingAnchor(fragment) {
  try {
    return document.getElementById(decodeURIComponent(fragment.slice(1))) !== null;
  } catch {
    return false;
  }
}

async function showTeam(page, request, { fromLink = false } = {}) {
  if (!fromLink && request.respondents.length < page.smallest) {
    showNotice(page, `Paste the links or JSON of at least ${page.smallest} people, one per respondent.`);
    return;
  }
  hideNotice(page);
  if (page.engine.state !== "ready") {
    showEngineStatus(page, page.engine.state === "failed" ? "failed" : "loading");
    await page.engine.whenReady();
  }
  performance.mark("team:request");
  const reply = await page.engine.team({ ...request, article_url: new URL(page.articleUrl, document.baseURI).href });
  if (!reply.ok) {
    showProblems(page, reply, fromLink);
    return;
  }
  if (fromLink) fillEntries(page, reply.team.respondents.map((respondent) => ({ label: respondent.label, text: JSON.stringify(respondent.result.answers) })));
  history.replaceState(null, "", location.pathname + location.search + reply.team_link);
  renderTeam(page.resultView, reply, {
    articleUrl: page.articleUrl,
    teamUrl: location.href,
    onDownload: (format) => (format === "json"
      ? saveFile(JSON.stringify(reply.team, null, 2), "application/json", "coaching-timing-team.json")
      : saveFile(reply.markdown, "text/markdown", "coaching-timing-team.md")),
    onPrint: () => window.print(),
  });
  performance.mark("team:shown");
  if (reply.left_out.length || reply.notices.length) showProblems(page, reply, fromLink);
  else focusResult(page);
}

function focusResult(page) {
  const heading = page.resultView.querySelector("h2");
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}

// Respondents left out are named, each with its reason; nothing bad is silently applied. Those read
// from an earlier version of the assessment are kept as far as they go, and named too.
function showProblems(page, reply, fromLink) {
  if (!reply.ok) {
    page.resultView.hidden = true;
    if (fromLink) history.replaceState(null, "", location.pathname + location.search);
  }
  const leftOut = reply.left_out ?? [];
  const lines = [
    // The engine's words, which for a share link are the self-assessment page's own.
    ...leftOut.map((problem) => `${problem.label} is left out: ${
      problem.problems.length ? problem.problems.join("; ") : LEFT_OUT[problem.reason] ?? LEFT_OUT.unreadable}.`),
    ...(reply.notices ?? []).map(earlierVersionLine),
  ];
  let summary;
  if (reply.ok && leftOut.length) summary = `The team view leaves out ${leftOut.length === 1 ? "one respondent" : `${leftOut.length} respondents`}:`;
  else if (reply.ok) summary = "Some answers come from an earlier version of the assessment:";
  else if (TEAM_LINK_NOTICE[reply.reason]) summary = TEAM_LINK_NOTICE[reply.reason];
  else if (reply.reason === "team_size") summary = `A team view needs ${page.smallest} to ${page.largest} respondents that can be read.`;
  else summary = `The engine could not compare these answers: ${(reply.errors ?? []).join("; ")}`;
  showNotice(page, summary, lines);
}

// In the words of the self-assessment page's own notice for a link of an earlier version.
function earlierVersionLine(notice) {
  const dropped = notice.problems.length ? ` These answers no longer exist and are left unanswered: ${notice.problems.join(", ")}.` : "";
  return `${notice.label}'s link was made for an earlier version of the assessment, which has changed since; today's assessment of the same answers is shown.${dropped}`;
}

// ---------------------------------------------------------------- notices and status

function showNotice(page, text, lines = []) {
  const notice = page.root.querySelector("[data-notice]");
  notice.querySelector("[data-notice-text]").textContent = text;
  const list = notice.querySelector("[data-notice-list]");
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  list.hidden = lines.length === 0;
  notice.hidden = false;
  notice.focus();
}

function hideNotice(page) {
  page.root.querySelector("[data-notice]").hidden = true;
}

function showEngineStatus(page, status, detail) {
  showStatusBox(page.root, status, detail, {
    kept: "What you pasted is kept.",
    advice: "Check your connection and choose “Try again”, or compare the JSON downloads on your computer: python -m assessment compare.",
  });
  if (status === "ready") performance.mark("team:engine-ready");
}
