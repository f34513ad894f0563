// The assessment engine, off the main thread: Pyodide plus our wheel, verified by the site's own
// lock file (sha256), answering one question at a time: "here are answers, what is the result?".

import { BootProgress, STDLIB_FILE } from "./boot-progress.js";
import { STAGE } from "./boot-stages.js";
import { EMPTY_STDLIB, snapshotOptions } from "./snapshot-options.mjs";

let browserAdapter = null;
// The boot's downloads, counted for the page's progress (set when the boot starts).
let progress = null;
// While a snapshot is tried, the runtime's internal rejections belong to that attempt, which
// falls back to a normal boot; they must not end the whole boot.
let tryingSnapshot = false;

// What the page may ask, once the engine is ready: each answers with the adapter's JSON reply.
const REQUESTS = {
  assess: ({ answers }) => browserAdapter.assess_json(JSON.stringify(answers)),
  markdown: ({ answers, articleUrl }) => browserAdapter.markdown_json(JSON.stringify(answers), articleUrl),
  team: ({ request }) => browserAdapter.team_json(JSON.stringify(request)),
};

self.addEventListener("message", ({ data }) => {
  if (data?.type === "boot") boot(data);
  else if (Object.hasOwn(REQUESTS, data?.type)) answer(data, REQUESTS[data.type]);
});

// Reported to the page as a failed boot, so it is handled: keep it out of the console.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!tryingSnapshot) fail(event.reason);
});

// --- failures known at once, named in the reader's words ------------------------------------------
// The runtime swallows some load failures and then waits forever (a WebAssembly file that does not
// compile is only logged), or reports them as a link to its documentation. So every file it
// downloads passes through here: a failed one ends the boot the moment its response arrives.

const RUNTIME_FILES = [
  [/\.wasm$/, "Python itself"],
  [/\.m?js$/, "Python's loader"],
  [/python_stdlib\.zip$/, "Python's standard library"],
  [/\.json$/, "the list of Python packages"],
  [/\.whl$/, "the assessment engine"],
];

class BootFailure extends Error {}

const browserFetch = self.fetch.bind(self);
// What a restore is told the standard library's address is: answered here, never downloaded.
const STDLIB_IN_SNAPSHOT = new URL("stdlib-in-snapshot.zip", self.location.href);

self.fetch = async (resource, options) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource), self.location.href);
  if (url.href === STDLIB_IN_SNAPSHOT.href) return new Response(EMPTY_STDLIB);
  const early = takeEarly(url, options);
  let response;
  try {
    response = await (early?.response ?? browserFetch(resource, options));
  } catch {
    const pinned = options?.integrity || (resource instanceof Request && resource.integrity);
    return endBoot(`${runtimeFile(url)} could not be downloaded${pinned ? ", or it is not the copy this site was built with" : ""}`);
  }
  if (!early) response = counted(url, response); // before its content is checked, which reads it whole
  // (a file fetched early was counted as it arrived)
  const problem = responseProblem(url, response) ?? await contentProblem(url, response);
  return problem ? endBoot(`${runtimeFile(url)} ${problem}`) : response;
};

function fileName(url) {
  return url.pathname.split("/").pop();
}

function counted(url, response) {
  const body = progress.counted(fileName(url), response.body);
  if (!body || body === response.body) return response;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// Only a file that does not compile is damaged; any other refusal stays the runtime's to handle.
for (const name of ["instantiate", "instantiateStreaming"]) {
  const instantiate = WebAssembly[name];
  WebAssembly[name] = (...args) => instantiate.apply(WebAssembly, args).catch((error) => {
    if (error instanceof WebAssembly.CompileError) return endBoot("Python itself (pyodide.asm.wasm) is damaged: it is not WebAssembly");
    throw error;
  });
}

function runtimeFile(url) {
  const name = fileName(url);
  const [, label] = RUNTIME_FILES.find(([pattern]) => pattern.test(name)) ?? [null, "a file Python needs"];
  return `${label} (${name})`;
}

function responseProblem(url, response) {
  if (!response.ok) return `could not be downloaded (the server answered ${response.status})`;
  const type = response.headers.get("content-type") ?? "";
  if (url.pathname.endsWith(".wasm") && !type.startsWith("application/wasm")) {
    return `was not served as WebAssembly (the server said ${type || "nothing"} instead of application/wasm)`;
  }
  return null;
}

// What the runtime would only report as a JSON syntax error (the lock file) or as "Program
// terminated with exit(1)" (a standard library cut short), checked while it is at hand.
async function contentProblem(url, response) {
  if (url.pathname.endsWith(".json")) {
    return response.clone().json().then(() => null, () => "is damaged: it is not valid JSON");
  }
  if (url.pathname.endsWith(".zip")) {
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    return endsLikeZip(bytes) ? null : "is damaged: it is not a complete zip archive";
  }
  return null;
}

// A zip archive ends with its directory's end record ("PK\x05\x06"), followed by at most a
// 65,535-byte comment; a download cut short has none.
function endsLikeZip(bytes) {
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  for (let start = bytes.length - 22; start >= lowest; start--) {
    if (bytes[start] === 0x50 && bytes[start + 1] === 0x4b && bytes[start + 2] === 0x05 && bytes[start + 3] === 0x06) return true;
  }
  return false;
}

// The boot is over: the page is told why, and the runtime's request is left waiting rather than
// failed, so the runtime has nothing to log.
function endBoot(reason) {
  fail(new BootFailure(reason));
  return new Promise(() => {});
}

// The module loader only says a module "failed"; one more request tells the reader why.
async function importRuntimeModule(url) {
  try {
    const module = await import(url.href);
    progress?.done(fileName(url));
    return module;
  } catch {
    throw new BootFailure(`${runtimeFile(url)} ${await importProblem(url)}`);
  }
}

async function importProblem(url) {
  try {
    const response = await browserFetch(url);
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok) return `could not be downloaded (the server answered ${response.status})`;
    if (!/javascript/.test(type)) return `was not served as JavaScript (the server said ${type || "nothing"})`;
    return "is damaged: it is not valid JavaScript";
  } catch {
    return "could not be downloaded";
  }
}

const quiet = { stdout: () => {}, stderr: () => {} };

// The runtime's folder carries its version, so the page says where it is.
let loadPyodide = null;

// `engine`: {distribution, module, sha256} of the engine's wheel, as the build made it.
async function boot({ indexURL, lockFileURL, snapshot, engine, resultOnArrival, downloadSizes }) {
  let runtimeModule = null;
  progress = new BootProgress(downloadSizes, (sent) => self.postMessage({ type: "progress", ...sent }));
  try {
    // Every download that either boot needs starts now, side by side: the runtime's WebAssembly
    // (whose first bytes measure the line), its large module, and a look in the cache for the snapshot.
    const line = earlyRuntime(new URL("pyodide.asm.wasm", indexURL));
    line.mbit.then(rememberLine);
    const cached = snapshot ? cachedSnapshot(snapshot.url, snapshot.sha256) : Promise.resolve(null);
    runtimeModule = importRuntimeModule(new URL("pyodide.asm.mjs", indexURL)); // the runtime's own import reuses it
    runtimeModule.catch(() => {}); // a failure is reported below, named
    const snapshotSource = profiled("engine:snapshot chosen", chosenSnapshot(snapshot, cached, line).then((source) => {
      if (!source) fetchNormalBootEarly(indexURL, lockFileURL).catch(() => {}); // the runtime asks again
      return source;
    }));
    ({ loadPyodide } = await profiled("engine:runtime module", importRuntimeModule(new URL("pyodide.mjs", indexURL))));
    // Python starts once its WebAssembly is in (the library and the engine may still be coming).
    const starting = once(() => self.postMessage({ type: "stage", stage: STAGE.RUNTIME }));
    progress.whenRead("pyodide.asm.wasm").then(starting);
    const pyodide = await profiled("engine:python started", startPython(indexURL, lockFileURL, await snapshotSource, snapshot));
    starting();
    self.postMessage({ type: "stage", stage: STAGE.ENGINE });
    browserAdapter = await profiled("engine:engine imported", engineAdapter(pyodide, engine, lockFileURL, indexURL));
    self.postMessage({ type: "ready", fromSnapshot: Boolean(pyodide.fromSnapshot), ...bootProfile() });
    readBank();
    if (!resultOnArrival) keepDownloadedSnapshot();
  } catch (error) {
    // A damaged runtime module fails the runtime too, sooner and in its words: name the file instead.
    fail(await (runtimeModule ?? Promise.resolve()).then(() => error, (failure) => failure));
  }
}

function once(action) {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
}

// `source`: the snapshot's bytes (cached), { download } (a promise of them), or null: the normal boot.
// Under `mkdocs serve` (`always`) the snapshot may hold an earlier engine, which is replaced on
// top of it: that reads the standard library, so the preview restores with it.
async function startPython(indexURL, lockFileURL, source, snapshot) {
  const restore = source instanceof Uint8Array ? source : source?.download;
  const stdLibURL = snapshot?.always ? undefined : STDLIB_IN_SNAPSHOT.href;
  return (restore && await bootFromSnapshot({ indexURL, lockFileURL, stdLibURL }, restore))
    || normalBoot(indexURL, lockFileURL);
}

function normalBoot(indexURL, lockFileURL) {
  progress.plan("normal");
  return loadPyodide({ indexURL, lockFileURL, ...quiet });
}

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
const SNAPSHOT_BREAK_EVEN_MBIT = 45;
const METERED_BYTES = 768 * 1024;

async function chosenSnapshot(snapshot, cached, line) {
  const bytes = await cached;
  if (bytes) {
    progress.plan("cached");
    return bytes;
  }
  if (!snapshot?.download) return null;
  if (snapshot.always) return downloadedSnapshot(snapshot);
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

// --- the line as an earlier visit measured it -------------------------------------------------------
// A slow line measured by a visit within the hour is believed when the runtime now comes from the
// HTTP cache (probing would spend the snapshot's first 768 KB only to confirm it); a fast one is
// not, since the reader may since be on a slower line: the snapshot's first bytes measure it again.
// Kept in this browser only, like everything else the page stores.
const LINE_CACHE = "assessment-engine-line";
const LINE_KEY = new URL("measured-line", self.location.href).href;
const LINE_BELIEVED_MS = 60 * 60 * 1000;

async function rememberLine(mbit) {
  if (mbit === null) return;
  try {
    await (await self.caches.open(LINE_CACHE)).put(LINE_KEY, new Response(JSON.stringify({ mbit, at: Date.now() })));
  } catch {
    // Storage blocked: the next visit measures the line again.
  }
}

async function rememberedSlowLine() {
  try {
    const response = await (await self.caches.open(LINE_CACHE)).match(LINE_KEY);
    if (!response) return false;
    const { mbit, at } = await response.json();
    return Date.now() - at < LINE_BELIEVED_MS && mbit < SNAPSHOT_BREAK_EVEN_MBIT;
  } catch {
    return false;
  }
}

function measureLine(what, mbit) {
  performance.measure(`engine:${what} ${mbit === null ? "not measured" : `${Math.round(mbit)} Mbit/s`}`, { start: 0, end: performance.now() });
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
  let body = progress.counted(fileName(new URL(snapshot.url)), response.body);
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
  progress.plan("snapshot");
  const download = profiled("engine:snapshot bytes", inflatedSnapshot(snapshot, body));
  download.catch(() => {}); // a failed snapshot is handled where it is awaited: the normal boot
  return { download };
}

// --- files requested before the runtime asks for them ---------------------------------------------
// Each request the runtime makes waits for the one before (its module, then its lock file and
// library, then, once Python runs, the engine's wheel): on a 170 ms line every wait is a round
// trip. So what a boot will surely fetch is requested at once, and self.fetch hands the response
// over when the runtime asks (only to the same request: the wheel is pinned by its lock's sha256).
const earlyFetches = new Map(); // href -> { integrity, response }

function takeEarly(url, options) {
  const early = earlyFetches.get(url.href);
  if (!early || early.integrity !== (options?.integrity ?? "")) return null;
  earlyFetches.delete(url.href);
  return early;
}

// A small file, read as it arrives (counted for the progress) and kept for the runtime.
function fetchEarly(url, integrity = "") {
  const response = browserFetch(url, integrity ? { integrity } : undefined).then(async (original) => {
    if (!original.ok || !original.body) return original;
    const bytes = await new Response(progress.counted(fileName(url), original.body)).arrayBuffer();
    return new Response(bytes, { status: original.status, statusText: original.statusText, headers: original.headers });
  });
  response.catch(() => {}); // the runtime's own request reports a failure, named
  earlyFetches.set(url.href, { integrity, response });
  return response;
}

// A normal boot's library, lock file and wheel (named, and pinned, by the lock file).
async function fetchNormalBootEarly(indexURL, lockFileURL) {
  fetchEarly(new URL(STDLIB_FILE, indexURL));
  const lock = await fetchEarly(new URL(lockFileURL));
  const { packages } = await lock.clone().json();
  for (const { file_name: name, sha256 } of Object.values(packages)) {
    fetchEarly(new URL(name, lockFileURL), `sha256-${base64(sha256)}`);
  }
}

function base64(hex) {
  return btoa(String.fromCharCode(...hex.match(/../g).map((pair) => parseInt(pair, 16))));
}

// A read of the whole WebAssembly from the browser's HTTP cache ends within this (it is inflated
// as it is read); a download over a line slow enough to matter does not.
const CACHE_READ_MS = 300;

// The runtime's WebAssembly, which both boots need, requested first; a copy of its stream measures
// the line (and counts its bytes as they arrive).
function earlyRuntime(url) {
  let reportMbit;
  const mbit = new Promise((resolve) => { reportMbit = resolve; });
  const response = browserFetch(url).then((original) => {
    if (!original.ok || !original.body) {
      reportMbit(null);
      return original;
    }
    const [forRuntime, forMeter] = original.body.tee();
    lineMbit(url, progress.counted(fileName(url), forMeter)).then(reportMbit, () => reportMbit(null));
    return new Response(forRuntime, { status: original.status, statusText: original.statusText, headers: original.headers });
  });
  response.catch(() => reportMbit(null));
  earlyFetches.set(url.href, { integrity: "", response });
  return { mbit };
}

// The line's rate, or null when the bytes came from the browser's HTTP cache (they say nothing
// about the line): a cached body is read whole at once, and its timing entry then shows a
// transfer smaller than the body.
async function lineMbit(url, stream) {
  const meter = meterStream(stream);
  const mbit = await meter.mbit;
  const endedAtOnce = await Promise.race([meter.ended.then(() => true), delay(CACHE_READ_MS).then(() => false)]);
  return endedAtOnce && await cameFromCache(url) ? null : mbit;
}

// The timing entry of a response is added shortly after its body is in.
async function cameFromCache(url) {
  for (let waited = 0; waited <= 100; waited += 10) {
    const entry = performance.getEntriesByName(url.href).at(-1);
    if (entry) return entry.transferSize < entry.encodedBodySize;
    await delay(10);
  }
  return false;
}

function delay(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

// Megabits a second from the first chunk to METERED_BYTES later (the first chunk's own wait is the
// round trip, not the line); a download that ends sooner counts what it had. The stream is read to
// its end (`ended`), so a cached body is consumed, and timed, at once.
function meterStream(stream) {
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
  return { mbit, ended };
}

async function engineAdapter(pyodide, engine, lockFileURL, indexURL) {
  try {
    if (!pyodide.fromSnapshot) return await installedEngine(pyodide, engine);
    const imported = importedEngine(pyodide, engine);
    if (imported) return imported;
    // Another engine, restored without the library that replacing it needs: start afresh.
    if (pyodide.withoutStdlib) return await installedEngine(await normalBoot(indexURL, lockFileURL), engine);
    return await replacedEngine(pyodide, lockFileURL, engine);
  } catch (error) {
    throw error instanceof BootFailure ? error : new BootFailure(`the assessment engine could not be installed (${describe(error)})`);
  }
}

// --- where the boot's time goes: measures from the worker's start, sent with "ready" -------------

function profiled(name, promise) {
  return promise.then((value) => {
    performance.measure(name, { start: 0, end: performance.now() });
    return value;
  });
}

function bootProfile() {
  const measures = performance.getEntriesByType("measure").map(({ name, duration }) => ({ name, end: duration }));
  return { profile: measures, timeOrigin: performance.timeOrigin };
}

// A snapshot already holds the engine, imported and run on every path at build time (and the
// snapshot itself is pinned by its sha256): installing the wheel again would only cost a second.
// Nothing is run again here: a visit that boots from the snapshot asks for its result at once,
// and that request is the first use. Null when it holds another engine, or cannot be used.
function importedEngine(pyodide, engine) {
  try {
    if (pyodide.globals.get("ENGINE_WHEEL_SHA256") !== engine.sha256) return null;
    return checkedAdapter(pyodide, engine);
  } catch {
    return null;
  }
}

async function installedEngine(pyodide, engine) {
  // By name from the site's lock file, so the wheel's sha256 is checked before it is installed.
  await pyodide.loadPackage(engine.distribution, { messageCallback: () => {}, errorCallback: () => {} });
  return checkedAdapter(pyodide, engine);
}

function checkedAdapter(pyodide, engine) {
  return pyodide.pyimport(`${engine.module}.browser`);
}

// The bank is read once, right after "ready": the reader's first request (or a link's result,
// which needs it anyway) then finds it parsed, and "ready" does not wait for it. A bank that
// cannot be read (the build checks it, so only a damaged wheel) ends the boot in these words.
function readBank() {
  try {
    browserAdapter.questions_json();
  } catch (error) {
    browserAdapter = null;
    fail(new BootFailure(`the assessment engine could not read its questions (${describe(error)})`));
  }
}

// Under `mkdocs serve` the snapshot may hold an earlier engine: a new snapshot costs half a
// minute of CPU (see assessment_snapshot.snapshot_soon), so an author's edit is swapped in on top
// of the restored Python instead. The earlier engine's modules and files go (forget_engine.py,
// which the build uses too); the wheel the site's lock file names is checked against the lock's
// sha256 and unpacked, as loadPackage would (which would cost half a second more here: it imports
// tarfile, which readers' snapshots need not carry).
async function replacedEngine(pyodide, lockFileURL, engine) {
  const { packages } = await (await self.fetch(lockFileURL)).json();
  const { file_name: fileName, sha256 } = packages[engine.distribution];
  const wheel = new Uint8Array(await (await self.fetch(new URL(fileName, lockFileURL))).arrayBuffer());
  if (await hexDigest(wheel) !== sha256) throw new BootFailure(`the assessment engine (${fileName}) is not the copy this site was built with`);
  const forgetting = pyodide.runPython(await (await self.fetch(new URL("forget_engine.py", import.meta.url))).text() + "\nforget_installed");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: forgetting(engine.module, engine.distribution) });
  forgetting.destroy();
  return checkedAdapter(pyodide, engine);
}

// Restores CPython's memory as the build left it (engine imported) instead of starting it:
// a fraction of a second instead of seconds. Any problem -> null, and the normal boot runs.
async function bootFromSnapshot(files, snapshotDownload) {
  tryingSnapshot = true;
  try {
    // Handed over as a promise: the runtime loads its own files while the snapshot downloads.
    const pyodide = await loadPyodide({ ...files, ...snapshotOptions({ restore: snapshotDownload }), ...quiet });
    pyodide.fromSnapshot = true;
    pyodide.withoutStdlib = files.stdLibURL === STDLIB_IN_SNAPSHOT.href;
    return pyodide;
  } catch {
    return null;
  } finally {
    tryingSnapshot = false;
  }
}

// The snapshot's bytes, inflated as they arrive and checked against the sha256 the page was built
// with (a check by the browser, `integrity`, would hold every byte back until the last one is in),
// then kept for the next visit that needs them. Any failure means the normal boot.
async function inflatedSnapshot({ url, sha256 }, body) {
  const bytes = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  if (await hexDigest(bytes) !== sha256) throw new Error("snapshot: not the one this page was built with");
  const entry = new Response(bytes); // a copy, taken now: the runtime may reuse the bytes it is given
  keepDownloadedSnapshotLater = () => keepSnapshot(url, entry);
  return bytes;
}

// --- the snapshot in the Cache API ---------------------------------------------------------------
// One entry, the current snapshot, under its URL (which carries its hash): storing it deletes any
// other. Only a boot that needed the snapshot stores it. Whatever is read is checked against the
// sha256 the page was built with; a cache that fails in any way means the network, quietly.

const SNAPSHOT_CACHE = "assessment-engine-snapshot";
// A downloaded snapshot is stored once Python is ready, or, when the page asks for a result the
// moment it is, once that answer has been sent: writing its 31 MB while Python is restored from it,
// or while the first result is computed, would slow the very visit that needed it.
let keepDownloadedSnapshotLater = null;

function keepDownloadedSnapshot() {
  const keep = keepDownloadedSnapshotLater;
  keepDownloadedSnapshotLater = null;
  keep?.();
}

async function cachedSnapshot(url, sha256) {
  if (!sha256) return null;
  try {
    const cache = await self.caches.open(SNAPSHOT_CACHE);
    const response = await cache.match(url);
    if (!response) return cacheMissed("no entry");
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (await hexDigest(bytes) === sha256) return bytes;
    await cache.delete(url); // damaged: the download below replaces it
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

async function keepSnapshot(url, entry) {
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

async function hexDigest(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function answer(request, compute) {
  const { id } = request;
  try {
    self.postMessage({ type: "result", id, payload: compute(request) });
  } catch (error) {
    self.postMessage({ type: "result", id, payload: JSON.stringify({ ok: false, errors: [describe(error)] }) });
  }
  keepDownloadedSnapshot();
}

// A failure this worker recognised is already in the reader's words; anything else is the runtime's.
function fail(error) {
  const reason = error instanceof BootFailure ? error.message : `Python could not start (${describe(error)})`;
  self.postMessage({ type: "failed", message: reason });
}

function describe(error) {
  const text = String(error?.message ?? error ?? "unknown error");
  // Python tracebacks are long; the last line says what went wrong. A line that only points to the
  // runtime's documentation tells a reader nothing.
  const lines = text.trim().split("\n").filter((line) => line.trim() && !/^See https?:/.test(line.trim()));
  return (lines.pop() ?? "unknown error").slice(0, 300);
}
