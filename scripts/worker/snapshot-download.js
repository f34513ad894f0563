// Which boot: by what this browser holds, and by the line. A snapshot in this browser's cache is
// always used. Otherwise it is downloaded only where the page allows it (a visit that shows a
// result on arrival), without Save-Data, and where the line measured on the runtime's WebAssembly
// (boot-line.js) makes it pay off; a line that is not known means the normal boot.

import { current } from "./worker-state.js";
import { SNAPSHOT_BREAK_EVEN_MBIT, measureLine } from "./boot-line.js";
import { profiled } from "./boot-profile.js";
import { fileName } from "./runtime-failures.js";
import { browserFetch, counted } from "./runtime-fetch.js";
import { hexDigest, keepLater, keepSnapshot } from "./snapshot-cache.js";

export async function chosenSnapshot(snapshot, cached, line) {
  const bytes = await cached;
  if (bytes) {
    current.progress.plan("cached");
    return bytes;
  }
  if (!snapshot?.download || navigator.connection?.saveData) return null;
  const mbit = await line.mbit;
  measureLine(mbit);
  return mbit !== null && mbit >= SNAPSHOT_BREAK_EVEN_MBIT ? downloadedSnapshot(snapshot) : null;
}

// { download: a promise of the snapshot's inflated bytes }, or null (the normal boot) when it
// cannot be had.
async function downloadedSnapshot(snapshot) {
  let response;
  try {
    response = await browserFetch(snapshot.url);
  } catch {
    return null;
  }
  if (!response.ok || !response.body) return null;
  const body = current.progress.counted(fileName(new URL(snapshot.url)), response.body);
  current.progress.plan("snapshot");
  const download = profiled("engine:snapshot bytes", inflatedSnapshot(snapshot, body));
  download.catch(() => {}); // a failed snapshot is handled where it is awaited: the normal boot
  return { download };
}

// The snapshot's bytes, inflated as they arrive and checked against the sha256 the page was built
// with (a check by the browser, `integrity`, would hold every byte back until the last one is in),
// then kept for the next visit that needs them. Any failure means the normal boot.
async function inflatedSnapshot({ url, sha256 }, body) {
  const bytes = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  if (await hexDigest(bytes) !== sha256) throw new Error("snapshot: not the one this page was built with");
  const entry = new Response(bytes); // a copy, taken now: the runtime may reuse the bytes it is given
  keepLater(() => keepSnapshot(url, entry));
  return bytes;
}
