// The team page's respondents' fields: one label and one pasted link or JSON per person, numbered
// for screen readers, kept in this tab's session storage, filled from chosen or dropped files.
import { showNotice } from "./page-notice.js";

export function addEntry(page, { label = "", text = "" } = {}) {
  if (page.entries.children.length >= page.largest) {
    showNotice(page.root, `A team view compares at most ${page.largest} people.`);
    return null;
  }
  const entry = page.root.querySelector("[data-entry-template]").content.firstElementChild.cloneNode(true);
  entry.querySelector("[data-entry-label]").value = label;
  entry.querySelector("[data-entry-text]").value = text;
  page.entries.append(entry);
  numberEntries(page);
  return entry;
}

export function removeEntry(page, entry) {
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

export function readEntries(page) {
  return entryValues(page).filter((entry) => entry.text.trim());
}

function entryValues(page) {
  return [...page.entries.children].map((entry) => ({
    label: entry.querySelector("[data-entry-label]").value,
    text: entry.querySelector("[data-entry-text]").value,
  }));
}

export function fillEntries(page, respondents) {
  page.entries.replaceChildren();
  for (const respondent of respondents) addEntry(page, respondent);
  while (page.entries.children.length < page.smallest) addEntry(page);
  saveEntries(page);
}

export function saveEntries(page) {
  try {
    sessionStorage.setItem(page.storageKey, JSON.stringify(entryValues(page)));
  } catch {
    // Storage may be full or switched off; the form still works without it.
  }
}

// Only strings survive, and no more entries than a team may have.
export function savedEntries(page) {
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

export async function addFiles(page, files) {
  for (const file of files) {
    // The engine reads no larger answers text; a result download is a few kilobytes.
    if (file.size > page.largestFileBytes) {
      showNotice(page.root, `${file.name} is too large to be a result download.`);
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
