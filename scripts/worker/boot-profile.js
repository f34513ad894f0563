// Where the boot's time goes: measures from the worker's start, sent with "ready".

export function profiled(name, promise) {
  return promise.then((value) => {
    performance.measure(name, { start: 0, end: performance.now() });
    return value;
  });
}

export function bootProfile() {
  const measures = performance.getEntriesByType("measure").map(({ name, duration }) => ({ name, end: duration }));
  return { profile: measures, timeOrigin: performance.timeOrigin };
}
