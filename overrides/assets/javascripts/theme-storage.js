// Material's storage helpers (partials/javascripts/base.html in mkdocs-material 9.8.2), moved out of
// the page so the Content Security Policy needs no 'unsafe-inline'. The bundle expects these globals.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return [...value].reduce(function (hash, character) { return (hash << 5) - hash + character.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || __md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || __md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage may be full or disabled (private mode): the preference is simply not remembered.
    }
  };
})();
