// Python started (normally, or restored from a snapshot) and the engine made ready in it.

import { snapshotOptions } from "./snapshot-options.mjs";
import { current } from "./worker-state.js";
import { BootFailure, describe } from "./runtime-failures.js";
import { STDLIB_IN_SNAPSHOT } from "./runtime-fetch.js";
import { hexDigest } from "./snapshot-cache.js";

const quiet = { stdout: () => {}, stderr: () => {} };

// `source`: the snapshot's bytes (cached), { download } (a promise of them), or null: the normal boot.
// Under `mkdocs serve` (`always`) the snapshot may hold an earlier engine, which is replaced on
// top of it: that reads the standard library, so the preview restores with it.
export async function startPython(indexURL, lockFileURL, source, snapshot) {
  const restore = source instanceof Uint8Array ? source : source?.download;
  const stdLibURL = snapshot?.always ? undefined : STDLIB_IN_SNAPSHOT.href;
  return (restore && await bootFromSnapshot({ indexURL, lockFileURL, stdLibURL }, restore))
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
    pyodide.withoutStdlib = files.stdLibURL === STDLIB_IN_SNAPSHOT.href;
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
    const imported = importedEngine(pyodide, engine);
    if (imported) return imported;
    // Another engine, restored without the library that replacing it needs: start afresh.
    if (pyodide.withoutStdlib) return await installedEngine(await normalBoot(indexURL, lockFileURL), engine);
    return await replacedEngine(pyodide, lockFileURL, engine);
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

// Under `mkdocs serve` the snapshot may hold an earlier engine: a new snapshot costs half a
// minute of CPU (see assessment_snapshot.snapshot_soon), so an author's edit is swapped in on top
// of the restored Python instead. The earlier engine's modules and files go (forget_engine.py,
// which the build uses too); the wheel the site's lock file names is checked against the lock's
// sha256 and unpacked, as loadPackage would (which would cost half a second more here: it imports
// tarfile, which readers' snapshots need not carry).
async function replacedEngine(pyodide, lockFileURL, engine) {
  const { packages } = await (await self.fetch(lockFileURL)).json();
  const { file_name: fileName, sha256 } = packages[engine.distribution];
  const wheel = new Uint8Array(await (await self.fetch(new URL(fileName, lockFileURL))).arrayBuffer());
  if (await hexDigest(wheel) !== sha256) throw new BootFailure(`the assessment engine (${fileName}) is not the copy this site was built with`);
  const forgetting = pyodide.runPython(await (await self.fetch(new URL("forget_engine.py", import.meta.url))).text() + "\nforget_installed");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: forgetting(engine.module, engine.distribution) });
  forgetting.destroy();
  return checkedAdapter(pyodide, engine);
}
