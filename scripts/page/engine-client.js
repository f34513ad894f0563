// The page's side of the engine worker: boot, stage reports, a stall deadline, retry, and
// assess(answers), markdown(answers, articleUrl) and team(request) -> Promise of the engine's JSON reply.

import { STAGE } from "../shared/boot-stages.js";
import { engineFacts, takeEarlyWorker } from "./engine-early.js";

// No stage of a healthy boot takes this long, even on a slow line; past it the boot is stalled.
const STAGE_DEADLINE_MS = 90_000;

export class EngineClient {
  // `snapshot` ({ url, sha256, download }) is where a memory snapshot is: the worker uses it
  // whenever this browser's cache holds it, and may download it when `download` is set (where the
  // line makes that pay off).
  // `resultOnArrival`: the page asks for a result the moment the engine is ready.
  // `downloadSizes`: the build's {file name: [bytes read, bytes on the wire]}, for the progress.
  // `fileNames`: the names the site serves the runtime's files under, from the build.
  // `engine`: the engine's wheel as the build made it, {distribution, module, sha256}.
  constructor({ workerUrl, indexURL, lockFileURL, snapshot, resultOnArrival = false, engine, downloadSizes, fileNames, onStatus }) {
    this.workerUrl = workerUrl;
    this.engine = engine;
    this.downloadSizes = downloadSizes;
    this.fileNames = fileNames;
    this.snapshot = snapshot;
    this.resultOnArrival = resultOnArrival;
    this.indexURL = indexURL;
    this.lockFileURL = lockFileURL;
    this.onStatus = onStatus;
    this.state = "idle";
    this.pending = new Map();
    this.nextRequestId = 1;
    this.readyWaiters = [];
  }

  // The engine of a page whose head starts it (engine-early.js, with the build's data-* addresses).
  static fromPage(onStatus, { resultOnArrival = false } = {}) {
    const { snapshot, ...facts } = engineFacts();
    return new EngineClient({
      ...facts,
      snapshot: snapshot && { ...snapshot, download: resultOnArrival },
      resultOnArrival,
      onStatus,
    });
  }

  start() {
    this.stop();
    this.state = "loading";
    this.failureReason = null;
    this.report("loading", STAGE.DOWNLOAD);
    // The first start takes the worker the page's head started; a retry starts a new one.
    const early = takeEarlyWorker();
    try {
      this.worker = early?.worker ?? new Worker(this.workerUrl, { type: "module", name: "assessment-engine" });
    } catch (error) {
      this.failWith(`the engine could not be started (${error.message})`);
      return;
    }
    const heard = (event) => (event.type === "message" ? this.receive(event.data) : this.cannotLoad(event));
    this.worker.addEventListener("message", heard);
    this.worker.addEventListener("error", heard);
    this.armDeadline();
    for (const event of early?.heard ?? []) heard(event);
    if (this.state === "failed") return;
    this.worker.postMessage({
      type: "boot", indexURL: this.indexURL, lockFileURL: this.lockFileURL, snapshot: this.snapshot, engine: this.engine,
      resultOnArrival: this.resultOnArrival, downloadSizes: this.downloadSizes, fileNames: this.fileNames,
    });
  }

  stop() {
    clearTimeout(this.deadline);
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error("engine stopped"));
    this.pending.clear();
  }

  // Resolves once the engine is ready (at once if it already is); survives failures and retries.
  whenReady() {
    if (this.state === "ready") return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  assess(answers) {
    return this.request("assess", { answers });
  }

  // The engine's Markdown rendering of the result for these answers, links pointing at articleUrl.
  markdown(answers, articleUrl) {
    return this.request("markdown", { answers, articleUrl });
  }

  // A team's view (assessment.browser.team_json): request is {respondents: [...]} or {team_link}.
  team(request) {
    return this.request("team", { request });
  }

  request(type, fields) {
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type, id, ...fields });
    });
  }

  receive(message) {
    if (message?.type === "stage") {
      this.armDeadline();
      this.report("loading", message.stage);
    } else if (message?.type === "progress") {
      this.armDeadline(); // bytes arriving: not stalled, however slow the line
      this.report("progress", { received: message.received, total: message.total });
    } else if (message?.type === "ready") {
      clearTimeout(this.deadline);
      this.state = "ready";
      recordBootProfile(message);
      this.report("ready", message.fromSnapshot ? "snapshot" : "normal");
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else if (message?.type === "failed") {
      this.failWith(message.message);
    } else if (message?.type === "result") {
      const request = this.pending.get(message.id);
      this.pending.delete(message.id);
      request?.resolve(JSON.parse(message.payload));
    }
  }

  armDeadline() {
    clearTimeout(this.deadline);
    this.deadline = setTimeout(
      () => this.failWith(`nothing arrived for ${STAGE_DEADLINE_MS / 1000} seconds (the connection may be down or very slow)`),
      STAGE_DEADLINE_MS,
    );
  }

  cannotLoad(event) {
    event.preventDefault();
    this.failWith("the page's engine script (engine-worker.js) could not be loaded");
  }

  failWith(reason) {
    if (this.state === "failed") return;
    this.stop();
    this.state = "failed";
    // Kept, so the reason can be shown again (on a submit) until a retry starts afresh.
    this.failureReason = reason;
    this.report("failed", reason);
  }

  report(status, detail) {
    this.onStatus(status, detail);
  }
}

// The worker's measures of its boot, placed on the page's timeline (for bench/ and profiling).
function recordBootProfile({ profile = [], timeOrigin = performance.timeOrigin }) {
  const offset = timeOrigin - performance.timeOrigin;
  for (const { name, end } of profile) performance.measure(name, { start: offset, end: offset + end });
}
