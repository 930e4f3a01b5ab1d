import { extractEvents } from './events';
import { geocodeArticles, loadGazetteer } from './geocode';
import type { Article, BriefCollection } from './types';

/**
 * Turns articles into the brief's GeoJSON (RFC 7946): one Point feature per place and one per attack event,
 * with the mentions that could not be placed in the foreign member `unresolved` and the events nothing
 * located in `unlocatedEvents` (kept with their reason, never drawn at a made-up point).
 *
 * @example
 * buildCollection([{ id: 'a', file: 'a.md', body: 'Shots in Kulob.' }]).features[0].properties.name // 'Kŭlob'
 */
export function buildCollection(articles: Article[]): BriefCollection {
  const gazetteer = loadGazetteer();
  const { places, unresolved, byArticle } = geocodeArticles(articles, gazetteer);
  const events = extractEvents(articles, byArticle, { borders: gazetteer.borders });
  const located = events.filter((e) => e.properties.placeId !== null);
  const unlocatedEvents = events.filter((e) => e.properties.placeId === null);
  return { type: 'FeatureCollection', features: [...places, ...located], unresolved, unlocatedEvents } as BriefCollection;
}
