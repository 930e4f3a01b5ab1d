import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { parseArticle } from '../lib/article';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { generateArticle, regionPlaces } from './lib/synthetic-corpus';

const places = regionPlaces(JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer);

test('synthetic corpus: places of the border provinces only, each with a plain-Latin spelling', () => {
  assert.ok(places.length > 100, `${places.length} places`);
  for (const p of places) assert.match(p.name, /^[A-Z][A-Za-z' -]+$/, p.id);
});

test('synthetic corpus: deterministic per (seed, index), readable as corpus articles of about 410 words', () => {
  const words: number[] = [];
  for (let i = 0; i < 200; i++) {
    const a = generateArticle(7, i, places);
    assert.equal(a.text, generateArticle(7, i, places).text);
    const article = parseArticle(a.text, a.fileName, { requireDate: true });
    assert.equal(article.id, a.id);
    words.push(article.body.split(/\s+/).filter(Boolean).length);
  }
  const mean = words.reduce((s, n) => s + n, 0) / words.length;
  assert.ok(mean > 370 && mean < 450, `mean ${mean} words`);
  assert.notEqual(generateArticle(7, 0, places).text, generateArticle(8, 0, places).text, 'the seed matters');
  const years = new Set(Array.from({ length: 200 }, (_, i) => /published: (\d{4})/.exec(generateArticle(7, i, places).text)![1]));
  assert.ok(years.size >= 8, `dates spread over ${years.size} years`);
});
