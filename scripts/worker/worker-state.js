// What the engine worker's modules share during one boot (set as the boot goes).

export const current = {
  // The boot's downloads, counted for the page's progress (set when the boot starts).
  progress: null,
  // While a snapshot is tried, the runtime's internal rejections belong to that attempt, which
  // falls back to a normal boot; they must not end the whole boot.
  tryingSnapshot: false,
  // The runtime's loadPyodide, once its module is in.
  loadPyodide: null,
};
