/**
 * The whole brief — articles, merged collection and the pages' view — kept on disk once made, so that the server's
 * first request and a build of an unchanged corpus read one file instead of reading 100,000 cached readings,
 * merging and presenting them again (at 100,000 articles that took the first visitor a minute and a half).
 *
 * - Keyed by the corpus ({@link corpusFingerprint}: every file's cache key — its name, display path and text —
 *   in corpus order) and by {@link snapshotVersion} (the pipeline's version and the source of everything between
 *   the readings and the view): any change to an article or to that code is a different key, so a snapshot is
 *   never stale, only missing.
 * - Kept beside the readings in the extraction cache (`<cache dir>/<version>/brief-<key>.<part>.v8`), in V8's
 *   serialisation format (a 100,000-article brief is more than one JSON string may hold; shared objects such as
 *   area geometries stay shared), in three parts read as needed (see {@link readSnapshot}), the articles in
 *   chunks that later snapshots share (see {@link writeSnapshot}). Written to temporary
 *   files renamed into place; the corpus's older snapshots in that directory are removed then. Deleting the cache loses nothing: a missing or undecodable snapshot
 *   means the brief is made again from the readings (and written again).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { ArticleError } from './article';
import { displayPath } from './corpus';
import type { Geometry } from 'geojson';
import { fileKey, fromStored, hashSources, pipelineVersion, type ArticleReading, type StoredReading } from './extract-cache';
import type { MergeState } from './pipeline';
import type { BriefView } from './present';
import type { Article, BriefCollection } from './types';

export interface BriefData {
  articles: Article[];
  collection: BriefCollection;
  view: BriefView;
  /** {@link collectionHash} of the collection, worked out when the brief is made. */
  collectionHash: string;
}

/** Source files (relative to the working directory) that turn readings into the brief, besides the pipeline's. */
const BRIEF_SOURCES = ['lib/pipeline.ts', 'lib/brief-snapshot.ts', 'lib/corpus.ts', 'lib/article.ts', 'lib/types.ts', 'lib/schema.ts', 'lib/visible-text.ts'];
const BRIEF_DIRS = ['lib/present', 'lib/geo'];

let versionMemo: { root: string; version: string } | null = null;

/** Hash of the pipeline's version and of the code that merges and presents. */
export function snapshotVersion(root: string = process.cwd()): string {
  if (versionMemo?.root !== root) versionMemo = { root, version: hashSources(root, `geobrief-brief\n${pipelineVersion(root)}\n`, BRIEF_SOURCES, BRIEF_DIRS) };
  return versionMemo.version;
}

export interface CorpusFingerprint {
  /** Each file's cache key (lib/extract-cache `fileKey`), in the order of the files. */
  keys: string[];
  /** The whole corpus under the snapshot version. */
  key: string;
  /** Each file's identity and key now, for the next time (see {@link writeKnownKeys}). */
  known: Map<string, Known>;
  /** Files read and hashed (the others' keys were known). */
  read: number;
}

/** A file's key as last computed, with the file's identity then: size, modification time (ns), inode. */
type Known = [size: string, mtimeNs: string, ino: string, key: string];

/**
 * Each file's cache key and the corpus's key (the files' keys and display paths in order, under
 * {@link snapshotVersion}). A file is read and hashed unless `known` (see {@link readKnownKeys}) has its key
 * from a time when it had the same size, modification time and inode — the test `make` and git use, so
 * that the server's first request does not read 100,000 files to find its snapshot. Throws (with the file's name) when a file cannot be read.
 */
export function corpusFingerprint(files: string[], version: string = pipelineVersion(), known: Map<string, Known> = new Map()): CorpusFingerprint {
  const h = crypto.createHash('sha256').update(`${snapshotVersion()}\n`);
  const now = new Map<string, Known>();
  let read = 0;
  const keys = files.map((file) => {
    let k: string;
    try {
      // the identity is taken before the text: a file changed after it differs next time and is read again
      const st = fs.statSync(/*turbopackIgnore: true*/ file, { bigint: true });
      const id: [string, string, string] = [String(st.size), String(st.mtimeNs), String(st.ino)];
      const was = known.get(file);
      if (was && was[0] === id[0] && was[1] === id[1] && was[2] === id[2]) k = was[3];
      else {
        k = fileKey(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8'), file, version);
        read++;
      }
      now.set(file, [...id, k]);
    } catch (e) {
      throw new ArticleError(displayPath(file), `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    h.update(`${displayPath(file)}\t${k}\n`);
    return k;
  });
  return { keys, key: h.digest('hex').slice(0, 32), known: now, read };
}

/** The file keys last computed under a cache directory and version (empty when none or unreadable). */
export function readKnownKeys(cacheDir: string, version: string): Map<string, Known> {
  try {
    const file = path.join(/*turbopackIgnore: true*/ cacheDir, version, 'file-keys.v8');
    const m = v8.deserialize(fs.readFileSync(/*turbopackIgnore: true*/ file)) as unknown;
    return m instanceof Map ? (m as Map<string, Known>) : new Map();
  } catch {
    return new Map();
  }
}

/** Keeps the file keys for {@link readKnownKeys} (temporary file, renamed); false, never a throw, when it cannot. */
export function writeKnownKeys(cacheDir: string, version: string, known: Map<string, Known>): boolean {
  const file = path.join(/*turbopackIgnore: true*/ cacheDir, version, 'file-keys.v8');
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, v8.serialize(known));
    fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
    return true;
  } catch {
    fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    return false;
  }
}

/** Where the brief of a corpus key is kept, in a cache directory made for the pipeline version (one file per part). */
export function snapshotFile(cacheDir: string, version: string, corpusKey: string): string {
  return path.join(/*turbopackIgnore: true*/ cacheDir, version, `brief-${corpusKey}`);
}

/**
 * The parts a snapshot is kept in, each its own file (`<snapshot>.<part>.v8`): the view comes first (every page
 * and the map's data need it); the collection and the articles (event sources, exports, figures) are read when
 * first asked for, so the first visitor waits for the view only. The collection's hash (the corpus hash the
 * pages and the map's data are keyed by) is kept with the view.
 */
const PARTS = ['view', 'collection', 'articles'] as const;
type Part = (typeof PARTS)[number];
const partFile = (file: string, part: Part) => `${file}.${part}.v8`;

/** A short hash of a collection (16 hex digits): what the map draws, for the corpus-keyed data and screenshot checks. */
export function collectionHash(collection: BriefCollection): string {
  return crypto.createHash('sha256').update(JSON.stringify(collection)).digest('hex').slice(0, 16);
}

function readPart(file: string, part: Part): unknown {
  try {
    return v8.deserialize(fs.readFileSync(/*turbopackIgnore: true*/ partFile(file, part)));
  } catch {
    return null;
  }
}

/**
 * The articles are kept in chunks shared between snapshots, so that a build after one article was added writes
 * one chunk, not all 100,000 articles again. A chunk is a run of articles in corpus order that ends after an
 * article whose cache key ends in `00` (content-defined, as rsync and backup tools cut files: an article added or
 * removed changes its own chunk only, not the boundaries after it), named by a hash of its articles' keys and
 * display paths under {@link snapshotVersion}: a chunk whose files are there already holds those articles and
 * is neither serialised nor written again. Each chunk is two JSON files (JSON.parse reads plain data three times
 * faster than V8's deserializer): `articles-<hash>.json`, the articles, which the server reads; and, when the
 * build kept them, `readings-<hash>.json`, their readings in the cache's stored form (lib/extract-cache
 * `toStored`, each area geometry once), which the next build reads instead of the extraction cache's shards
 * (see {@link readKeptReadings}). The snapshot's articles part lists the chunks in order, with their sizes.
 */
const CHUNK_END = /00$/;
type ChunkKind = 'articles' | 'readings';
const chunkFile = (dir: string, name: string, kind: ChunkKind) => path.join(/*turbopackIgnore: true*/ dir, `${kind}-${name}.json`);
interface ChunkList {
  chunks: { name: string; size: number }[];
}

function articleChunks(articles: Article[], keys: string[]): { name: string; from: number; to: number }[] {
  if (keys.length !== articles.length) throw new Error(`writeSnapshot: ${articles.length} articles but ${keys.length} keys`);
  const chunks: { name: string; from: number; to: number }[] = [];
  let from = 0;
  let h = crypto.createHash('sha256').update(`${snapshotVersion()}\n`);
  for (let i = 0; i < articles.length; i++) {
    h.update(`${keys[i]}\t${articles[i].file}\n`);
    if (CHUNK_END.test(keys[i]) || i === articles.length - 1) {
      chunks.push({ name: h.digest('hex').slice(0, 32), from, to: i + 1 });
      from = i + 1;
      h = crypto.createHash('sha256').update(`${snapshotVersion()}\n`);
    }
  }
  return chunks;
}

/**
 * Readings as a chunk's JSON (lib/extract-cache's stored form: each area geometry replaced by a reference to the
 * chunk's table). A geometry is one object shared by every reading that has it: hashed once per write (`refs`),
 * not once per mention as `toStored` would.
 */
/** The key lib/extract-cache's stored form puts a geometry's hash under (`fromStored` reads it back). */
const GEOMETRY_REF = '$geometry';

function storedChunk(readings: ArticleReading[], refs: WeakMap<object, string>): string {
  const geometries: Record<string, Geometry> = {};
  const json = JSON.stringify(readings, (k, v) => {
    if (k !== 'uncertainty' || v === null || typeof v !== 'object') return v;
    let h = refs.get(v as object);
    if (!h) refs.set(v as object, (h = crypto.createHash('sha1').update(JSON.stringify(v)).digest('hex').slice(0, 16)));
    geometries[h] = v as Geometry;
    return { [GEOMETRY_REF]: h };
  });
  return `{"geometries":${JSON.stringify(geometries)},"readings":${json}}`;
}

/** A snapshot's list of chunks, or null when it is missing or does not decode. */
function chunkList(file: string): ChunkList | null {
  const list = readPart(file, 'articles') as ChunkList | null;
  return Array.isArray(list?.chunks) && list.chunks.every((c) => typeof c?.name === 'string' && Number.isInteger(c.size)) ? list : null;
}

/** A chunk's readings as written: the stored readings and the area geometries they refer to. */
interface StoredChunk {
  geometries: Record<string, Geometry>;
  readings: StoredReading['reading'][];
}

/** One chunk file (its `size` articles, or its readings), or null when it is missing or does not decode. */
function readChunk(dir: string, chunk: { name: string; size: number }, kind: 'articles'): Article[] | null;
function readChunk(dir: string, chunk: { name: string; size: number }, kind: 'readings'): StoredChunk | null;
function readChunk(dir: string, chunk: { name: string; size: number }, kind: ChunkKind): Article[] | StoredChunk | null {
  try {
    const data = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ chunkFile(dir, chunk.name, kind), 'utf8')) as Article[] & StoredChunk;
    const list = kind === 'articles' ? data : data?.readings;
    return Array.isArray(list) && list.length === chunk.size ? data : null;
  } catch {
    return null;
  }
}

/** The articles of a snapshot, from its chunks in order; null when the list or a chunk is missing or does not decode. */
function readArticles(file: string): Article[] | null {
  const list = chunkList(file);
  if (!list) return null;
  const articles: Article[] = [];
  for (const chunk of list.chunks) {
    const part = readChunk(path.dirname(file), chunk, 'articles');
    if (!part) return null;
    for (const a of part as Article[]) articles.push(a);
  }
  return articles;
}

/**
 * The articles and readings a snapshot's chunks hold, by file key and display path (`<key>\t<file>`), given the
 * file keys of its corpus in order (a kept merge's `keys`): what the next build takes instead of the extraction
 * cache for every file it still has. Null when the list, a chunk, or a chunk's readings are missing or do not
 * decode, or the sizes do not add up to the keys.
 */
export function readKeptReadings(file: string, keys: string[]): Map<string, { article: Article; reading: ArticleReading }> | null {
  const list = chunkList(file);
  if (!list || list.chunks.reduce((n, c) => n + c.size, 0) !== keys.length) return null;
  const out = new Map<string, { article: Article; reading: ArticleReading }>();
  let i = 0;
  for (const chunk of list.chunks) {
    const articles = readChunk(path.dirname(file), chunk, 'articles');
    const stored = readChunk(path.dirname(file), chunk, 'readings');
    if (!articles || !stored) return null;
    for (let k = 0; k < chunk.size; k++, i++) {
      // the chunk's geometries go in with its first reading (lib/extract-cache keeps them for the others)
      const reading = fromStored({ geometries: k === 0 ? stored.geometries : {}, reading: stored.readings[k] });
      if (!reading) return null;
      out.set(`${keys[i]}\t${articles[k].file}`, { article: articles[k], reading });
    }
  }
  return out;
}

/** Whether a snapshot's parts are all there (not whether they decode: {@link readSnapshot} finds that out). */
export function snapshotExists(file: string): boolean {
  return PARTS.every((part) => fs.existsSync(/*turbopackIgnore: true*/ partFile(file, part)));
}

/**
 * The brief kept in a snapshot, or null when its view is missing or does not decode. The collection and the
 * articles are read on first use; should one be gone or damaged by then, `remake` gives the whole brief again
 * (made from the readings) and its part is used.
 */
export function readSnapshot(file: string, remake: () => BriefData): BriefData | null {
  const first = readPart(file, 'view') as { view?: BriefView; collectionHash?: string } | null;
  if (!first || !Array.isArray(first.view?.events) || typeof first.collectionHash !== 'string') return null;
  let collection: BriefCollection | undefined;
  let articles: Article[] | undefined;
  let remade: BriefData | undefined;
  return {
    view: first.view,
    collectionHash: first.collectionHash,
    get collection(): BriefCollection {
      if (collection) return collection;
      const c = readPart(file, 'collection') as BriefCollection | null;
      return (collection = c?.type === 'FeatureCollection' ? c : (remade ??= remake()).collection);
    },
    get articles(): Article[] {
      if (articles) return articles;
      return (articles = readArticles(file) ?? (remade ??= remake()).articles);
    },
  };
}

/**
 * Writes the brief's parts (each to a temporary file, then renamed; the view last, so that a snapshot whose view
 * is there is whole) and removes the other snapshots in that directory (a corpus that grew keeps one), and the
 * chunks no longer listed. `keys`: each article's file key (lib/extract-cache `fileKey`), which name the chunks;
 * `readings` (in the order of the articles), kept with them for the next build when given. Returns false, never
 * throws, when it cannot: that costs time only.
 */
export function writeSnapshot(file: string, data: BriefData, keys: string[], readings?: ArticleReading[]): boolean {
  const dir = path.dirname(file);
  const write = (target: string, bytes: string | Uint8Array) => {
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(/*turbopackIgnore: true*/ tmp, bytes);
      fs.renameSync(/*turbopackIgnore: true*/ tmp, target);
    } finally {
      fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    }
  };
  let chunks: ReturnType<typeof articleChunks>;
  const refs = new WeakMap<object, string>();
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    chunks = articleChunks(data.articles, keys);
    for (const c of chunks) {
      if (!fs.existsSync(/*turbopackIgnore: true*/ chunkFile(dir, c.name, 'articles'))) write(chunkFile(dir, c.name, 'articles'), JSON.stringify(data.articles.slice(c.from, c.to)));
      if (readings && !fs.existsSync(/*turbopackIgnore: true*/ chunkFile(dir, c.name, 'readings'))) write(chunkFile(dir, c.name, 'readings'), storedChunk(readings.slice(c.from, c.to), refs));
    }
    write(partFile(file, 'articles'), v8.serialize({ chunks: chunks.map((c) => ({ name: c.name, size: c.to - c.from })) } satisfies ChunkList));
    write(partFile(file, 'collection'), v8.serialize(data.collection));
    write(partFile(file, 'view'), v8.serialize({ view: data.view, collectionHash: data.collectionHash }));
  } catch {
    return false;
  }
  const mine = path.basename(file);
  const listed = new Set(chunks.map((c) => c.name));
  for (const name of fs.readdirSync(/*turbopackIgnore: true*/ dir)) {
    const m = /^(brief-[0-9a-f]+)\.[a-z]+\.v8$/.exec(name);
    const chunk = /^(?:articles|readings)-([0-9a-f]+)\.json$/.exec(name);
    if ((m && m[1] !== mine) || (chunk && !listed.has(chunk[1]))) fs.rmSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, name), { force: true });
  }
  return true;
}

/**
 * What the merge of a snapshot's corpus leaves for the next build (lib/pipeline `MergeState`), with the files'
 * keys and their articles' ids then, so that the next build can tell which articles were added, removed or changed.
 * Kept beside the snapshot's parts (`<snapshot>.merge.v8`, removed with them); made under {@link snapshotVersion}.
 */
export interface KeptMerge {
  version: string;
  keys: string[];
  ids: string[];
  state: MergeState;
}

/** Keeps a merge's state beside a snapshot (temporary file, renamed); false, never a throw, when it cannot. */
export function writeMergeState(file: string, kept: Omit<KeptMerge, 'version'>): boolean {
  const target = `${file}.merge.v8`;
  const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, v8.serialize({ ...kept, version: snapshotVersion() }));
    fs.renameSync(/*turbopackIgnore: true*/ tmp, target);
    return true;
  } catch {
    fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    return false;
  }
}

/**
 * The merge state kept in a snapshot directory (the corpus's last snapshot: older ones are removed when one is
 * written) and the snapshot it was kept with, or null when there is none, it does not decode, or it was made by
 * other code.
 */
export function readMergeState(dir: string): (KeptMerge & { snapshot: string }) | null {
  let names: string[];
  try {
    names = fs.readdirSync(/*turbopackIgnore: true*/ dir).filter((n) => /^brief-[0-9a-f]+\.merge\.v8$/.test(n));
  } catch {
    return null;
  }
  for (const name of names) {
    try {
      const file = path.join(/*turbopackIgnore: true*/ dir, name);
      const kept = v8.deserialize(fs.readFileSync(/*turbopackIgnore: true*/ file)) as KeptMerge;
      const ok = kept?.version === snapshotVersion() && Array.isArray(kept.keys) && Array.isArray(kept.ids) && kept.keys.length === kept.ids.length && Array.isArray(kept.state?.events) && Array.isArray(kept.state?.grouping?.records);
      if (ok) return { ...kept, snapshot: path.join(/*turbopackIgnore: true*/ dir, name.slice(0, -'.merge.v8'.length)) };
    } catch {
      /* not usable: the next one, else none */
    }
  }
  return null;
}

/**
 * The ids of the articles whose readings may differ from a kept merge's (files added, removed or changed:
 * a key not in the other list), or null when too many did for an incremental merge to pay (more than 1 % of
 * the corpus and more than 100 articles: the merge from scratch is then as quick).
 */
export function changedArticles(kept: Pick<KeptMerge, 'keys' | 'ids'>, keys: string[], ids: string[]): Set<string> | null {
  const before = new Set(kept.keys);
  const now = new Set(keys);
  const changed = new Set<string>();
  kept.keys.forEach((k, i) => {
    if (!now.has(k)) changed.add(kept.ids[i]);
  });
  keys.forEach((k, i) => {
    if (!before.has(k)) changed.add(ids[i]);
  });
  return changed.size > Math.max(100, keys.length / 100) ? null : changed;
}
