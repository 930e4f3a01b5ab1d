/**
 * Scores the whole pipeline against the hand-annotated gold file (data/gold/places.json). Regenerating
 * golden fixtures cannot hide a regression here: the gold file is written by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus, readArticles } from '../corpus';
import { geocodeArticles } from './geocodeArticles';

interface Gold {
  article: string;
  start: number;
  end: number;
  text: string;
  expect: string | null;
  government: boolean;
  named?: string;
}

const gold: Gold[] = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'data', 'gold', 'places.json'), 'utf8')).mentions;
const testArticles = fs.readdirSync('data/test-articles').filter((f) => /^geo-.*\.md$/.test(f)).map((f) => path.join('data/test-articles', f));
const articles = [...loadCorpus(), ...readArticles(testArticles)];
const { byArticle } = geocodeArticles(articles);
const predicted = [...byArticle.values()].flat();

const key = (m: { article: string; start: number; end: number }) => `${m.article}:${m.start}:${m.end}`;
const byKey = new Map(predicted.map((m) => [key(m), m]));
const goldKeys = new Set(gold.map(key));
const right = (g: Gold) => {
  const p = byKey.get(key(g));
  return !!p && (p.place?.id ?? null) === g.expect && p.government === g.government;
};

test('gold spans are exact slices of the article bodies', () => {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  for (const g of gold) assert.equal(bodies.get(g.article)?.slice(g.start, g.end), g.text, key(g));
});

test('the named places (Khatlon, Shamsiddin Shohin, Badakhshan on both banks, Istiqlol border post) are all right', () => {
  const named = gold.filter((g) => g.named);
  assert.ok(new Set(named.map((g) => g.named)).size >= 5, 'gold must cover all five named places');
  const wrong = named.filter((g) => !right(g)).map((g) => `${key(g)} "${g.text}" expected ${g.expect}, got ${byKey.get(key(g))?.place?.id ?? 'nothing'}`);
  assert.deepEqual(wrong, []);
});

test('overall precision and recall on every place mention stay above the floor', () => {
  const correct = gold.filter(right).length;
  const recall = correct / gold.length;
  const spurious = predicted.filter((p) => !goldKeys.has(key(p)));
  const precision = correct / predicted.length;
  console.error(
    `places: ${gold.length} gold mentions, ${predicted.length} predicted, ${correct} right — precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%` +
      (spurious.length ? `; not in gold: ${spurious.map((p) => `"${p.text}"`).join(', ')}` : ''),
  );
  assert.ok(precision >= 0.97, `precision ${precision}`);
  assert.ok(recall >= 0.97, `recall ${recall}`);
});

test('every mention is an exact slice of its body', () => {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  for (const m of predicted) assert.equal(bodies.get(m.article)!.slice(m.start, m.end), m.text);
});

test('the corpus articles resolve no place the gold does not list (no false place at all)', () => {
  const corpusIds = new Set(loadCorpus().map((a) => a.id));
  const extra = predicted.filter((p) => corpusIds.has(p.article) && p.place && !goldKeys.has(key(p))).map((p) => `${key(p)} "${p.text}" → ${p.place!.name}`);
  assert.deepEqual(extra, []);
});
