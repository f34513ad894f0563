// Answers as plain data {question id: option id}: read from and written to the form, kept in
// localStorage, and carried in a share link's URL fragment. Everything read back is checked
// against the questions on the page; nothing from storage or the URL is trusted.

// The reader's own answers, set aside while a share link's answers fill the form, until the
// reader either goes back to them or keeps the link's.
export const OWN_ANSWERS = "own";

// The bank as the page shows it: [{id, options: [ids], askedWhen: [{question id: [option ids]}]}],
// in order, plus its fingerprint, the rules of its links and where answers are kept on this device.
// `askedWhen` is the engine's QuestionBank.asked_when and `links` its links.rules_for_page(), both
// rendered into the page at build time; the storage keys are the page's own (assessment.html).
export function bankFromForm(form, { bankFingerprint: fingerprint, linkRules, storageKey, ownAnswersKey }) {
  const questions = [...form.querySelectorAll("fieldset[data-question]")].map((fieldset) => ({
    id: fieldset.dataset.question,
    options: [...fieldset.querySelectorAll("input[type=radio]")].map((input) => input.value),
    askedWhen: parseAskedWhen(fieldset.dataset.askedWhen),
  }));
  return {
    fingerprint, links: JSON.parse(linkRules), storageKeys: { answers: storageKey, [OWN_ANSWERS]: ownAnswersKey },
    questions, byId: new Map(questions.map((question) => [question.id, question])),
  };
}

// Always asked unless the engine said when (a list of conditions, any of which asks it).
function parseAskedWhen(text) {
  try {
    const conditions = JSON.parse(text ?? "[{}]");
    return Array.isArray(conditions) && conditions.every((condition) => condition && typeof condition === "object") ? conditions : [{}];
  } catch {
    return [{}];
  }
}

// The engine's conditions, met by the answers given: the ask-if rule itself is the engine's alone.
function isAsked(question, answers) {
  return question.askedWhen.some((condition) => Object.entries(condition)
    .every(([questionId, optionIds]) => Array.isArray(optionIds) && optionIds.includes(answers[questionId])));
}

export function askedAnswers(bank, answers) {
  const kept = {};
  for (const question of bank.questions) {
    if (Object.hasOwn(answers, question.id) && isAsked(question, answers)) kept[question.id] = answers[question.id];
  }
  return kept;
}

export function askedQuestions(bank, answers) {
  return bank.questions.filter((question) => isAsked(question, answers));
}

// Every checked option, asked or not: a question hidden again keeps its answer for when it returns.
export function checkedAnswers(form, bank) {
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

// `kept`: the reader's answers, or OWN_ANSWERS (theirs, set aside while a link's fill the form).
export function saveAnswers(bank, answers, kept = "answers") {
  try {
    localStorage.setItem(bank.storageKeys[kept], JSON.stringify({ bank: bank.fingerprint, answers }));
  } catch {
    // Storage may be full or switched off; the form still works without it.
  }
}

export function loadSavedAnswers(bank, kept = "answers") {
  try {
    const saved = JSON.parse(localStorage.getItem(bank.storageKeys[kept]) ?? "null");
    if (saved?.bank !== bank.fingerprint) return {};
    return validAnswers(bank, saved.answers);
  } catch {
    return {};
  }
}

export function forgetAnswers(bank, kept = "answers") {
  try {
    localStorage.removeItem(bank.storageKeys[kept]);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

export function sameAnswers(first, second) {
  const ids = Object.keys(first);
  return ids.length === Object.keys(second).length && ids.every((id) => first[id] === second[id]);
}

// --- share links: built and read by the rules of the engine's assessment.links --------------------
// The same steps as its read_share_link, in the same order, so a link either reader accepts the
// other accepts with the same answers, and one refused is refused in the same words (the build
// hands over the words; tests/browser/test_link_contract.py holds the two to one table).

export function shareFragment(bank, answers) {
  const { share } = bank.links;
  const asked = askedAnswers(bank, answers);
  const pairs = bank.questions.filter((question) => Object.hasOwn(asked, question.id))
    .map((question) => `${question.id}=${asked[question.id]}`);
  return [`#${share.prefix}${share.version}`, `bank=${bank.fingerprint}`, ...pairs].join("&");
}

// Is this fragment meant as a share link? Only what starts like one: the page's own anchors
// (#how-it-works) and anything else are left to the browser.
export function looksLikeShareLink(fragment, bank) {
  if (typeof fragment !== "string") return false;
  const raw = fragment.replace(/^#/, "");
  return (readAs(raw, bank.links.share) ?? raw.toLowerCase()).startsWith(bank.links.share.prefix);
}

// -> {ok: true, answers, complete, outdated, dropped: ["question=option", ...]}
//  | {ok: false, reason, message}   (message: the engine's words for the reason)
export function parseShareFragment(fragment, bank) {
  const { share, refusals } = bank.links;
  const refused = (reason) => ({ ok: false, reason, message: refusals[reason] });
  if (typeof fragment !== "string") return refused("unreadable");
  const raw = fragment.includes("#") ? fragment.slice(fragment.indexOf("#") + 1) : fragment;
  if (raw.length > share.longest) return refused("too_long");
  const text = readAs(raw, share);
  const fields = text === null ? null : linkFields(text, share, bank.links);
  if (!fields) return refused("unreadable");
  const outdated = fields.get("bank") !== bank.fingerprint;
  fields.delete("bank");
  const known = {};
  const dropped = [];
  for (const [questionId, optionId] of fields) {
    if (bank.byId.get(questionId)?.options.includes(optionId)) known[questionId] = optionId;
    else dropped.push(`${questionId}=${optionId}`);
  }
  if (dropped.length && !outdated) return refused("unknown_answers");
  const answers = askedAnswers(bank, known);
  if (Object.keys(answers).length === 0) return refused("no_answers");
  return { ok: true, answers, complete: unansweredQuestions(bank, answers).length === 0, outdated, dropped };
}

// What mail programs and messengers do to a link, undone for a lenient format; null: not decodable.
function readAs(fragment, format) {
  let text = fragment;
  if (format.lenient && text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  return (format.lenient ? text.toLowerCase() : text).replace(/&+$/, "");
}

// The fields of a link (Map, "bank" always there, the version checked and left out), or null.
function linkFields(text, format, { field_key: keyPattern, field_value: valuePattern }) {
  if (!text.startsWith(format.prefix)) return null;
  const key = new RegExp(`^(?:${keyPattern})$`);
  const value = new RegExp(`^(?:${valuePattern})$`);
  const fields = new Map();
  for (const part of text.split("&")) {
    const equals = part.indexOf("=");
    if (equals < 0) return null;
    const [name, content] = [part.slice(0, equals), part.slice(equals + 1)];
    if (!key.test(name) || fields.has(name) || !value.test(content)) return null;
    fields.set(name, content);
  }
  if (fields.get(format.name) !== format.version || !fields.has("bank")) return null;
  fields.delete(format.name);
  return fields;
}
