import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { IMMUTABLE, acceptsGzip, precompressedJson, precompressedPayload, servePayload, staticPayload } from './payload';

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

test('Accept-Encoding: gzip is accepted when listed without q=0, in any position; anything else gets plain bytes', () => {
  const accepts = (v: string | null) => acceptsGzip(req(v === null ? {} : { 'accept-encoding': v }));
  for (const yes of ['gzip', 'gzip, deflate, br, zstd', 'br, gzip', 'deflate,gzip;q=0.5', 'gzip;q=1.0', 'x-gzip', 'br;q=1, gzip ; q=0.01, *;q=0']) {
    assert.equal(accepts(yes), true, yes);
  }
  for (const no of [null, '', 'identity', 'br', 'deflate', '*', 'gzip;q=0', 'gzip; q=0.000', 'br, gzip;q=0, deflate', 'gzipped', 'nogzip']) {
    assert.equal(accepts(no), false, String(no));
  }
});

test('a precompressed payload: gzip bytes made once, sent when accepted, that decode to the plain body; plain otherwise', async () => {
  const p = precompressedPayload(body, 'application/json');
  assert.ok(p.gzip && p.gzip.length < p.body.length);
  assert.equal(p.etag, staticPayload(body, 'application/json').etag, 'one validator for both codings');
  const zipped = servePayload(req({ 'accept-encoding': 'gzip, br' }), p, IMMUTABLE);
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'), body);
  assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
  assert.equal(await servePayload(req({ 'accept-encoding': 'identity' }), p, IMMUTABLE).text(), body);
  assert.equal(await servePayload(req({ 'accept-encoding': 'gzip;q=0' }), p, IMMUTABLE).text(), body);
  // A payload that is not precompressed is never sent gzip'd by the handler (next start compresses it).
  assert.equal(await servePayload(req({ 'accept-encoding': 'gzip' }), staticPayload(body, 'application/json'), IMMUTABLE).text(), body);
});

test('a precompressed route\'s JSON answer (an error) follows the same rule', async () => {
  const zipped = precompressedJson(req({ 'accept-encoding': 'gzip' }), { error: 'no' }, 404);
  assert.equal(zipped.status, 404);
  assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')), { error: 'no' });
  assert.deepEqual(await precompressedJson(req(), { error: 'no' }, 404).json(), { error: 'no' });
});
