// The status box of a page that runs the engine (partials/assessment-engine.html): each stage of
// the boot as a step, how far its downloads are, ready, or why it failed next to a retry button.
// One wording for every page.
import { STAGE } from "../shared/boot-stages.js";

const STATUS_TEXT = {
  [STAGE.DOWNLOAD]: "Step 1 of 3: getting Python ready…",
  [STAGE.RUNTIME]: "Step 2 of 3: starting Python…",
  [STAGE.ENGINE]: "Step 3 of 3: loading the assessment engine…",
  ready: "The assessment engine is ready.",
};
const QUARTERS = 4;

// waiting: what happens once ready. The words for a failure, and the performance mark of ready,
// are the page's, on the box (partials/assessment-engine.html).
export function showEngineStatus(root, status, detail, { waiting = "" } = {}) {
  const box = root.querySelector("[data-engine-status]");
  if (status === "progress") {
    showProgress(box, detail);
    return;
  }
  const text = box.querySelector("[data-engine-status-text]");
  box.hidden = false;
  box.dataset.engineStatus = status;
  root.querySelector("[data-engine-retry]").hidden = status !== "failed";
  if (status !== "loading") hideProgress(box);
  if (status === "failed") {
    const { failedKept, failedAdvice } = box.dataset;
    text.textContent = `The assessment engine could not start: ${detail ?? "unknown reason"}. ${failedKept} ${failedAdvice}`;
  } else if (status === "ready") {
    text.textContent = STATUS_TEXT.ready;
    // How Python started (memory snapshot or normal boot): for bench/ and for curious readers.
    box.dataset.engineBoot = detail;
    performance.mark(box.dataset.readyMark);
  } else {
    if (detail) box.dataset.engineStage = detail;
    const stage = STATUS_TEXT[box.dataset.engineStage] ?? STATUS_TEXT[STAGE.DOWNLOAD];
    text.textContent = waiting ? `${stage} ${waiting}` : stage;
  }
}

// Shown as the bytes arrive (the worker reports a few times a second); screen readers hear it
// politely at each quarter, not at every update.
function showProgress(box, { received, total }) {
  const line = box.querySelector("[data-engine-progress]");
  const words = `Loading the assessment engine: ${megabytes(received)} of ${megabytes(total)} MB`;
  line.hidden = false;
  const bar = line.querySelector("[data-engine-progress-bar]");
  bar.max = total;
  bar.value = received;
  line.querySelector("[data-engine-progress-text]").textContent = words;
  const quarter = Math.floor((QUARTERS * received) / total);
  if (quarter > Number(line.dataset.announcedQuarter ?? 0)) {
    line.dataset.announcedQuarter = quarter;
    line.querySelector("[data-engine-progress-announce]").textContent = words;
  }
}

// The line keeps its place (see assessment.css), so nothing below it moves when it goes.
function hideProgress(box) {
  const line = box.querySelector("[data-engine-progress]");
  line.hidden = true;
  delete line.dataset.announcedQuarter;
  line.querySelector("[data-engine-progress-announce]").textContent = "";
}

function megabytes(bytes) {
  return (bytes / 1_000_000).toFixed(1);
}
