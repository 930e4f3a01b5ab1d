// The hand-kept gazetteer files are facts with sources: every entry cites one, sits in the region box,
// has a well-formed unique id and a documented GeoNames feature code, and every river has a course.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { checkGazetteer, checkHandPlaces, checkSupplement, readJson } from '../../scripts/check-gazetteer';
import type { Gazetteer, HandPlace, HandPlaces, Supplement } from './gazetteer-types';
import { GAZETTEER_FILE } from './gazetteer';

const places = readJson<HandPlaces>('places.json');
const supplement = readJson<Supplement>('supplement.json');
const gazetteer = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;

test('every entry of places.json cites a source, lies in the box, has a good id and feature code', () => {
  assert.ok(places.places.length > 0);
  assert.deepEqual(checkHandPlaces(places), []);
});

test('every fact of supplement.json names its source and carries no coordinates', () => {
  assert.deepEqual(checkSupplement(supplement), []);
});

test('gazetteer.json carries every hand-kept place with its source, and every river with a line', () => {
  assert.deepEqual(checkGazetteer(gazetteer, places, supplement), []);
  const rivers = gazetteer.entries.filter((e) => e.fc === 'STM');
  assert.ok(rivers.length >= 5, `${rivers.length} rivers`);
  for (const r of rivers) assert.ok(r.line && r.line.flat().length >= 2, r.id);
});

test('the Panj and the Amu Darya are the border, split at the Vakhsh confluence', () => {
  const byId = new Map(gazetteer.entries.map((e) => [e.id, e]));
  const panj = byId.get('add:panj-river')!;
  const amu = byId.get('add:amu-darya')!;
  const ends = (l: number[][][]) => [l[0][0], l.at(-1)!.at(-1)!];
  const near = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
  const confluence = [68.31417, 37.11111];
  assert.ok(ends(panj.line!).some((p) => near(p, confluence)), 'the Panj ends at the Vakhsh confluence');
  assert.ok(ends(amu.line!).some((p) => near(p, confluence)), 'the Amu Darya begins at the Vakhsh confluence');
  assert.ok(panj.lengthKm! > 850 && panj.lengthKm! < 950, `Panj ${panj.lengthKm} km (921 km per Wikipedia)`);
  // Every vertex of the Panj is a vertex of the Tajik–Afghan border (up to the two cut points).
  const border = new Set(gazetteer.borders['AF-TJ'].flat().map((c) => c.join(',')));
  const inner = panj.line!.flat().slice(1, -1);
  assert.ok(inner.every((c) => border.has(c.join(','))), 'the Panj is drawn on the border line');
});

const good: HandPlace = {
  id: 'add:test-village', name: 'Test', alt: [], fc: 'PPL', country: 'TJ', admin1: 'TJ-KT', lat: 37.5, lon: 69.5,
  src: 'GeoNames 1234567',
};
const problems = (p: Partial<HandPlace> | Record<string, unknown>, more: HandPlace[] = []) =>
  checkHandPlaces({ about: '', places: [{ ...good, ...p } as HandPlace, ...more] });

test('the check rejects an entry without a source', () => {
  assert.match(problems({ src: '' }).join('\n'), /no src/);
  assert.match(problems({ src: undefined }).join('\n'), /no src/);
  assert.match(problems({ src: 'somewhere I remember' }).join('\n'), /names no source/);
});

test('the check rejects coordinates outside the region box', () => {
  assert.match(problems({ lon: 57.9 }).join('\n'), /outside the region box/);
  assert.match(problems({ lat: 44.5 }).join('\n'), /outside the region box/);
  assert.match(problems({ lat: Number.NaN }).join('\n'), /outside the region box/);
  assert.match(problems({ fc: 'STM', line: [[[69, 37], [90, 37]]] }).join('\n'), /line point lies outside/);
});

test('the check rejects malformed and duplicate ids', () => {
  assert.match(problems({ id: 'gn:123' }).join('\n'), /malformed id/);
  assert.match(problems({ id: 'add:Sher Khan' }).join('\n'), /malformed id/);
  assert.match(problems({}, [{ ...good }]).join('\n'), /duplicate id/);
});

test('the check rejects a feature code outside the documented set', () => {
  assert.match(problems({ fc: 'XYZ' as HandPlace['fc'] }).join('\n'), /fc "XYZ"/);
  assert.deepEqual(problems({ fc: 'BDG' }), []);
});

test('a river must have a course, and nothing else may', () => {
  assert.match(problems({ fc: 'STM' }).join('\n'), /needs a line/);
  assert.deepEqual(problems({ fc: 'STM', line: [[[69, 37], [69.5, 37.2]]] }), []);
  assert.deepEqual(problems({ fc: 'STM', derive: [{ border: 'AF-TJ', from: 'start', to: [68.3, 37.1] }] }), []);
  assert.match(problems({ fc: 'STM', derive: [{ border: 'Panj', from: 'start', to: 'end' }] }).join('\n'), /not a border key/);
  assert.match(problems({ line: [[[69, 37], [69.5, 37.2]]] }).join('\n'), /only rivers/);
});

test('supplement facts without a source, or place aliases on unknown rows, are rejected', () => {
  const bad: Supplement = { ...supplement, places: [{ id: 'add:x', alt: ['X'], source: '' }] };
  const out = checkSupplement(bad).join('\n');
  assert.match(out, /place add:x: no source/);
  assert.match(out, /must name a GeoNames/);
});

test('a hand-kept place must lie in the province it names, and its district in that province', () => {
  // Kŭlob (37.91 N, 69.78 E) is in Khatlon; the same point stated as Badakhshan (AF) is ~60 km off.
  const at = (p: Partial<HandPlace>) => ({ about: '', places: [{ ...good, id: 'add:province-test', lat: 37.9146, lon: 69.7845, ...p } as HandPlace] });
  const run = (p: Partial<HandPlace>) => checkGazetteer(gazetteer, at(p), supplement).filter((x) => x.includes('add:province-test')).join('\n');
  assert.doesNotMatch(run({ admin1: 'TJ-KT' }), /outside its province/);
  assert.match(run({ admin1: 'AF-BDS' }), /km outside its province AF-BDS/);
  assert.match(run({ admin1: 'TJ-KT', lat: 37.9146, lon: 69.7845 - 1 }).concat(run({ admin1: 'TJ-KT', lat: 39.5 })), /outside its province TJ-KT/);
  assert.match(run({ admin1: 'TJ-KT', admin2: 'adm2:TJ.03.8213700' }), /district adm2:TJ\.03\.8213700 is in TJ-SU, not in the stated TJ-KT/);
});
