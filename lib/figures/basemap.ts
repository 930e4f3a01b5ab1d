import { rewind, simplify } from '@turf/turf';
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { readBasemapLayer } from '../basemap';

/** The map's own basemap layers, as the figure draws them. */
export interface FigureBasemap {
  countries: FeatureCollection<Polygon | MultiPolygon, { iso2: string; name: string; label: [number, number] }>;
  admin1: FeatureCollection<Polygon | MultiPolygon, { iso: string; country: string; name: string; label: [number, number] | null }>;
  border: FeatureCollection<MultiLineString>;
  towns: FeatureCollection<Point, { name: string; country: string; rank: number; population: number }>;
}

let cached: FigureBasemap | null = null;

/**
 * The same GeoJSON the map draws. d3-geo takes a polygon's winding to tell inside from outside and
 * wants the opposite of RFC 7946's, so polygons are rewound once here (else each would fill the globe).
 */
export function loadFigureBasemap(): FigureBasemap {
  if (cached) return cached;
  const read = (layer: 'countries' | 'admin1' | 'border' | 'towns') => JSON.parse(readBasemapLayer(layer));
  const polygons = (fc: FeatureCollection) => rewind(fc, { reverse: true, mutate: true });
  cached = {
    countries: polygons(read('countries')) as FigureBasemap['countries'],
    admin1: polygons(read('admin1')) as FigureBasemap['admin1'],
    border: read('border'),
    towns: read('towns'),
  };
  return cached;
}

const simplified = new Map<string, FigureBasemap>();

/**
 * The basemap with detail below `toleranceDeg` removed (Douglas–Peucker): at a figure's scale the
 * 50 m source detail is invisible and only makes the SVG heavy. Cached per tolerance.
 */
export function simplifyBasemap(b: FigureBasemap, toleranceDeg: number): FigureBasemap {
  const tol = Number(toleranceDeg.toPrecision(1));
  const key = `${tol}`;
  const hit = simplified.get(key);
  if (hit) return hit;
  const out: FigureBasemap = {
    countries: simplify(b.countries, { tolerance: tol, highQuality: false }),
    admin1: simplify(b.admin1, { tolerance: tol, highQuality: false }),
    border: simplify(b.border, { tolerance: tol, highQuality: false }),
    towns: b.towns,
  };
  simplified.set(key, out);
  return out;
}
