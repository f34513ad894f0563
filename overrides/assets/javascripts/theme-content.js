// Material's "open the content tab the URL points to" (partials/javascripts/content.html in
// mkdocs-material 9.8.2), moved out of the page for the Content Security Policy.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
