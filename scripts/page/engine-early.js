// The engine's worker, started from the page's head. The runtime's WebAssembly and module are the
// longest downloads of a visit and every boot needs them, so the worker starts them before the
// theme's scripts and the page's own modules are in: on a 4G line those came a dozen round trips
// (about two seconds) before the runtime's first byte. The boot itself, which depends on what the
// page finds (a share link, saved answers), is sent later by EngineClient.
//
// The engine's addresses are the data-* attributes of this script's element (see
// partials/assessment-engine.html); what the worker says before the page takes it is kept for it.

export const engineScript = document.querySelector("script[data-engine-early]");

let early = null;

if (engineScript) {
  try {
    const worker = new Worker(new URL(engineScript.dataset.workerUrl, document.baseURI), { type: "module", name: "assessment-engine" });
    const heard = [];
    const keep = (event) => {
      event.preventDefault(); // a worker that cannot load is reported by the page, in its words
      heard.push(event);
    };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    worker.postMessage({ type: "start", ...engineFacts() });
    early = { worker, heard, keep };
  } catch {
    early = null; // the page starts its own worker, and reports why it cannot
  }
}

// What every boot needs, whatever the page finds: absolute addresses, the engine's wheel, the
// download sizes and the names the site serves the runtime's files under (site_build/paths.py).
export function engineFacts() {
  const data = engineScript?.dataset ?? {};
  const address = (relative) => new URL(relative, document.baseURI).href;
  return {
    workerUrl: address(data.workerUrl),
    indexURL: address(data.runtimeUrl),
    lockFileURL: address(data.lockUrl),
    snapshot: data.snapshotUrl
      ? { url: address(data.snapshotUrl), sha256: data.snapshotSha256 }
      : null,
    engine: { distribution: data.engineDistribution, module: data.engineModule, sha256: data.engineSha256 },
    downloadSizes: JSON.parse(data.downloadSizes ?? "{}"),
    fileNames: JSON.parse(data.fileNames ?? "{}"),
  };
}

// The early worker with the events it sent so far ({worker, heard}), once; null after that, or
// when none could be started.
export function takeEarlyWorker() {
  const taken = early;
  early = null;
  if (!taken) return null;
  taken.worker.removeEventListener("message", taken.keep);
  taken.worker.removeEventListener("error", taken.keep);
  return { worker: taken.worker, heard: taken.heard };
}
