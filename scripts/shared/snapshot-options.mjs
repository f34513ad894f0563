// Pyodide's memory snapshots are private API: the `_makeSnapshot` and `_loadSnapshot` options of
// loadPyodide (the underscore means they may change in any release). They are used here and only
// here. Checked against the version below; tests/site/test_engine_snapshot.py fails loudly when the
// pinned runtime moves past it or when a snapshot no longer restores the engine.
export const SNAPSHOT_CHECKED_WITH_PYODIDE = "314.0.7";

// The options to add to loadPyodide: `{ make: true }` to be able to take a snapshot later,
// `{ restore: bytesOrPromise }` to start from one instead of starting CPython.
export function snapshotOptions({ make = false, restore = null } = {}) {
  if (make) return { _makeSnapshot: true };
  if (restore) return { _loadSnapshot: restore };
  return {};
}

// A restored Python has already imported every module the engine uses (make-snapshot.mjs runs
// every path first), so it never reads the standard library again: a restore is handed this empty
// archive in its place instead of 2.5 MB it would not read. (The runtime always writes some archive
// where the library goes.) tests/site/test_engine_snapshot.py runs every path of the engine so.
export const EMPTY_STDLIB = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
