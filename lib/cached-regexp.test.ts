import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawRegex, regex, withFlags, MAX_PER_SITE } from './cached-regexp';

const words = 'killed|wounded';
const pattern = (w: string) => regex('gi')`\\b(?:${w})\\b`;

test('regex: the same pattern as new RegExp, compiled once per call site and values', () => {
  const a = pattern(words);
  assert.equal(a.source, new RegExp(`\\b(?:${words})\\b`, 'gi').source);
  assert.equal(a.flags, 'gi');
  assert.equal(pattern(words), a, 'same site, same values: the same object');
  assert.notEqual(pattern('died'), a, 'other values: another pattern');
  assert.equal(pattern('died').source, '\\b(?:died)\\b');
  assert.notEqual(regex('gi')`\\b(?:${words})\\b`, a, 'another call site: another object');
  assert.equal(rawRegex('i')`\b${'x'}\s+`.source, String.raw`\b${'x'}\s+`);
});

test('regex: lastIndex starts at 0 on every fetch, so a loop that broke off early does not skip matches', () => {
  const re = pattern(words);
  re.exec('they were killed and wounded');
  assert.ok(re.lastIndex > 0);
  assert.equal(pattern(words).lastIndex, 0);
  assert.deepEqual([...'killed, wounded'.matchAll(pattern(words))].map((m) => m[0]), ['killed', 'wounded']);
});

test('regex: a call site with ever new values keeps a bounded number of patterns, still correct', () => {
  for (let i = 0; i < 3 * MAX_PER_SITE; i++) assert.ok(pattern(`w${i}`).test(`a w${i} b`));
  assert.ok(pattern(words).test('killed'));
});

test('withFlags: the pattern with other flags, once per pattern and flags', () => {
  const base = /a+b/i;
  const g = withFlags(base, 'gi');
  assert.equal(g.source, 'a+b');
  assert.equal(g.flags, 'gi');
  assert.equal(withFlags(base, 'gi'), g);
  assert.notEqual(withFlags(base, 'i'), g);
  g.exec('xaab');
  assert.equal(withFlags(base, 'gi').lastIndex, 0);
});
