import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkUniqueId } from './corpus';
import { ArticleError } from './article';
import { fromStored, type ArticleReading, type CacheStats, type ReadingCache, type StoredReading } from './extract-cache';
import type { Article } from './types';

export interface PoolOptions {
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
  /** The cache the workers read and fill; null reads every article again and writes nothing. */
  cache: ReadingCache | null;
  /** Corpus rules: a published date and a non-empty body required. */
  corpus?: boolean;
  /** Stops the work: the workers are terminated and the promise rejects. */
  signal?: AbortSignal;
}

export interface PoolResult {
  articles: Article[];
  readings: ArticleReading[];
  /** Summed over the workers (null without a cache). */
  stats: CacheStats | null;
}

const BATCH = 32;

function spawn(workerData: unknown): Worker {
  // The worker loads the TypeScript pipeline through tsx, like lib/api/off-thread.ts.
  const root = process.cwd();
  const entry = path.join(/*turbopackIgnore: true*/ root, 'lib', 'reading-worker.ts');
  const code = `const { createRequire } = require('node:module');
const r = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
r('tsx/cjs/api').register();
r(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Reads the files as articles and makes each one's reading, spread over worker threads in batches: the
 * calling thread only collects results, so it stays free to answer signals and the work uses every core.
 * Results come back in the order of `files`; the first bad file rejects with an ArticleError naming it.
 */
export function readFilesInParallel(files: string[], options: PoolOptions): Promise<PoolResult> {
  const jobs = Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), Math.ceil(files.length / BATCH)));
  const articles: Article[] = new Array(files.length);
  const readings: ArticleReading[] = new Array(files.length);
  const stats: CacheStats[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise<PoolResult>((resolve, reject) => {
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else {
        const seen = new Map<string, string>();
        try {
          for (const a of articles) checkUniqueId(a, seen);
        } catch (e) {
          reject(e);
          return;
        }
        const given = stats.filter(Boolean);
        const sum = given.length ? given.reduce((s, x) => ({ hits: s.hits + x.hits, misses: s.misses + x.misses, rejected: s.rejected + x.rejected, writeErrors: s.writeErrors + x.writeErrors })) : null;
        resolve({ articles, readings, stats: options.cache ? sum : null });
      }
    };
    const onAbort = () => stop(new Error('stopped'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    if (files.length === 0) return stop(null);

    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const batch = [];
      for (; batch.length < BATCH && next < files.length; next++) batch.push({ index: next, file: files[next] });
      w.postMessage({ batch });
    };
    for (let k = 0; k < jobs; k++) {
      const w = spawn({ cacheDir: options.cache?.dir ?? null, version: options.cache?.version ?? '', corpus: !!options.corpus });
      workers.push(w);
      w.on('message', (m: { error?: { file: string; problem: string }; results?: Array<{ index: number; article: Article; stored: StoredReading }>; stats?: CacheStats | null }) => {
        if (m.error) return stop(new ArticleError(m.error.file, m.error.problem));
        for (const r of m.results ?? []) {
          const reading = fromStored(r.stored);
          if (!reading) return stop(new Error(`${files[r.index]}: the worker's reading does not decode`));
          articles[r.index] = r.article;
          readings[r.index] = reading;
          done++;
        }
        if (m.stats) stats[k] = m.stats;
        if (done === files.length) stop(null);
        else feed(w);
      });
      w.on('error', (e) => stop(e));
      w.on('exit', (code) => {
        if (!settled && code !== 0) stop(new Error(`a reading worker stopped (exit code ${code})`));
      });
      feed(w);
    }
  });
}
