/**
 * The page's own account of where its time goes before the map is ready: each stage is a User Timing
 * measure named `geobrief:<stage>` (performance.getEntriesByType('measure')), read by
 * scripts/profile-ready.ts and visible in the browser's Performance panel. A measure costs microseconds.
 */
export function stage<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measure(name, start);
  }
}

/** Records a stage that began at `start` (performance.now()) and ends now. */
export function measure(name: string, start: number): void {
  if (typeof performance !== 'undefined' && performance.measure) performance.measure(`geobrief:${name}`, { start, end: performance.now() });
}
