import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkUniqueId } from './corpus';
import { threadCpuMs } from './thread-cpu';
import { ArticleError } from './article';
import { unpackReading, type ArticleReading, type CacheStats, type PackedReading, type ReadingCache } from './extract-cache';
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
  /** Where the run's time went (see {@link PoolProfile}). */
  profile: PoolProfile;
}

/**
 * Where a run's time went, in milliseconds: what the workers did (summed over them) and what this thread did
 * for them. CPU figures are the threads' own (Linux's /proc/thread-self; null elsewhere): unlike wall time,
 * they do not grow when other work shares the cores.
 */
export interface PoolProfile {
  workers: number;
  /** From a worker's creation to its gazetteer loaded (tsx and the pipeline's modules), summed. */
  workerStartMs: number;
  /** Inside the workers' message handlers (parse, read, stored form), summed. */
  workerBusyMs: number;
  /** The workers' threads' CPU, summed (start-up included). */
  workerCpuMs: number | null;
  /** This thread: looking files up and reading the misses' text. */
  scanMs: number;
  /** This thread: taking the workers' results in (cache entry, geometries put back). */
  receiveMs: number;
  /** This thread: writing new cache entries out (gzip, append). */
  flushMs: number;
  /** This thread's CPU over the run (null where it cannot be read). */
  threadCpuMs: number | null;
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

/** What a worker sends back (lib/reading-worker.ts): a batch's results, or the first bad file's error. */
interface WorkerMessage {
  error?: { file: string; problem: string };
  results?: Array<{ index: number; article: Article; packed: PackedReading }>;
  /** Milliseconds from the worker's creation to its pipeline loaded. */
  startMs: number;
  /** Milliseconds spent on this batch. */
  busyMs: number;
  /** The worker thread's CPU so far (lib/thread-cpu). */
  cpuMs: number | null;
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
  const profile: PoolProfile = { workers: 0, workerStartMs: 0, workerBusyMs: 0, workerCpuMs: null, scanMs: 0, receiveMs: 0, flushMs: 0, threadCpuMs: null };
  const cpuAtStart = threadCpuMs();
  /** Each worker's start-up and its thread's CPU, as it last reported them. */
  const reported = new Map<Worker, { startMs: number; cpuMs: number | null }>();
  const timed = (what: 'scanMs' | 'receiveMs' | 'flushMs', f: () => void) => {
    const t = performance.now();
    f();
    profile[what] += performance.now() - t;
  };

  return new Promise<PoolResult>((resolve, reject) => {
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) return reject(error);
      if (cache) timed('flushMs', () => cache.flush());
      const cpuNow = threadCpuMs();
      profile.threadCpuMs = cpuNow !== null && cpuAtStart !== null ? cpuNow - cpuAtStart : null;
      profile.workers = workers.length;
      for (const r of reported.values()) {
        profile.workerStartMs += r.startMs;
        profile.workerCpuMs = r.cpuMs === null ? null : (profile.workerCpuMs ?? 0) + r.cpuMs;
      }
      const seen = new Map<string, string>();
      try {
        for (const a of articles) checkUniqueId(a, seen);
      } catch (e) {
        return reject(e);
      }
      resolve({ articles, readings, stats: cache ? { ...cache.stats } : null, profile });
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
      w.on('message', (m: WorkerMessage) => {
        if (m.error) return stop(new ArticleError(m.error.file, m.error.problem));
        reported.set(w, { startMs: m.startMs, cpuMs: m.cpuMs });
        profile.workerBusyMs += m.busyMs;
        let broken: string | null = null;
        timed('receiveMs', () => {
          for (const r of m.results ?? []) {
            const miss = pending.get(r.index)!;
            pending.delete(r.index);
            cache?.storeFilePacked(miss.text, miss.file, r.article, r.packed);
            const reading = unpackReading(r.packed);
            if (!reading) return void (broken = files[r.index]);
            articles[r.index] = r.article;
            readings[r.index] = reading;
            done++;
          }
        });
        if (broken) return stop(new Error(`${broken}: the worker's reading does not decode`));
        if (cache) timed('flushMs', () => cache.flushIfOver(FLUSH_CHARS));
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
      const t = performance.now();
      scanSome();
      profile.scanMs += performance.now() - t;
      if (settled) return;
      dispatch();
      if (scanned < files.length) setImmediate(scan);
      else finishIfDone();
    };
    const scanSome = () => {
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
    };
    if (files.length === 0) return stop(null);
    scan();
  });
}
