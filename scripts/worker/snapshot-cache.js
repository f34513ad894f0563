// The snapshot in the Cache API. One entry, the current snapshot, under its URL (which carries its
// hash): storing it deletes any other. Only a boot that needed the snapshot stores it. Whatever is
// read is checked against the sha256 the page was built with; a cache that fails in any way means
// the network, quietly.

import { describe } from "./runtime-failures.js";

const SNAPSHOT_CACHE = "assessment-engine-snapshot";

// A downloaded snapshot is stored once Python is ready, or, when the page asks for a result the
// moment it is, once that answer has been sent: writing its 31 MB while Python is restored from it,
// or while the first result is computed, would slow the very visit that needed it.
let keepDownloadedSnapshotLater = null;

export function keepLater(keep) {
  keepDownloadedSnapshotLater = keep;
}

export function keepDownloadedSnapshot() {
  const keep = keepDownloadedSnapshotLater;
  keepDownloadedSnapshotLater = null;
  keep?.();
}

// Looked up without opening the cache: opening creates it, and on a browser's first visit that
// was 0.4 s of its CPU, on two busy cores, for nothing (bench/README.md).
export async function cachedSnapshot(url, sha256) {
  if (!sha256) return null;
  try {
    const response = await self.caches.match(url, { cacheName: SNAPSHOT_CACHE });
    if (!response) return cacheMissed("no entry");
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (await hexDigest(bytes) === sha256) return bytes;
    await self.caches.delete(SNAPSHOT_CACHE); // damaged: the download below stores it afresh
    return cacheMissed("damaged");
  } catch (error) {
    // Storage blocked or broken: the network has the same bytes.
    return cacheMissed(describe(error));
  }
}

// Why the network was used instead, in the boot's profile: a returning visit that downloads the
// snapshot again says so there.
function cacheMissed(reason) {
  performance.measure(`engine:snapshot cache missed (${reason})`, { start: 0, end: performance.now() });
  return null;
}

export async function keepSnapshot(url, entry) {
  try {
    const cache = await self.caches.open(SNAPSHOT_CACHE);
    for (const request of await cache.keys()) {
      if (request.url !== url) await cache.delete(request);
    }
    await cache.put(url, entry);
  } catch {
    // Storage blocked or full: the next visit downloads the snapshot again.
  }
}

export async function hexDigest(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
