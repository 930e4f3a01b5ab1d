import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A payload served many times unchanged (a basemap layer, the corpus's map data): compressed once per
 * encoding and kept, answered with the encoding the client accepts (br, gzip or none), an ETag and
 * Cache-Control; a matching If-None-Match gets 304 with no body.
 */
export interface StaticPayload {
  body: Buffer;
  contentType: string;
  /** A strong validator of the uncompressed bytes; each encoding appends its name. */
  etag: string;
  variants: Partial<Record<Encoding, Buffer>>;
}

export type Encoding = 'br' | 'gzip';

/** Year-long and immutable for URLs that change with their content (the corpus hash in the path). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidated at every use (a 304 is cheap): for URLs whose content may change with a new build. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

export function staticPayload(body: string | Buffer, contentType: string): StaticPayload {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, contentType, etag: createHash('sha256').update(bytes).digest('base64url').slice(0, 22), variants: {} };
}

/**
 * The encoding to send for an Accept-Encoding header: br before gzip, anything refused with q=0 skipped.
 *
 * @example
 * negotiateEncoding('gzip, deflate, br') // 'br'
 * negotiateEncoding('gzip;q=0, identity') // null
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const star = accepted.get('*');
  for (const enc of ['br', 'gzip'] as const) {
    const q = accepted.get(enc) ?? star;
    if (q !== undefined && q > 0) return enc;
  }
  return null;
}

function compress(p: StaticPayload, enc: Encoding): Buffer {
  p.variants[enc] ??=
    enc === 'br'
      ? zlib.brotliCompressSync(p.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: p.body.length } })
      : zlib.gzipSync(p.body, { level: 9 });
  return p.variants[enc]!;
}

/** Whether If-None-Match names this payload (any of its encodings; `*` matches too). */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === '*' || tag === etag || tag.startsWith(`${etag}-`);
  });
}

/**
 * The response for `request`: 304, or the body in the best accepted encoding, with the caching headers.
 *
 * `encode: false` sends the body as is. Route handlers need it under Next 16.4.5: its send-response.js
 * drops Content-Encoding and Content-Length from a handler's Response (FORBIDDEN_HEADERS), so an
 * encoded body would reach the browser unlabelled, and `next start` does not gzip handler responses
 * either (vercel/next.js#98007). ETag, 304 and Cache-Control do get through.
 */
export function servePayload(request: Request, p: StaticPayload, cacheControl: string, { encode = true }: { encode?: boolean } = {}): Response {
  const enc = encode ? negotiateEncoding(request.headers.get('accept-encoding')) : null;
  const etag = `"${p.etag}${enc ? `-${enc}` : ''}"`;
  // no-transform: no proxy (nor Next's own gzip) may encode the already encoded body a second time.
  const headers: Record<string, string> = { etag, 'cache-control': enc ? `${cacheControl}, no-transform` : cacheControl, vary: 'Accept-Encoding' };
  if (notModified(request.headers.get('if-none-match'), p.etag)) return new Response(null, { status: 304, headers });
  const body = enc ? compress(p, enc) : p.body;
  headers['content-type'] = p.contentType;
  headers['content-length'] = String(body.length);
  if (enc) headers['content-encoding'] = enc;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
