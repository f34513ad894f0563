// Every file the runtime downloads, through one door: checked as it arrives (runtime-failures.js),
// counted for the progress, and handed over from an early request when one was made.
// Each request the runtime makes waits for the one before (its module, then its lock file and
// library, then, once Python runs, the engine's wheel): on a 170 ms line every wait is a round
// trip. So what a boot will surely fetch is requested at once, and self.fetch hands the response
// over when the runtime asks (only to the same request: the wheel is pinned by its lock's sha256).

import { EMPTY_STDLIB } from "../shared/snapshot-options.mjs";
import { current } from "./worker-state.js";
import { lineMbit } from "./boot-line.js";
import { BootFailure, contentProblem, endBoot, fileName, responseProblem, runtimeFile } from "./runtime-failures.js";

export const browserFetch = self.fetch.bind(self);

// What a restore is told the standard library's address is: answered here, never downloaded.
export const STDLIB_IN_SNAPSHOT = new URL("stdlib-in-snapshot.zip", self.location.href);

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

export function counted(url, response) {
  const body = current.progress.counted(fileName(url), response.body);
  if (!body || body === response.body) return response;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The module loader only says a module "failed"; one more request tells the reader why.
export async function importRuntimeModule(url) {
  try {
    const module = await import(url.href);
    current.progress?.done(fileName(url));
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
    const bytes = await new Response(current.progress.counted(fileName(url), original.body)).arrayBuffer();
    return new Response(bytes, { status: original.status, statusText: original.statusText, headers: original.headers });
  });
  response.catch(() => {}); // the runtime's own request reports a failure, named
  earlyFetches.set(url.href, { integrity, response });
  return response;
}

// A normal boot's library, lock file and wheel (named, and pinned, by the lock file).
export async function fetchNormalBootEarly(stdlibURL, lockFileURL) {
  fetchEarly(stdlibURL);
  const lock = await fetchEarly(new URL(lockFileURL));
  const { packages } = await lock.clone().json();
  for (const { file_name: name, sha256 } of Object.values(packages)) {
    fetchEarly(new URL(name, lockFileURL), `sha256-${base64(sha256)}`);
  }
}

function base64(hex) {
  return btoa(String.fromCharCode(...hex.match(/../g).map((pair) => parseInt(pair, 16))));
}

// The runtime's WebAssembly, which both boots need, requested first; a clone of its stream
// measures the line (and counts its bytes as they arrive). `slow` resolves if the line shows itself
// slower than the snapshot's break-even before it is measured.
export function earlyRuntime(url) {
  let reportMbit;
  let whenSlow;
  const mbit = new Promise((resolve) => { reportMbit = resolve; });
  const slow = new Promise((resolve) => { whenSlow = resolve; });
  const response = runtimeResponse(url).then(({ original, fromCache }) => {
    if (!original.ok || !original.body) {
      reportMbit(null);
      return original;
    }
    // The runtime gets the browser's own Response, not a rebuilt one: only then does a later visit
    // take the compiled code from V8's code cache instead of compiling it again (bench/README.md).
    const wireBytes = current.progress.sizes[fileName(url)]?.[1] ?? 0;
    lineMbit(current.progress.counted(fileName(url), original.clone().body), url, { fromCache, wireBytes, whenSlow })
      .then(reportMbit, () => reportMbit(null));
    return original;
  });
  response.catch(() => reportMbit(null));
  earlyFetches.set(url.href, { integrity: "", response });
  return { mbit, slow };
}

// The browser's HTTP cache is asked first, and only then the network: a copy from the cache says
// nothing about the line, and asking is the one sure way to know where the bytes come from (timing
// the read was a guess, which a loaded machine fooled). A stale copy is taken as it is: the
// runtime's address carries its version. The question costs a look in the cache, no round trip.
async function runtimeResponse(url) {
  try {
    const cached = await browserFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    if (cached.ok) return { original: cached, fromCache: true };
  } catch {
    // Not in the cache (Chromium fails the request), or a host of its own: the network.
  }
  return { original: await browserFetch(url), fromCache: false };
}
