/**
 * Security headers for every file (static ones too). The Content-Security-Policy, with a per-request
 * nonce and frame-ancestors ('self' everywhere, GEOBRIEF_EMBED_ORIGINS on /embed), is set in proxy.ts.
 */
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
