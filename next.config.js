const { ACCEPTS_GZIP } = require('./lib/http/accepts-gzip.js');

/**
 * Security headers for every file (static ones too). The Content-Security-Policy, with a per-request
 * nonce and frame-ancestors ('self' everywhere, GEOBRIEF_EMBED_ORIGINS on /embed), is set in proxy.ts.
 */
/**
 * Route handlers whose bodies `next start` should compress (lib/http/payload.ts): their Content-Type set
 * here, as a plain header, because Next 16.4.5 copies a handler's own Content-Type in a form its
 * compression filter does not read (and then sends the body uncompressed).
 */
const PAYLOAD_CONTENT_TYPES = [
  { source: '/basemap/:layer', type: 'application/geo+json; charset=utf-8' },
  { source: '/data/:corpus/:path*', type: 'application/json; charset=utf-8' },
  // Asked for by its own name (not through PRECOMPRESSED), the gzip'd map data is a gzip file.
  { source: '/data/:corpus/map.json.gz', type: 'application/gzip' },
];

/**
 * Payloads gzip'd once by the server (lib/http/payload.ts), not by `next start` at every request: a request
 * for `source` that accepts gzip is rewritten to `gzip`, a route that answers with the gzip'd bytes, and the
 * answer labelled `Content-Encoding: gzip` here (Next 16.4.5 drops a handler's own); Next's compression
 * leaves it alone. One condition for both, so a label never goes without its bytes: the path admits only
 * what reaches the handler (a corpus hash is hex; a path with a `%`, which proxy.ts may answer itself, never
 * matches), and the request accepts gzip (ACCEPTS_GZIP). Other requests get the plain route.
 */
const PRECOMPRESSED = [{ source: '/data/:corpus([0-9a-f]+)/map.json', gzip: '/data/:corpus/map.json.gz' }];
const ACCEPTS = [{ type: 'header', key: 'accept-encoding', value: ACCEPTS_GZIP }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The scale benchmark builds generated corpora side by side (scripts/bench-scale.ts).
  distDir: process.env.GEOBRIEF_DIST_DIR || '.next',
  poweredByHeader: false,
  // The extract pipeline reads data/ at request time in route handlers; keep those files in the server output.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // Figures: resvg is a native addon and fontkit reads font files at run time; both load from node_modules.
  serverExternalPackages: ['@resvg/resvg-js', 'fontkit'],
  async rewrites() {
    return { beforeFiles: PRECOMPRESSED.map(({ source, gzip }) => ({ source, has: ACCEPTS, destination: gzip })), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      ...PAYLOAD_CONTENT_TYPES.map(({ source, type }) => ({ source, headers: [{ key: 'Content-Type', value: type }] })),
      ...PRECOMPRESSED.map(({ source }) => ({ source, has: ACCEPTS, headers: [{ key: 'Content-Encoding', value: 'gzip' }] })),
      {
        source: '/:path((?!embed$|embed\\.js$).*)',
        headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }],
      },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
