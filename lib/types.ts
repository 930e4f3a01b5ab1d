/**
 * The shapes that flow between the pipeline stages and the map.
 * Coordinates are always GeoJSON order: [lon, lat].
 */
import type { Geometry, Point, Feature, FeatureCollection } from 'geojson';

export type LonLat = [number, number];

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

/** A quoted stretch of one article: always `article.body.slice(start, end) === text`. */
export interface Excerpt {
  start: number;
  end: number;
  text: string;
}

export interface Mention extends Excerpt {
  article: string;
}

/** ACLED geo_precision: 1 the named town itself, 2 near a town / part of a district, 3 a province or border area. */
export type GeoPrecision = 1 | 2 | 3;
/** ACLED time_precision: 1 day, 2 week or similar span, 3 month. */
export type TimePrecision = 1 | 2 | 3;

export interface PlaceProperties {
  kind: 'place';
  /** Stable id of the gazetteer entry, e.g. "gn:1221874" or "sup:istiqlol-border-post". */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  admin1: string | null;
  admin2?: string | null;
  featureType: string;
  geoPrecision: GeoPrecision;
  /** Area the place may be anywhere in, when it is not a point (district, stretch of border). */
  uncertainty?: Geometry | null;
  /** Plain words on how the place was located, e.g. "located through its district". */
  note?: string;
  /** True when every mention uses the name for a government ("Dushanbe said"): never an attack site. */
  governmentOnly?: boolean;
  mentions: Mention[];
  [key: string]: unknown;
}

export interface SourceRef {
  article: string;
  excerpts: Excerpt[];
}

export interface Claim<T> {
  value: T;
  article: string;
  excerpt?: Excerpt;
}

export interface Disagreement {
  field: string;
  claims: Claim<unknown>[];
}

export interface EventProperties {
  kind: 'event';
  id: string;
  date: string;
  dateEnd: string;
  timePrecision: TimePrecision;
  eventType: string;
  subEventType: string;
  fatalities: number | null;
  injured: number | null;
  location: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  geoPrecision: GeoPrecision;
  uncertainty?: Geometry | null;
  sources: SourceRef[];
  disagreements: Disagreement[];
  [key: string]: unknown;
}

export type PlaceFeature = Feature<Point, PlaceProperties>;
export type EventFeature = Feature<Point, EventProperties>;
export type BriefFeature = PlaceFeature | EventFeature;
export type BriefCollection = FeatureCollection<Point, PlaceProperties | EventProperties>;
