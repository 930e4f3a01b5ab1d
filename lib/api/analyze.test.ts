import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleAnalyze } from './analyze';

test('a pasted article comes back as GeoJSON and as the view the map draws', () => {
  const text = 'DUSHANBE -- Two Tajik border guards were killed on Monday when gunmen fired from Afghan territory at a post in Panj district of Khatlon province, the border service said.';
  const r = handleAnalyze(JSON.stringify({ text, published: '2025-03-12' }), 'application/json');
  assert.equal(r.status, 200);
  if (!('view' in r.body)) throw new Error('expected a view');
  assert.equal(r.body.collection.type, 'FeatureCollection');
  assert.equal(r.body.view.events.length, 1);
  const e = r.body.view.events[0];
  assert.equal(e.date, '2025-03-10');
  assert.equal(e.fatalities, 2);
  assert.equal(e.country, 'TJ');
  assert.equal(e.sources[0].excerpts[0].text, text.slice(e.sources[0].excerpts[0].start, e.sources[0].excerpts[0].end));
});

test('bad input gets the same 4xx as /api/extract', () => {
  assert.equal(handleAnalyze('{"text":""}', 'application/json').status, 400);
  assert.equal(handleAnalyze('{"text":"x","published":"2025-02-30"}', 'application/json').status, 400);
  assert.equal(handleAnalyze('x', 'application/octet-stream').status, 415);
  assert.equal(handleAnalyze(JSON.stringify({ text: 'a'.repeat(100_001) }), 'application/json').status, 413);
});

test('an article with no published date and only a weekday: the event is kept aside as undated, not a 500', () => {
  const r = handleAnalyze('A shooting in Khorog killed two soldiers on Monday.', 'text/plain');
  assert.equal(r.status, 200);
  if (!('view' in r.body)) throw new Error('expected a view');
  assert.equal(r.body.view.events.length, 0);
  const undated = (r.body.collection as unknown as { undatedEvents: unknown[] }).undatedEvents;
  assert.equal(undated.length, 1);
});
