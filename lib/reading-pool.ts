import fs from 'node:fs';
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
  /** The cache looked in first and filled with what the workers read; null reads every article again and writes nothing. */
  cache: ReadingCache | null;
  /** Corpus rules: a published date and a non-empty body required. */
  corpus?: boolean;
  /** Each file's cache key (lib/extract-cache `fileKey`) when known already: a hit then needs no reading of the file. */
  keys?: string[];
  /** Stops the work: the workers are terminated and the promise rejects. */
  signal?: AbortSignal;
}

export interface PoolResult {
  articles: Article[];
  readings: ArticleReading[];
  /** The cache's figures for this run (null without a cache). */
  stats: CacheStats | null;
}

/** Articles sent to a worker at a time. */
const BATCH = 32;
/** New cache entries written out once they pass this many characters (else a cold 100k run holds them all: 1.5 GB). */
const FLUSH_CHARS = 64_000_000;
/** Files looked up in the cache between two turns of the event loop (so workers' results are taken in meanwhile). */
const SCAN_CHUNK = 256;

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

interface Miss {
  index: number;
  file: string;
  text: string;
}

/**
 * Reads the files as articles with each one's reading. This thread reads every file and looks its text up
 * in the cache (a hit needs no parsing: see `fileKey` in lib/extract-cache); the misses go in batches to
 * worker threads, which parse and read them, and their readings are added to the cache, written once at the
 * end. The calling thread stays free to answer signals while the workers read. Results come back in the
 * order of `files`; the first bad file rejects with an ArticleError naming it.
 */
export function readFilesInParallel(files: string[], options: PoolOptions): Promise<PoolResult> {
  const maxJobs = Math.max(1, options.jobs ?? os.availableParallelism());
  const corpus = !!options.corpus;
  const cache = options.cache;
  const articles: Article[] = new Array(files.length);
  const readings: ArticleReading[] = new Array(files.length);
  const queue: Miss[] = [];
  const pending = new Map<number, Miss>(); // sent to a worker, not back yet
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  let scanned = 0;
  let done = 0;
  let settled = false;

  return new Promise<PoolResult>((resolve, reject) => {
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) return reject(error);
      cache?.flush();
      const seen = new Map<string, string>();
      try {
        for (const a of articles) checkUniqueId(a, seen);
      } catch (e) {
        return reject(e);
      }
      resolve({ articles, readings, stats: cache ? { ...cache.stats } : null });
    };
    const onAbort = () => stop(new Error('stopped'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);

    const finishIfDone = () => {
      if (done === files.length) stop(null);
    };
    const feed = (w: Worker) => {
      if (settled) return;
      if (queue.length === 0) return void idle.push(w);
      const batch = queue.splice(0, BATCH);
      for (const m of batch) pending.set(m.index, m);
      w.postMessage({ batch });
    };
    const startWorker = () => {
      const w = spawn({ corpus });
      workers.push(w);
      w.on('message', (m: { error?: { file: string; problem: string }; results?: Array<{ index: number; article: Article; stored: StoredReading }> }) => {
        if (m.error) return stop(new ArticleError(m.error.file, m.error.problem));
        for (const r of m.results ?? []) {
          const miss = pending.get(r.index)!;
          pending.delete(r.index);
          cache?.storeFile(miss.text, miss.file, r.article, r.stored); // before fromStored puts the geometries in
          const reading = fromStored(r.stored);
          if (!reading) return stop(new Error(`${files[r.index]}: the worker's reading does not decode`));
          articles[r.index] = r.article;
          readings[r.index] = reading;
          done++;
        }
        cache?.flushIfOver(FLUSH_CHARS);
        finishIfDone();
        feed(w);
      });
      w.on('error', (e) => stop(e));
      w.on('exit', (code) => {
        if (!settled && code !== 0) stop(new Error(`a reading worker stopped (exit code ${code})`));
      });
      feed(w);
    };
    const dispatch = () => {
      while (queue.length && idle.length) feed(idle.pop()!);
      // a worker per batch waiting, up to the number of jobs
      const wanted = Math.min(maxJobs, Math.ceil((queue.length + pending.size) / BATCH));
      while (queue.length && workers.length < wanted) startWorker();
    };

    // With the keys known, the files are looked up shard by shard, each shard released once done with, so that
    // one shard's text is in memory at a time; else in their order, each file read for its key.
    const keys = options.keys;
    const order = files.map((_, k) => k);
    if (keys) order.sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
    // Looks up the files in chunks, handing misses to the workers as they are found.
    const scan = () => {
      if (settled) return;
      const end = Math.min(files.length, scanned + SCAN_CHUNK);
      for (; scanned < end; scanned++) {
        const index = order[scanned];
        const file = files[index];
        const key = keys?.[index];
        let hit = cache && key ? cache.lookupKey(key, file, corpus) : null;
        const next = keys?.[order[scanned + 1]];
        if (cache && key && next?.slice(0, 2) !== key.slice(0, 2)) cache.release(key);
        if (hit) {
          articles[index] = hit.article;
          readings[index] = hit.reading;
          done++;
          continue;
        }
        let text: string;
        try {
          text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
        } catch (e) {
          return stop(new ArticleError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
        }
        if (!key) hit = cache?.lookupFile(text, file, corpus) ?? null;
        if (hit) {
          articles[index] = hit.article;
          readings[index] = hit.reading;
          done++;
        } else queue.push({ index, file, text });
      }
      dispatch();
      if (scanned < files.length) setImmediate(scan);
      else finishIfDone();
    };
    if (files.length === 0) return stop(null);
    scan();
  });
}
