// The assessment engine, off the main thread: Pyodide plus our wheel, verified by the site's own
// lock file (sha256), answering one question at a time: "here are answers, what is the result?".
// This module holds the message protocol and the boot's steps; each step is a module of its own.

import { BootProgress } from "./boot-progress.js";
import { STAGE } from "../shared/boot-stages.js";
import { current } from "./worker-state.js";
import { bootProfile, profiled } from "./boot-profile.js";
import { engineAdapter, startPython } from "./engine-install.js";
import { BootFailure, describe, fail } from "./runtime-failures.js";
import { earlyRuntime, fetchNormalBootEarly, importRuntimeModule } from "./runtime-fetch.js";
import { cachedSnapshot, keepDownloadedSnapshot } from "./snapshot-cache.js";
import { chosenSnapshot } from "./snapshot-download.js";

let browserAdapter = null;
let started = null; // the downloads every boot needs, begun on "start" (from the page's head) or "boot"

// What the page may ask, once the engine is ready: each answers with the adapter's JSON reply.
const REQUESTS = {
  assess: ({ answers }) => browserAdapter.assess_json(JSON.stringify(answers)),
  markdown: ({ answers, articleUrl }) => browserAdapter.markdown_json(JSON.stringify(answers), articleUrl),
  team: ({ request }) => browserAdapter.team_json(JSON.stringify(request)),
};

self.addEventListener("message", ({ data }) => {
  if (data?.type === "start") started ??= begin(data);
  else if (data?.type === "boot") boot(data);
  else if (Object.hasOwn(REQUESTS, data?.type)) answer(data, REQUESTS[data.type]);
});

// Reported to the page as a failed boot, so it is handled: keep it out of the console.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!current.tryingSnapshot) fail(event.reason);
});

// Every download that either boot needs starts at once, side by side: the runtime's WebAssembly
// (whose download measures the line), its modules, and a look in the cache for the snapshot. The
// normal boot's own files follow as soon as it is the boot (see boot), or the line shows itself
// too slow for the snapshot.
function begin({ indexURL, lockFileURL, snapshot, downloadSizes, fileNames }) {
  current.progress = new BootProgress(downloadSizes, fileNames, (sent) => self.postMessage({ type: "progress", ...sent }));
  const line = earlyRuntime(new URL(fileNames.wasm, indexURL));
  const normalFiles = once(() => fetchNormalBootEarly(new URL(fileNames.stdlib, indexURL), lockFileURL).catch(() => {})); // the runtime asks again
  const cached = snapshot ? cachedSnapshot(snapshot.url, snapshot.sha256) : Promise.resolve(null);
  line.slow.then(() => cached).then((bytes) => bytes || normalFiles());
  const runtimeModule = importRuntimeModule(new URL(fileNames.runtimeModule, indexURL)); // the runtime's own import reuses it
  const loader = importRuntimeModule(new URL(fileNames.loader, indexURL));
  runtimeModule.catch(() => {}); // a failure is reported by the boot, named
  loader.catch(() => {});
  return { indexURL, line, normalFiles, cached, runtimeModule, loader };
}

// `engine`: {distribution, module, sha256} of the engine's wheel, as the build made it.
async function boot(request) {
  const { indexURL, lockFileURL, snapshot, engine, resultOnArrival, fileNames } = request;
  if (started?.indexURL !== indexURL) started = begin(request);
  const { line, normalFiles, cached, runtimeModule, loader } = started;
  try {
    const snapshotSource = profiled("engine:snapshot chosen", chosenSnapshot(snapshot, cached, line).then((source) => {
      if (!source) normalFiles();
      return source;
    }));
    ({ loadPyodide: current.loadPyodide } = await profiled("engine:runtime module", loader));
    // Python starts once its WebAssembly is in (the library and the engine may still be coming).
    const starting = once(() => self.postMessage({ type: "stage", stage: STAGE.RUNTIME }));
    current.progress.whenRead(fileNames.wasm).then(starting);
    const pyodide = await profiled("engine:python started", startPython(indexURL, lockFileURL, await snapshotSource));
    starting();
    self.postMessage({ type: "stage", stage: STAGE.ENGINE });
    browserAdapter = await profiled("engine:engine imported", engineAdapter(pyodide, engine, lockFileURL, indexURL));
    self.postMessage({ type: "ready", fromSnapshot: Boolean(pyodide.fromSnapshot), ...bootProfile() });
    readBank();
    if (!resultOnArrival) keepDownloadedSnapshot();
  } catch (error) {
    // A damaged runtime module fails the runtime too, sooner and in its words: name the file instead.
    fail(await runtimeModule.then(() => error, (failure) => failure));
  }
}

function once(action) {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
}

// The bank is read once, right after "ready": the reader's first request (or a link's result,
// which needs it anyway) then finds it parsed, and "ready" does not wait for it. A bank that
// cannot be read (the build checks it, so only a damaged wheel) ends the boot in these words.
function readBank() {
  try {
    browserAdapter.questions_json();
  } catch (error) {
    browserAdapter = null;
    fail(new BootFailure(`the assessment engine could not read its questions (${describe(error)})`));
  }
}

function answer(request, compute) {
  const { id } = request;
  try {
    self.postMessage({ type: "result", id, payload: compute(request) });
  } catch (error) {
    self.postMessage({ type: "result", id, payload: JSON.stringify({ ok: false, errors: [describe(error)] }) });
  }
  keepDownloadedSnapshot();
}
