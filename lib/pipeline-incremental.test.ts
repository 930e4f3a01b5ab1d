/**
 * The incremental merge (lib/pipeline `combineReadingsKept` with an earlier merge's state, lib/events/merge
 * `regroup`) and presentation (lib/brief `briefAndMerge`, the earlier view's events kept where unchanged) give
 * the collection and view of a brief made from scratch, byte for byte (their JSON), on generated corpora with
 * many follow-up reports, after articles are added, removed and changed — each step starting from the state and
 * view the step before left, as builds follow one another.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseArticle } from './article';
import { fileKey, readArticle, type ArticleReading } from './extract-cache';
import { readKeptReadings, readSnapshot, writeSnapshot } from './brief-snapshot';
import { loadGazetteer } from './geocode';
import { briefAndMerge, briefFromReadings } from './brief';
import { regroup } from './events/merge';
import type { BriefView } from './present';
import { combineReadings, combineReadingsKept, type MergeState } from './pipeline';
import type { Article } from './types';
import { generateArticle, regionPlaces } from '../scripts/lib/synthetic-corpus';

const gazetteer = loadGazetteer();
const places = regionPlaces(gazetteer);

interface Item {
  article: Article;
  reading: ArticleReading;
}

function item(text: string, fileName: string): Item {
  const article = parseArticle(text, fileName);
  return { article, reading: readArticle(article, gazetteer) };
}

/** Article i of seed 3 (one in three or so is a follow-up of an earlier one: they merge). */
const generated = (i: number): Item => {
  const g = generateArticle(3, i, places);
  return item(g.text, g.fileName);
};

/** Article i with another incident: the text of another seed's article under article i's id and file name. */
function changed(i: number): Item {
  const own = generateArticle(3, i, places);
  const other = generateArticle(11, i, places);
  return item(other.text.replace(/^id: .*$/m, `id: ${own.id}`), own.fileName);
}

const full = (items: Item[]) =>
  JSON.stringify(
    combineReadings(
      items.map((x) => x.article),
      items.map((x) => x.reading),
    ),
  );

/** The ids of the articles whose readings differ between two corpora (added, removed or changed). */
function changedIds(before: Item[], after: Item[]): Set<string> {
  const was = new Map(before.map((x) => [x.article.id, x]));
  const now = new Map(after.map((x) => [x.article.id, x]));
  const ids = new Set<string>();
  for (const [id, x] of now) if (was.get(id) !== x) ids.add(id);
  for (const id of was.keys()) if (!now.has(id)) ids.add(id);
  return ids;
}

/** The first event, place or article of two views whose JSON differs (both shown), or null when the views are the same JSON. */
function firstDifference(a: BriefView, b: BriefView): unknown {
  for (const key of ['events', 'places', 'articles'] as const) {
    const n = Math.max(a[key].length, b[key].length);
    for (let k = 0; k < n; k++) if (JSON.stringify(a[key][k]) !== JSON.stringify(b[key][k])) return { [key]: k, incremental: a[key][k], scratch: b[key][k] };
  }
  return a.range === b.range ? null : { range: [a.range, b.range] };
}

test('the incremental merge equals a merge from scratch after articles are added, removed and changed', () => {
  const pool = Array.from({ length: 300 }, (_, i) => generated(i));
  const base = pool.slice(0, 260);
  const first = combineReadingsKept(
    base.map((x) => x.article),
    base.map((x) => x.reading),
    null,
  );
  assert.equal(JSON.stringify(first.collection), full(base), 'with no state: the merge from scratch');
  assert.ok(
    first.collection.features.some((f) => f.properties.kind === 'event' && (f.properties.sources as unknown[]).length > 1),
    'some reports of different articles merge',
  );

  const steps: Array<[string, (items: Item[]) => Item[]]> = [
    ['one article added', (xs) => [...xs, pool[260]]],
    ['twenty articles added', (xs) => [...xs, ...pool.slice(261, 281)]],
    ['articles removed (a source and its follow-ups among them)', (xs) => xs.filter((_, k) => k % 37 !== 5)],
    ['articles changed', (xs) => xs.map((x, k) => (k % 29 === 3 ? changed(k) : x))],
    ['added, removed and changed at once', (xs) => [...xs.filter((_, k) => k % 41 !== 7).map((x, k) => (k % 53 === 1 ? changed(k + 400) : x)), ...pool.slice(281, 300)]],
    ['nothing changed', (xs) => xs],
  ];
  let items = base;
  let state: MergeState = first.state;
  let view: BriefView = briefFromReadings(
    base.map((x) => x.article),
    base.map((x) => x.reading),
  ).view;
  for (const [name, step] of steps) {
    const next = step(items);
    const ids = changedIds(items, next);
    const kept = regroup(state.grouping, next.flatMap((x) => x.reading.events.reports), ids).groups.filter((g) => 'kept' in g).length;
    const out = combineReadingsKept(
      next.map((x) => x.article),
      next.map((x) => x.reading),
      { state, changed: ids },
    );
    assert.equal(JSON.stringify(out.collection), full(next), name);
    const scratch = briefFromReadings(
      next.map((x) => x.article),
      next.map((x) => x.reading),
    );
    const brief = briefAndMerge(
      next.map((x) => x.article),
      next.map((x) => x.reading),
      { state, changed: ids, view },
    );
    assert.deepEqual(firstDifference(brief.brief.view, scratch.view), null, `${name}: the view`);
    assert.equal(brief.brief.collectionHash, scratch.collectionHash, `${name}: the collection's hash`);
    // added articles leave the other places in their order: most events' views are kept (a removal may move a
    // place, and then every view is made again)
    if (name.endsWith('added')) assert.ok(brief.presented < scratch.view.events.length / 2, `${name}: ${brief.presented} of ${scratch.view.events.length} events presented again`);
    view = brief.brief.view;
    assert.ok(kept > 0.8 * state.events.length - 50 || ids.size > next.length / 10, `${name}: most groups kept (${kept} of ${state.events.length})`);
    items = next;
    state = out.state;
  }
});

test('a changed article that joins two incidents regroups both', () => {
  // article 1 becomes a copy of article 0 under its own id: its report now merges with article 0's
  const a = generateArticle(3, 0, places);
  const b = generateArticle(3, 1, places);
  const base = [generated(0), generated(1), generated(2)];
  const first = combineReadingsKept(
    base.map((x) => x.article),
    base.map((x) => x.reading),
    null,
  );
  const next = [base[0], item(a.text.replace(/^id: .*$/m, `id: ${b.id}`), b.fileName), base[2]];
  const out = combineReadingsKept(
    next.map((x) => x.article),
    next.map((x) => x.reading),
    { state: first.state, changed: new Set([b.id]) },
  );
  assert.equal(JSON.stringify(out.collection), full(next));
  assert.ok(out.collection.features.some((f) => f.properties.kind === 'event' && (f.properties.sources as unknown[]).length === 2), 'the copy merged');
});

test("a snapshot's articles are kept in shared chunks: one article added writes its own chunk, not the others again", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geobrief-chunks-'));
  try {
    const corpus = (n: number, extra?: number) => {
      const list = Array.from({ length: n }, (_, i) => generateArticle(3, i, places));
      if (extra !== undefined) list.splice(n / 2, 0, generateArticle(3, extra, places));
      return { articles: list.map((g) => parseArticle(g.text, g.fileName)), keys: list.map((g) => fileKey(g.text, g.fileName, 'test')) };
    };
    const brief = (articles: Article[]) => ({ articles, collection: combineReadings([], []), view: { places: [], events: [] } as unknown as BriefView, collectionHash: 'h' });
    const chunks = () => new Set(fs.readdirSync(dir).filter((n) => n.startsWith('articles-')));
    const before = corpus(1500);
    assert.ok(writeSnapshot(path.join(dir, 'brief-aa'), brief(before.articles), before.keys));
    const first = chunks();
    assert.ok(first.size >= 3, `several chunks (${first.size})`);
    const after = corpus(1500, 5000); // one article in the middle of the corpus
    assert.ok(writeSnapshot(path.join(dir, 'brief-bb'), brief(after.articles), after.keys));
    const second = chunks();
    const made = [...second].filter((n) => !first.has(n));
    assert.ok(made.length >= 1 && made.length <= 2, `the added article's chunk only (${made.length} made)`);
    assert.equal([...first].filter((n) => !second.has(n)).length, 1, 'the chunk it replaced is removed, the others are shared');
    const read = readSnapshot(path.join(dir, 'brief-bb'), () => {
      throw new Error('a part is missing');
    });
    assert.equal(JSON.stringify(read?.articles), JSON.stringify(after.articles));
    fs.rmSync(path.join(dir, [...second][0]));
    assert.equal(readKeptReadings(path.join(dir, 'brief-bb'), after.keys), null, 'no readings kept with that one');
    assert.equal(readSnapshot(path.join(dir, 'brief-bb'), () => brief([]))?.articles.length, 0, 'a chunk gone: the brief is made again');
    // the readings kept with the chunks, for the next build: the same as the readings given
    const few = Array.from({ length: 40 }, (_, i) => generated(i));
    const fewKeys = few.map((x, i) => fileKey(generateArticle(3, i, places).text, x.article.file, 'test'));
    assert.ok(writeSnapshot(path.join(dir, 'brief-cc'), brief(few.map((x) => x.article)), fewKeys, few.map((x) => x.reading)));
    const back = readKeptReadings(path.join(dir, 'brief-cc'), fewKeys);
    assert.equal(back?.size, few.length);
    few.forEach((x, i) => assert.equal(JSON.stringify(back?.get(`${fewKeys[i]}\t${x.article.file}`)), JSON.stringify({ article: x.article, reading: x.reading })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
