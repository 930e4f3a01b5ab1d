/**
 * The whole brief — articles, merged collection and the pages' view — kept on disk once made, so that the server's
 * first request and a build of an unchanged corpus read one file instead of reading 100,000 cached readings,
 * merging and presenting them again (at 100,000 articles that took the first visitor a minute and a half).
 *
 * - Keyed by the corpus ({@link corpusFingerprint}: every file's cache key — its name, display path and text —
 *   in corpus order) and by {@link snapshotVersion} (the pipeline's version and the source of everything between
 *   the readings and the view): any change to an article or to that code is a different key, so a snapshot is
 *   never stale, only missing.
 * - Kept beside the readings in the extraction cache (`<cache dir>/<version>/brief-<key>.v8`), in V8's
 *   serialisation format (a 100,000-article brief is more than one JSON string may hold; shared objects such as
 *   area geometries stay shared). Written to a temporary file renamed into place; the corpus's older snapshots
 *   in that directory are removed then. Deleting the cache loses nothing: a missing or undecodable snapshot
 *   means the brief is made again from the readings (and written again).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { ArticleError } from './article';
import { displayPath } from './corpus';
import { fileKey, pipelineVersion } from './extract-cache';
import type { BriefView } from './present';
import type { Article, BriefCollection } from './types';

export interface BriefData {
  articles: Article[];
  collection: BriefCollection;
  view: BriefView;
}

/** Source files (relative to the working directory) that turn readings into the brief, besides the pipeline's. */
const BRIEF_SOURCES = ['lib/pipeline.ts', 'lib/brief-snapshot.ts', 'lib/corpus.ts', 'lib/article.ts', 'lib/types.ts', 'lib/schema.ts', 'lib/visible-text.ts'];
const BRIEF_DIRS = ['lib/present', 'lib/geo'];

let versionMemo: { root: string; version: string } | null = null;

/** Hash of the pipeline's version and of the code that merges and presents (files absent at run time count as absent). */
export function snapshotVersion(root: string = process.cwd()): string {
  if (versionMemo?.root === root) return versionMemo.version;
  const files = [...BRIEF_SOURCES];
  for (const dir of BRIEF_DIRS) {
    try {
      const where = path.join(/*turbopackIgnore: true*/ root, dir);
      for (const name of fs.readdirSync(/*turbopackIgnore: true*/ where).sort()) if (/\.(ts|json)$/.test(name) && !/\.test\.ts$/.test(name)) files.push(`${dir}/${name}`);
    } catch {
      files.push(`${dir}/`);
    }
  }
  const h = crypto.createHash('sha256').update(`geobrief-brief\n${pipelineVersion(root)}\n`);
  for (const rel of files) {
    try {
      const file = path.join(/*turbopackIgnore: true*/ root, rel);
      const content = fs.readFileSync(/*turbopackIgnore: true*/ file);
      h.update(`${rel}\n${content.length}\n`).update(content);
    } catch {
      h.update(`${rel}\nabsent\n`);
    }
  }
  versionMemo = { root, version: h.digest('hex').slice(0, 32) };
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

/** Where the brief of a corpus key is kept, in a cache directory made for the pipeline version. */
export function snapshotFile(cacheDir: string, version: string, corpusKey: string): string {
  return path.join(/*turbopackIgnore: true*/ cacheDir, version, `brief-${corpusKey}.v8`);
}

/** The brief kept in a snapshot file, or null when there is none or it does not decode. */
export function readSnapshot(file: string): BriefData | null {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  } catch {
    return null;
  }
  try {
    const data = v8.deserialize(buffer) as BriefData;
    return data && Array.isArray(data.articles) && data.collection?.type === 'FeatureCollection' && Array.isArray(data.view?.events) ? data : null;
  } catch {
    return null;
  }
}

/**
 * Writes the brief to its snapshot file (temporary file, then renamed) and removes the other snapshots in that
 * directory (a corpus that grew keeps one). Returns false, never throws, when it cannot: that costs time only.
 */
export function writeSnapshot(file: string, data: BriefData): boolean {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, v8.serialize(data));
    fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
  } catch {
    fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    return false;
  }
  for (const name of fs.readdirSync(/*turbopackIgnore: true*/ dir)) {
    const other = path.join(/*turbopackIgnore: true*/ dir, name);
    if (/^brief-[0-9a-f]+\.v8$/.test(name) && other !== file) fs.rmSync(/*turbopackIgnore: true*/ other, { force: true });
  }
  return true;
}
