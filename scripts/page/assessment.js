// The self-assessment page: the form works on its own; Python (in a worker) only turns complete
// answers into a result. Boot starts first thing, so it runs while the reader answers.
import { saveFile } from "./download.js";
import { EngineClient } from "./engine-client.js";
import { showEngineStatus as showStatusBox } from "./engine-status.js";
import { hideNotice, showNotice } from "./page-notice.js";
import {
  bankFromForm, checkedAnswers, fillForm, forgetAnswers, loadSavedAnswers, looksLikeShareLink, parseShareFragment, readForm, saveAnswers,
  shareFragment, unansweredQuestions,
} from "./answers.js";
import { clearUnansweredMarks, focusQuestion, markAnswered, pointOutUnanswered, updateQuestions } from "./form-marks.js";
import { backToOwnAnswers, keepLinkAnswers, openShareLink, showOwnAnswersOffer } from "./link-arrival.js";
import { renderResult } from "./result-view.js";

const root = document.querySelector("[data-assessment]");
if (root) startAssessment(root);

function startAssessment(root) {
  const form = root.querySelector("[data-assessment-form]");
  const resultView = root.querySelector("[data-result]");
  const bank = bankFromForm(form, root.dataset);
  // The questions work from the first paint: whatever the reader chose before this script ran is
  // theirs, and newer than anything saved (the form has autocomplete="off", so the browser restores
  // nothing into it: what is checked now was clicked in this visit).
  const early = checkedAnswers(form, bank);
  const page = { root, form, resultView, bank, articleUrl: root.dataset.articleUrl, waitingForEngine: false };
  page.submit = (options) => submit(page, options);
  page.hideResult = () => hideResult(page);

  const engine = EngineClient.fromPage((status, detail) => showEngineStatus(page, status, detail), {
    resultOnArrival: showsResultOnArrival(bank, early),
  });
  page.engine = engine;
  engine.start();

  restoreAnswers(page, early);
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
// snapshot: 6.3 MB more, Python ready in about 1.6 s instead of 2.6 s. Any other visit boots
// normally while the reader answers, which takes a minute or more; a submit before the boot is
// ready waits for it (the page says so) and shows the result the moment it is. Slow CPUs keep the
// normal boot: on a machine 3-5x slower it was ready in 10-17 s (bench/README.md, "How Python
// starts, by visit"), still well before a reader has answered the questions; switching to the
// snapshot then would download 6.3 MB and start a second boot for a few seconds at most.
function showsResultOnArrival(bank, early) {
  if (looksLikeShareLink(location.hash, bank)) {
    const parsed = parseShareFragment(location.hash, bank);
    return parsed.ok && parsed.complete;
  }
  return isComplete(bank, { ...loadSavedAnswers(bank), ...early });
}

function isComplete(bank, answers) {
  return Object.keys(answers).length > 0 && unansweredQuestions(bank, answers).length === 0;
}

// The reader's answers, saved and given during the load, fill the form first: a share link that
// cannot be used leaves them there, one that can sets them aside (link-arrival.js).
function restoreAnswers(page, early) {
  fillForm(page.form, page.bank, { ...loadSavedAnswers(page.bank), ...early });
  const answers = readForm(page.form, page.bank);
  if (Object.keys(early).length > 0) saveAnswers(page.bank, answers);
  showOwnAnswersOffer(page);
  if (looksLikeShareLink(location.hash, page.bank)) openShareLink(page, location.hash, { early });
  else if (isComplete(page.bank, answers)) submit(page); // a returning reader sees their result again
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
  if (!keepNotice) hideNotice(page.root);
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
    showNotice(page.root, `The engine could not score these answers: ${reply.errors.join("; ")}`);
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
  // The result is painted first, below what the reader sees, then focused and scrolled to in the
  // next frames: nothing in view moves under the reader (no layout shift), and focusing in a frame
  // of its own keeps the styling of the new result out of this task.
  requestAnimationFrame(() => {
    heading.focus({ preventScroll: true });
    requestAnimationFrame(() => heading.scrollIntoView({ block: "start" }));
  });
  performance.mark("assessment:result-shown");
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
  hideNotice(page.root);
  focusQuestion(page, page.bank.questions[0].id);
}

function showEngineStatus(page, status, detail) {
  const waiting = page.waitingForEngine ? "Your result will show as soon as it is ready." : "";
  showStatusBox(page.root, status, detail, { waiting });
}

// The Markdown is the engine's own rendering (the same as `python -m assessment --format markdown`).
async function download(page, result, format) {
  let content = JSON.stringify(result, null, 2);
  if (format !== "json") {
    const reply = await page.engine.markdown(result.answers, new URL(page.articleUrl, document.baseURI).href);
    if (!reply.ok) {
      showNotice(page.root, `The engine could not write the Markdown: ${reply.errors.join("; ")}`);
      return;
    }
    content = reply.markdown;
  }
  const [type, extension] = format === "json" ? ["application/json", "json"] : ["text/markdown", "md"];
  saveFile(content, type, `coaching-timing-result.${extension}`);
}
