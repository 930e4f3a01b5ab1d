import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { IMMUTABLE, negotiateEncoding, servePayload, staticPayload } from './payload';

const body = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 200 }, (_, i) => ({ id: i, name: 'Khorog' })) });
const req = (headers: Record<string, string> = {}) => new Request('http://x/data', { headers });

test('Accept-Encoding: br before gzip, q=0 refuses, none means identity', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br'), 'br');
  assert.equal(negotiateEncoding('gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(negotiateEncoding('gzip;q=0, identity'), null);
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding(null), null);
});

test('each encoding decodes to the same bytes, with its own ETag, Vary and the Cache-Control given', async () => {
  const p = staticPayload(body, 'application/json');
  const br = servePayload(req({ 'accept-encoding': 'br' }), p, IMMUTABLE);
  const gz = servePayload(req({ 'accept-encoding': 'gzip' }), p, IMMUTABLE);
  const plain = servePayload(req(), p, IMMUTABLE);
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), body);
  assert.equal(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), body);
  assert.equal(await plain.text(), body);
  assert.ok(Number(br.headers.get('content-length')) < body.length / 5);
  const tags = [br, gz, plain].map((r) => r.headers.get('etag'));
  assert.equal(new Set(tags).size, 3);
  for (const r of [br, gz, plain]) {
    assert.equal(r.headers.get('cache-control'), r === plain ? IMMUTABLE : `${IMMUTABLE}, no-transform`);
    assert.equal(r.headers.get('vary'), 'Accept-Encoding');
  }
});

test('If-None-Match with the ETag (or a weak form of it) answers 304 with no body; another tag gets the body', async () => {
  const p = staticPayload(body, 'application/json');
  const etag = servePayload(req({ 'accept-encoding': 'gzip' }), p, IMMUTABLE).headers.get('etag')!;
  const again = servePayload(req({ 'accept-encoding': 'gzip', 'if-none-match': etag }), p, IMMUTABLE);
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(servePayload(req({ 'if-none-match': `W/${etag}` }), p, IMMUTABLE).status, 304);
  assert.equal(servePayload(req({ 'if-none-match': '"something-else"' }), p, IMMUTABLE).status, 200);
  const changed = staticPayload(`${body} `, 'application/json');
  assert.equal(servePayload(req({ 'if-none-match': etag }), changed, IMMUTABLE).status, 200);
});

test('encode: false sends the plain body whatever the client accepts, still with ETag and 304', async () => {
  const p = staticPayload(body, 'application/json');
  const r = servePayload(req({ 'accept-encoding': 'br, gzip' }), p, IMMUTABLE, { encode: false });
  assert.equal(r.headers.get('content-encoding'), null);
  assert.equal(await r.text(), body);
  assert.equal(servePayload(req({ 'if-none-match': r.headers.get('etag')! }), p, IMMUTABLE, { encode: false }).status, 304);
});
