// The line the reader is on, as far as the page can know it: the runtime's WebAssembly, which every
// boot downloads first, timed by the browser itself (its Resource Timing: the bytes on the wire,
// from the first to the last). Timed in this worker's own code, as it was until December 2026, a
// busy machine read loopback as slowly as a 50 Mbit/s line. When the WebAssembly came from the
// browser's HTTP cache (an earlier visit), the line is unknown. (The browser's own estimate,
// navigator.connection.downlink, is no help: Chromium said 1.35 Mbit/s on loopback, its default
// before it has measured anything.)

// At or above this downlink the snapshot's extra megabytes arrive sooner than the seconds of boot
// they save: the choice is in snapshot-download.js, the figures in bench/README.md.
export const SNAPSHOT_BREAK_EVEN_MBIT = 80;

// The stream's end comes before the browser's timing entry, but not by much.
const TIMING_WAIT_MS = 1000;

// In the boot's profile: "engine:line 273 Mbit/s" or "engine:line not measured".
export function measureLine(mbit) {
  performance.measure(`engine:line ${mbit === null ? "not measured" : `${Math.round(mbit)} Mbit/s`}`, { start: 0, end: performance.now() });
}

// The line's rate in megabits a second, from the download of `url` once `stream` (a copy of its
// body, read here to its end) is in; null when it came from the browser's HTTP cache, or the
// browser kept no timing of it. `whenSlow` is called if the download takes longer than it would at
// the break-even (`wireBytes` at SNAPSHOT_BREAK_EVEN_MBIT): the normal boot's files then need not
// wait for the choice, which waits for the browser's own figure.
export async function lineMbit(stream, url, { fromCache, wireBytes, whenSlow }) {
  const drained = drain(stream);
  if (fromCache) return null;
  const slow = setTimeout(whenSlow, (wireBytes * 8) / (SNAPSHOT_BREAK_EVEN_MBIT * 1000));
  await drained;
  clearTimeout(slow);
  return timedMbit(await resourceTiming(url));
}

async function drain(stream) {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

function timedMbit(timing) {
  if (!timing?.encodedBodySize) return null;
  return (timing.encodedBodySize * 8) / (Math.max(timing.responseEnd - timing.responseStart, 1) * 1000);
}

function resourceTiming(url) {
  const named = (entries) => entries.findLast((entry) => entry.name === url.href);
  const found = named(performance.getEntriesByType("resource"));
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = named(list.getEntries());
      if (entry) done(entry);
    });
    const done = (entry) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry);
    };
    const timer = setTimeout(() => done(null), TIMING_WAIT_MS);
    observer.observe({ type: "resource" });
  });
}
