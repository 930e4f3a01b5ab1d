/**
 * npm run -s extract -- FILE...  → one GeoJSON FeatureCollection on stdout, nothing else.
 * npm run -s extract -- --format geojson|csv|kml FILE...  → the events as /api/events.<format> gives them.
 * Errors go to stderr naming the file (exit 1); no files → usage (exit 2).
 */
import path from 'node:path';
import { readArticles } from '../lib/corpus';
import { buildCollection } from '../lib/pipeline';
import { parseCollection } from '../lib/schema';
import type { BriefCollection } from '../lib/types';
import { EXPORT_FORMATS, exportCollection, isExportFormat, type ExportFormat } from '../lib/export';

// Whatever a dependency might log must not corrupt the JSON on stdout.
console.log = console.info = console.warn = console.debug = (...args: unknown[]) => console.error(...args);

const args = process.argv.slice(2).filter((f) => f !== '--');
let format: ExportFormat | null = null;
const formatAt = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
if (formatAt >= 0) {
  const value = args[formatAt].includes('=') ? args[formatAt].split('=')[1] : args[formatAt + 1];
  if (!value || !isExportFormat(value)) {
    process.stderr.write(`extract: --format must be one of ${EXPORT_FORMATS.join(', ')}, got ${value ? `"${value}"` : 'nothing'}\n`);
    process.exit(2);
  }
  format = value;
  args.splice(formatAt, args[formatAt].includes('=') ? 1 : 2);
}
// The same file named twice (a shell glob and a path, say) is read once, not refused as a duplicate id.
const seen = new Set<string>();
const files = args.filter((f) => !seen.has(path.resolve(f)) && seen.add(path.resolve(f)));
if (files.length === 0) {
  process.stderr.write('usage: npm run -s extract -- [--format geojson|csv|kml] FILE...\n  prints the places and events of the given articles as one GeoJSON FeatureCollection,\n  or with --format only the events, as GeoJSON, CSV (ACLED columns) or KML\n');
  process.exit(2);
}
try {
  const articles = readArticles(files);
  const collection = parseCollection(buildCollection(articles)) as BriefCollection;
  process.stdout.write(format ? exportCollection(format, collection, articles) : JSON.stringify(collection) + '\n');
} catch (e) {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
