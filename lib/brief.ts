import { corpusFiles } from './corpus';
import { corpusCache } from './extract-cache';
import { combineReadings, readCorpus } from './pipeline';
import { presentBrief, type BriefView } from './present';
import type { Article, BriefCollection } from './types';

export interface Brief {
  articles: Article[];
  collection: BriefCollection;
  view: BriefView;
}

/**
 * Kept on globalThis, not in a module variable: Next bundles the page and each route handler with their own
 * copy of this module, so a module variable ran the whole pipeline again for `/`, for the map data and for
 * the event details (at 10,000 articles each took over a minute, and the map never got its data in time).
 */
const holder = globalThis as typeof globalThis & { __geobriefBrief?: Brief };

/**
 * The corpus run through the whole pipeline, once per server process (pages are prerendered at build).
 * Each article's reading comes from the cache (lib/extract-cache) when it is there: a build after adding one
 * article re-reads that article only.
 */
export function loadBrief(): Brief {
  if (holder.__geobriefBrief) return holder.__geobriefBrief;
  const { articles, readings } = readCorpus(corpusFiles(), corpusCache());
  const collection = combineReadings(articles, readings);
  holder.__geobriefBrief = { articles, collection, view: presentBrief(collection, articles) };
  return holder.__geobriefBrief;
}
