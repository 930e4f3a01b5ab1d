/**
 * The shapes that flow between the pipeline stages and the map: declared once, as schemas, in lib/schema.ts.
 * Coordinates are always GeoJSON order: [lon, lat].
 */
import type { Geometry, Point, Feature, FeatureCollection } from 'geojson';

export type {
  LonLat,
  GeoPrecision,
  TimePrecision,
  Excerpt,
  Mention,
  PlaceProperties,
  SourceRef,
  Claim,
  Disagreement,
  Victims,
  Aggregate,
  EventProperties,
} from './schema';
import type { PlaceProperties, EventProperties } from './schema';

/** One article of the corpus (or one pasted into /analyze). */
export interface Article {
  id: string;
  /** Where it came from, for error messages: a path, or "(pasted)". */
  file: string;
  /** YYYY-MM-DD; relative dates in the body resolve against it. */
  published?: string;
  publishedBasis?: string;
  title?: string;
  url?: string;
  source?: string;
  /** The text after the front matter, exactly as received. Offsets index this string. */
  body: string;
}

export type PlaceFeature = Feature<Point, PlaceProperties>;
export type EventFeature = Feature<Point, EventProperties>;
export type BriefFeature = PlaceFeature | EventFeature;
export type BriefCollection = FeatureCollection<Point, PlaceProperties | EventProperties>;
