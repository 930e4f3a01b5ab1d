// Runs in a worker thread (lib/reading-pool.ts): reads articles from files, each one's reading from the
// cache or made now (and stored), and sends back the article and its reading in stored form.
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleError } from './article';
import { readArticleFile } from './corpus';
import { ReadingCache, readArticle, toStored } from './extract-cache';
import { loadGazetteer } from './geocode';

const { cacheDir, version, corpus } = workerData as { cacheDir: string | null; version: string; corpus: boolean };
const cache = cacheDir ? new ReadingCache(cacheDir, version) : null;
// loaded on the first article not in the cache (a warm run never needs it)
let gazetteer: ReturnType<typeof loadGazetteer> | null = null;
const g = () => (gazetteer ??= loadGazetteer());

parentPort!.on('message', (msg: { batch: Array<{ index: number; file: string }> }) => {
  const results = [];
  for (const { index, file } of msg.batch) {
    try {
      const article = readArticleFile(file, { corpus });
      const stored = cache ? cache.readStored(article, g) : toStored(readArticle(article, g()));
      results.push({ index, article, stored });
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof ArticleError ? { file: e.file, problem: e.problem } : { file, problem: e instanceof Error ? e.message : String(e) } });
      return;
    }
  }
  parentPort!.postMessage({ results, stats: cache?.stats ?? null });
});
