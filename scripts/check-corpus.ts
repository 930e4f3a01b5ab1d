// Runs before `next build`: a damaged article stops the build with one clear line naming the file. The articles
// are read by a pool of worker threads (every core), each one's reading made or found in the extraction cache,
// so that the build's own loadBrief() finds them all there. GEOBRIEF_CACHE=off: checked, nothing cached.
import { corpusFiles } from '../lib/corpus';
import { corpusCache } from '../lib/extract-cache';
import { readFilesInParallel } from '../lib/reading-pool';

async function main(): Promise<void> {
  const t0 = performance.now();
  const cache = corpusCache();
  const { articles, stats } = await readFilesInParallel(corpusFiles(), { cache, corpus: true });
  const ids = articles.map((a) => a.id);
  console.log(`corpus: ${articles.length} articles OK (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … ${ids.length - 10} more` : ''})`);
  if (stats && cache) console.log(`extraction cache: ${stats.hits} readings found, ${stats.misses} made, ${stats.rejected} unusable entries rebuilt, in ${((performance.now() - t0) / 1000).toFixed(1)} s (${cache.dir})`);
}

main().catch((e: unknown) => {
  console.error(`corpus check failed: ${(e as Error).message}`);
  process.exit(1);
});
