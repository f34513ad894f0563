// Restores a built site's engine snapshot in Node, the way the worker does for a reader (with the
// empty archive in place of the standard library), then makes the calls read from stdin and prints
// what the snapshot holds and what each call answered:
//   node restore_snapshot.mjs <built runtime folder> <assets/assessment folder> < calls.json
// calls.json: [[function of assessment.browser, [its arguments]], ...]
// (the second folder gives the site's own snapshot-options.mjs, where the private options live).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, assetsDir] = process.argv.slice(2);
const { EMPTY_STDLIB, snapshotOptions } = await import(pathToFileURL(join(assetsDir, "snapshot-options.mjs")).href);
const { loadPyodide } = await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href);
const snapshot = gunzipSync(readFileSync(join(runtimeDir, "engine.snapshot")));
const stdLibURL = join(mkdtempSync(join(tmpdir(), "stdlib-")), "empty.zip");
writeFileSync(stdLibURL, EMPTY_STDLIB);
const pyodide = await loadPyodide({
  indexURL: runtimeDir + "/",
  lockFileURL: join(runtimeDir, "pyodide-lock.json"),
  stdLibURL,
  ...snapshotOptions({ restore: snapshot }),
  stdout: () => {},
  stderr: () => {},
});
// Nothing is installed here: the engine must come from the snapshot itself.
const calls = JSON.parse(readFileSync(0, "utf-8"));
const engine = pyodide.pyimport("assessment.browser");
const replies = calls.map(([name, args]) => engine[name](...args));
process.stdout.write(JSON.stringify({ wheel: pyodide.globals.get("ENGINE_WHEEL_SHA256"), replies }));
