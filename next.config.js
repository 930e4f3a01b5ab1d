/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The extract pipeline reads data/ at request time in route handlers; keep those files in the server output.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // Figures: resvg is a native addon and fontkit reads font files at run time; both load from node_modules.
  serverExternalPackages: ['@resvg/resvg-js', 'fontkit'],
};

module.exports = nextConfig;
