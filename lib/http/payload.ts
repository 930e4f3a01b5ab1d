import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * A payload served many times unchanged (a basemap layer, the corpus's map data): hashed once, answered
 * with an ETag and Cache-Control; a matching If-None-Match gets 304 with no body.
 *
 * Compression, two ways:
 * - by `next start` at every request (its `compress` option: gzip negotiated on Accept-Encoding, with Vary):
 *   the basemap layers and the event details. Next 16.4.5 copies a handler's Content-Type with
 *   `res.appendHeader`, which makes the header an array, and its compression filter then skips the response
 *   as "not compressible"; a Content-Type set in next.config.js `headers()` is set as a plain string first
 *   (and the handler's copy is then skipped), so each route served through here has its type in
 *   PAYLOAD_CONTENT_TYPES (next.config.js).
 * - once, when the payload is built ({@link precompressedPayload}): the map data, megabytes at 100,000
 *   articles, which `next start` took seconds to gzip again at every request. A route handler cannot label
 *   its own body: Next 16.4.5 drops Content-Encoding from its Response (FORBIDDEN_HEADERS in
 *   next/dist/server/send-response.js; a proxy.ts response loses it too). A header set by next.config.js
 *   `headers()` is kept, and Next's compression then leaves the body alone ("already encoded"). So for each
 *   route in PRECOMPRESSED (next.config.js), a request that accepts gzip is rewritten to a sibling route
 *   (`…/map.json.gz`) that answers with the gzip'd bytes, and labelled `Content-Encoding: gzip`, by one
 *   condition (path and Accept-Encoding) written once; every answer of that sibling, errors included, is gzip'd.
 * Brotli is not available either way; see the README's Scale section.
 */
export interface StaticPayload {
  body: Buffer;
  /** The body gzip'd, for a route in PRECOMPRESSED (next.config.js); null for the others. */
  gzip: Buffer | null;
  contentType: string;
  /** A validator of the uncompressed bytes; weak, as the same tag covers the gzip'd and the plain body. */
  etag: string;
}

/** Year-long and immutable for URLs that change with their content (the corpus hash in the path). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Which bytes of a payload to send: as they are, or gzip'd (only from a route that next.config.js labels so). */
export type Coding = 'identity' | 'gzip';

export function staticPayload(body: string | Buffer, contentType: string): StaticPayload {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, gzip: null, contentType, etag: `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` };
}

/** A payload with its gzip'd bytes, made here once, for a route in PRECOMPRESSED (next.config.js). */
export function precompressedPayload(body: string | Buffer, contentType: string): StaticPayload {
  const p = staticPayload(body, contentType);
  return { ...p, gzip: gzipSync(p.body) };
}

/** Whether If-None-Match names this payload (weak comparison, as RFC 9110 asks for If-None-Match; `*` matches too). */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** The response for `request`: 304, or the body in `coding`, with the caching headers. */
export function servePayload(request: Request, p: StaticPayload, cacheControl: string, coding: Coding = 'identity'): Response {
  const headers: Record<string, string> = { etag: p.etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  if (notModified(request.headers.get('if-none-match'), p.etag)) return new Response(null, { status: 304, headers });
  headers['content-type'] = p.contentType;
  if (coding === 'gzip' && !p.gzip) throw new Error('servePayload: gzip asked of a payload made without it (precompressedPayload)');
  const body = coding === 'gzip' ? p.gzip! : p.body;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** A JSON answer (an error, say) in `coding`: a route labelled gzip by next.config.js answers everything gzip'd. */
export function jsonAnswer(request: Request, value: unknown, status: number, coding: Coding): Response {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const body = coding === 'gzip' ? gzipSync(json) : json;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' },
  });
}
