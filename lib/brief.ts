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

let cached: Brief | null = null;

/**
 * The corpus run through the whole pipeline, once per server process (pages are prerendered at build).
 * Each article's reading comes from the cache (lib/extract-cache) when it is there: a build after adding one
 * article re-reads that article only.
 */
export function loadBrief(): Brief {
  if (cached) return cached;
  const { articles, readings } = readCorpus(corpusFiles(), corpusCache());
  const collection = combineReadings(articles, readings);
  cached = { articles, collection, view: presentBrief(collection, articles) };
  return cached;
}
