// Runs before `next build`: a damaged article stops the build with one clear line naming the file. The articles
// are read by a pool of worker threads (every core), each one's reading made or found in the extraction cache,
// then merged and presented once, and the brief kept as a snapshot (lib/brief-snapshot) that the server's first
// loadBrief() reads instead of doing it all again. A corpus whose snapshot exists already (same files, same code)
// was checked when it was made: nothing more to do. A corpus whose last snapshot was made by the same code merges
// incrementally: the articles added, removed or changed since regroup only the incidents they touch (lib/pipeline
// `combineReadingsKept`), and the other files' articles and readings are taken from the chunks the last snapshot
// kept (lib/brief-snapshot `readKeptReadings`), not from the extraction cache. GEOBRIEF_CACHE=off: checked, nothing cached.
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { briefAndMerge, snapshotOf } from '../lib/brief';
import { changedArticles, readKeptReadings, readMergeState, readSnapshot, writeMergeState, writeSnapshot } from '../lib/brief-snapshot';
import { checkUniqueId, corpusFiles, displayPath } from '../lib/corpus';
import { corpusCache, type ArticleReading, type ReadingCache } from '../lib/extract-cache';
import type { Article } from '../lib/types';
import { readFilesInParallel, type PoolProfile } from '../lib/reading-pool';

/** CPU seconds of this process so far, all threads (the wall time also counts other work sharing the cores). */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/**
 * Milliseconds this thread spent in garbage collection (V8's pauses, as perf_hooks reports them). The entries
 * arrive on a later turn of the event loop: {@link gcSoFar} yields for them before the figure is printed.
 */
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });

async function gcSoFar(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return gcMs;
}

/** The pool's figures as one line: where the reading of the misses went. */
function poolLine(p: PoolProfile, gc: number): string {
  const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
  return (
    `workers: ${p.workers}, started in ${s(p.workerStartMs)} (summed), busy ${s(p.workerBusyMs)}, CPU ${s(p.workerCpuMs)}; ` +
    `this thread: CPU ${s(p.threadCpuMs)} — files looked up and read ${s(p.scanMs)}, results taken in ${s(p.receiveMs)}, cache written ${s(p.flushMs)}, garbage collection ${s(gc)} (whole run so far)`
  );
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const cpu0 = cpuSeconds();
  const cache = corpusCache();
  const files = corpusFiles();
  const snapshot = snapshotOf(files, cache);
  if (snapshot?.exists) {
    console.log(`corpus: ${files.length} articles, unchanged since their brief was made (${snapshot.file}), in ${seconds(t0)}`);
    return;
  }
  // The last snapshot's merge state, and the articles and readings its chunks keep: only the files it does not
  // have (added or changed) are looked up in the extraction cache or read.
  const kept = snapshot && readMergeState(path.dirname(snapshot.file));
  const previous = kept && readKeptReadings(kept.snapshot, kept.keys);
  const tKept = performance.now();
  const { articles, readings, stats, reused, profile } = await readCorpusFiles(files, cache, snapshot?.keys, previous);
  const ids = articles.map((a) => a.id);
  console.log(`corpus: ${articles.length} articles OK (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … ${ids.length - 10} more` : ''})`);
  if (stats && cache)
    console.log(`extraction cache: ${reused} readings kept with the last brief, ${stats.hits} found in the cache, ${stats.misses} made, ${stats.rejected} unusable entries rebuilt, in ${seconds(t0)} (${cache.dir})`);
  if (profile.workers) console.log(poolLine(profile, await gcSoFar()));
  if (!snapshot) return;
  const t1 = performance.now();
  const changed = kept && changedArticles(kept, snapshot.keys, ids);
  // the last brief's view (its events' views are kept where the event is the same); gone or damaged: none
  const view = changed ? readSnapshot(kept.snapshot, () => null as never)?.view : null;
  const t2 = performance.now();
  const { brief, state, presented } = briefAndMerge(articles, readings, kept && changed ? { state: kept.state, changed, view } : null);
  const t3 = performance.now();
  writeMergeState(snapshot.file, { keys: snapshot.keys, ids, state }); // (when it cannot, the next build merges from scratch)
  const t4 = performance.now();
  const written = writeSnapshot(snapshot.file, brief, snapshot.keys, readings);
  const gc = await gcSoFar();
  const how = changed ? `incrementally (${changed.size} articles added, removed or changed; ${presented} events presented again)` : 'from scratch';
  const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`;
  console.log(
    `brief: ${brief.view.events.length} events merged ${how}${written ? '' : '; could not be kept (the server will make it again)'}; ${seconds(t0)} in all (CPU ${(cpuSeconds() - cpu0).toFixed(1)} s): ` +
      `fingerprint and last merge's state and readings ${s(t0, tKept)}, the other readings ${s(tKept, t1)}, last view read ${s(t1, t2)}, merged and presented ${s(t2, t3)}, state written ${s(t3, t4)}, snapshot written ${seconds(t4)}; ` +
      `garbage collection ${(gc / 1000).toFixed(1)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  );
}

/**
 * The files' articles and readings: those the last snapshot kept (`previous`, by key and display path) as they
 * are, the others from the extraction cache or read by the pool of workers; ids checked unique over all.
 */
async function readCorpusFiles(files: string[], cache: ReadingCache | null, keys: string[] | undefined, previous: ReturnType<typeof readKeptReadings>) {
  if (!previous || !keys) return { ...(await readFilesInParallel(files, { cache, corpus: true, keys })), reused: 0 };
  const articles: Article[] = new Array(files.length);
  const readings: ArticleReading[] = new Array(files.length);
  const missing: number[] = [];
  files.forEach((file, i) => {
    const found = previous.get(`${keys[i]}\t${displayPath(file)}`);
    if (!found) return void missing.push(i);
    articles[i] = found.article;
    readings[i] = found.reading;
  });
  const rest = await readFilesInParallel(
    missing.map((i) => files[i]),
    { cache, corpus: true, keys: missing.map((i) => keys[i]) },
  );
  missing.forEach((i, k) => {
    articles[i] = rest.articles[k];
    readings[i] = rest.readings[k];
  });
  const seen = new Map<string, string>();
  for (const a of articles) checkUniqueId(a, seen);
  return { articles, readings, stats: rest.stats, reused: files.length - missing.length, profile: rest.profile };
}

main().then(() => gcObserver.disconnect(), (e: unknown) => {
  console.error(`corpus check failed: ${(e as Error).message}`);
  process.exit(1);
});
