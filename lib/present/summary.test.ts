import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBrief } from '../brief';
import { decodeMapData, encodeMapData, summarizeEvent } from './summary';

test('the map data round-trips: every event summary comes back equal (label included), what repeats stored once', () => {
  const { view } = loadBrief();
  const wire = encodeMapData(view.events, view.places);
  const distinct = new Set(view.events.filter((e) => e.uncertainty).map((e) => JSON.stringify(e.uncertainty)));
  assert.equal(wire.areas.length, distinct.size);
  assert.equal(new Set(wire.texts).size, wire.texts.length, 'each text once');
  assert.equal(new Set(wire.points.map(String)).size, wire.points.length, 'each point once');
  for (const column of Object.values(wire.columns)) assert.equal(column.length, view.events.length);
  const back = decodeMapData(JSON.parse(JSON.stringify(wire)));
  assert.deepEqual(back.events, view.events.map(summarizeEvent));
  assert.deepEqual(
    back.places,
    view.places.map(({ articles: _articles, ...p }) => p),
  );
  assert.ok(back.places.every((p, i) => p.articleCount === view.places[i].articles.length));
});

test('events that share a place share one coordinates array and one area after decoding', () => {
  const { view } = loadBrief();
  const e = view.events.find((x) => x.uncertainty)!;
  assert.ok(e, 'an event with an uncertainty area');
  const twin = { ...e, id: `${e.id}-twin`, coordinates: [...e.coordinates] as typeof e.coordinates };
  const back = decodeMapData(JSON.parse(JSON.stringify(encodeMapData([e, twin], view.places))));
  assert.equal(back.events[0].coordinates, back.events[1].coordinates);
  assert.ok(back.events[0].uncertainty);
  assert.equal(back.events[0].uncertainty, back.events[1].uncertainty);
  assert.equal(back.events[1].label, e.label);
});

test('a summary leaves the sources to the event\'s details: no excerpt, article or disagreement in the map data', () => {
  const { view } = loadBrief();
  const e = view.events.find((x) => x.sources.length > 0)!;
  const s = summarizeEvent(e);
  assert.ok(!('sources' in s) && !('disagreements' in s) && !('firstSource' in s));
  const wire = JSON.stringify(encodeMapData(view.events, view.places));
  for (const x of view.events.flatMap((v) => v.sources.flatMap((src) => src.excerpts))) assert.ok(!wire.includes(JSON.stringify(x.text)), 'an excerpt in the map data');
});
