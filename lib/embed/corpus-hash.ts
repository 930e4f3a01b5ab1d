import { createHash } from 'node:crypto';
import { loadBrief } from '../brief';

let cached: string | null = null;

/**
 * A short hash of what the map draws (the corpus run through the pipeline), for data-corpus: a
 * screenshot check compares it to know whether a changed picture means changed data.
 */
export function corpusHash(): string {
  cached ??= createHash('sha256').update(JSON.stringify(loadBrief().collection)).digest('hex').slice(0, 16);
  return cached;
}
