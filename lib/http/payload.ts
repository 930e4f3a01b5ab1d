import { createHash } from 'node:crypto';

/**
 * A payload served many times unchanged (a basemap layer, the corpus's map data): hashed once, answered
 * with an ETag and Cache-Control; a matching If-None-Match gets 304 with no body.
 *
 * Compression is left to `next start` (its `compress` option, on by default: gzip negotiated on
 * Accept-Encoding, with Vary). Two things about Next 16.4.5 decide this:
 * - it drops Content-Encoding and Content-Length from a route handler's Response (FORBIDDEN_HEADERS in
 *   next/dist/server/send-response.js), so a body compressed here would reach the browser unlabelled;
 * - it copies the handler's Content-Type with `res.appendHeader`, which makes the header an array, and
 *   its compression filter then skips the response as "not compressible". A Content-Type set in
 *   next.config.js `headers()` is set as a plain string first (and the handler's copy is then skipped),
 *   so each route served through here also has its type in PAYLOAD_CONTENT_TYPES (next.config.js).
 * Brotli is not available this way (Next's compression is gzip only); see the README's Scale section.
 */
export interface StaticPayload {
  body: Buffer;
  contentType: string;
  /** A validator of the uncompressed bytes; weak, as the same tag covers the gzip'd and the plain body. */
  etag: string;
}

/** Year-long and immutable for URLs that change with their content (the corpus hash in the path). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function staticPayload(body: string | Buffer, contentType: string): StaticPayload {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, contentType, etag: `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` };
}

/** Whether If-None-Match names this payload (weak comparison, as RFC 9110 asks for If-None-Match; `*` matches too). */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** The response for `request`: 304, or the body, with the caching headers. */
export function servePayload(request: Request, p: StaticPayload, cacheControl: string): Response {
  const headers: Record<string, string> = { etag: p.etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  if (notModified(request.headers.get('if-none-match'), p.etag)) return new Response(null, { status: 304, headers });
  headers['content-type'] = p.contentType;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(p.body), { status: 200, headers });
}
