// Restores a built site's engine snapshot in Node, the way the worker does, and prints what it
// holds: node restore_snapshot.mjs <built runtime folder> <assets/assessment folder>
// (the second gives the site's own snapshot-options.mjs, the one place the private options live).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, assetsDir] = process.argv.slice(2);
const { snapshotOptions } = await import(pathToFileURL(join(assetsDir, "snapshot-options.mjs")).href);
const { loadPyodide } = await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href);
const snapshot = gunzipSync(readFileSync(join(runtimeDir, "engine.snapshot")));
const pyodide = await loadPyodide({
  indexURL: runtimeDir + "/",
  lockFileURL: join(runtimeDir, "pyodide-lock.json"),
  ...snapshotOptions({ restore: snapshot }),
  stdout: () => {},
  stderr: () => {},
});
// Nothing is installed here: the engine must come from the snapshot itself.
const held = pyodide.runPython("import json, assessment.browser\njson.dumps({'wheel': ENGINE_WHEEL_SHA256, 'questions': assessment.browser.questions_json()})");
process.stdout.write(held);
