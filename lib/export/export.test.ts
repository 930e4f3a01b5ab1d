import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import { loadBrief } from '../brief';
import { parseBriefState } from '../state/brief-state';
import { hostileBrief } from '../figures/test/helpers';
import { ACLED_COLUMNS, EXPORT_COLUMNS, middleDay } from './acled';
import { exportEvents } from './index';
import { selectEvents } from './select';
import { runIsolated } from '../figures/test/run';

const BASE = 'https://brief.example';

/** Validates with check-geojson (throws on any RFC 7946 violation) and expects a FeatureCollection. */
function check(text: string): FeatureCollection {
  const g = checkGeoJson(text);
  assert.equal(g.type, 'FeatureCollection');
  return g as FeatureCollection;
}

function corpus(query = '') {
  const { view, collection, articles } = loadBrief();
  const sel = selectEvents(view.events, parseBriefState(new URLSearchParams(query)), 'shown');
  assert.ok(sel.ok);
  return { events: sel.value, collection, articles, all: (f: 'csv' | 'kml' | 'geojson') => exportEvents(f, sel.value, collection, articles, BASE) };
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, skip_empty_lines: true });
}

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(text, 'text/xml');
  return { doc, errors };
}

test('CSV: UTF-8 with a BOM, CRLF, ACLED’s 31 columns in order then ours, one row per event, read back by a real parser', () => {
  const { events, all } = corpus();
  const text = all('csv');
  assert.ok(text.startsWith('\uFEFFevent_id_cnty,event_date,year,'));
  assert.ok(text.includes('\r\n'));
  assert.ok(!/[^\r]\n(?=ev-)/.test(text), 'records end in CRLF');
  const header = text.slice(1, text.indexOf('\r\n')).split(',');
  assert.deepEqual(header.slice(0, 31), [...ACLED_COLUMNS]);
  assert.deepEqual(header.slice(31), ['date_start', 'date_end', 'injured', 'uncertainty', 'permalink', 'excerpts']);
  const rows = parseCsv(text);
  assert.equal(rows.length, events.length);
  const drone = rows.find((r) => r.event_id_cnty === 'ev-2025-11-26-09d30c07')!;
  assert.equal(drone.event_date, '2025-11-26');
  assert.equal(drone.event_type, 'Explosions/Remote violence');
  assert.equal(drone.sub_event_type, 'Air/drone strike');
  assert.equal(drone.country, 'Tajikistan');
  assert.equal(drone.iso, '762');
  assert.equal(drone.fatalities, '3');
  assert.equal(drone.injured, '1');
  assert.equal(drone.geo_precision, '2');
  assert.equal(drone.location, 'Istiqlol border post');
  assert.equal(drone.permalink, `${BASE}/events/ev-2025-11-26-09d30c07`);
  assert.match(drone.excerpts, /drone/);
  assert.match(drone.uncertainty, /km of the Tajik–Afghan border/);
  // what no source gives stays empty
  for (const c of ['actor1', 'inter1', 'actor2', 'inter2', 'interaction', 'admin3', 'source_scale', 'tags', 'source']) assert.equal(drone[c], '', c);
  // a month-only event is dated by the middle of its month, as ACLED does, with the span alongside
  const month = rows.find((r) => r.time_precision === '3')!;
  assert.equal(month.event_date, middleDay(month.date_start, month.date_end));
  // numbers are written as numbers (never quoted)
  assert.match(text, /,37\.8414,70\.0487,2,/);
});

test('CSV follows the filters of the map URL', () => {
  const rows = parseCsv(corpus('types=Battles').all('csv'));
  assert.ok(rows.length >= 1);
  assert.ok(rows.every((r) => r.event_type === 'Battles'));
});

test('KML reads back with @tmcw/togeojson: a placemark per event with its time span, style and ACLED data; areas apart', () => {
  const { events, all } = corpus();
  const text = all('kml');
  const { doc, errors } = parseXml(text);
  assert.deepEqual(errors, []);
  const fc = kmlToGeoJson(doc as unknown as Document);
  const points = fc.features.filter((f) => f.geometry?.type === 'Point');
  assert.equal(points.length, events.length);
  const drone = points.find((f) => f.properties?.event_id_cnty === 'ev-2025-11-26-09d30c07')!;
  assert.deepEqual(drone.geometry, { type: 'Point', coordinates: [70.04865, 37.84137] });
  assert.deepEqual(drone.properties?.timespan, { begin: '2025-11-26', end: '2025-11-26' });
  assert.equal(drone.properties?.styleUrl, '#type-explosions-remote-violence');
  assert.equal(drone.properties?.fatalities, '3');
  assert.match(String(drone.properties?.description), /drone/);
  assert.ok(fc.features.some((f) => f.geometry?.type === 'MultiLineString' || f.geometry?.type === 'LineString' || f.geometry?.type === 'GeometryCollection'));
  assert.equal(doc.getElementsByTagName('Style').length, 5);
});

test('GeoJSON is valid RFC 7946 (check-geojson) with every event, its evidence and permalink', () => {
  const { events, all } = corpus();
  const text = all('geojson');
  const fc = check(text);
  assert.equal(fc.features.length, events.length);
  const f = fc.features[0];
  assert.equal(f.geometry?.type, 'Point');
  assert.equal(typeof f.properties?.permalink, 'string');
  assert.ok(Array.isArray(f.properties?.sources));
});

test('hostile article text and outlet come out inert in CSV, KML and GeoJSON', () => {
  const { view, collection, articles } = hostileBrief();
  assert.ok(view.events.length >= 1);
  const csv = exportEvents('csv', view.events, collection, articles, BASE);
  const rows = parseCsv(csv);
  for (const row of rows) {
    for (const c of EXPORT_COLUMNS) assert.doesNotMatch(row[c], /^[=+\-@\t\r]/, `${c} starts like a formula: ${row[c]}`);
  }
  assert.equal(rows[0].source, `'=HYPERLINK("http://evil.example","x")`);
  assert.match(rows[0].excerpts, /<script>alert\(1\)<\/script> & \]\]>/, 'the text itself is kept, only made inert');

  const kml = exportEvents('kml', view.events, collection, articles, BASE);
  const { doc, errors } = parseXml(kml);
  assert.deepEqual(errors, []);
  assert.equal(doc.getElementsByTagName('script').length, 0);
  const back = kmlToGeoJson(doc as unknown as Document);
  assert.match(String(back.features[0].properties?.description), /<script>alert\(1\)<\/script> & \]\]>/);

  const geojson = check(exportEvents('geojson', view.events, collection, articles, BASE));
  assert.match(JSON.stringify(geojson), /<script>/, 'JSON keeps the text; it is data, never markup');
});

test('command line: --format csv|kml|geojson prints the same exports, nothing else on stdout', async () => {
  const cli = (...args: string[]) => runIsolated(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { timeoutMs: 60_000 });
  for (const format of ['csv', 'kml', 'geojson']) {
    const r = await cli('--format', format, 'data/articles/003_0ea83212063cb22b.md');
    assert.equal(r.status, 0, r.stderr);
    if (format === 'csv') assert.ok(parseCsv(r.stdout).length >= 1);
    if (format === 'kml') assert.deepEqual(parseXml(r.stdout).errors, []);
    if (format === 'geojson') assert.ok(check(r.stdout).features.length >= 1);
  }
  const bad = await cli('--format', 'xls', 'data/articles/003_0ea83212063cb22b.md');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be one of geojson, csv, kml/);
});
