// Runs before `next build`: a damaged article stops the build with one clear line naming the file. The articles
// are read by a pool of worker threads (every core), each one's reading made or found in the extraction cache,
// then merged and presented once, and the brief kept as a snapshot (lib/brief-snapshot) that the server's first
// loadBrief() reads instead of doing it all again. A corpus whose snapshot exists already (same files, same code)
// was checked when it was made: nothing more to do. A corpus whose last snapshot was made by the same code merges
// incrementally: the articles added, removed or changed since regroup only the incidents they touch (lib/pipeline
// `combineReadingsKept`). GEOBRIEF_CACHE=off: checked, nothing cached.
import path from 'node:path';
import { briefAndMerge, snapshotOf } from '../lib/brief';
import { changedArticles, readMergeState, readSnapshot, writeMergeState, writeSnapshot } from '../lib/brief-snapshot';
import { corpusFiles } from '../lib/corpus';
import { corpusCache } from '../lib/extract-cache';
import { readFilesInParallel } from '../lib/reading-pool';

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const cache = corpusCache();
  const files = corpusFiles();
  const snapshot = snapshotOf(files, cache);
  if (snapshot?.exists) {
    console.log(`corpus: ${files.length} articles, unchanged since their brief was made (${snapshot.file}), in ${seconds(t0)}`);
    return;
  }
  const { articles, readings, stats } = await readFilesInParallel(files, { cache, corpus: true, keys: snapshot?.keys });
  const ids = articles.map((a) => a.id);
  console.log(`corpus: ${articles.length} articles OK (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … ${ids.length - 10} more` : ''})`);
  if (stats && cache) console.log(`extraction cache: ${stats.hits} readings found, ${stats.misses} made, ${stats.rejected} unusable entries rebuilt, in ${seconds(t0)} (${cache.dir})`);
  if (!snapshot) return;
  const t1 = performance.now();
  const kept = readMergeState(path.dirname(snapshot.file));
  const changed = kept && changedArticles(kept, snapshot.keys, ids);
  // the last brief's view (its events' views are kept where the event is the same); gone or damaged: none
  const view = changed ? readSnapshot(kept.snapshot, () => null as never)?.view : null;
  const t2 = performance.now();
  const { brief, state, presented } = briefAndMerge(articles, readings, kept && changed ? { state: kept.state, changed, view } : null);
  const t3 = performance.now();
  writeMergeState(snapshot.file, { keys: snapshot.keys, ids, state }); // (when it cannot, the next build merges from scratch)
  const written = writeSnapshot(snapshot.file, brief);
  const how = changed
    ? `incrementally (${changed.size} articles added, removed or changed; ${presented} events presented again; last merge's state and view read in ${((t2 - t1) / 1000).toFixed(1)} s)`
    : 'from scratch';
  console.log(`brief: ${brief.view.events.length} events merged ${how} and presented in ${((t3 - t2) / 1000).toFixed(1)} s, ${written ? `kept for the server in ${seconds(t3)}` : 'could not be kept (the server will make it again)'}; ${seconds(t0)} in all`);
}

main().catch((e: unknown) => {
  console.error(`corpus check failed: ${(e as Error).message}`);
  process.exit(1);
});
