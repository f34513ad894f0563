// The status box of a page that runs the engine (partials/assessment-engine.html): each stage of
// the boot as a step, ready, or why it failed next to a retry button. One wording for every page.
import { STAGE } from "./boot-stages.js";

const STATUS_TEXT = {
  [STAGE.DOWNLOAD]: "Step 1 of 3: getting Python ready (about 6 MB the first time)…",
  [STAGE.RUNTIME]: "Step 2 of 3: starting Python…",
  [STAGE.ENGINE]: "Step 3 of 3: loading the assessment engine…",
  ready: "The assessment engine is ready.",
};

// kept: what the reader keeps if it fails; advice: what to do then; waiting: what happens once ready.
export function showEngineStatus(root, status, detail, { kept, advice, waiting = "" }) {
  const box = root.querySelector("[data-engine-status]");
  const text = box.querySelector("[data-engine-status-text]");
  box.hidden = false;
  box.dataset.engineStatus = status;
  root.querySelector("[data-engine-retry]").hidden = status !== "failed";
  if (status === "failed") {
    text.textContent = `The assessment engine could not start: ${detail ?? "unknown reason"}. ${kept} ${advice}`;
  } else if (status === "ready") {
    text.textContent = STATUS_TEXT.ready;
    // How Python started (memory snapshot or normal boot): for bench/ and for curious readers.
    box.dataset.engineBoot = detail;
  } else {
    if (detail) box.dataset.engineStage = detail;
    const stage = STATUS_TEXT[box.dataset.engineStage] ?? STATUS_TEXT[STAGE.DOWNLOAD];
    text.textContent = waiting ? `${stage} ${waiting}` : stage;
  }
}
