/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The extract pipeline reads data/ at request time in route handlers; keep those files in the server output.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
};

module.exports = nextConfig;
