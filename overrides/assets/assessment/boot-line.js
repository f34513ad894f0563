// The line the reader is on, as far as the page can know it: measured on the runtime's WebAssembly
// (or the snapshot's first bytes), and a slow one remembered by this browser for an hour.

// --- which boot: by what this browser holds, and by the line --------------------------------------
// A snapshot in this browser's cache is always used. Otherwise it is downloaded only where the page
// allows it (a visit that shows a result on arrival) and the line makes it pay off: below the
// break-even downlink its extra megabytes take longer to arrive than the seconds of boot they
// save (README, "How Python starts, by visit and by network": `python -m bench.assessment_bench`).
// The line is measured on the runtime's WebAssembly, which both boots download first: its bytes as
// the browser hands them over (inflated, when the host compresses it). When that came from the
// browser's HTTP cache (an earlier visit), the line is unknown: the snapshot's own first bytes
// measure it, and its download is dropped for the normal boot if they come too slowly. (The
// browser's own estimate, navigator.connection.downlink, is no help: Chromium said 1.35 Mbit/s on
// loopback, its default before it has measured anything.)
export const SNAPSHOT_BREAK_EVEN_MBIT = 45;

const METERED_BYTES = 768 * 1024;

// --- the line as an earlier visit measured it -------------------------------------------------------
// A slow line measured by a visit within the hour is believed when the runtime now comes from the
// HTTP cache (probing would spend the snapshot's first 768 KB only to confirm it); a fast one is
// not, since the reader may since be on a slower line: the snapshot's first bytes measure it again.
// Kept in this browser only, like everything else the page stores.
const LINE_CACHE = "assessment-engine-line";

const LINE_KEY = new URL("measured-line", self.location.href).href;

const LINE_BELIEVED_MS = 60 * 60 * 1000;

export async function rememberLine(mbit) {
  if (mbit === null) return;
  try {
    await (await self.caches.open(LINE_CACHE)).put(LINE_KEY, new Response(JSON.stringify({ mbit, at: Date.now() })));
  } catch {
    // Storage blocked: the next visit measures the line again.
  }
}

export async function rememberedSlowLine() {
  try {
    const response = await (await self.caches.open(LINE_CACHE)).match(LINE_KEY);
    if (!response) return false;
    const { mbit, at } = await response.json();
    return Date.now() - at < LINE_BELIEVED_MS && mbit < SNAPSHOT_BREAK_EVEN_MBIT;
  } catch {
    return false;
  }
}

export function measureLine(what, mbit) {
  performance.measure(`engine:${what} ${mbit === null ? "not measured" : `${Math.round(mbit)} Mbit/s`}`, { start: 0, end: performance.now() });
}

// The line's rate, or null when the bytes came from the browser's HTTP cache: they say nothing
// about the line. The stream is read either way (its bytes are counted for the progress).
export async function lineMbit(stream, { fromCache }) {
  const meter = meterStream(stream);
  return fromCache ? null : meter.mbit;
}

// Megabits a second from the first chunk to METERED_BYTES later (the first chunk's own wait is the
// round trip, not the line); a download that ends sooner counts what it had. The stream is read to
// its end.
export function meterStream(stream) {
  let reportMbit;
  const mbit = new Promise((resolve) => { reportMbit = resolve; });
  const ended = (async () => {
    const reader = stream.getReader();
    let first = null;
    let last = null;
    let bytes = 0;
    const rate = () => (first === null ? null : last > first ? (bytes * 8) / ((last - first) * 1000) : Infinity);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      last = performance.now();
      if (first === null) first = last;
      else if (bytes < METERED_BYTES) bytes += value.byteLength;
      if (bytes >= METERED_BYTES) reportMbit(rate());
    }
    reportMbit(rate());
  })();
  ended.catch(() => reportMbit(null));
  return { mbit };
}
