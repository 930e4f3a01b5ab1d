// Runs in a worker thread (lib/api/off-thread.ts): one article through the pipeline, off the request thread.
import { parentPort } from 'node:worker_threads';
import { loadGazetteer } from '../geocode';
import { buildCollection } from '../pipeline';
import { presentBrief } from '../present';
import type { Article } from '../types';

const WARM_UP: Article = { id: 'warm-up', file: '(warm-up)', published: '2025-01-10', body: 'Two border guards were wounded on 8 January when gunmen fired on a post near Khorog.' };

// Warmed at start, not at the first article: the gazetteer loaded and every stage run once on a
// sentence of our own (lazy data, first compilations), a few seconds on a busy machine. A worker warmed
// ahead of the first request (off-thread.ts warmUp, called at server start) then answers it at once.
loadGazetteer();
presentBrief(buildCollection([WARM_UP]), [WARM_UP]);

parentPort!.on('message', (msg: { id: number; kind: 'extract' | 'analyze'; article: Article }) => {
  try {
    const collection = buildCollection([msg.article]);
    const body = msg.kind === 'analyze' ? { collection, view: presentBrief(collection, [msg.article]) } : collection;
    parentPort!.postMessage({ id: msg.id, ok: true, body });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
