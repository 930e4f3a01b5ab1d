/**
 * When a request accepts gzip: its Accept-Encoding lists `gzip` (or `x-gzip`) without `;q=0`. A `has`
 * condition in next.config.js (matched by Next as `^…$`), which sends such requests for a precompressed
 * payload to its gzip'd bytes and labels the answer; in plain CommonJS so that the config can require it
 * and the unit tests can read it. Codings are matched in lower case, as browsers send them; any other
 * header gets the plain bytes, which every client can read.
 */
const ACCEPTS_GZIP = '(?:.*,)?\\s*(?:x-)?gzip(?!\\s*;\\s*q=0(?:\\.0*)?\\s*(?:,|$))\\s*(?:;[^,]*)?(?:,.*)?';

module.exports = { ACCEPTS_GZIP };
