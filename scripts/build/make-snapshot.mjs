// Makes the memory snapshot the assessment page restores instead of starting CPython (seconds of
// CPU saved in the reader's browser). Run at build time by site_build/assessment/snapshot.py:
//
//   node make-snapshot.mjs <path of pyodide.mjs> <engine wheel> <output file>
//
// The output is gzipped here, so no host setting decides its size on the wire. The build's cache
// (site_build/cache.py) hands it a path beside its own and renames the file into place.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { snapshotOptions } from "../shared/snapshot-options.mjs";

const [pyodideModule, wheelPath, outPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideModule).href);
const pyodide = await loadPyodide({ ...snapshotOptions({ make: true }), stdout: () => {}, stderr: () => {} });
const wheel = readFileSync(wheelPath);
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
pyodide.unpackArchive(new Uint8Array(wheel), "wheel", { extractDir: sitePackages });
// What the page calls, run once on every path: every module the engine needs is then imported,
// and the parsed bank cached, inside the snapshot. The wheel's sha256 is kept with it, so anyone
// can check which engine a snapshot holds (the worker does, and tests/site/test_engine_snapshot.py).
const wheelSha256 = createHash("sha256").update(wheel).digest("hex");
pyodide.runPython(`import assessment.browser\nassessment.browser.warm_up()\nENGINE_WHEEL_SHA256 = "${wheelSha256}"`);
writeFileSync(outPath, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
