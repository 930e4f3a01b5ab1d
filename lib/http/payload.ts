import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ACCEPTS_GZIP } from './accepts-gzip';

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
 *   `headers()` is kept, and Next's compression then leaves the body alone ("already encoded"). So
 *   next.config.js sets `Content-Encoding: gzip` on each route in PRECOMPRESSED when the request accepts
 *   gzip ({@link ACCEPTS_GZIP}, one expression read by both), and every answer of such a route (errors
 *   included: {@link precompressedJson}) is gzip'd under the same condition.
 * Brotli is not available either way; see the README's Scale section.
 */
export interface StaticPayload {
  body: Buffer;
  /** The body gzip'd, for a route listed in PRECOMPRESSED (next.config.js); null for the others. */
  gzip: Buffer | null;
  contentType: string;
  /** A validator of the uncompressed bytes; weak, as the same tag covers the gzip'd and the plain body. */
  etag: string;
}

/** Year-long and immutable for URLs that change with their content (the corpus hash in the path). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const acceptsGzipPattern = new RegExp(`^${ACCEPTS_GZIP}$`);

/** Whether the request accepts gzip, decided exactly as next.config.js decides to label the answer gzip. */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get('accept-encoding');
  return header !== null && acceptsGzipPattern.test(header);
}

const bytesOf = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

export function staticPayload(body: string | Buffer, contentType: string): StaticPayload {
  const bytes = bytesOf(body);
  return { body: bytes, gzip: null, contentType, etag: `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` };
}

/** A payload for a route listed in PRECOMPRESSED (next.config.js): gzip'd here, once. */
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

/** The response for `request`: 304, or the body (gzip'd if precompressed and accepted), with the caching headers. */
export function servePayload(request: Request, p: StaticPayload, cacheControl: string): Response {
  const headers: Record<string, string> = { etag: p.etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  if (notModified(request.headers.get('if-none-match'), p.etag)) return new Response(null, { status: 304, headers });
  headers['content-type'] = p.contentType;
  const body = p.gzip && acceptsGzip(request) ? p.gzip : p.body;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/**
 * A JSON answer from a route listed in PRECOMPRESSED (an error, say): gzip'd when the request accepts
 * gzip, since next.config.js has then labelled it so whatever the status.
 */
export function precompressedJson(request: Request, value: unknown, status: number): Response {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const body = acceptsGzip(request) ? gzipSync(json) : json;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' },
  });
}
