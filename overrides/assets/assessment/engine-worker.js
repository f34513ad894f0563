// The assessment engine, off the main thread: Pyodide plus our wheel, verified by the site's own
// lock file (sha256), answering one question at a time: "here are answers, what is the result?".

import { STAGE } from "./boot-stages.js";
import { snapshotOptions } from "./snapshot-options.mjs";

const ENGINE_PACKAGE = "coaching-timing";
let browserAdapter = null;
// While a snapshot is tried, the runtime's internal rejections belong to that attempt, which
// falls back to a normal boot; they must not end the whole boot.
let tryingSnapshot = false;

// What the page may ask, once the engine is ready: each answers with the adapter's JSON reply.
const REQUESTS = {
  assess: ({ answers }) => browserAdapter.assess_json(JSON.stringify(answers)),
  markdown: ({ answers, articleUrl }) => browserAdapter.markdown_json(JSON.stringify(answers), articleUrl),
};

self.addEventListener("message", ({ data }) => {
  if (data?.type === "boot") boot(data);
  else if (Object.hasOwn(REQUESTS, data?.type)) answer(data, REQUESTS[data.type]);
});

// Reported to the page as a failed boot, so it is handled: keep it out of the console.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!tryingSnapshot) fail(event.reason);
});

const quiet = { stdout: () => {}, stderr: () => {} };

// The runtime's folder carries its version, so the page says where it is.
let loadPyodide = null;

async function boot({ indexURL, lockFileURL, snapshot, engineSha256 }) {
  try {
    // Every download starts now, side by side: the snapshot and the runtime's large module load
    // while its small entry module does. (Same URL, so the runtime's own import reuses it.)
    const snapshotDownload = snapshot ? snapshotBytes(snapshot.url, snapshot.integrity) : null;
    snapshotDownload?.catch(() => {}); // a failed snapshot is handled where it is awaited
    import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {}); // and this where the runtime imports it
    ({ loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href));
    self.postMessage({ type: "stage", stage: STAGE.RUNTIME });
    const pyodide = (snapshotDownload && await bootFromSnapshot(indexURL, lockFileURL, snapshotDownload))
      || await loadPyodide({ indexURL, lockFileURL, ...quiet });
    self.postMessage({ type: "stage", stage: STAGE.ENGINE });
    browserAdapter = (pyodide.fromSnapshot && importedEngine(pyodide, engineSha256)) || await installedEngine(pyodide);
    self.postMessage({ type: "ready", fromSnapshot: Boolean(pyodide.fromSnapshot) });
  } catch (error) {
    fail(error);
  }
}

// A snapshot already holds the engine, imported and run once at build time (and the snapshot
// itself is pinned by its sha256): installing the wheel again would only cost a second.
// Under `mkdocs serve` the snapshot may hold an earlier engine (the new one's is being made): then
// the engine is forgotten here and installed from the current wheel on top of the restored Python.
function importedEngine(pyodide, engineSha256) {
  try {
    if (pyodide.globals.get("ENGINE_WHEEL_SHA256") !== engineSha256) {
      forgetEngine(pyodide);
      return null;
    }
    const adapter = pyodide.pyimport("assessment.browser");
    // Every path once before "ready": the restored interpreter's code gets warm here, not on the
    // reader's first submit.
    adapter.warm_up();
    return adapter;
  } catch {
    return null;
  }
}

function forgetEngine(pyodide) {
  const modules = pyodide.pyimport("sys").modules;
  for (const name of [...modules.keys()]) {
    if (name === "assessment" || name.startsWith("assessment.")) modules.delete(name);
  }
}

async function installedEngine(pyodide) {
  // By name from the site's lock file, so the wheel's sha256 is checked before it is installed.
  await pyodide.loadPackage(ENGINE_PACKAGE, { messageCallback: () => {}, errorCallback: () => {} });
  const adapter = pyodide.pyimport("assessment.browser");
  // Reading the bank once now means a broken bank fails the boot, not the reader's first submit.
  adapter.questions_json();
  return adapter;
}

// Restores CPython's memory as the build left it (engine imported) instead of starting it:
// a fraction of a second instead of seconds. Any problem -> null, and the normal boot runs.
async function bootFromSnapshot(indexURL, lockFileURL, snapshotDownload) {
  tryingSnapshot = true;
  try {
    // Handed over as a promise: the runtime loads its own files while the snapshot downloads.
    const pyodide = await loadPyodide({ indexURL, lockFileURL, ...snapshotOptions({ restore: snapshotDownload }), ...quiet });
    pyodide.fromSnapshot = true;
    return pyodide;
  } catch {
    return null;
  } finally {
    tryingSnapshot = false;
  }
}

async function snapshotBytes(url, integrity) {
  const response = await fetch(url, { integrity });
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const inflated = new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
  return new Uint8Array(await inflated.arrayBuffer());
}

function answer(request, compute) {
  const { id } = request;
  try {
    self.postMessage({ type: "result", id, payload: compute(request) });
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
