// A share link opened on the assessment page: its answers fill the form and are kept on this
// device, the reader's own answers are set aside and offered back, and the page says what the
// link held when it was not all of today's answers. `page.submit` and `page.hideResult` are the
// page's own (assessment.js).
import { OWN_ANSWERS, askedAnswers, fillForm, forgetAnswers, loadSavedAnswers, parseShareFragment, sameAnswers, saveAnswers, unansweredQuestions } from "./answers.js";
import { clearUnansweredMarks, focusQuestion, updateQuestions } from "./form-marks.js";
import { hideNotice, showNotice } from "./page-notice.js";

const INCOMPLETE_LINK_NOTICE = "This link holds only some of the answers: they are filled in below. Answer the remaining questions to see the result.";
// How many of an old link's answers a notice names before it says "and N more".
const NAMED_ANSWERS = 5;

// `early`: what the reader chose while the page loaded, already in the form and saved (assessment.js).
export function openShareLink(page, fragment, { early = {} } = {}) {
  const parsed = parseShareFragment(fragment, page.bank);
  if (!parsed.ok) {
    // Only the link is set aside: the reader's saved answers stay, in storage and in the form.
    history.replaceState(null, "", location.pathname + location.search);
    showNotice(page.root, `This share link was not used: ${parsed.message}. Any answers you saved on this device are below, unchanged.`);
    return;
  }
  setOwnAnswersAside(page, parsed.answers, early);
  fillForm(page.form, page.bank, parsed.answers);
  saveAnswers(page.bank, parsed.answers);
  updateQuestions(page);
  showOwnAnswersOffer(page);
  if (parsed.outdated) showNotice(page.root, outdatedLinkNotice(parsed));
  else if (!parsed.complete) showNotice(page.root, INCOMPLETE_LINK_NOTICE);
  else hideNotice(page.root);
  if (parsed.complete) page.submit({ keepNotice: parsed.outdated });
}

// The reader's own answers are kept aside once, the first time a link replaces them; answers given
// while the page loaded join them (when some are already aside, the form held a link's answers).
function setOwnAnswersAside(page, linkAnswers, early) {
  const kept = loadSavedAnswers(page.bank, OWN_ANSWERS);
  if (Object.keys(kept).length > 0) {
    if (Object.keys(early).length > 0) saveAnswers(page.bank, askedAnswers(page.bank, { ...kept, ...early }), OWN_ANSWERS);
    return;
  }
  const saved = loadSavedAnswers(page.bank);
  if (Object.keys(saved).length > 0 && !sameAnswers(saved, linkAnswers)) saveAnswers(page.bank, saved, OWN_ANSWERS);
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
export function showOwnAnswersOffer(page) {
  const ownKept = Object.keys(loadSavedAnswers(page.bank, OWN_ANSWERS)).length > 0;
  page.root.querySelector("[data-own-answers]").hidden = !ownKept;
}

export function backToOwnAnswers(page) {
  const own = loadSavedAnswers(page.bank, OWN_ANSWERS);
  forgetAnswers(page.bank, OWN_ANSWERS);
  showOwnAnswersOffer(page);
  fillForm(page.form, page.bank, own);
  saveAnswers(page.bank, own);
  clearUnansweredMarks(page);
  page.hideResult();
  updateQuestions(page);
  if (unansweredQuestions(page.bank, own).length === 0) page.submit();
  else focusQuestion(page, unansweredQuestions(page.bank, own)[0].id);
}

export function keepLinkAnswers(page) {
  forgetAnswers(page.bank, OWN_ANSWERS);
  showOwnAnswersOffer(page);
  focusQuestion(page, page.bank.questions[0].id);
}
