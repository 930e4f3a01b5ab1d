/**
 * The bare page bench:scale compares the app with: Next + react-leaflet and nothing else, built and
 * started the same way (`next build scripts/bare-map`). Modules come from the repository's node_modules.
 */
const path = require('node:path');

/** @type {import('next').NextConfig} */
module.exports = {
  distDir: process.env.GEOBRIEF_DIST_DIR || '.next',
  poweredByHeader: false,
  turbopack: { root: path.join(__dirname, '..', '..') },
};
