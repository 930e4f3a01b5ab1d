import { collectionHash, corpusFingerprint, readKnownKeys, readSnapshot, snapshotExists, snapshotFile, writeKnownKeys, writeSnapshot, type BriefData } from './brief-snapshot';
import { corpusFiles } from './corpus';
import { corpusCache, type ReadingCache } from './extract-cache';
import { combineReadings, combineReadingsKept, readCorpus, type MergeState } from './pipeline';
import { presentBrief, type BriefView, type EventView } from './present';
import type { ArticleReading } from './extract-cache';
import type { Article } from './types';

export type Brief = BriefData;

/**
 * Kept on globalThis, not in a module variable: Next bundles the page and each route handler with their own
 * copy of this module, so a module variable ran the whole pipeline again for `/`, for the map data and for
 * the event details (at 10,000 articles each took over a minute, and the map never got its data in time).
 */
const holder = globalThis as typeof globalThis & { __geobriefBrief?: Brief };

/**
 * The corpus's brief, once per server process: read from the snapshot the build wrote (lib/brief-snapshot) when
 * the corpus and the code are what it was made from; else made from each article's reading (from the cache,
 * lib/extract-cache, when it is there) and the snapshot written for the next process.
 */
export function loadBrief(): Brief {
  if (holder.__geobriefBrief) return holder.__geobriefBrief;
  holder.__geobriefBrief = corpusBrief(corpusFiles(), corpusCache()).brief;
  return holder.__geobriefBrief;
}

/** Where a corpus's snapshot is, when a cache is used: the file and whether it exists. */
export function snapshotOf(files: string[], cache: ReadingCache | null): { file: string; exists: boolean; keys: string[] } | null {
  if (!cache) return null;
  const before = readKnownKeys(cache.dir, cache.version);
  const { keys, key, known, read } = corpusFingerprint(files, cache.version, before);
  if (read > 0 || known.size !== before.size) writeKnownKeys(cache.dir, cache.version, known);
  const file = snapshotFile(cache.dir, cache.version, key);
  return { file, exists: snapshotExists(file), keys };
}

/** The brief of the files, on this thread: from their snapshot, else made from the readings and kept. */
export function corpusBrief(files: string[], cache: ReadingCache | null): { brief: Brief; from: 'snapshot' | 'readings' } {
  const snapshot = snapshotOf(files, cache);
  const remake = () => {
    const { articles, readings } = readCorpus(files, cache);
    return briefFromReadings(articles, readings);
  };
  const kept = snapshot?.exists ? readSnapshot(snapshot.file, remake) : null;
  if (kept) return { brief: kept, from: 'snapshot' };
  const brief = remake();
  if (snapshot) writeSnapshot(snapshot.file, brief, snapshot.keys);
  return { brief, from: 'readings' };
}

/** Merges and presents the readings (same order as the articles). */
export function briefFromReadings(articles: Article[], readings: ArticleReading[]): Brief {
  return briefOf(articles, combineReadings(articles, readings));
}

const briefOf = (articles: Article[], collection: Brief['collection']): Brief => ({ articles, collection, view: presentBrief(collection, articles), collectionHash: collectionHash(collection) });

/**
 * {@link briefFromReadings}, with the merge's state for the next build. Given an earlier merge's state and the
 * articles changed since, only the groups those touch are merged again (lib/pipeline `combineReadingsKept`),
 * and with the earlier brief's view, only the events that changed are presented again: the same brief.
 */
export function briefAndMerge(
  articles: Article[],
  readings: ArticleReading[],
  previous: { state: MergeState; changed: Set<string>; view?: BriefView | null } | null,
): { brief: Brief; state: MergeState; presented: number } {
  const { collection, state, unchanged } = combineReadingsKept(articles, readings, previous);
  // an event's view depends on the event, its sources' articles and the order of the places (its excerpts'
  // highlights come in that order): an unchanged event's view is kept when the places that stay keep their order
  const before = new Map<string, EventView>();
  const places = collection.features.filter((f) => f.properties.kind === 'place').map((f) => f.properties.id as string);
  if (previous?.view && sameOrder(previous.view.places.map((p) => p.id), places)) for (const e of previous.view.events) if (unchanged.has(e.id)) before.set(e.id, e);
  const view = presentBrief(collection, articles, (id) => before.get(id));
  return { brief: { articles, collection, view, collectionHash: collectionHash(collection) }, state, presented: view.events.length - before.size };
}

/** Whether the ids two lists have in common come in the same order in both. */
function sameOrder(a: string[], b: string[]): boolean {
  const inA = new Set(a);
  const inB = new Set(b);
  const common = a.filter((x) => inB.has(x));
  const other = b.filter((x) => inA.has(x));
  return common.every((x, k) => other[k] === x);
}
