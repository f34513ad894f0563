// Which boot: by what this browser holds, and by the line. A snapshot in this browser's cache is
// always used. Otherwise it is downloaded only where the page allows it (a visit that shows a
// result on arrival) and the line makes it pay off: below the break-even downlink its extra
// megabytes take longer to arrive than the seconds of boot they save (README, "How Python starts,
// by visit and by network": `python -m bench.assessment_bench`). The line is measured on the
// runtime's WebAssembly, which both boots download first: its bytes as the browser hands them over
// (inflated, when the host compresses it). When that came from the browser's HTTP cache (an
// earlier visit), the line is unknown: the snapshot's own first bytes measure it, and its download
// is dropped for the normal boot if they come too slowly. (The browser's own estimate,
// navigator.connection.downlink, is no help: Chromium said 1.35 Mbit/s on loopback, its default
// before it has measured anything.)

import { current } from "./worker-state.js";
import { SNAPSHOT_BREAK_EVEN_MBIT, measureLine, meterStream, rememberedSlowLine } from "./boot-line.js";
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
  if (!snapshot?.download) return null;
  if (navigator.connection?.saveData) return null;
  const mbit = await line.mbit;
  measureLine("line", mbit);
  if (mbit !== null) return mbit >= SNAPSHOT_BREAK_EVEN_MBIT ? downloadedSnapshot(snapshot) : null;
  if (await rememberedSlowLine()) {
    performance.measure("engine:line remembered slow", { start: 0, end: performance.now() });
    return null;
  }
  return downloadedSnapshot(snapshot, { probe: true });
}

// { download: a promise of the snapshot's inflated bytes }, or null (the normal boot) when it
// cannot be had or, with `probe`, its first bytes show the line too slow for it to pay off.
async function downloadedSnapshot(snapshot, { probe = false } = {}) {
  const abandoned = new AbortController();
  let response;
  try {
    response = await browserFetch(snapshot.url, { signal: abandoned.signal });
  } catch {
    return null;
  }
  if (!response.ok || !response.body) return null;
  let body = current.progress.counted(fileName(new URL(snapshot.url)), response.body);
  if (probe) {
    const [kept, metered] = body.tee();
    const mbit = await meterStream(metered).mbit;
    measureLine("line on the snapshot", mbit);
    if (!(mbit >= SNAPSHOT_BREAK_EVEN_MBIT)) {
      abandoned.abort();
      return null;
    }
    body = kept;
  }
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
