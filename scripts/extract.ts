/**
 * npm run -s extract -- FILE...  → one GeoJSON FeatureCollection on stdout, nothing else.
 * npm run -s extract -- --format geojson|csv|kml FILE...  → the events as /api/events.<format> gives them.
 * A directory stands for the article files in it (.md, .markdown, .txt), in name order (a big corpus is more than
 * a command line holds). Options: --no-cache (read every article again, write nothing), --jobs N (worker threads;
 * default: every core), --stats (one line of figures on stderr at the end: time, cache hits, memory).
 * Each article's reading is cached (lib/extract-cache; GEOBRIEF_CACHE_DIR, `npm run cache:clear`), so a run
 * after adding one article re-reads that one; files the build has made a brief of (lib/brief-snapshot) are
 * answered from it. Errors go to stderr naming the file (exit 1); no files → usage
 * (exit 2). The articles are read in worker threads: SIGTERM or SIGINT stops the run at once (exit 143 / 130).
 */
import fs from 'node:fs';
import path from 'node:path';
import { snapshotOf } from '../lib/brief';
import { readSnapshot } from '../lib/brief-snapshot';
import { corpusCache, ReadingCache, type CacheStats } from '../lib/extract-cache';
import { combineReadings } from '../lib/pipeline';
import { readFilesInParallel } from '../lib/reading-pool';
import { parseCollection } from '../lib/schema';
import type { Article, BriefCollection } from '../lib/types';
import { EXPORT_FORMATS, exportCollection, isExportFormat, type ExportFormat } from '../lib/export';

// Whatever a dependency might log must not corrupt the JSON on stdout.
console.log = console.info = console.warn = console.debug = (...args: unknown[]) => console.error(...args);

function usage(problem?: string): never {
  if (problem) process.stderr.write(`extract: ${problem}\n`);
  process.stderr.write('usage: npm run -s extract -- [--format geojson|csv|kml] [--no-cache] [--jobs N] FILE...\n  prints the places and events of the given articles as one GeoJSON FeatureCollection,\n  or with --format only the events, as GeoJSON, CSV (ACLED columns) or KML\n');
  process.exit(2);
}

const args = process.argv.slice(2).filter((f) => f !== '--');
let format: ExportFormat | null = null;
let useCache = true;
let jobs: number | undefined;
let stats = false;
const files: string[] = [];
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const m = /^--(format|jobs)(?:=(.*))?$/.exec(a);
  if (m) {
    const value = m[2] ?? args[++k];
    if (m[1] === 'format') {
      if (!value || !isExportFormat(value)) {
        process.stderr.write(`extract: --format must be one of ${EXPORT_FORMATS.join(', ')}, got ${value ? `"${value}"` : 'nothing'}\n`);
        process.exit(2);
      }
      format = value;
    } else {
      if (!value || !/^[1-9]\d{0,2}$/.test(value)) usage(`--jobs must be a whole number from 1 to 999, got ${value ? `"${value}"` : 'nothing'}`);
      jobs = Number(value);
    }
  } else if (a === '--no-cache') useCache = false;
  else if (a === '--stats') stats = true;
  else if (isDirectory(a)) files.push(...fs.readdirSync(a).filter((n) => /\.(md|markdown|txt)$/i.test(n)).sort().map((n) => path.join(a, n)));
  else files.push(a);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
// The same file named twice (a shell glob and a path, say) is read once, not refused as a duplicate id.
const seen = new Set<string>();
const unique = files.filter((f) => !seen.has(path.resolve(f)) && seen.add(path.resolve(f)));
if (unique.length === 0) usage();

// Signals end the run at once: the work is in worker threads, this thread only waits for it.
const stopping = new AbortController();
for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  process.on(signal, () => {
    stopping.abort();
    process.stderr.write(`extract: stopped by ${signal}\n`);
    process.exit(code);
  });
}

/** The articles and collection of a snapshot, or null when a part is missing or damaged (the files are read then). */
function snapshotParts(file: string): { articles: Article[]; collection: BriefCollection } | null {
  const gone = new Error('snapshot part gone');
  try {
    const kept = readSnapshot(file, () => {
      throw gone;
    });
    return kept && { articles: kept.articles, collection: kept.collection };
  } catch (e) {
    if (e === gone) return null;
    throw e;
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
  sampler.unref();
  const cache: ReadingCache | null = useCache ? corpusCache() : null;
  // the files' keys (kept by size, time and inode: unchanged files are not read for them), and the brief the
  // build made of exactly these files if there is one: then nothing is read or merged again
  const snapshot = snapshotOf(unique, cache);
  const kept = snapshot?.exists ? snapshotParts(snapshot.file) : null;
  let articles: Article[];
  let collection: BriefCollection;
  let cacheStats: CacheStats | null = null;
  let tRead: number;
  if (kept) {
    ({ articles, collection } = kept);
    tRead = performance.now();
  } else {
    const read = await readFilesInParallel(unique, { cache, jobs, signal: stopping.signal, keys: snapshot?.keys });
    tRead = performance.now();
    articles = read.articles;
    cacheStats = read.stats;
    collection = combineReadings(articles, read.readings);
  }
  // the schema's parse also gives the output its key order: the same bytes either way
  collection = parseCollection(collection) as BriefCollection;
  const tMerge = performance.now();
  const out = format ? exportCollection(format, collection, articles) : JSON.stringify(collection) + '\n';
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  process.stdout.write(out, () => {
    if (!stats) return;
    const figures = {
      articles: articles.length,
      ms: Math.round(performance.now() - t0),
      readMs: Math.round(tRead - t0),
      mergeMs: Math.round(tMerge - tRead),
      cache: cacheStats,
      snapshot: !!kept,
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      peakHeapMB: Math.round(peakHeap / 1048576),
    };
    process.stderr.write(`extract-stats ${JSON.stringify(figures)}\n`);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
