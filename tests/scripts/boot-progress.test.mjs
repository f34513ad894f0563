// How far a boot's downloads are (scripts/worker/boot-progress.js), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

import { BootProgress } from "../../scripts/worker/boot-progress.js";

// The names the build hands over (site_build/paths.py): any will do, as long as they are the ones given.
const NAMES = { stdlib: "library.zip", snapshot: "engine.snap" };
const { stdlib: STDLIB_FILE, snapshot: SNAPSHOT_FILE } = NAMES;

// [bytes as the browser hands them over, bytes on the wire]: the runtime's module is compressed
// on the way to a quarter, the others travel as they are.
const SIZES = {
  "pyodide.asm.wasm": [8000, 2000],
  [STDLIB_FILE]: [1000, 1000],
  "engine-0.1.0-py3-none-any.whl": [500, 500],
  [SNAPSHOT_FILE]: [6000, 6000],
};

function progress(boot) {
  const reports = [];
  const tracker = new BootProgress(SIZES, NAMES, (report) => reports.push(report));
  if (boot) tracker.plan(boot);
  return { tracker, reports, last: () => reports.at(-1) };
}

async function readAll(stream) {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

function body(chunks) {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size));
      controller.close();
    },
  });
}

test("each boot counts only the files it downloads, in bytes on the wire", () => {
  assert.equal(progress().last().total, 2000 + 1000 + 500);
  assert.equal(progress("snapshot").last().total, 2000 + 6000);
  assert.equal(progress("cached").last().total, 2000);
});

test("a compressed file counts by the share of its bytes read", async () => {
  const { tracker, last } = progress();
  await readAll(tracker.counted("pyodide.asm.wasm", body([4000])));
  tracker.send(true);
  assert.deepEqual(last(), { received: 1000, total: 3500 });
});

test("a module read whole at once counts whole", () => {
  const { tracker, last } = progress();
  tracker.done(STDLIB_FILE);
  tracker.send(true);
  assert.deepEqual(last(), { received: 1000, total: 3500 });
});

test("reports come at most every quarter second, and always when the plan changes", async () => {
  const { tracker, reports } = progress();
  await readAll(tracker.counted("pyodide.asm.wasm", body([100, 100, 100, 100])));
  assert.equal(reports.length, 1);
  tracker.plan("snapshot");
  assert.equal(reports.length, 2);
});

test("a wait for a file ends once it is read whole, and at once for a file of unknown size", async () => {
  const { tracker } = progress();
  let read = false;
  const whenRead = tracker.whenRead("pyodide.asm.wasm").then(() => { read = true; });
  await readAll(tracker.counted("pyodide.asm.wasm", body([7999])));
  await Promise.resolve();
  assert.equal(read, false);
  await readAll(tracker.counted("pyodide.asm.wasm", body([1])));
  await whenRead;
  await tracker.whenRead("unknown.js");
});

test("a file the build did not size passes through uncounted", () => {
  const { tracker } = progress();
  const stream = body([10]);
  assert.equal(tracker.counted("unknown.js", stream), stream);
  assert.equal(tracker.counted("pyodide.asm.wasm", null), null);
});
