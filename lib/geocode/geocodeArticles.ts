import type { Article, PlaceFeature } from '../types';
import { loadGazetteer, type LoadedGazetteer } from './gazetteer';
import { geocodeArticle } from './geocodeArticle';
import type { Candidate, ResolvedMention } from './types';

export interface GeocodedCorpus {
  /** One feature per gazetteer entry, with every mention of it across the articles. */
  places: PlaceFeature[];
  /** Mentions no place could be chosen for, each with its reason. */
  unresolved: ResolvedMention[];
  byArticle: Map<string, ResolvedMention[]>;
}

/**
 * Geocodes several articles and merges their places by gazetteer id. A place all of whose mentions use
 * its name for a government ("Dushanbe said") is marked `governmentOnly`.
 *
 * @example
 * const { places } = geocodeArticles(loadCorpus());
 * places.find((p) => p.properties.id === 'adm1:TJ-KT')?.properties.mentions.length // 2
 */
export function geocodeArticles(articles: Article[], gazetteer: LoadedGazetteer = loadGazetteer()): GeocodedCorpus {
  const byArticle = new Map<string, ResolvedMention[]>();
  for (const article of articles) byArticle.set(article.id, geocodeArticle(article, gazetteer));
  return collectPlaces(articles, byArticle);
}

/**
 * The places of several articles from each one's mentions (geocoded one article at a time: nothing here
 * changes a mention, so an article's mentions can be computed once and kept).
 */
export function collectPlaces(articles: Article[], byArticle: Map<string, ResolvedMention[]>): GeocodedCorpus {
  const unresolved: ResolvedMention[] = [];
  const byId = new Map<string, { feature: PlaceFeature; all: ResolvedMention[] }>();
  for (const article of articles) {
    const mentions = byArticle.get(article.id) ?? [];
    for (const m of mentions) {
      if (!m.place) {
        unresolved.push(m);
        continue;
      }
      let slot = byId.get(m.place.id);
      if (!slot) {
        const { coordinates, ...p } = m.place;
        slot = {
          feature: {
            type: 'Feature',
            geometry: { type: 'Point', coordinates },
            properties: { kind: 'place', ...p, uncertainty: p.uncertainty ?? null, mentions: [] },
          },
          all: [],
        };
        byId.set(m.place.id, slot);
      }
      slot.all.push(m);
      slot.feature.properties.mentions.push({
        article: m.article,
        start: m.start,
        end: m.end,
        text: m.text,
        ...(m.government ? { government: true } : {}),
        ...(m.adjective ? { adjective: true } : {}),
        ...(m.dateline ? { dateline: true } : {}),
      });
    }
  }
  const places = [...byId.values()].map(({ feature, all }) => {
    const candidates = new Map<string, Candidate>();
    for (const m of all) for (const c of m.candidates) if ((candidates.get(c.id)?.score ?? -Infinity) < c.score) candidates.set(c.id, c);
    const p = feature.properties;
    p.governmentOnly = all.every((m) => m.government);
    p.adjectiveOnly = all.every((m) => m.adjective);
    p.candidates = [...candidates.values()].sort((a, b) => b.score - a.score);
    p.evidence = [...new Set(all.map((m) => m.reason))];
    return feature;
  });
  return { places, unresolved, byArticle };
}
