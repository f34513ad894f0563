// The self-assessment page: the form works on its own; Python (in a worker) only turns complete
// answers into a result. Boot starts first thing, so it runs while the reader answers.
import { saveFile } from "./download.js";
import { EngineClient } from "./engine-client.js";
import { showEngineStatus as showStatusBox } from "./engine-status.js";
import {
  OWN_ANSWERS, askedQuestions, bankFromForm, fillForm, forgetAnswers, loadSavedAnswers, looksLikeShareLink,
  parseShareFragment, readForm, sameAnswers, saveAnswers, shareFragment, unansweredQuestions,
} from "./answers.js";
import { renderResult } from "./result-view.js";

const FAILED_ADVICE = "Check your connection and choose “Try again”, or run the same assessment on your computer: python -m assessment.";
const INCOMPLETE_LINK_NOTICE = "This link holds only some of the answers: they are filled in below. Answer the remaining questions to see the result.";
// How many of an old link's answers a notice names before it says "and N more".
const NAMED_ANSWERS = 5;

const root = document.querySelector("[data-assessment]");
if (root) startAssessment(root);

function startAssessment(root) {
  const form = root.querySelector("[data-assessment-form]");
  const resultView = root.querySelector("[data-result]");
  const bank = bankFromForm(form, root.dataset);
  const page = { root, form, resultView, bank, articleUrl: root.dataset.articleUrl, waitingForEngine: false };

  const engine = EngineClient.fromPage(root, (status, detail) => showEngineStatus(page, status, detail), {
    resultOnArrival: showsResultOnArrival(bank),
  });
  page.engine = engine;
  engine.start();

  restoreAnswers(page);
  updateQuestions(page);

  form.addEventListener("change", (event) => answerChanged(page, event.target));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(page);
  });
  root.querySelector("[data-start-over]").addEventListener("click", () => startOver(page));
  root.querySelector("[data-engine-retry]").addEventListener("click", () => engine.start());
  root.querySelector("[data-own-answers-restore]").addEventListener("click", () => backToOwnAnswers(page));
  root.querySelector("[data-own-answers-keep]").addEventListener("click", () => keepLinkAnswers(page));
  root.querySelector("[data-error-summary-list]").addEventListener("click", (event) => {
    const link = event.target.closest("a[data-goto-question]");
    if (!link) return;
    // The fragment carries share links, so in-page jumps move focus instead of changing it.
    event.preventDefault();
    focusQuestion(page, link.dataset.gotoQuestion);
  });
  window.addEventListener("hashchange", () => {
    if (looksLikeShareLink(location.hash, bank)) openShareLink(page, location.hash);
  });
}

// Which boot a visit gets is decided here, at load, by what it must show. A visit that shows a
// result on arrival (a usable share link, or complete saved answers) boots from the memory
// snapshot: 6.3 MB more, Python ready in about 1.3 s instead of 3.5 s. Any other visit boots
// normally while the reader answers, which takes a minute or more; a submit before the boot is
// ready waits for it (the page says so) and shows the result the moment it is.
// Slow CPUs keep the normal boot: on a machine 3-5x slower it was ready in 10-17 s (README, "How
// Python starts, by visit"), still well before a reader has answered the questions; switching to
// the snapshot then would download 6.3 MB and start a second boot for a few seconds at most.
function showsResultOnArrival(bank) {
  if (looksLikeShareLink(location.hash, bank)) {
    const parsed = parseShareFragment(location.hash, bank);
    return parsed.ok && parsed.complete;
  }
  return isComplete(bank, loadSavedAnswers(bank));
}

function isComplete(bank, answers) {
  return Object.keys(answers).length > 0 && unansweredQuestions(bank, answers).length === 0;
}

function restoreAnswers(page) {
  // Saved answers first: a share link that cannot be used leaves them in the form.
  const saved = loadSavedAnswers(page.bank);
  fillForm(page.form, page.bank, saved);
  showOwnAnswersOffer(page);
  if (looksLikeShareLink(location.hash, page.bank)) openShareLink(page, location.hash);
  else if (isComplete(page.bank, saved)) submit(page); // a returning reader sees their result again
}

function openShareLink(page, fragment) {
  const parsed = parseShareFragment(fragment, page.bank);
  if (!parsed.ok) {
    // Only the link is set aside: the reader's saved answers stay, in storage and in the form.
    history.replaceState(null, "", location.pathname + location.search);
    showNotice(page, `This share link was not used: ${parsed.message}. Any answers you saved on this device are below, unchanged.`);
    return;
  }
  const saved = loadSavedAnswers(page.bank);
  const ownAlreadyKept = Object.keys(loadSavedAnswers(page.bank, OWN_ANSWERS)).length > 0;
  if (!ownAlreadyKept && Object.keys(saved).length > 0 && !sameAnswers(saved, parsed.answers)) {
    saveAnswers(page.bank, saved, OWN_ANSWERS);
  }
  fillForm(page.form, page.bank, parsed.answers);
  saveAnswers(page.bank, parsed.answers);
  updateQuestions(page);
  showOwnAnswersOffer(page);
  if (parsed.outdated) showNotice(page, outdatedLinkNotice(parsed));
  else if (!parsed.complete) showNotice(page, INCOMPLETE_LINK_NOTICE);
  else hideNotice(page);
  if (parsed.complete) submit(page, { keepNotice: parsed.outdated });
}

// A link made before the assessment changed: never a silent different result.
function outdatedLinkNotice({ dropped, complete }) {
  const parts = ["This link was made for an earlier version of the assessment, which has changed since."];
  if (dropped.length) {
    const named = dropped.slice(0, NAMED_ANSWERS).join(", ");
    const more = dropped.length > NAMED_ANSWERS ? ` and ${dropped.length - NAMED_ANSWERS} more` : "";
    parts.push(`These answers no longer exist and are left unanswered: ${named}${more}.`);
  }
  parts.push(complete
    ? "The result below is today's assessment of the same answers."
    : "Its other answers are filled in below; answer the remaining questions to see today's result.");
  return parts.join(" ");
}

// Offered for as long as the reader's own answers are set aside (across reloads too).
function showOwnAnswersOffer(page) {
  const ownKept = Object.keys(loadSavedAnswers(page.bank, OWN_ANSWERS)).length > 0;
  page.root.querySelector("[data-own-answers]").hidden = !ownKept;
}

function backToOwnAnswers(page) {
  const own = loadSavedAnswers(page.bank, OWN_ANSWERS);
  forgetAnswers(page.bank, OWN_ANSWERS);
  showOwnAnswersOffer(page);
  fillForm(page.form, page.bank, own);
  saveAnswers(page.bank, own);
  clearUnansweredMarks(page);
  hideResult(page);
  updateQuestions(page);
  if (unansweredQuestions(page.bank, own).length === 0) submit(page);
  else focusQuestion(page, unansweredQuestions(page.bank, own)[0].id);
}

function keepLinkAnswers(page) {
  forgetAnswers(page.bank, OWN_ANSWERS);
  showOwnAnswersOffer(page);
  focusQuestion(page, page.bank.questions[0].id);
}

function answerChanged(page, input) {
  const answers = readForm(page.form, page.bank);
  saveAnswers(page.bank, answers);
  updateQuestions(page);
  if (input?.name) markAnswered(page, input.name);
  if (!page.resultView.hidden) {
    // The result on screen no longer matches the answers: say so, and stop offering its link.
    page.resultView.querySelector("[data-result-stale]").hidden = false;
    history.replaceState(null, "", location.pathname + location.search);
  }
}

// Show the questions that apply to the answers so far (the rest wait, keeping any answer), and
// count progress over those.
function updateQuestions(page) {
  const answers = readForm(page.form, page.bank);
  const asked = new Set(askedQuestions(page.bank, answers).map((question) => question.id));
  for (const fieldset of page.form.querySelectorAll("fieldset[data-question]")) {
    fieldset.hidden = !asked.has(fieldset.dataset.question);
  }
  const total = asked.size;
  const answered = total - unansweredQuestions(page.bank, answers).length;
  page.root.querySelector("[data-progress-text]").textContent = `${answered} of ${total} questions answered`;
  const bar = page.root.querySelector("[data-progress-bar]");
  bar.max = total;
  bar.value = answered;
}

async function submit(page, { keepNotice = false } = {}) {
  // Marks for bench/ (and anyone profiling): submit, engine ready and result shown.
  performance.mark("assessment:submit");
  const answers = readForm(page.form, page.bank);
  const missing = unansweredQuestions(page.bank, answers);
  if (missing.length > 0) {
    pointOutUnanswered(page, missing);
    return;
  }
  clearUnansweredMarks(page);
  if (!keepNotice) hideNotice(page);
  if (page.engine.state !== "ready") {
    page.waitingForEngine = true;
    if (page.engine.state === "failed") showEngineStatus(page, "failed", page.engine.failureReason);
    else showEngineStatus(page, "loading");
    await page.engine.whenReady();
    if (!page.waitingForEngine) return;
    page.waitingForEngine = false;
  }
  const reply = await page.engine.assess(readForm(page.form, page.bank));
  if (!reply.ok) {
    showNotice(page, `The engine could not score these answers: ${reply.errors.join("; ")}`);
    return;
  }
  showResult(page, reply.result);
}

function showResult(page, result) {
  const fragment = shareFragment(page.bank, result.answers);
  history.replaceState(null, "", location.pathname + location.search + fragment);
  page.resultView.querySelector("[data-result-stale]").hidden = true;
  renderResult(page.resultView, result, {
    articleUrl: page.articleUrl,
    shareUrl: location.href,
    onDownload: (format) => download(page, result, format),
    onPrint: () => window.print(),
  });
  const heading = page.resultView.querySelector("h2");
  heading.focus({ preventScroll: true });
  // The result is painted first, below what the reader sees, and scrolled to in the next frame:
  // nothing in view moves under the reader (no layout shift), the page then goes to the result.
  requestAnimationFrame(() => requestAnimationFrame(() => heading.scrollIntoView({ block: "start" })));
  performance.mark("assessment:result-shown");
}

function pointOutUnanswered(page, missing) {
  clearUnansweredMarks(page);
  const summary = page.root.querySelector("[data-error-summary]");
  summary.querySelector("[data-error-summary-title]").textContent =
    missing.length === 1 ? "One question still needs an answer:" : `${missing.length} questions still need an answer:`;
  const list = summary.querySelector("[data-error-summary-list]");
  list.replaceChildren(...missing.map((question) => {
    const fieldset = page.form.querySelector(`#question-${CSS.escape(question.id)}`);
    fieldset.classList.add("is-unanswered");
    fieldset.querySelector("[data-question-error]").hidden = false;
    for (const input of fieldset.querySelectorAll("input")) describeBy(input, `error-${question.id}`, true);
    const link = document.createElement("a");
    link.href = `#question-${question.id}`;
    link.dataset.gotoQuestion = question.id;
    link.textContent = fieldset.querySelector("legend").textContent.trim();
    const item = document.createElement("li");
    item.append(link);
    return item;
  }));
  summary.hidden = false;
  focusQuestion(page, missing[0].id);
}

function focusQuestion(page, questionId) {
  const fieldset = page.form.querySelector(`#question-${CSS.escape(questionId)}`);
  fieldset?.querySelector("input")?.focus();
}

function markAnswered(page, questionId) {
  const fieldset = page.form.querySelector(`#question-${CSS.escape(questionId)}`);
  if (!fieldset?.classList.contains("is-unanswered")) return;
  fieldset.classList.remove("is-unanswered");
  fieldset.querySelector("[data-question-error]").hidden = true;
  for (const input of fieldset.querySelectorAll("input")) describeBy(input, `error-${questionId}`, false);
  const link = page.root.querySelector(`[data-goto-question="${CSS.escape(questionId)}"]`);
  link?.parentElement.remove();
  const summary = page.root.querySelector("[data-error-summary]");
  if (!summary.querySelector("li")) summary.hidden = true;
}

function clearUnansweredMarks(page) {
  for (const fieldset of page.form.querySelectorAll(".is-unanswered")) markAnswered(page, fieldset.dataset.question);
  page.root.querySelector("[data-error-summary]").hidden = true;
}

function describeBy(input, id, present) {
  const ids = new Set((input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size) input.setAttribute("aria-describedby", [...ids].join(" "));
  else input.removeAttribute("aria-describedby");
  if (present) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

function clearForm(page) {
  fillForm(page.form, page.bank, {});
  forgetAnswers(page.bank);
  clearUnansweredMarks(page);
  hideResult(page);
  updateQuestions(page);
}

function hideResult(page) {
  page.waitingForEngine = false;
  page.resultView.hidden = true;
  page.resultView.querySelector("[data-result-body]").replaceChildren();
  delete page.resultView.dataset.recommended;
  history.replaceState(null, "", location.pathname + location.search);
  updateQuestions(page);
}

function startOver(page) {
  clearForm(page);
  hideNotice(page);
  focusQuestion(page, page.bank.questions[0].id);
}

function showNotice(page, text) {
  const notice = page.root.querySelector("[data-notice]");
  notice.textContent = text;
  notice.hidden = false;
  notice.focus();
}

function hideNotice(page) {
  page.root.querySelector("[data-notice]").hidden = true;
}

function showEngineStatus(page, status, detail) {
  showStatusBox(page.root, status, detail, {
    kept: "Your answers are kept.",
    advice: FAILED_ADVICE,
    waiting: page.waitingForEngine ? "Your result will show as soon as it is ready." : "",
  });
  if (status === "ready") performance.mark("assessment:engine-ready");
}

// The Markdown is the engine's own rendering (the same as `python -m assessment --format markdown`).
async function download(page, result, format) {
  let content = JSON.stringify(result, null, 2);
  if (format !== "json") {
    const reply = await page.engine.markdown(result.answers, new URL(page.articleUrl, document.baseURI).href);
    if (!reply.ok) {
      showNotice(page, `The engine could not write the Markdown: ${reply.errors.join("; ")}`);
      return;
    }
    content = reply.markdown;
  }
  const [type, extension] = format === "json" ? ["application/json", "json"] : ["text/markdown", "md"];
  saveFile(content, type, `coaching-timing-result.${extension}`);
}
