import type { FeatureCollection, Point } from 'geojson';
import type { EventFeature, EventProperties } from '../types';
import type { ExportRow } from './acled';
import { ATTRIBUTION_TEXT } from './attribution';

/**
 * The events as an RFC 7946 FeatureCollection: the pipeline's own event features (every property,
 * the uncertainty geometry and the excerpts' offsets) with the permalink added. Coordinates are WGS 84
 * [lon, lat]; `attribution` is a foreign member, which RFC 7946 allows.
 *
 * @example
 * eventsGeoJson(features, rows).features[0].properties.permalink // "https://…/events/ev-…"
 */
export function eventsGeoJson(features: EventFeature[], rows: ExportRow[]): FeatureCollection<Point, EventProperties & { permalink: string }> & { attribution: string } {
  return {
    type: 'FeatureCollection',
    attribution: ATTRIBUTION_TEXT,
    features: features.map((f, i) => ({
      type: 'Feature',
      id: f.properties.id,
      geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
      properties: { ...f.properties, permalink: String(rows[i].permalink) },
    })),
  };
}
