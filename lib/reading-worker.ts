// Runs in a worker thread (lib/reading-pool.ts): parses articles from the text of their files and makes each
// one's reading, sent back with the article in packed form (its stored form's JSON text) (the calling thread keeps them in the cache).
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleError } from './article';
import { articleFromText } from './corpus';
import { packReading, readArticle } from './extract-cache';
import { loadGazetteer } from './geocode';
import { threadCpuMs } from './thread-cpu';

const { corpus } = workerData as { corpus: boolean };
const gazetteer = loadGazetteer();
/** From this worker's creation (its time origin) to the pipeline loaded: reported with every batch. */
const startMs = performance.now();

parentPort!.on('message', (msg: { batch: Array<{ index: number; file: string; text: string }> }) => {
  const t0 = performance.now();
  const results = [];
  for (const { index, file, text } of msg.batch) {
    try {
      const article = articleFromText(text, file, { corpus });
      results.push({ index, article, packed: packReading(readArticle(article, gazetteer)) });
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof ArticleError ? { file: e.file, problem: e.problem } : { file, problem: e instanceof Error ? e.message : String(e) } });
      return;
    }
  }
  parentPort!.postMessage({ results, startMs, busyMs: performance.now() - t0, cpuMs: threadCpuMs() });
});
