// Material's storage helpers and its saved colour scheme restore (partials/javascripts/base.html and
// palette.html in mkdocs-material 9.8.2), moved out of the page so the Content Security Policy needs
// no 'unsafe-inline', and in one file: behind the head's six requests, a second blocking script
// waited for a free connection on a host that speaks HTTP/1.1, and on an emulated 4G line the
// assessment's first question took a click 0.17 s later (bench/README.md). The page includes it
// right after the palette inputs (partials/javascripts/palette.html), so the saved colour scheme
// applies before the first paint, or in the head when the theme's palette is a single scheme
// (base.html).

// The storage helpers. The bundle expects these globals. Unlike Material's, they never throw:
// storage may be blocked (privacy settings, a sandboxed frame, where even reading `localStorage`
// throws) or an entry damaged; a preference then counts as unset.
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

// The saved colour scheme, restored before the first paint to avoid a flash.
(function () {
  var palette = __md_get("__palette");
  if (palette === null || !document.body) return; // in the head: no palette inputs to restore
  if (!isPalette(palette)) {
    // Damaged by hand or by another script: forgotten, so Material's bundle (which reads it
    // again and trusts its index) starts from the default scheme too.
    __md_set("__palette", null);
    return;
  }
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (!input) return;
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (var [key, value] of Object.entries(palette.color)) {
    document.body.setAttribute("data-md-color-" + key, value);
  }

  // The shape Material writes: {index: number, color: {media, scheme, primary, accent: text}}.
  function isPalette(value) {
    var color = value && value.color;
    return typeof value === "object" && Number.isInteger(value.index) && value.index >= 0
      && typeof color === "object" && color !== null && !Array.isArray(color)
      && Object.entries(color).every(function ([key, text]) {
        return ["media", "scheme", "primary", "accent"].includes(key) && typeof text === "string";
      });
  }
})();
