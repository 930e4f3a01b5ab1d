import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handleExtract, MAX_TEXT_CHARS } from './extract';

const json = (o: unknown) => handleExtract(JSON.stringify(o), 'application/json; charset=utf-8');
const error = (r: ReturnType<typeof handleExtract>) => (r.body as { error: string }).error;

test('a pasted article gives its places and events', () => {
  const r = json({ text: 'Gunmen attacked a border post near Vorukh late on June 16, killing two Tajik border guards.', published: '2025-06-18' });
  assert.equal(r.status, 200);
  const fc = r.body as { features: Array<{ properties: { kind: string; date?: string; fatalities?: number } }> };
  const ev = fc.features.find((f) => f.properties.kind === 'event');
  assert.equal(ev?.properties.date, '2025-06-16');
  assert.equal(ev?.properties.fatalities, 2);
});

test('text/plain bodies and front matter are accepted', () => {
  const r = handleExtract('---\npublished: 2025-06-18\n---\nA drone struck a camp in Khatlon province on Monday.', 'text/plain');
  assert.equal(r.status, 200);
});

test('bad input is a 4xx naming the problem, never a throw', () => {
  assert.deepEqual([handleExtract('{"text": ', 'application/json').status, error(handleExtract('{"text": ', 'application/json'))], [400, 'body is not valid JSON: send { "text": "...", "published": "YYYY-MM-DD" }']);
  assert.match(error(json({})), /"text" is missing/);
  assert.match(error(json({ text: 42 })), /"text" must be a string, got number/);
  assert.match(error(json({ text: '   ' })), /"text" is empty/);
  assert.match(error(json([1])), /JSON object/);
  assert.match(error(json({ text: 'x', published: '2025-02-30' })), /"published" must be a real day/);
  assert.match(error(json({ text: 'x', published: '1 Dec 2025' })), /"published"/);
  assert.equal(json({ text: 'x'.repeat(MAX_TEXT_CHARS + 1) }).status, 413);
  assert.equal(handleExtract('a'.repeat(MAX_TEXT_CHARS * 3), 'text/plain').status, 413);
  assert.equal(handleExtract('<p>x</p>', 'text/html').status, 415);
  assert.equal(handleExtract('x', null).status, 415);
  assert.equal(json({ text: 'bin\u0000ary' }).status, 415);
  assert.match(error(handleExtract('---\npublished: nope\n---\nText', 'text/plain')), /"text": front matter field "published"/);
});

test('the route handler answers over HTTP semantics: JSON body, status and error message', async () => {
  const { POST } = await import('../../app/api/extract/route');
  const ok = await POST(new Request('http://localhost/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Shots were fired at a border post in Darvoz district on June 3.', published: '2025-06-05' }) }));
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).type, 'FeatureCollection');
  const bad = await POST(new Request('http://localhost/api/extract', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }));
  assert.equal(bad.status, 415);
  assert.match((await bad.json()).error, /unsupported content type "application\/xml"/);
});
