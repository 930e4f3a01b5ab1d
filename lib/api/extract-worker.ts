// Runs in a worker thread (lib/api/off-thread.ts): one article through the pipeline, off the request thread.
import { parentPort } from 'node:worker_threads';
import { buildCollection } from '../pipeline';
import { presentBrief } from '../present';
import type { Article } from '../types';

parentPort!.on('message', (msg: { id: number; kind: 'extract' | 'analyze'; article: Article }) => {
  try {
    const collection = buildCollection([msg.article]);
    const body = msg.kind === 'analyze' ? { collection, view: presentBrief(collection, [msg.article]) } : collection;
    parentPort!.postMessage({ id: msg.id, ok: true, body });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
