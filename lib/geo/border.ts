import fs from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '../types';

export interface BorderRelation {
  /** Kilometres from the point to the nearest point of the Tajik–Afghan border. */
  distanceKm: number;
  /** ISO alpha-2 of the country the point lies in, or null when outside every drawn country. */
  side: string | null;
  sideName: string | null;
}

interface BorderData {
  border: Feature<MultiLineString>;
  countries: FeatureCollection<Polygon | MultiPolygon, { iso2: string; name: string }>;
}

let cached: BorderData | null = null;

export function loadBorderData(): BorderData {
  if (cached) return cached;
  const dir = path.join(process.cwd(), 'data', 'basemap');
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  cached = { border: read('border.geojson').features[0], countries: read('countries.geojson') };
  return cached;
}

/**
 * How a point relates to the Tajik–Afghan border: distance to it and which side it is on.
 *
 * @example
 * borderRelation([70.0486, 37.8414]) // Shuroobod: { distanceKm: ~12, side: 'TJ', sideName: 'Tajikistan' }
 */
export function borderRelation(at: LonLat): BorderRelation {
  // Events sit on a few hundred distinct points (gazetteer places, border stretches) however many there are,
  // and each look-up walks the whole border line: kept by point.
  const key = `${at[0]},${at[1]}`;
  let known = relations.get(key);
  if (!known) {
    if (relations.size >= MAX_RELATIONS) relations.clear();
    relations.set(key, (known = computeBorderRelation(at)));
  }
  return { ...known };
}

const relations = new Map<string, BorderRelation>();
const MAX_RELATIONS = 50_000;

function computeBorderRelation(at: LonLat): BorderRelation {
  const { border, countries } = loadBorderData();
  const p = point(at);
  const nearest = nearestPointOnLine(border, p, { units: 'kilometers' });
  const country = countries.features.find((f) => booleanPointInPolygon(p, f));
  return {
    distanceKm: Math.round((nearest.properties.dist ?? 0) * 10) / 10,
    side: country?.properties.iso2 ?? null,
    sideName: country?.properties.name ?? null,
  };
}
