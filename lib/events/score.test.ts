/**
 * Scores the whole pipeline (geocoder + event extractor) against the hand-annotated gold file
 * data/gold/events.json, on the corpus and on the test articles written for the event extractor. Fails on a
 * missed, duplicated, spurious, misdated, misplaced, mistyped or miscounted incident, on a missing source,
 * and on an excerpt that is not a slice of its article's body. No golden regeneration can hide a regression:
 * the gold file is hand-kept.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readArticles } from '../corpus';
import { geocodeArticle, loadGazetteer } from '../geocode';
import type { Article, EventFeature, Excerpt } from '../types';
import { extractEvents } from './index';

interface GoldEvent {
  key: string;
  reportedBy: Record<string, string>;
  expectDisagreements?: string[];
  [field: string]: unknown;
}
interface GoldSet {
  dir: string;
  prefix?: string;
  events: GoldEvent[];
}

const gold = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'data/gold/events.json'), 'utf8')) as { corpus: GoldSet; testArticles: GoldSet };
const FIELDS = ['date', 'dateEnd', 'timePrecision', 'eventType', 'subEventType', 'location', 'country', 'admin1', 'admin2', 'geoPrecision', 'fatalities', 'injured', 'fatalitiesVague', 'injuredVague'];

function load(set: GoldSet): Article[] {
  const files = fs.readdirSync(set.dir).filter((f) => f.endsWith('.md') && (!set.prefix || f.startsWith(set.prefix))).sort();
  return readArticles(files.map((f) => path.join(set.dir, f)));
}

function run(articles: Article[]): EventFeature[] {
  return extractEvents(articles, new Map(articles.map((a) => [a.id, geocodeArticle(a)])), { borders: loadGazetteer().borders });
}

function excerptsOf(e: EventFeature, article: string): Excerpt[] {
  return e.properties.sources.find((s) => s.article === article)?.excerpts ?? [];
}

/** Compares every event with the gold; returns the problems found and the figures. */
function score(set: GoldSet, events: EventFeature[]) {
  const problems: string[] = [];
  const matched = new Set<EventFeature>();
  let fieldsRight = 0;
  let fieldsAll = 0;
  for (const g of set.events) {
    const hits = new Set<EventFeature>();
    for (const [article, quote] of Object.entries(g.reportedBy)) {
      const found = events.filter((e) => excerptsOf(e, article).some((x) => x.text.includes(quote)));
      if (found.length === 0) problems.push(`${g.key}: missed in ${article} ("${quote}")`);
      for (const e of found) hits.add(e);
    }
    if (hits.size > 1) problems.push(`${g.key}: duplicated as ${[...hits].map((e) => e.properties.id).join(', ')}`);
    if (hits.size !== 1) continue;
    const e = [...hits][0];
    matched.add(e);
    for (const f of FIELDS) {
      if (!(f in g)) continue;
      fieldsAll++;
      const want = g[f];
      const got = (e.properties as Record<string, unknown>)[f] ?? (f.endsWith('Vague') ? false : null);
      const ok = Array.isArray(want) ? want.includes(got) : want === got;
      if (ok) fieldsRight++;
      else problems.push(`${g.key}: ${f} is ${JSON.stringify(got)}, gold says ${JSON.stringify(want)}`);
    }
    const sources = e.properties.sources.map((s) => s.article).sort();
    fieldsAll++;
    if (JSON.stringify(sources) === JSON.stringify(Object.keys(g.reportedBy).sort())) fieldsRight++;
    else problems.push(`${g.key}: sources ${sources.join(',')}, gold says ${Object.keys(g.reportedBy).sort().join(',')}`);
    for (const d of g.expectDisagreements ?? []) {
      fieldsAll++;
      if (e.properties.disagreements.some((x) => x.field === d)) fieldsRight++;
      else problems.push(`${g.key}: the sources disagree on ${d}, the event does not say so`);
    }
  }
  for (const e of events) if (!matched.has(e)) problems.push(`spurious event ${e.properties.id} (${e.properties.date} ${e.properties.subEventType} at ${e.properties.location})`);
  const precision = matched.size / Math.max(1, events.length);
  const recall = matched.size / Math.max(1, set.events.length);
  return { problems, precision, recall, fieldAccuracy: fieldsRight / Math.max(1, fieldsAll) };
}

function checkOffsets(articles: Article[], events: EventFeature[]) {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const check = (article: string, x: Excerpt | undefined) => {
    if (!x) return;
    assert.equal(bodies.get(article)!.slice(x.start, x.end), x.text, `${article} [${x.start},${x.end})`);
  };
  let n = 0;
  for (const e of events) {
    for (const s of e.properties.sources) for (const x of s.excerpts) (check(s.article, x), n++);
    for (const d of e.properties.disagreements) for (const c of d.claims) (check(c.article, c.excerpt), n++);
    for (const a of (e.properties.aggregates as Array<{ article: string; excerpt: Excerpt }> | undefined) ?? []) (check(a.article, a.excerpt), n++);
  }
  return n;
}

for (const [name, set] of [['corpus', gold.corpus], ['test articles', gold.testArticles]] as const) {
  test(`events of the ${name} match the hand-annotated gold (data/gold/events.json)`, () => {
    const articles = load(set);
    const events = run(articles);
    const s = score(set, events);
    console.log(`${name}: ${events.length} events, precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}, field accuracy ${s.fieldAccuracy.toFixed(3)}`);
    assert.deepEqual(s.problems, []);
  });

  test(`every excerpt of the ${name}' events is a slice of its article body`, () => {
    const articles = load(set);
    assert.ok(checkOffsets(articles, run(articles)) > 0);
  });

  test(`event ids of the ${name} do not depend on the order of the articles`, () => {
    const articles = load(set);
    const a = run(articles).map((e) => e.properties.id).sort();
    const b = run([...articles].reverse()).map((e) => e.properties.id).sort();
    assert.deepEqual(b, a);
  });
}

test('the scorer fails on a missed, duplicated, misdated, misplaced and miscounted event', () => {
  const articles = load(gold.corpus);
  const events = run(articles).map((e) => structuredClone(e));
  const byDate = (d: string) => events.find((e) => e.properties.date === d)!;
  const missed = byDate('2024-11-01');
  const split = byDate('2025-11-26');
  const dup = structuredClone(split);
  dup.properties.id = 'dup';
  dup.properties.sources = split.properties.sources.slice(0, 1);
  split.properties.sources = split.properties.sources.slice(1);
  byDate('2025-12-23').properties.fatalities = 99;
  byDate('2025-11-30').properties.geoPrecision = 1;
  byDate('2025-08-01').properties.date = '2025-08-15';
  const problems = score(gold.corpus, [...events.filter((e) => e !== missed), dup]).problems.join('\n');
  assert.match(problems, /same-sector-attack-2024-11: missed/);
  assert.match(problems, /shohin-sm-drone-2025-11-26: duplicated/);
  assert.match(problems, /exchange-of-fire-2025-08: date is "2025-08-15"/);
  assert.match(problems, /border-post-attempt-2025-12-23: fatalities is 99/);
  assert.match(problems, /road-project-shooting-2025-11-30: geoPrecision is 1/);
});
