/**
 * When a request accepts gzip: its Accept-Encoding lists `gzip` (or `x-gzip`) without `;q=0`.
 * Read in two places that must agree, hence one module in plain CommonJS: next.config.js, which labels
 * the precompressed routes `Content-Encoding: gzip` (a `has` condition, matched by Next as `^…$`), and
 * lib/http/payload.ts, which then sends the gzip'd bytes. Codings are matched in lower case, as browsers
 * send them; any other header gets the plain bytes, which every client can read.
 */
const ACCEPTS_GZIP = '(?:.*,)?\\s*(?:x-)?gzip(?!\\s*;\\s*q=0(?:\\.0*)?\\s*(?:,|$))\\s*(?:;[^,]*)?(?:,.*)?';

module.exports = { ACCEPTS_GZIP };
