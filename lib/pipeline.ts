import { geocodeArticles } from './geocode';
import type { Article, BriefCollection } from './types';

/**
 * Turns articles into the brief's GeoJSON (RFC 7946): for now one Point feature per place, with the
 * mentions that could not be placed in the foreign member `unresolved`.
 *
 * @example
 * buildCollection([{ id: 'a', file: 'a.md', body: 'Shots in Kulob.' }]).features[0].properties.name // 'Kŭlob'
 */
export function buildCollection(articles: Article[]): BriefCollection {
  const { places, unresolved } = geocodeArticles(articles);
  return { type: 'FeatureCollection', features: places, unresolved } as BriefCollection;
}
