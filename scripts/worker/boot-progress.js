// How far a boot's downloads are, in bytes on the wire of the known total, reported at most every
// REPORT_EVERY_MS (and once more when the plan changes). `sizes` is the build's {file name: [bytes
// as the browser hands them over (inflated), bytes on the wire]}: a file counts by the share of
// its bytes read, so a compressed download is measured in what the line carries. `names`: the
// names the site serves the library and the snapshot under ({stdlib, snapshot}, from the build).
const REPORT_EVERY_MS = 250;

export class BootProgress {
  constructor(sizes, names, report) {
    this.sizes = sizes ?? {};
    this.names = names;
    this.report = report;
    this.read = new Map();
    this.waiting = [];
    this.lastReport = -Infinity;
    this.plan("normal");
  }

  // "normal": everything but the snapshot; "snapshot": the snapshot instead of the library and
  // the engine's wheel (the snapshot holds both); "cached": the snapshot is in this browser already.
  plan(boot) {
    const names = Object.keys(this.sizes);
    const { snapshot, stdlib } = this.names;
    const skipped = (name) => (name === snapshot ? boot !== "snapshot" : boot !== "normal" && (name === stdlib || name.endsWith(".whl")));
    this.planned = names.filter((name) => !skipped(name));
    this.send(true);
  }

  // The body, passed through unchanged, its bytes counted as they are read.
  counted(name, body) {
    if (!body || !(name in this.sizes)) return body;
    return body.pipeThrough(new TransformStream({
      transform: (chunk, controller) => {
        this.add(name, chunk.byteLength);
        controller.enqueue(chunk);
      },
    }));
  }

  // A file read whole at once (a module the runtime imports).
  done(name) {
    if (name in this.sizes) this.add(name, this.sizes[name][0]);
  }

  // Resolves once the file is read whole (at once for a file of unknown size).
  whenRead(name) {
    return new Promise((resolve) => {
      this.waiting.push({ name, resolve });
      this.settle();
    });
  }

  add(name, bytes) {
    this.read.set(name, (this.read.get(name) ?? 0) + bytes);
    this.settle();
    this.send(false);
  }

  isRead(name) {
    return !(name in this.sizes) || (this.read.get(name) ?? 0) >= this.sizes[name][0];
  }

  settle() {
    const done = this.waiting.filter(({ name }) => this.isRead(name));
    this.waiting = this.waiting.filter((waiter) => !done.includes(waiter));
    for (const { resolve } of done) resolve();
  }

  send(force) {
    const now = performance.now();
    if (!force && now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    let received = 0;
    let total = 0;
    for (const name of this.planned) {
      const [size, onTheWire] = this.sizes[name];
      total += onTheWire;
      received += Math.min(1, (this.read.get(name) ?? 0) / size) * onTheWire;
    }
    if (total > 0) this.report({ received: Math.round(received), total });
  }
}
