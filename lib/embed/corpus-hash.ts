import { loadBrief } from '../brief';

let cached: string | null = null;

/**
 * A short hash of what the map draws (the corpus run through the pipeline), for data-corpus: a
 * screenshot check compares it to know whether a changed picture means changed data.
 */
export function corpusHash(): string {
  // (worked out when the brief is made, kept in its snapshot: at 100,000 articles the JSON alone took seconds)
  cached ??= loadBrief().collectionHash;
  return cached;
}
