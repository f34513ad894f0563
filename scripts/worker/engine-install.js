// Python started (normally, or restored from a snapshot) and the engine made ready in it.

import { snapshotOptions } from "../shared/snapshot-options.mjs";
import { current } from "./worker-state.js";
import { BootFailure, describe } from "./runtime-failures.js";
import { STDLIB_IN_SNAPSHOT } from "./runtime-fetch.js";

const quiet = { stdout: () => {}, stderr: () => {} };

// `source`: the snapshot's bytes (cached), { download } (a promise of them), or null: the normal boot.
export async function startPython(indexURL, lockFileURL, source) {
  const restore = source instanceof Uint8Array ? source : source?.download;
  return (restore && await bootFromSnapshot({ indexURL, lockFileURL, stdLibURL: STDLIB_IN_SNAPSHOT.href }, restore))
    || normalBoot(indexURL, lockFileURL);
}

function normalBoot(indexURL, lockFileURL) {
  current.progress.plan("normal");
  return current.loadPyodide({ indexURL, lockFileURL, ...quiet });
}

// Restores CPython's memory as the build left it (engine imported) instead of starting it:
// a fraction of a second instead of seconds. Any problem -> null, and the normal boot runs.
async function bootFromSnapshot(files, snapshotDownload) {
  current.tryingSnapshot = true;
  try {
    // Handed over as a promise: the runtime loads its own files while the snapshot downloads.
    const pyodide = await current.loadPyodide({ ...files, ...snapshotOptions({ restore: snapshotDownload }), ...quiet });
    pyodide.fromSnapshot = true;
    return pyodide;
  } catch {
    return null;
  } finally {
    current.tryingSnapshot = false;
  }
}

export async function engineAdapter(pyodide, engine, lockFileURL, indexURL) {
  try {
    if (!pyodide.fromSnapshot) return await installedEngine(pyodide, engine);
    // Another engine (a snapshot the page was not built with), restored without a library: start afresh.
    return importedEngine(pyodide, engine) ?? await installedEngine(await normalBoot(indexURL, lockFileURL), engine);
  } catch (error) {
    throw error instanceof BootFailure ? error : new BootFailure(`the assessment engine could not be installed (${describe(error)})`);
  }
}

// A snapshot already holds the engine, imported and run on every path at build time (and the
// snapshot itself is pinned by its sha256): installing the wheel again would only cost a second.
// Nothing is run again here: a visit that boots from the snapshot asks for its result at once,
// and that request is the first use. Null when it holds another engine, or cannot be used.
function importedEngine(pyodide, engine) {
  try {
    if (pyodide.globals.get("ENGINE_WHEEL_SHA256") !== engine.sha256) return null;
    return checkedAdapter(pyodide, engine);
  } catch {
    return null;
  }
}

async function installedEngine(pyodide, engine) {
  // By name from the site's lock file, so the wheel's sha256 is checked before it is installed.
  await pyodide.loadPackage(engine.distribution, { messageCallback: () => {}, errorCallback: () => {} });
  return checkedAdapter(pyodide, engine);
}

function checkedAdapter(pyodide, engine) {
  return pyodide.pyimport(`${engine.module}.browser`);
}
