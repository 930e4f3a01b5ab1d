import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IMMUTABLE, servePayload, staticPayload } from './payload';

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
