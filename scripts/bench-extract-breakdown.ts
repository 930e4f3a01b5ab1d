/**
 * Where the seconds of a cache-hit run go: the steps the extract CLI, the build's corpus check and the server's
 * first loadBrief() take on a corpus whose readings are all cached, each timed on its own, on this thread, in
 * order: list and check the files, read and hash them (the cache keys), read the cache's shards (gunzip), parse
 * the entries' JSON (with their geometries), combine the readings (places, then the merge across articles), the
 * schema check of the whole collection (zod), presentBrief, and serialising the collection and the view; then,
 * apart from the total, what the server's first request does now: the corpus key with the files' keys known
 * (lib/brief-snapshot) and reading the brief's snapshot (written here to a temporary file).
 * Prints one line per step (wall and CPU seconds — the CPU time is what a quiet core would take, near enough —,
 * share of the total, heap after it). Figures, not asserts.
 *
 * Run: GEOBRIEF_ARTICLES_DIR=/tmp/geobrief-scale-100000 GEOBRIEF_CACHE_DIR=/tmp/geobrief-scale-100000-cache \
 *        npm run -s bench:extract-breakdown [-- --cache-version <hex>]
 * Steps marked * (not in the total) include the build after one article was added, merged incrementally.
 * --cache-version reads a cache made under another pipeline version (the figures are about cost, and a cache of
 * 100,000 readings takes a quarter of an hour to make again); entries not found are read here, and counted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleFromText, corpusFiles } from '../lib/corpus';
import { collectionHash, corpusFingerprint, readSnapshot, writeSnapshot } from '../lib/brief-snapshot';
import { pipelineVersion, ReadingCache, readArticle, type ArticleReading } from '../lib/extract-cache';
import { loadGazetteer } from '../lib/geocode';
import { collectPlaces } from '../lib/geocode';
import { mergeReadings } from '../lib/events';
import v8 from 'node:v8';
import { briefAndMerge } from '../lib/brief';
import { combineReadings, combineReadingsKept, type MergeState } from '../lib/pipeline';
import { presentBrief } from '../lib/present';
import { parseCollection } from '../lib/schema';
import type { Article } from '../lib/types';

const args = process.argv.slice(2).filter((a) => a !== '--');
const k = args.indexOf('--cache-version');
const version = k >= 0 ? args[k + 1] : pipelineVersion();

const steps: Array<{ name: string; ms: number; cpuMs: number; heapMB: number; again?: boolean }> = [];
function step<T>(name: string, f: () => T, again = false): T {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = f();
  const cpu = process.cpuUsage(c0);
  steps.push({ name, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: Math.round(process.memoryUsage().heapUsed / 1048576), again });
  process.stderr.write(`${name}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  return out;
}

const files = step('list files, check each (realpath, stat)', () => corpusFiles());
const fingerprint = step('read and hash every file (cache keys, corpus key)', () => corpusFingerprint(files, version));
const cache = new ReadingCache(process.env.GEOBRIEF_CACHE_DIR, version);
// lookupFile = shard read on first use + JSON.parse of the entry + geometries put back; the shards are read
// first, on their own, by looking up one key in each.
step('read the 256 shards (gunzip, split into lines)', () => {
  for (let n = 0; n < 256; n++) (cache as unknown as { lines(k: string): unknown }).lines(n.toString(16).padStart(2, '0'));
});
let misses = 0;
const gazetteer = loadGazetteer();
const { articles, readings } = step('parse the entries (JSON, geometries)', () => {
  const articles: Article[] = [];
  const readings: ArticleReading[] = [];
  fingerprint.keys.forEach((key, i) => {
    let hit = cache.lookupKey(key, files[i], true);
    if (!hit) {
      misses++;
      const article = articleFromText(fs.readFileSync(files[i], 'utf8'), files[i], { corpus: true });
      hit = { article, reading: readArticle(article, gazetteer) };
    }
    articles.push(hit.article);
    readings.push(hit.reading);
  });
  return { articles, readings };
});
step('collect places (by gazetteer id)', () => collectPlaces(articles, new Map(articles.map((a, i) => [a.id, readings[i].mentions]))));
step('merge events across articles', () => mergeReadings(readings.map((r) => r.events)));
const collection = step('combineReadings (the two steps above again, not in the total)', () => combineReadings(articles, readings), true);
// the build after one article was added (scripts/check-corpus): the last merge's state read, only the incidents the
// new article touches grouped again; the state made here from all but the last article (not in the total)
const previous = step('incremental: merge state and view of all but the last article (from scratch)', () => briefAndMerge(articles.slice(0, -1), readings.slice(0, -1), null), true);
const stateBytes = step('incremental: write the merge state (V8)', () => v8.serialize(previous.state), true);
const state = step(`incremental: read the merge state (V8, ${Math.round(stateBytes.length / 1048576)} MB)`, () => v8.deserialize(stateBytes) as MergeState, true);
const lastOne = new Set([articles[articles.length - 1].id]);
step('incremental: combineReadings with the last article added', () => combineReadingsKept(articles, readings, { state, changed: lastOne }), true);
step('incremental: state read again, merged, presented (earlier views kept)', () => briefAndMerge(articles, readings, { state: v8.deserialize(stateBytes) as MergeState, changed: lastOne, view: previous.brief.view }).presented, true);
step('schema check of the whole collection (zod)', () => parseCollection(collection));
const view = step('presentBrief', () => presentBrief(collection, articles));
step('serialise the collection (JSON)', () => JSON.stringify(collection).length);
step('serialise the view (JSON)', () => JSON.stringify(view).length);
// what the server's first request does now (lib/brief-snapshot), the brief above still in memory
const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-breakdown-'));
try {
  const file = path.join(snapshotDir, 'brief.v8');
  const hash = step('snapshot: the collection hash (JSON, sha256)', () => collectionHash(collection), true);
  step('snapshot: write the brief (V8 format, three parts)', () => writeSnapshot(file, { articles, collection, view, collectionHash: hash }, fingerprint.keys), true);
  step('snapshot: corpus key again, keys known by size, time and inode', () => corpusFingerprint(files, version, fingerprint.known), true);
  const kept = step('snapshot: read the view (what the first page needs)', () => readSnapshot(file, () => {
    throw new Error('snapshot part missing');
  }), true);
  step('snapshot: read the collection', () => kept?.collection.features.length, true);
  step('snapshot: read the articles', () => kept?.articles.length, true);
  const size = (part: string) => Math.round(fs.statSync(`${file}.${part}.v8`).size / 1048576);
  const chunks = fs.readdirSync(snapshotDir).filter((n) => n.startsWith('articles-'));
  const articleBytes = chunks.reduce((s, n) => s + fs.statSync(path.join(snapshotDir, n)).size, 0);
  console.error(`snapshot: view ${size('view')} MB, collection ${size('collection')} MB, articles ${Math.round(articleBytes / 1048576)} MB in ${chunks.length} chunks; ${kept?.view.events.length} events read back`);
} finally {
  fs.rmSync(snapshotDir, { recursive: true, force: true });
}

const total = steps.reduce((s, x) => s + (x.again ? 0 : x.ms), 0);
console.log(`cache-hit breakdown: ${files.length} articles (${misses} not in the cache, read here), ${view.events.length} events; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores (indicative when other work shares them)`);
for (const s of steps) console.log(`${(s.ms / 1000).toFixed(2).padStart(8)} s (CPU ${(s.cpuMs / 1000).toFixed(2).padStart(6)} s) ${((100 * s.ms) / total).toFixed(1).padStart(5)} %  heap ${String(s.heapMB).padStart(5)} MB ${s.again ? '*' : ' '} ${s.name}`);
console.log(`${(total / 1000).toFixed(2).padStart(8)} s total of the steps not marked *; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
