// Prints, one per line, the files of Python's standard library that the engine and the boot import
// (read from `sys.modules` after a normal boot, the engine installed as a reader's browser installs
// it, every module of the engine imported and every path of it run). Run at build time by
// site_build/assessment/stdlib.py, which cuts the library the site serves to these files:
//
//   node used-stdlib.mjs <built runtime folder: pyodide.mjs, the full library, lock file and wheel>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: runtimeDir + "/",
  lockFileURL: join(runtimeDir, "pyodide-lock.json"),
  stdout: () => {},
  stderr: () => {},
});
const { packages } = JSON.parse(readFileSync(join(runtimeDir, "pyodide-lock.json"), "utf-8"));
await pyodide.loadPackage(Object.keys(packages), { messageCallback: () => {}, errorCallback: () => {} });
const used = pyodide.runPython(`
import os, sys
import assessment, assessment.browser
# Every module of the engine (its __main__ would run the command line); \`os\` is built in, and
# nothing else is imported here that the engine does not import itself.
for name in sorted(os.listdir(os.path.dirname(assessment.__file__))):
    if name.endswith(".py") and name != "__main__.py":
        __import__("assessment." + name.removesuffix(".py"))
assessment.browser.warm_up()
import io, json
answers = io.StringIO(json.dumps(assessment.browser.warm_up_answers()))
assessment.cli.main(["--answers", "-", "--format", "json"], stdin=answers, stdout=io.StringIO())
archive = next(entry for entry in sys.path if entry.endswith(".zip")) + "/"
origins = {getattr(getattr(module, "__spec__", None), "origin", None) for module in list(sys.modules.values())}
"\\n".join(sorted(origin.removeprefix(archive) for origin in origins if origin and origin.startswith(archive)))
`);
process.stdout.write(used + "\n");
