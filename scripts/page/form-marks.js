// The assessment form's own view of the answers: which questions it asks, how far the reader is,
// and the questions still unanswered, marked for eyes and for screen readers (aria-invalid, an
// error summary whose links move focus to the question).
import { askedQuestions, readForm, unansweredQuestions } from "./answers.js";

// Show the questions that apply to the answers so far (the rest wait, keeping any answer), and
// count progress over those.
export function updateQuestions(page) {
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

export function pointOutUnanswered(page, missing) {
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

export function focusQuestion(page, questionId) {
  const fieldset = page.form.querySelector(`#question-${CSS.escape(questionId)}`);
  fieldset?.querySelector("input")?.focus();
}

export function markAnswered(page, questionId) {
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

export function clearUnansweredMarks(page) {
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
