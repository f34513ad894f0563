// Answers as plain data {question id: option id}: read from and written to the form, kept in
// localStorage, and carried in a share link's URL fragment. Everything read back is checked
// against the questions on the page; nothing from storage or the URL is trusted.

const STORAGE_KEY = "coaching-timing:assessment";
const SHARE_PREFIX = "assessment=";
const SHARE_VERSION = "1";
// A complete link for today's bank is a few hundred characters; anything far longer is not ours.
const SHARE_MAX_LENGTH = 2000;

// The bank as the page shows it: [{id, options: [ids], askIf: {question id: [option ids]}}], in
// order, plus its fingerprint. `askIf` comes from the bank (rendered into the page at build time).
export function bankFromForm(form, fingerprint) {
  const questions = [...form.querySelectorAll("fieldset[data-question]")].map((fieldset) => ({
    id: fieldset.dataset.question,
    options: [...fieldset.querySelectorAll("input[type=radio]")].map((input) => input.value),
    askIf: parseAskIf(fieldset.dataset.askIf),
  }));
  return { fingerprint, questions, byId: new Map(questions.map((question) => [question.id, question])) };
}

function parseAskIf(text) {
  try {
    const conditions = JSON.parse(text ?? "{}");
    return conditions && typeof conditions === "object" && !Array.isArray(conditions) ? conditions : {};
  } catch {
    return {};
  }
}

// The engine's rule (assessment.model.Question.is_asked), here so the form can show and hide
// questions at once: a question with conditions is asked when ANY of them matches an answer kept
// for an earlier question. The browser tests hold the two to the same answers.
function isAsked(question, kept) {
  const conditions = Object.entries(question.askIf);
  return conditions.length === 0 || conditions.some(([questionId, optionIds]) => Array.isArray(optionIds) && optionIds.includes(kept[questionId]));
}

export function askedAnswers(bank, answers) {
  const kept = {};
  for (const question of bank.questions) {
    if (question.id in answers && isAsked(question, kept)) kept[question.id] = answers[question.id];
  }
  return kept;
}

export function askedQuestions(bank, answers) {
  const kept = askedAnswers(bank, answers);
  return bank.questions.filter((question) => isAsked(question, kept));
}

// Every checked option, asked or not: a question hidden again keeps its answer for when it returns.
function checkedAnswers(form, bank) {
  const answers = {};
  for (const question of bank.questions) {
    const checked = form.querySelector(`input[type=radio][name="${CSS.escape(question.id)}"]:checked`);
    if (checked) answers[question.id] = checked.value;
  }
  return answers;
}

// The answers that count: those to the questions asked.
export function readForm(form, bank) {
  return askedAnswers(bank, checkedAnswers(form, bank));
}

export function fillForm(form, bank, answers) {
  for (const input of form.querySelectorAll("input[type=radio]")) {
    input.checked = answers[input.name] === input.value && bank.byId.has(input.name);
  }
}

export function unansweredQuestions(bank, answers) {
  return askedQuestions(bank, answers).filter((question) => !(question.id in answers));
}

// Only known question ids with one of their own options survive.
function validAnswers(bank, candidate) {
  const answers = {};
  if (!candidate || typeof candidate !== "object" || Array.isArray(candidate)) return answers;
  for (const [questionId, optionId] of Object.entries(candidate)) {
    const question = bank.byId.get(questionId);
    if (question && typeof optionId === "string" && question.options.includes(optionId)) answers[questionId] = optionId;
  }
  return answers;
}

export function saveAnswers(bank, answers, key = STORAGE_KEY) {
  try {
    localStorage.setItem(key, JSON.stringify({ bank: bank.fingerprint, answers }));
  } catch {
    // Storage may be full or switched off; the form still works without it.
  }
}

export function loadSavedAnswers(bank, key = STORAGE_KEY) {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "null");
    if (saved?.bank !== bank.fingerprint) return {};
    return validAnswers(bank, saved.answers);
  } catch {
    return {};
  }
}

export function forgetAnswers(key = STORAGE_KEY) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

// The reader's own answers, set aside while a share link's answers fill the form, until the
// reader either goes back to them or keeps the link's.
export const OWN_ANSWERS_KEY = "coaching-timing:assessment:own";

export function sameAnswers(first, second) {
  const ids = Object.keys(first);
  return ids.length === Object.keys(second).length && ids.every((id) => first[id] === second[id]);
}

export function shareFragment(bank, answers) {
  const asked = askedAnswers(bank, answers);
  const pairs = bank.questions.filter((question) => question.id in asked)
    .map((question) => `${question.id}=${answers[question.id]}`);
  return `#${SHARE_PREFIX}${SHARE_VERSION}&bank=${bank.fingerprint}&${pairs.join("&")}`;
}

// Is this fragment meant as a share link? Only what starts like one: the page's own anchors
// (#how-it-works) and anything else are left to the browser.
export function looksLikeShareLink(fragment) {
  return typeof fragment === "string" && fragment.replace(/^#/, "").startsWith(SHARE_PREFIX);
}

// -> {ok: true, answers, outdated: false}
//  | {ok: true, answers, outdated: true, dropped: ["question=option", ...], complete}  (an earlier bank)
//  | {ok: false, reason: "unreadable"}
export function parseShareFragment(fragment, bank) {
  const unreadable = { ok: false, reason: "unreadable" };
  if (typeof fragment !== "string" || fragment.length > SHARE_MAX_LENGTH) return unreadable;
  // Some messengers and mail programs add a trailing "&" to a link they pass on.
  const raw = (fragment.startsWith("#") ? fragment.slice(1) : fragment).replace(/&+$/, "");
  if (!raw.startsWith(SHARE_PREFIX)) return unreadable;
  const fields = new Map();
  for (const part of raw.split("&")) {
    const pieces = part.split("=");
    if (pieces.length !== 2 || !/^[a-z0-9_]+$/.test(pieces[0]) || !/^[a-z0-9_]+$/i.test(pieces[1])) return unreadable;
    if (fields.has(pieces[0])) return unreadable;
    fields.set(pieces[0], pieces[1]);
  }
  if (fields.get("assessment") !== SHARE_VERSION || !fields.has("bank")) return unreadable;
  const outdated = fields.get("bank") !== bank.fingerprint;
  fields.delete("assessment");
  fields.delete("bank");
  const answers = {};
  const dropped = [];
  for (const [questionId, optionId] of fields) {
    const question = bank.byId.get(questionId);
    if (question && question.options.includes(optionId)) answers[questionId] = optionId;
    else if (outdated) dropped.push(`${questionId}=${optionId}`);
    else return unreadable;
  }
  const asked = askedAnswers(bank, answers);
  const complete = unansweredQuestions(bank, asked).length === 0;
  // A link of today's bank is always complete; one of an earlier bank is read as far as it goes.
  if (!outdated) return complete ? { ok: true, answers: asked, outdated } : unreadable;
  return { ok: true, answers: asked, outdated, dropped, complete };
}
