// The team page: people's share links or JSON downloads in, the engine's team view out. Everything
// happens in this browser: the texts go to the engine's worker on this page, never to a server.
import { saveFile } from "./download.js";
import { EngineClient } from "./engine-client.js";
import { showEngineStatus } from "./engine-status.js";
import { hideNotice, showNotice } from "./page-notice.js";
import { addEntry, addFiles, fillEntries, readEntries, removeEntry, saveEntries, savedEntries } from "./team-entries.js";
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
  page.engine = EngineClient.fromPage((status, detail) => showEngineStatus(root, status, detail), {
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
  const fileInput = root.querySelector("[data-team-files]");
  fileInput.addEventListener("change", () => addChosenFiles(page, fileInput));
  // Files chosen while the page loaded, before this listener was there, are added all the same.
  if (fileInput.files.length > 0) addChosenFiles(page, fileInput);
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

async function addChosenFiles(page, input) {
  await addFiles(page, [...input.files]);
  input.value = ""; // so that choosing the same file again adds it again
}

function startOver(page) {
  fillEntries(page, []);
  page.resultView.hidden = true;
  page.resultView.querySelector("[data-team-body]").replaceChildren();
  delete page.resultView.dataset.teamOutcome;
  hideNotice(page.root);
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
    showNotice(page.root, `Paste the links or JSON of at least ${page.smallest} people, one per respondent.`);
    return;
  }
  hideNotice(page.root);
  if (page.engine.state !== "ready") {
    showEngineStatus(page.root, page.engine.state === "failed" ? "failed" : "loading");
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

// In the next frame: the styling and layout of the new view are then the frame's, not this task's.
function focusResult(page) {
  const heading = page.resultView.querySelector("h2");
  requestAnimationFrame(() => {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  });
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
  showNotice(page.root, summary, lines);
}

// In the words of the self-assessment page's own notice for a link of an earlier version.
function earlierVersionLine(notice) {
  const dropped = notice.problems.length ? ` These answers no longer exist and are left unanswered: ${notice.problems.join(", ")}.` : "";
  return `${notice.label}'s link was made for an earlier version of the assessment, which has changed since; today's assessment of the same answers is shown.${dropped}`;
}
