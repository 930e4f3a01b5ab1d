import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types';

/** Wall-clock budget of one extraction, in ms (GEOBRIEF_EXTRACT_BUDGET_MS); over it the request gets 503. */
export const EXTRACT_BUDGET_MS = Number(process.env.GEOBRIEF_EXTRACT_BUDGET_MS) > 0 ? Number(process.env.GEOBRIEF_EXTRACT_BUDGET_MS) : 30_000;
/** At most this many extractions at once (each its own thread); more get 503 at once. */
export const MAX_WORKERS = 2;

type Reply = { status: number; body: unknown };
interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * The pool, one per server process. Kept on globalThis because Next bundles each page and route handler
 * with its own copy of this module: the /analyze page warms the worker that /api/analyze then uses.
 */
interface Pool {
  idle: Slot | null;
  busy: number;
  nextId: number;
}
const POOL_KEY = Symbol.for('geobrief.extract-workers');
const pool: Pool = ((globalThis as { [POOL_KEY]?: Pool })[POOL_KEY] ??= { idle: null, busy: 0, nextId: 1 });

function spawn(): Slot {
  // The worker loads the TypeScript pipeline through tsx (installed by `npm ci`), so the same code runs
  // here, in the CLI and in the tests; it reads data/ from the working directory like the server does.
  const root = process.cwd();
  const entry = path.join(/*turbopackIgnore: true*/ root, 'lib', 'api', 'extract-worker.ts');
  const code = `const { createRequire } = require('node:module');
const r = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
r('tsx/cjs/api').register();
r(${JSON.stringify(entry)});`;
  const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('online', () => resolve());
    worker.once('error', reject);
  });
  ready.catch(() => {});
  return { worker, ready };
}

/** Starts a worker ahead of the first request (instrumentation.ts, at server start): loading the pipeline takes a few seconds. */
export function warmUp(): void {
  if (!pool.idle) pool.idle = spawn();
}

/**
 * Runs one article through the pipeline in a worker thread with a deadline: the request thread stays
 * free (the map keeps answering) and a pathological article costs at most the budget, then 503.
 */
export async function extractOffThread(kind: 'extract' | 'analyze', article: Article, budgetMs = EXTRACT_BUDGET_MS): Promise<Reply> {
  if (pool.busy >= MAX_WORKERS) return { status: 503, body: { error: `busy: ${MAX_WORKERS} extractions are already running; try again in a moment` } };
  pool.busy++;
  const slot = pool.idle ?? spawn();
  pool.idle = null;
  const id = pool.nextId++;
  let timer: NodeJS.Timeout | undefined;
  let healthy = true;
  let onError: ((e: unknown) => void) | undefined;
  try {
    return await new Promise<Reply>((resolve) => {
      timer = setTimeout(() => {
        healthy = false;
        resolve({ status: 503, body: { error: `extraction took longer than its budget of ${Math.round(budgetMs / 1000)} s and was stopped: shorten the text or split it into articles` } });
      }, budgetMs);
      const onMessage = (m: { id: number; ok: boolean; body?: unknown; error?: string }) => {
        if (m.id !== id) return;
        slot.worker.off('message', onMessage);
        resolve(m.ok ? { status: 200, body: m.body } : { status: 500, body: { error: `extraction failed: ${m.error}` } });
      };
      slot.worker.on('message', onMessage);
      onError = (e) => {
        healthy = false;
        resolve({ status: 503, body: { error: `extraction stopped: ${e instanceof Error ? e.message : String(e)}` } });
      };
      slot.worker.once('error', onError);
      slot.worker.postMessage({ id, kind, article });
    });
  } finally {
    clearTimeout(timer);
    if (onError) slot.worker.off('error', onError);
    pool.busy--;
    if (healthy && !pool.idle) pool.idle = slot;
    else void slot.worker.terminate();
  }
}
