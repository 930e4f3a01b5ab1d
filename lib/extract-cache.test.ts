import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadCorpus, readArticles } from './corpus';
import { ReadingCache, clearCache, pipelineVersion, readingKey } from './extract-cache';
import { buildCollection } from './pipeline';

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
    assert.equal(files.length, articles.length);
    assert.ok(files.every((f) => f.endsWith('.json.gz')), 'no temporary file left behind');
    const warm = new ReadingCache(dir);
    assert.equal(JSON.stringify(buildCollection(articles, { cache: warm })), expected);
    assert.deepEqual(warm.stats, { hits: articles.length, misses: 0, rejected: 0, writeErrors: 0 });
  } finally {
    clearCache(dir);
  }
});

test('extract cache: corrupt, truncated and foreign entries are ignored and rebuilt; deleting the cache loses nothing', () => {
  const dir = tmp();
  try {
    const some = articles.slice(0, 6);
    const first = new ReadingCache(dir);
    buildCollection(some, { cache: first });
    const file = (i: number) => first.file(first.key(some[i]));
    fs.writeFileSync(file(0), 'not gzip at all');
    fs.writeFileSync(file(1), fs.readFileSync(file(1)).subarray(0, 40));
    fs.copyFileSync(file(3), file(2)); // another article's entry under this key
    const again = new ReadingCache(dir);
    const expectedSome = JSON.stringify(buildCollection(some));
    assert.equal(JSON.stringify(buildCollection(some, { cache: again })), expectedSome);
    assert.equal(again.stats.rejected, 3);
    assert.equal(again.stats.hits, some.length - 3);
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
