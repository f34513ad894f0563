// Material's saved colour scheme restore (partials/javascripts/palette.html in mkdocs-material 9.8.2),
// moved out of the page for the Content Security Policy. Runs before first paint to avoid a flash.
(function () {
  var palette = __md_get("__palette");
  if (palette === null) return;
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
