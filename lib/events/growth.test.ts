/**
 * Growth of the event stage with article length, counted rather than timed (no flakiness): how many times the
 * per-article event reading looks at a mention, for an article and for the same article eight times over.
 * Linear work gives about ×8; the former scans of every mention for every clause and incident (sites.ts, locate.ts) gave ×464.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readArticles } from '../corpus';
import { geocodeArticle, loadGazetteer, type ResolvedMention } from '../geocode';
import type { Article } from '../types';
import { readArticleEvents } from './index';

const dir = path.join('data', 'devset');
const paragraphs = readArticles(fs.readdirSync(dir).filter((f) => /^dev-.*\.md$/.test(f)).sort().map((f) => path.join(dir, f)))
  .flatMap((a) => a.body.split(/\n+/))
  .filter((p) => p.trim().length > 60);
const unit = paragraphs.slice(0, 60).join('\n\n');
const gazetteer = loadGazetteer();

/** Mention look-ups (element reads of the mentions array) while reading the events of `k` copies of the text. */
function lookups(k: number): { reads: number; mentions: number } {
  const article: Article = { id: 'growth', file: '(generated)', published: '2025-12-01', body: Array.from({ length: k }, () => unit).join('\n\n') };
  const mentions = geocodeArticle(article, gazetteer);
  let reads = 0;
  const counted = new Proxy(mentions, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  }) as ResolvedMention[];
  readArticleEvents(article, counted, { borders: gazetteer.borders });
  return { reads, mentions: mentions.length };
}

test('event reading looks at mentions in proportion to the article, not its square', () => {
  const one = lookups(1);
  const eight = lookups(8);
  assert.ok(eight.mentions >= 7 * one.mentions, `mentions ${one.mentions} → ${eight.mentions}`);
  const ratio = eight.reads / one.reads;
  assert.ok(ratio < 12, `mention look-ups grew ×${ratio.toFixed(1)} for ×8 the text (${one.reads} → ${eight.reads})`);
});
