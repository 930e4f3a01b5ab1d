/**
 * The areas places stand for — a country's outline, a province's polygon, a district's circle, a border's
 * line — and how far a point lies outside them. Placement uses it to keep an event inside every area its
 * text names; the scorer uses it to flag events drawn far outside all of them.
 */
import type { Geometry, Position } from 'geojson';
import { loadBorderData } from './border';
import { loadGazetteer } from '../geocode/gazetteer';
import { circlePolygon, distanceKm, inMultiPolygon, nearestVertexKm } from '../geocode/geometry';
import type { BriefCollection, EventFeature, LonLat, PlaceFeature } from '../types';

export type Area = { kind: 'polygons'; name: string; polys: Position[][][] } | { kind: 'lines'; name: string; lines: Position[][] };

/** What an area-like place needs to be drawn as an area. */
export interface AreaPlace {
  id: string;
  name: string;
  country: string;
  featureType: string;
  coordinates: LonLat;
  uncertainty?: Geometry | null;
}

/** Districts with no drawn area are taken as a circle of this radius around their seat. */
const DISTRICT_RADIUS_KM = 25;

let countries: Map<string, Position[][][]> | null = null;
function countryPolygons(): Map<string, Position[][][]> {
  countries ??= new Map(loadBorderData().countries.features.map((f) => [f.properties.iso2, f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates]));
  return countries;
}

/**
 * The area a place stands for, or null when it is a point (a town, a post).
 *
 * @example
 * areaOf({ id: 'adm1:TJ-KT', name: 'Khatlon', featureType: 'ADM1', … })?.kind // 'polygons'
 */
export function areaOf(p: AreaPlace): Area | null {
  const g = loadGazetteer();
  if (p.featureType === 'PCLI') {
    const polys = countryPolygons().get(p.country);
    return polys ? { kind: 'polygons', name: p.name, polys } : null;
  }
  if (p.featureType === 'ADM1') {
    const polys = g.shapes[p.id.replace(/^adm1:/, '')];
    return polys ? { kind: 'polygons', name: p.name, polys } : null;
  }
  if (p.featureType === 'ADM2') {
    const u = p.uncertainty;
    if (u?.type === 'Polygon') return { kind: 'polygons', name: p.name, polys: [u.coordinates] };
    if (u?.type === 'MultiPolygon') return { kind: 'polygons', name: p.name, polys: u.coordinates };
    return { kind: 'polygons', name: p.name, polys: [circlePolygon(p.coordinates, DISTRICT_RADIUS_KM).coordinates] };
  }
  if (p.featureType === 'BORDER') {
    const lines = g.borders[p.id.replace(/^border:/, '')];
    return lines ? { kind: 'lines', name: p.name, lines } : null;
  }
  return null;
}

/** Kilometres from `at` to the area: 0 inside a polygon, else to its nearest drawn vertex. */
export function kmOutside(at: Position, area: Area): number {
  if (area.kind === 'lines') return nearestVertexKm(area.lines, at);
  if (inMultiPolygon(at, area.polys)) return 0;
  return nearestVertexKm(area.polys.flat(), at);
}

/** Kilometres from `at` to the nearest of several areas (Infinity when there are none). */
export function kmOutsideAll(at: Position, areas: Area[]): number {
  return areas.reduce((best, a) => Math.min(best, kmOutside(at, a)), Infinity);
}

/** Events are flagged beyond this distance outside every area their article names. */
export const FAR_KM = 50;

/**
 * Events drawn more than 50 km outside every area (country, province, district, border) the articles
 * behind them name. An article that names no area gives nothing to check against.
 *
 * @example
 * farPlacements(collection, events) // [{ event: 'ev-…', location: 'Kabul', km: 310, areas: 'Khatlon, Tajikistan' }]
 */
export function farPlacements(collection: BriefCollection, events: EventFeature[]): { event: string; location: string; km: number; areas: string }[] {
  const places = collection.features.filter((f) => f.properties.kind === 'place') as PlaceFeature[];
  const out: { event: string; location: string; km: number; areas: string }[] = [];
  for (const e of events) {
    const articles = new Set(e.properties.sources.map((s) => s.article));
    const named = places.filter((p) => p.properties.mentions.some((m) => articles.has(m.article)));
    // A country's drawn outline is clipped to the map's box: membership is what the gazetteer says.
    if (named.some((p) => p.properties.featureType === 'PCLI' && p.properties.country === e.properties.country)) continue;
    const areas = named.map((p) => areaOf({ ...p.properties, coordinates: p.geometry.coordinates as LonLat })).filter((a): a is Area => a !== null);
    if (!areas.length) continue;
    const km = kmOutsideAll(e.geometry.coordinates, areas);
    if (km > FAR_KM) out.push({ event: e.properties.id, location: e.properties.location, km: Math.round(km), areas: areas.map((a) => a.name).join(', ') });
  }
  return out;
}


