import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBrief } from '../brief';
import { decodeMapData, encodeMapData, summarizeEvent } from './summary';

test('the map data round-trips: every event summary comes back equal, areas stored once', () => {
  const { view } = loadBrief();
  const wire = encodeMapData(view.events, view.places);
  const distinct = new Set(view.events.filter((e) => e.uncertainty).map((e) => JSON.stringify(e.uncertainty)));
  assert.equal(wire.areas.length, distinct.size);
  const back = decodeMapData(JSON.parse(JSON.stringify(wire)));
  assert.deepEqual(back.events, view.events.map(summarizeEvent));
  assert.deepEqual(back.places, view.places);
});

test('a summary carries what the popup shows: the first source, its first excerpt and the number of sources', () => {
  const e = loadBrief().view.events.find((x) => x.sources.length > 0)!;
  const s = summarizeEvent(e);
  assert.equal(s.sourceCount, e.sources.length);
  assert.deepEqual(s.firstSource, { article: e.sources[0].article, excerpt: e.sources[0].excerpts[0]?.text ?? null });
  assert.ok(!('sources' in s) && !('disagreements' in s), 'the full sources stay out of the map data');
});
