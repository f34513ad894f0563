// The stages of the engine's boot, named once: the worker (and its client) report them, the page
// shows each one as a step.
export const STAGE = Object.freeze({ DOWNLOAD: "download", RUNTIME: "runtime", ENGINE: "engine" });
