// The assessment engine, off the main thread: Pyodide plus our wheel, verified by the site's own
// lock file (sha256), answering one question at a time: "here are answers, what is the result?".
import { loadPyodide } from "./pyodide/pyodide.mjs";

const ENGINE_PACKAGE = "coaching-timing";
let browserAdapter = null;

self.addEventListener("message", ({ data }) => {
  if (data?.type === "boot") boot(data);
  else if (data?.type === "assess") assess(data);
});

// A rejected promise anywhere in the runtime must reach the page as a failure, not a silent hang.
// Reported to the page as a failed boot, so it is handled: keep it out of the console.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  fail(event.reason);
});

async function boot({ indexURL, lockFileURL }) {
  try {
    self.postMessage({ type: "stage", stage: "runtime" });
    const pyodide = await loadPyodide({
      indexURL,
      lockFileURL,
      stdout: () => {},
      stderr: () => {},
    });
    self.postMessage({ type: "stage", stage: "engine" });
    await pyodide.loadPackage(ENGINE_PACKAGE, { messageCallback: () => {}, errorCallback: () => {} });
    browserAdapter = pyodide.pyimport("assessment.browser");
    // Reading the bank once now means a broken bank fails the boot, not the reader's first submit.
    browserAdapter.questions_json();
    self.postMessage({ type: "ready" });
  } catch (error) {
    fail(error);
  }
}

function assess({ id, answers }) {
  try {
    self.postMessage({ type: "result", id, payload: browserAdapter.assess_json(JSON.stringify(answers)) });
  } catch (error) {
    self.postMessage({ type: "result", id, payload: JSON.stringify({ ok: false, errors: [describe(error)] }) });
  }
}

function fail(error) {
  self.postMessage({ type: "failed", message: describe(error) });
}

function describe(error) {
  const text = String(error?.message ?? error ?? "unknown error");
  // Python tracebacks are long; the last line says what went wrong.
  return text.trim().split("\n").pop().slice(0, 300);
}
