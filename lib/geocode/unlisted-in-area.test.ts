/**
 * Places the gazetteer lacks, which the text puts inside a district or province, are placed at that area
 * (its precision and uncertainty), never at an invented point; lists joined by commas place nothing.
 * The village names here are made up so that no gazetteer will ever hold them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geocodeArticle } from './geocodeArticle';
import { geoparse } from '../geoparse';

const run = (body: string) => geocodeArticle({ id: 't', file: 't.md', body });
const named = (body: string, text: string) => run(body).filter((m) => m.text.startsWith(text));

test('an unknown village "in the X district" is placed at the district, as an area', () => {
  const [m] = named('Two smugglers were shot dead in Qalaizarkhun village in the Shahribuzurg district of Badakhshan province.', 'Qalaizarkhun');
  assert.ok(m.place, m.reason);
  assert.equal(m.place.featureType, 'in-area');
  assert.equal(m.place.geoPrecision, 2);
  assert.match(m.place.name, /^Qalaizarkhun, Shahr/);
  assert.equal(m.place.uncertainty?.type, 'Polygon');
  assert.match(m.place.note ?? '', /not in the gazetteer/);
});

test('every mention of the unknown name takes the smallest area any of them gives', () => {
  const body = 'The clash took place in the Qalaizarkhun border district of Badakhshan province. Guards later met in Qalaizarkhun county in the Shahribuzurg district.';
  const ms = named(body, 'Qalaizarkhun');
  assert.equal(ms.length, 2);
  for (const m of ms) {
    assert.ok(m.place, m.reason);
    assert.equal(m.place.geoPrecision, 2, `${m.text}: the district, not the province`);
  }
  assert.equal(ms[0].place!.id, ms[1].place!.id);
});

test('a comma list of districts is not containment: an unknown name in it stays unresolved', () => {
  const [m] = named('Clashes were reported in Qalaizarkhun, Raghistan and Kohistan districts.', 'Qalaizarkhun');
  assert.equal(m?.place ?? null, null);
});

test('an unknown name with no area around it stays unresolved, with its reason', () => {
  const [m] = named('Shots were heard near Qalaizarkhun village late on Sunday.', 'Qalaizarkhun');
  assert.equal(m.place, null);
  assert.ok(m.reason.length > 0);
});

test('"X, Y and Z districts of P province": every district of the list is said to be in P', () => {
  const tops = geoparse('Clashes were reported in Raghistan, Kohistan and Keran-o-Munjan districts of Badakhshan province.');
  const province = tops.findIndex((t) => t.surface.startsWith('Badakhshan'));
  for (const name of ['Raghistan', 'Kohistan', 'Keran-o-Munjan']) {
    const t = tops.find((x) => x.surface.startsWith(name));
    assert.equal(t?.container?.index, province, `${name} is in Badakhshan`);
  }
});
