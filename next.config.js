/**
 * Who may frame /embed: a space-separated CSP source list from GEOBRIEF_EMBED_ORIGINS
 * (e.g. "https://news.example https://*.intranet.example"); unset means any page may.
 * Every other page may be framed only by the app itself (the Share dialog's preview).
 */
function embedHeaders() {
  const origins = (process.env.GEOBRIEF_EMBED_ORIGINS || '').trim();
  return origins ? [{ key: 'Content-Security-Policy', value: `frame-ancestors 'self' ${origins}` }] : [];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The extract pipeline reads data/ at request time in route handlers; keep those files in the server output.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // Figures: resvg is a native addon and fontkit reads font files at run time; both load from node_modules.
  serverExternalPackages: ['@resvg/resvg-js', 'fontkit'],
  async headers() {
    return [
      {
        source: '/:path((?!embed$|embed\\.js$).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
      ...(embedHeaders().length ? [{ source: '/embed', headers: embedHeaders() }] : []),
    ];
  },
};

module.exports = nextConfig;
