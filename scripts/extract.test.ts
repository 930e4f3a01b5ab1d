import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (...files: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...files], { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-'));

test('prints one FeatureCollection of places for the corpus, nothing else on stdout', () => {
  const r = run('data/articles/002_dfda0bedbaa3b5b1.md');
  assert.equal(r.status, 0, r.stderr);
  const fc = JSON.parse(r.stdout);
  assert.equal(fc.type, 'FeatureCollection');
  const body = fs.readFileSync('data/articles/002_dfda0bedbaa3b5b1.md', 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  for (const f of fc.features) {
    assert.equal(f.geometry.type, 'Point');
    assert.ok(['place', 'event'].includes(f.properties.kind), f.properties.kind);
    if (f.properties.kind !== 'place') continue; // events are checked in lib/events/extract-cli.test.ts
    for (const m of f.properties.mentions) assert.equal(body.slice(m.start, m.end), m.text);
  }
  assert.ok(fc.features.some((f: { properties: { featureType: string } }) => f.properties.featureType === 'border-post'));
  assert.ok(Array.isArray(fc.unresolved));
});

test('an empty article gives a valid, empty collection', () => {
  const file = path.join(tmp, 'empty.md');
  fs.writeFileSync(file, '');
  const r = run(file);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).features, []);
});

test('unreadable file or malformed front matter: non-zero exit, message naming the file', () => {
  const bad = path.join(tmp, 'bad.md');
  fs.writeFileSync(bad, '---\npublished: 2025-13-45\n---\nText.');
  for (const file of [path.join(tmp, 'missing.md'), bad]) {
    const r = run(file);
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(path.basename(file)));
  }
});

test('no files: usage on stderr, exit 2', () => {
  const r = run();
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage/);
});

test('files the build made a brief of are answered from its snapshot, byte for byte the same output', () => {
  const cacheDir = path.join(tmp, 'snapshot-cache');
  const env = { ...process.env, GEOBRIEF_CACHE_DIR: cacheDir, GEOBRIEF_ARTICLES_DIR: 'data/articles' };
  const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--stats', 'data/articles'], { encoding: 'utf8', env });
  const before = cli();
  assert.equal(before.status, 0, before.stderr);
  assert.match(before.stderr, /"snapshot":false/);
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-corpus.ts'], { encoding: 'utf8', env });
  assert.equal(check.status, 0, check.stderr);
  const after = cli();
  assert.equal(after.status, 0, after.stderr);
  assert.match(after.stderr, /"snapshot":true/);
  assert.equal(after.stdout, before.stdout);
});
