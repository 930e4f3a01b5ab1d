/**
 * npm run -s extract -- FILE...  → one GeoJSON FeatureCollection on stdout, nothing else.
 * Errors go to stderr naming the file (exit 1); no files → usage (exit 2).
 */
import { readArticles } from '../lib/corpus';
import { buildCollection } from '../lib/pipeline';

// Whatever a dependency might log must not corrupt the JSON on stdout.
console.log = console.info = console.warn = console.debug = (...args: unknown[]) => console.error(...args);

const files = process.argv.slice(2).filter((f) => f !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run -s extract -- FILE...\n  prints the places of the given articles as one GeoJSON FeatureCollection\n');
  process.exit(2);
}
try {
  const collection = buildCollection(readArticles(files));
  process.stdout.write(JSON.stringify(collection) + '\n');
} catch (e) {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
