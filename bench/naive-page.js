const root = document.querySelector("[data-assessment]");
const runtime = new URL(root.dataset.runtimeUrl, location.href).href;
const { loadPyodide } = await import(runtime + "pyodide.mjs");
const status = root.querySelector("[data-engine-status]");
const result = root.querySelector("[data-result]");
status.hidden = false;

const pyodide = await loadPyodide({
  indexURL: runtime,
  lockFileURL: runtime + "pyodide-lock.json",
});
await pyodide.loadPackage("coaching-timing");
const adapter = pyodide.pyimport("assessment.browser");
status.dataset.engineStatus = "ready";
performance.mark("assessment:engine-ready");

function show(answers) {
  const reply = JSON.parse(adapter.assess_json(JSON.stringify(answers)));
  result.dataset.recommended = reply.result.recommended;
  result.querySelector("[data-result-body]").textContent = reply.result.summary;
  result.hidden = false;
  performance.mark("assessment:result-shown");
}

if (location.hash.startsWith("#assessment=")) {
  const answers = Object.fromEntries(location.hash.slice(1).split("&").map((pair) => pair.split("=")));
  delete answers.assessment;
  delete answers.bank;
  show(answers);
}
