// Material's storage helpers (partials/javascripts/base.html in mkdocs-material 9.8.2), moved out of
// the page so the Content Security Policy needs no 'unsafe-inline'. The bundle expects these globals.
// Unlike Material's, they never throw: storage may be blocked (privacy settings, a sandboxed frame,
// where even reading `localStorage` throws) or an entry damaged; a preference then counts as unset.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return [...value].reduce(function (hash, character) { return (hash << 5) - hash + character.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    try {
      storage = storage || localStorage;
      base = base || __md_scope;
      return JSON.parse(storage.getItem(base.pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      storage = storage || localStorage;
      base = base || __md_scope;
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage may be full or disabled (private mode): the preference is simply not remembered.
    }
  };
})();
