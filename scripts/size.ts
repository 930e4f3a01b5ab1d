/**
 * Prints the sizes the README reports: First Load JS per route (from `next build`'s
 * .next/diagnostics/route-bundle-stats.json, gzip -9 of each chunk) and the basemap layers (raw / gzip).
 * Run after a build: npm run build && npm run size
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gz = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const statsFile = path.join('.next', 'diagnostics', 'route-bundle-stats.json');
if (!fs.existsSync(statsFile)) {
  console.error(`${statsFile} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const routes = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] }[];
console.log('First Load JS (gzip -9 per chunk, summed)');
for (const r of routes) {
  const gzip = r.firstLoadChunkPaths.reduce((sum, p) => sum + gz(fs.readFileSync(p)), 0);
  console.log(`  ${r.route.padEnd(24)} ${kb(gzip).padStart(9)} gzip   ${kb(r.firstLoadUncompressedJsBytes).padStart(9)} raw`);
}

console.log('Basemap layers (data/basemap)');
let raw = 0;
let zipped = 0;
for (const f of fs.readdirSync(path.join('data', 'basemap')).sort()) {
  const buf = fs.readFileSync(path.join('data', 'basemap', f));
  raw += buf.length;
  zipped += gz(buf);
  console.log(`  ${f.padEnd(24)} ${kb(gz(buf)).padStart(9)} gzip   ${kb(buf.length).padStart(9)} raw`);
}
console.log(`  ${'all layers'.padEnd(24)} ${kb(zipped).padStart(9)} gzip   ${kb(raw).padStart(9)} raw   (budget 250 KB gzip)`);
