// The notice of a page that runs the engine (partials/assessment-engine.html, notice()): what the
// reader must know about what they gave the page, one sentence with any lines below it. Focused, so
// a keyboard or screen-reader user is taken to it.
export function showNotice(root, text, lines = []) {
  const notice = root.querySelector("[data-notice]");
  notice.querySelector("[data-notice-text]").textContent = text;
  const list = notice.querySelector("[data-notice-list]");
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  list.hidden = lines.length === 0;
  notice.hidden = false;
  notice.focus();
}

export function hideNotice(root) {
  root.querySelector("[data-notice]").hidden = true;
}
