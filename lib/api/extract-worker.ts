// Runs in a worker thread (lib/api/off-thread.ts): one article through the pipeline, off the request thread.
import { parentPort } from 'node:worker_threads';
import { loadGazetteer } from '../geocode';
import { buildCollection } from '../pipeline';
import { presentBrief } from '../present';
import type { Article } from '../types';

// Loaded at start (a few seconds on a busy machine), not at the first article: a worker warmed up
// ahead of the first request (off-thread.ts warmUp) then answers it at once.
loadGazetteer();

parentPort!.on('message', (msg: { id: number; kind: 'extract' | 'analyze'; article: Article }) => {
  try {
    const collection = buildCollection([msg.article]);
    const body = msg.kind === 'analyze' ? { collection, view: presentBrief(collection, [msg.article]) } : collection;
    parentPort!.postMessage({ id: msg.id, ok: true, body });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
