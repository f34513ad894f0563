// Failures known at once, named in the reader's words. The runtime swallows some load failures and
// then waits forever (a WebAssembly file that does not compile is only logged), or reports them as
// a link to its documentation. So every file it downloads passes through runtime-fetch.js, and a
// failed one ends the boot the moment its response arrives, with the page told why.

const RUNTIME_FILES = [
  [/\.wasm$/, "Python itself"],
  [/\.m?js$/, "Python's loader"],
  [/\.zip$/, "Python's standard library"],
  [/\.json$/, "the list of Python packages"],
  [/\.whl$/, "the assessment engine"],
];

export class BootFailure extends Error {}

export function fileName(url) {
  return url.pathname.split("/").pop();
}

export function runtimeFile(url) {
  const name = fileName(url);
  const [, label] = RUNTIME_FILES.find(([pattern]) => pattern.test(name)) ?? [null, "a file Python needs"];
  return `${label} (${name})`;
}

export function responseProblem(url, response) {
  if (!response.ok) return `could not be downloaded (the server answered ${response.status})`;
  const type = response.headers.get("content-type") ?? "";
  if (url.pathname.endsWith(".wasm") && !type.startsWith("application/wasm")) {
    return `was not served as WebAssembly (the server said ${type || "nothing"} instead of application/wasm)`;
  }
  return null;
}

// What the runtime would only report as a JSON syntax error (the lock file) or as "Program
// terminated with exit(1)" (a standard library cut short), checked while it is at hand.
export async function contentProblem(url, response) {
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

// Only a file that does not compile is damaged; any other refusal stays the runtime's to handle.
for (const name of ["instantiate", "instantiateStreaming"]) {
  const instantiate = WebAssembly[name];
  WebAssembly[name] = (...args) => instantiate.apply(WebAssembly, args).catch((error) => {
    if (error instanceof WebAssembly.CompileError) return endBoot("Python itself (pyodide.asm.wasm) is damaged: it is not WebAssembly");
    throw error;
  });
}

// The boot is over: the page is told why, and the runtime's request is left waiting rather than
// failed, so the runtime has nothing to log.
export function endBoot(reason) {
  fail(new BootFailure(reason));
  return new Promise(() => {});
}

// A failure this worker recognised is already in the reader's words; anything else is the runtime's.
export function fail(error) {
  const reason = error instanceof BootFailure ? error.message : `Python could not start (${describe(error)})`;
  self.postMessage({ type: "failed", message: reason });
}

export function describe(error) {
  const text = String(error?.message ?? error ?? "unknown error");
  // Python tracebacks are long; the last line says what went wrong. A line that only points to the
  // runtime's documentation tells a reader nothing.
  const lines = text.trim().split("\n").filter((line) => line.trim() && !/^See https?:/.test(line.trim()));
  return (lines.pop() ?? "unknown error").slice(0, 300);
}
