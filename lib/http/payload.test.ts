import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { IMMUTABLE, jsonAnswer, precompressedPayload, servePayload, staticPayload } from './payload';

const body = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 200 }, (_, i) => ({ id: i, name: 'Khorog' })) });
const req = (headers: Record<string, string> = {}) => new Request('http://x/data', { headers });

test('the body as it is, with a weak ETag, Vary and the Cache-Control given', async () => {
  const p = staticPayload(body, 'application/json');
  const r = servePayload(req({ 'accept-encoding': 'gzip' }), p, IMMUTABLE);
  assert.equal(r.status, 200);
  assert.equal(await r.text(), body);
  assert.match(r.headers.get('etag')!, /^W\/"[\w-]{22}"$/);
  assert.equal(r.headers.get('cache-control'), IMMUTABLE);
  assert.equal(r.headers.get('vary'), 'Accept-Encoding');
  assert.equal(r.headers.get('content-type'), 'application/json');
});

test('If-None-Match with the ETag (weak or strong form, or in a list) answers 304 with no body; another tag gets the body', async () => {
  const p = staticPayload(body, 'application/json');
  const etag = servePayload(req(), p, IMMUTABLE).headers.get('etag')!;
  const again = servePayload(req({ 'if-none-match': etag }), p, IMMUTABLE);
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), etag);
  assert.equal(servePayload(req({ 'if-none-match': etag.replace(/^W\//, '') }), p, IMMUTABLE).status, 304);
  assert.equal(servePayload(req({ 'if-none-match': `"other", ${etag}` }), p, IMMUTABLE).status, 304);
  assert.equal(servePayload(req({ 'if-none-match': '"something-else"' }), p, IMMUTABLE).status, 200);
  const changed = staticPayload(`${body} `, 'application/json');
  assert.equal(servePayload(req({ 'if-none-match': etag }), changed, IMMUTABLE).status, 200);
});

test('HEAD gets the headers without the body', async () => {
  const r = servePayload(new Request('http://x/data', { method: 'HEAD' }), staticPayload(body, 'application/json'), IMMUTABLE);
  assert.equal(r.status, 200);
  assert.equal(await r.text(), '');
});

test('a precompressed payload: gzip bytes made once, that decode to the plain body, under the same validator', async () => {
  const p = precompressedPayload(body, 'application/json');
  assert.ok(p.gzip && p.gzip.length < p.body.length);
  assert.equal(p.etag, staticPayload(body, 'application/json').etag, 'one validator for both codings');
  const zipped = servePayload(req(), p, IMMUTABLE, 'gzip');
  const bytes = Buffer.from(await zipped.arrayBuffer());
  assert.ok(bytes.equals(p.gzip), 'the stored bytes, not compressed again');
  assert.equal(gunzipSync(bytes).toString('utf8'), body);
  assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
  assert.equal(await servePayload(req(), p, IMMUTABLE, 'identity').text(), body);
  assert.equal(servePayload(req({ 'if-none-match': p.etag }), p, IMMUTABLE, 'gzip').status, 304);
  assert.throws(() => servePayload(req(), staticPayload(body, 'application/json'), IMMUTABLE, 'gzip'), /made without it/);
});

test('a JSON answer (an error) in either coding', async () => {
  const zipped = jsonAnswer(req(), { error: 'no' }, 404, 'gzip');
  assert.equal(zipped.status, 404);
  assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')), { error: 'no' });
  assert.deepEqual(await jsonAnswer(req(), { error: 'no' }, 404, 'identity').json(), { error: 'no' });
});
