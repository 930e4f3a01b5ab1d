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
];

/**
 * Route handlers that gzip their bodies themselves, once (lib/http/payload.ts): labelled here, because
 * Next 16.4.5 drops a handler's own Content-Encoding. The label and the handler read the same condition
 * (ACCEPTS_GZIP); Next's compression leaves an answer so labelled alone.
 */
const PRECOMPRESSED = ['/data/:corpus/map.json'];

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
  async headers() {
    return [
      ...PAYLOAD_CONTENT_TYPES.map(({ source, type }) => ({ source, headers: [{ key: 'Content-Type', value: type }] })),
      ...PRECOMPRESSED.map((source) => ({
        source,
        has: [{ type: 'header', key: 'accept-encoding', value: ACCEPTS_GZIP }],
        headers: [{ key: 'Content-Encoding', value: 'gzip' }],
      })),
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
