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

test('a summary carries what the popup shows: the first source, its first excerpt and the number of sources', () => {
  const e = loadBrief().view.events.find((x) => x.sources.length > 0)!;
  const s = summarizeEvent(e);
  assert.equal(s.sourceCount, e.sources.length);
  assert.deepEqual(s.firstSource, { article: e.sources[0].article, excerpt: e.sources[0].excerpts[0]?.text ?? null });
  assert.ok(!('sources' in s) && !('disagreements' in s), 'the full sources stay out of the map data');
});
