import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { articleFromText, corpusFiles, loadCorpus, readArticles } from './corpus';
import { ReadingCache, clearCache, packReading, pipelineVersion, readArticle, readingKey, toStored, unpackReading } from './extract-cache';
import { buildCollection, combineReadings, readCorpus } from './pipeline';
import { loadGazetteer } from './geocode';

const dirOf = (dir: string, re: RegExp) => fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f));
const articles = [...loadCorpus(), ...readArticles([...dirOf('data/test-articles', /\.md$/), ...dirOf('data/devset', /^dev-.*\.md$/)])];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'geobrief-cache-'));
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];

const expected = JSON.stringify(buildCollection(articles));

test('extract cache: a cold run and a warm run give exactly the uncached collection', () => {
  const dir = tmp();
  try {
    const cold = new ReadingCache(dir);
    assert.equal(JSON.stringify(buildCollection(articles, { cache: cold })), expected);
    assert.deepEqual(cold.stats, { hits: 0, misses: articles.length, rejected: 0, writeErrors: 0 });
    const files = filesUnder(dir);
    assert.ok(files.length > 1 && files.length <= 256, `entries packed into at most 256 shards (${files.length} files)`);
    assert.ok(files.every((f) => /[0-9a-f]{2}\.jsonl\.gz$/.test(f)), 'no temporary file left behind');
    const warm = new ReadingCache(dir);
    assert.equal(JSON.stringify(buildCollection(articles, { cache: warm })), expected);
    assert.deepEqual(warm.stats, { hits: articles.length, misses: 0, rejected: 0, writeErrors: 0 });
  } finally {
    clearCache(dir);
  }
});

test('extract cache: corrupt and truncated shards and lines are ignored and rebuilt; deleting the cache loses nothing', () => {
  const dir = tmp();
  try {
    const some = articles.slice(0, 12);
    const first = new ReadingCache(dir);
    buildCollection(some, { cache: first });
    const shardOf = (i: number) => first.shardFile(first.key(some[i]));
    const shards = [...new Set(some.map((_, i) => shardOf(i)))];
    assert.ok(shards.length >= 3, 'the articles fall in several shards');
    const inShard = (file: string) => some.filter((_, i) => shardOf(i) === file).length;
    fs.writeFileSync(shards[0], 'not gzip at all');
    fs.writeFileSync(shards[1], fs.readFileSync(shards[1]).subarray(0, 40));
    // one entry's JSON spoilt inside a shard that still decodes
    const lines = zlib.gunzipSync(fs.readFileSync(shards[2])).toString('utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('E\t'));
    lines[k] = lines[k].slice(0, lines[k].length - 20);
    fs.writeFileSync(shards[2], zlib.gzipSync(lines.join('\n')));
    const again = new ReadingCache(dir);
    const expectedSome = JSON.stringify(buildCollection(some));
    assert.equal(JSON.stringify(buildCollection(some, { cache: again })), expectedSome);
    assert.equal(again.stats.rejected, 3, 'two shards and one line');
    assert.equal(again.stats.misses, inShard(shards[0]) + inShard(shards[1]));
    assert.equal(again.stats.hits, some.length - inShard(shards[0]) - inShard(shards[1]) - 1);
    const third = new ReadingCache(dir);
    buildCollection(some, { cache: third });
    assert.equal(third.stats.hits, some.length, 'the rejected entries were rewritten');
    clearCache(dir);
    const afterClear = new ReadingCache(dir);
    assert.equal(JSON.stringify(buildCollection(some, { cache: afterClear })), expectedSome);
    assert.equal(afterClear.stats.misses, some.length);
  } finally {
    clearCache(dir);
  }
});

test('extract cache: a flush keeps what another process added to the same shard meanwhile', () => {
  const dir = tmp();
  try {
    const v = pipelineVersion();
    const half = Math.floor(articles.length / 2);
    // the second process reads its half (its shards' view taken now) but writes only after the first has written
    const two = new ReadingCache(dir, v);
    const gazetteer = loadGazetteer();
    for (const a of articles.slice(half)) two.read(a, gazetteer);
    buildCollection(articles.slice(0, half), { cache: new ReadingCache(dir, v) });
    two.flush();
    const all = new ReadingCache(dir, v);
    buildCollection(articles, { cache: all });
    assert.equal(all.stats.hits, articles.length);
  } finally {
    clearCache(dir);
  }
});

test('extract cache: the key changes with the text and with the pipeline version, not with the directory', () => {
  const a = articles[0];
  const v = pipelineVersion();
  assert.match(v, /^[0-9a-f]{32}$/);
  assert.equal(readingKey(a, v), readingKey({ ...a }, v));
  assert.notEqual(readingKey(a, v), readingKey({ ...a, body: `${a.body} ` }, v));
  assert.notEqual(readingKey(a, v), readingKey({ ...a, published: '2001-01-01' }, v));
  assert.notEqual(readingKey(a, v), readingKey(a, `${v.slice(0, 31)}x`));
  assert.equal(readingKey(a, v), readingKey({ ...a, file: path.join('elsewhere', path.basename(a.file)) }, v));
  const dir = tmp();
  try {
    buildCollection(articles.slice(0, 2), { cache: new ReadingCache(dir, v) });
    const other = new ReadingCache(dir, 'another-version');
    buildCollection(articles.slice(0, 2), { cache: other });
    assert.equal(other.stats.misses, 2, 'entries of another pipeline version are not used');
  } finally {
    clearCache(dir);
  }
});

test('extract cache: the corpus read from files by their text gives the same collection, cold and warm, without parsing hits', () => {
  const dir = tmp();
  try {
    const files = corpusFiles();
    const plain = JSON.stringify(buildCollection(loadCorpus()));
    const cold = new ReadingCache(dir);
    const first = readCorpus(files, cold);
    assert.equal(JSON.stringify(combineReadings(first.articles, first.readings)), plain);
    assert.equal(cold.stats.misses, files.length);
    const warm = new ReadingCache(dir);
    const second = readCorpus(files, warm);
    // (as JSON: a field the parser left undefined is absent from the stored article)
    assert.equal(JSON.stringify(second.articles), JSON.stringify(loadCorpus()), 'the articles kept in the cache are the parsed ones');
    assert.equal(JSON.stringify(combineReadings(second.articles, second.readings)), plain);
    assert.equal(warm.stats.hits, files.length);
    // an entry made without the corpus rules (the CLI's) is used by the corpus only when the article meets them
    const dated = '---\nid: cache-rules\npublished: 2025-01-02\n---\nShots in Kulob.\n';
    const undated = '---\nid: cache-rules\n---\nShots in Kulob.\n';
    const gazetteer = loadGazetteer();
    for (const text of [dated, undated]) {
      const article = articleFromText(text, 'cache-rules.md');
      warm.storeFile(text, 'cache-rules.md', article, toStored(readArticle(article, gazetteer)));
    }
    assert.equal(warm.lookupFile(dated, 'cache-rules.md', true)?.article.id, 'cache-rules');
    assert.equal(warm.lookupFile(undated, 'cache-rules.md', false)?.article.id, 'cache-rules');
    assert.equal(warm.lookupFile(undated, 'cache-rules.md', true), null, 'no published date: not a corpus article');
  } finally {
    clearCache(dir);
  }
});

test('extract cache: entries written in several flushes (appended gzip members) are all found by the next run', () => {
  const dir = tmp();
  try {
    const cache = new ReadingCache(dir);
    const gazetteer = loadGazetteer();
    for (const a of articles) {
      cache.read(a, gazetteer);
      cache.flushIfOver(0); // every entry in a member of its own
    }
    assert.equal(cache.stats.writeErrors, 0);
    const shards = filesUnder(dir);
    const members = shards.reduce((n, f) => n + (fs.readFileSync(f).toString('latin1').match(/\x1f\x8b\x08/g)?.length ?? 0), 0);
    assert.ok(members >= articles.length, `one gzip member per flush (${members} for ${articles.length} entries)`);
    const warm = new ReadingCache(dir);
    assert.equal(JSON.stringify(buildCollection(articles, { cache: warm })), expected);
    assert.deepEqual(warm.stats, { hits: articles.length, misses: 0, rejected: 0, writeErrors: 0 });
  } finally {
    clearCache(dir);
  }
});

test('extract cache: a packed reading (what a worker sends) is the stored form as text, and makes the same entry', () => {
  const gazetteer = loadGazetteer();
  const byObject = new ReadingCache(tmp(), 'v-pack');
  const byText = new ReadingCache(tmp(), 'v-pack');
  try {
    for (const article of articles) {
      const reading = readArticle(article, gazetteer);
      const stored = toStored(reading);
      const packed = packReading(reading);
      assert.equal(packed.json, JSON.stringify(stored.reading), article.id);
      assert.deepEqual(Object.keys(packed.geometries), Object.keys(stored.geometries), article.id);
      assert.equal(JSON.stringify(unpackReading(packed)), JSON.stringify(reading), `${article.id}: unpacked, the reading itself`);
      const text = `text of ${article.id}`;
      byObject.storeFile(text, article.file, article, stored);
      byText.storeFilePacked(text, article.file, article, packed);
    }
    assert.ok(articles.some((a) => Object.keys(packReading(readArticle(a, gazetteer)).geometries).length > 0), 'some reading refers to an area geometry');
    assert.equal(unpackReading({ json: '{"mentions":[', geometries: {} }), null, 'text that does not decode is no reading');
    assert.equal(unpackReading({ json: '{"mentions":[{"uncertainty":{"$geometry":"0000000000000000"}}],"events":{"reports":[],"aggregates":[]}}', geometries: {} }), null, 'a geometry missing: no reading');
    byObject.flush();
    byText.flush();
    const shards = (c: ReadingCache) => filesUnder(c.dir).map((f) => `${path.basename(f)} ${zlib.gunzipSync(fs.readFileSync(f)).toString('utf8')}`).sort();
    assert.deepEqual(shards(byText), shards(byObject), 'the same shard files, line for line');
  } finally {
    clearCache(byObject.dir);
    clearCache(byText.dir);
  }
});
