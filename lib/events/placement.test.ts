import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCollection } from '../pipeline';
import { geocodeArticle } from '../geocode';
import type { EventFeature } from '../types';

const events = (body: string, published = '2025-03-12') =>
  buildCollection([{ id: 't', file: 't.md', body, published }]).features.filter((f) => f.properties.kind === 'event') as EventFeature[];

test('two places far apart for one incident: only the border between them is certain, at precision 3', () => {
  const [e] = events('A border guard was killed on Monday in a shootout that Kyrgyz officials placed near Batken and Tajik officials placed near Khujand.');
  assert.ok(e, 'an event');
  assert.equal(e.properties.geoPrecision, 3);
  assert.match(e.properties.location, /border/);
  assert.match(String((e.properties as { locationNote?: string }).locationNote), /Batken and at Khujand|Khujand and at Batken/);
});

test('a town matched only by a loose spelling is placed near it (precision 2), never exactly', () => {
  const m = geocodeArticle({ id: 't', file: 't.md', body: 'Taliban fighters clashed with farmers in Darayum district, near the village of Darayum.' })
    .filter((x) => x.text === 'Darayum')
    .pop();
  assert.ok(m?.place, m?.reason);
  assert.equal(m.place.geoPrecision, 2);
  assert.match(m.place.note ?? '', /only loosely/);
});

test('a country named after a dateline city is not the site', () => {
  const c = buildCollection([{ id: 't', file: 't.md', published: '2025-03-12', body: 'BAKU, Azerbaijan, March 10\n\nTwo Tajik farmers were wounded when unknown gunmen opened fire on their car.' }]);
  const all = [...c.features, ...((c as unknown as { unlocatedEvents: EventFeature[] }).unlocatedEvents ?? [])].filter((f) => f.properties.kind === 'event') as EventFeature[];
  assert.equal(all.length, 1);
  assert.notEqual(all[0].properties.country, 'AZ', 'placed in the dateline’s country');
});

test('a distance reference is not the site', () => {
  const [e] = events('One border guard was killed on Monday in the Shamsiddin Shohin district, about 220 kilometers to the southeast of Dushanbe.');
  assert.ok(e);
  assert.equal(e.properties.location, 'Shamsiddin Shohin');
});
