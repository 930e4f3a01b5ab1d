/**
 * npm run -s extract -- FILE...  → one GeoJSON FeatureCollection on stdout, nothing else.
 * Errors go to stderr naming the file (exit 1); no files → usage (exit 2).
 */
import path from 'node:path';
import { readArticles } from '../lib/corpus';
import { buildCollection } from '../lib/pipeline';

// Whatever a dependency might log must not corrupt the JSON on stdout.
console.log = console.info = console.warn = console.debug = (...args: unknown[]) => console.error(...args);

// The same file named twice (a shell glob and a path, say) is read once, not refused as a duplicate id.
const seen = new Set<string>();
const files = process.argv
  .slice(2)
  .filter((f) => f !== '--')
  .filter((f) => !seen.has(path.resolve(f)) && seen.add(path.resolve(f)));
if (files.length === 0) {
  process.stderr.write('usage: npm run -s extract -- FILE...\n  prints the places and events of the given articles as one GeoJSON FeatureCollection\n');
  process.exit(2);
}
try {
  const collection = buildCollection(readArticles(files));
  process.stdout.write(JSON.stringify(collection) + '\n');
} catch (e) {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
