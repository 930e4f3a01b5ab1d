import { extractEvents } from './events';
import { geocodeArticles, loadGazetteer, provincePlace } from './geocode';
import { isIsoDate } from './article';
import type { Article, BriefCollection } from './types';

/**
 * Turns articles into the brief's GeoJSON (RFC 7946): one Point feature per place and one per attack event,
 * with the mentions that could not be placed in the foreign member `unresolved` and the events nothing
 * located in `unlocatedEvents` (kept with their reason, never drawn at a made-up point). Events no date
 * could be given to (a relative date in an article with no published date) go to `undatedEvents`:
 * an event feature's `date` is always a real YYYY-MM-DD.
 *
 * @example
 * buildCollection([{ id: 'a', file: 'a.md', body: 'Shots in Kulob.' }]).features[0].properties.name // 'Kŭlob'
 */
export function buildCollection(articles: Article[]): BriefCollection {
  const gazetteer = loadGazetteer();
  const { places, unresolved, byArticle } = geocodeArticles(articles, gazetteer);
  const events = extractEvents(articles, byArticle, { borders: gazetteer.borders, provinceOf: (iso) => provincePlace(gazetteer, iso) });
  const located = events.filter((e) => e.properties.placeId !== null);
  const unlocatedEvents = events.filter((e) => e.properties.placeId === null);
  const dated = located.filter((e) => isIsoDate(e.properties.date));
  const undatedEvents = located.filter((e) => !isIsoDate(e.properties.date));
  return { type: 'FeatureCollection', features: [...places, ...dated], unresolved, unlocatedEvents, undatedEvents } as BriefCollection;
}
