import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { briefFromReadings, corpusBrief, snapshotOf } from './brief';
import { collectionHash, corpusFingerprint } from './brief-snapshot';
import { corpusFiles, loadCorpus } from './corpus';
import { ReadingCache, clearCache } from './extract-cache';
import { buildCollection } from './pipeline';
import { presentBrief } from './present';
import { readFilesInParallel } from './reading-pool';

const tmp = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `geobrief-${what}-`));
const snapshots = (dir: string) => [...new Set(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((f) => /brief-[0-9a-f]+(?=\.[a-z]+\.v8$)/.exec(f) ?? []))];

/** A brief as JSON, its parts in one order (a snapshot's collection and articles are getters, read when first used). */
const json = (b: { articles: unknown; collection: unknown; view: unknown; collectionHash: string }) =>
  JSON.stringify({ articles: b.articles, collection: b.collection, view: b.view, collectionHash: b.collectionHash });

/** The brief made with no cache at all: what every snapshot must equal. */
function plainBrief(files: string[]) {
  const articles = loadCorpus(path.dirname(files[0]));
  const collection = buildCollection(articles);
  return JSON.stringify({ articles, collection, view: presentBrief(collection, articles), collectionHash: collectionHash(collection) });
}

test('brief snapshot: made once from the readings, then read back equal to the brief made without any cache', () => {
  const cacheDir = tmp('snapshot-cache');
  try {
    const files = corpusFiles();
    const expected = plainBrief(files);
    const first = corpusBrief(files, new ReadingCache(cacheDir));
    assert.equal(first.from, 'readings');
    assert.equal(json(first.brief), expected);
    assert.equal(snapshots(cacheDir).length, 1, 'the snapshot is written');
    const again = new ReadingCache(cacheDir);
    const second = corpusBrief(files, again);
    assert.equal(second.from, 'snapshot');
    assert.equal(json(second.brief), expected);
    assert.equal(again.stats.hits + again.stats.misses, 0, 'no reading is looked at when the snapshot is there');
  } finally {
    clearCache(cacheDir);
  }
});

test('brief snapshot: another article, an edited one or a damaged snapshot means the brief is made again; one snapshot is kept', () => {
  const cacheDir = tmp('snapshot-cache');
  const corpus = tmp('snapshot-corpus');
  try {
    for (const f of corpusFiles()) fs.copyFileSync(f, path.join(corpus, path.basename(f)));
    corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
    const before = corpusFingerprint(corpusFiles(corpus)).key;

    fs.writeFileSync(path.join(corpus, 'zz-added.md'), '---\nid: zz-added\npublished: 2025-03-02\n---\nGunmen fired on a border post near Kulob on 1 March, killing two guards.\n');
    assert.notEqual(corpusFingerprint(corpusFiles(corpus)).key, before, 'a new article is a new key');
    const added = corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
    assert.equal(added.from, 'readings');
    assert.equal(json(added.brief), plainBrief(corpusFiles(corpus)));
    assert.ok(added.brief.articles.some((a) => a.id === 'zz-added'));
    assert.equal(snapshots(cacheDir).length, 1, 'the older snapshot is removed');

    const first = corpusFiles(corpus)[0];
    fs.appendFileSync(first, '\nA later paragraph with nothing new.\n');
    const edited = corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
    assert.equal(edited.from, 'readings', 'an edited article is a new key');
    assert.equal(json(edited.brief), plainBrief(corpusFiles(corpus)));

    const snapshot = snapshotOf(corpusFiles(corpus), new ReadingCache(cacheDir))!;
    assert.ok(snapshot.exists);
    const view = `${snapshot.file}.view.v8`;
    fs.writeFileSync(view, fs.readFileSync(view).subarray(0, 1000));
    const damaged = corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
    assert.equal(damaged.from, 'readings', 'a snapshot whose view does not decode is made again');
    assert.equal(json(damaged.brief), plainBrief(corpusFiles(corpus)));
    assert.equal(corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir)).from, 'snapshot', 'and written again');
    // a part read later that has gone bad by then: the brief is made again for it
    for (const part of ['collection', 'articles']) {
      const file = `${snapshot.file}.${part}.v8`;
      const good = fs.readFileSync(file);
      const lazy = corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
      assert.equal(lazy.from, 'snapshot');
      fs.writeFileSync(file, good.subarray(0, 100));
      assert.equal(json(lazy.brief), plainBrief(corpusFiles(corpus)), `${part} damaged after the view was read`);
      fs.writeFileSync(file, good);
    }

    clearCache(cacheDir);
    const cleared = corpusBrief(corpusFiles(corpus), new ReadingCache(cacheDir));
    assert.equal(cleared.from, 'readings', 'deleting the cache loses nothing');
    assert.equal(json(cleared.brief), plainBrief(corpusFiles(corpus)));
  } finally {
    clearCache(cacheDir);
    fs.rmSync(corpus, { recursive: true, force: true });
  }
});

test('reading pool: files looked up shard by shard through their known keys give the same articles and readings, in file order', async () => {
  const cacheDir = tmp('snapshot-cache');
  try {
    const files = corpusFiles();
    const cold = await readFilesInParallel(files, { cache: new ReadingCache(cacheDir), corpus: true, jobs: 1 });
    const keys = corpusFingerprint(files).keys;
    const cache = new ReadingCache(cacheDir);
    const warm = await readFilesInParallel(files, { cache, corpus: true, keys });
    assert.equal(cache.stats.hits, files.length);
    assert.deepEqual(
      warm.articles.map((a) => a.id),
      cold.articles.map((a) => a.id),
    );
    assert.equal(json(briefFromReadings(warm.articles, warm.readings)), plainBrief(files));
  } finally {
    clearCache(cacheDir);
  }
});

test('corpus fingerprint: a file whose size, time and inode are as before is not read again; a changed one is', () => {
  const corpus = tmp('snapshot-corpus');
  try {
    for (const f of corpusFiles()) fs.copyFileSync(f, path.join(corpus, path.basename(f)));
    const files = corpusFiles(corpus);
    const first = corpusFingerprint(files);
    assert.equal(first.read, files.length);
    const second = corpusFingerprint(files, undefined, first.known);
    assert.equal(second.read, 0);
    assert.equal(second.key, first.key);
    assert.deepEqual(second.keys, first.keys);
    const text = fs.readFileSync(files[1], 'utf8');
    fs.writeFileSync(files[1], text.replace(/\.(\s*)$/, '!$1')); // same size, new text and time
    const third = corpusFingerprint(files, undefined, second.known);
    assert.equal(third.read, 1);
    assert.notEqual(third.key, first.key);
    assert.equal(third.key, corpusFingerprint(files).key, 'the same key as from reading every file');
  } finally {
    fs.rmSync(corpus, { recursive: true, force: true });
  }
});
