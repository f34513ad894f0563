// Boots a built site's engine in Node as the worker does for a reader, then makes the calls read
// from stdin and prints which engine it holds and what each call answered:
//   node engine_in_node.mjs <built runtime folder> <scripts/shared folder> snapshot|normal < calls.json
// snapshot: restored from the site's snapshot, with the empty archive in place of the standard
// library; normal: started afresh with the site's (cut) library, the engine installed from its lock.
// calls.json: [[function of assessment.browser, [its arguments]], ...]; the function "cli_json"
// runs `python -m assessment --answers - --format json` on its one argument.
// (The second folder gives snapshot-options.mjs, where the private options live.)
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, assetsDir, boot] = process.argv.slice(2);
const { EMPTY_STDLIB, snapshotOptions } = await import(pathToFileURL(join(assetsDir, "snapshot-options.mjs")).href);
const { loadPyodide } = await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href);
const lockFileURL = join(runtimeDir, "pyodide-lock.json");
const quiet = { stdout: () => {}, stderr: () => {} };

async function restored() {
  const snapshot = gunzipSync(readFileSync(join(runtimeDir, "engine.snapshot")));
  const stdLibURL = join(mkdtempSync(join(tmpdir(), "stdlib-")), "empty.zip");
  writeFileSync(stdLibURL, EMPTY_STDLIB);
  // Nothing is installed: the engine must come from the snapshot itself.
  return loadPyodide({ indexURL: runtimeDir + "/", lockFileURL, stdLibURL, ...snapshotOptions({ restore: snapshot }), ...quiet });
}

async function started() {
  const pyodide = await loadPyodide({ indexURL: runtimeDir + "/", lockFileURL, ...quiet });
  const { packages } = JSON.parse(readFileSync(lockFileURL, "utf-8"));
  await pyodide.loadPackage(Object.keys(packages), { messageCallback: () => {}, errorCallback: () => {} });
  return pyodide;
}

const pyodide = boot === "snapshot" ? await restored() : await started();
const engine = pyodide.pyimport("assessment.browser");
const cliJson = pyodide.runPython(`
def cli_json(answers_json):
    import io
    from assessment import cli
    output = io.StringIO()
    cli.main(["--answers", "-", "--format", "json"], stdin=io.StringIO(answers_json), stdout=output)
    return output.getvalue()
cli_json`);
const calls = JSON.parse(readFileSync(0, "utf-8"));
const replies = calls.map(([name, args]) => (name === "cli_json" ? cliJson : engine[name])(...args));
const wheel = boot === "snapshot" ? pyodide.globals.get("ENGINE_WHEEL_SHA256") : null;
process.stdout.write(JSON.stringify({ wheel, replies }));
