/**
 * Runs once when the server starts (Next's instrumentation hook): the extraction worker of /analyze and
 * /api/* starts warming now (tsx, the gazetteer, one sentence through the pipeline: several seconds on
 * a busy machine), so the first article pasted after a start is answered at once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { warmUp } = await import('./lib/api/off-thread');
  warmUp();
}
