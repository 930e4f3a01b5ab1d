/**
 * The cross-article merge (groupReports, near-linear: a sorted sweep over dates finds candidate pairs, a
 * heap merges best-first) gives exactly the groups of the original all-pairs agglomeration, kept below
 * verbatim as the reference: on the corpus, the test articles, the golden fixtures, the development and
 * holdout sets (each alone and all together), on a generated corpus with many follow-up reports, and in any
 * input order.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../article';
import { skeleton } from '../geoparse/normalize';
import { geocodeArticle, loadGazetteer } from '../geocode';
import type { Article } from '../types';
import { generateArticle, regionPlaces } from '../../scripts/lib/synthetic-corpus';
import { readArticleEvents } from './index';
import { groupReports, type Report } from './merge';

// ---- the original algorithm (lib/events/merge.ts before the sweep), unchanged ----
const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
function span(r: Report): { start: string; end: string; explicit: boolean } | null {
  if (r.incident.date) return { start: r.incident.date.start, end: r.incident.date.end, explicit: true };
  return r.incident.undated ? { ...r.incident.undated, explicit: false } : null;
}

function employers(r: Report): string[] {
  return r.incident.victims.employers.map((e) => skeleton(e.value));
}

function killedRoles(r: Report): Set<string> {
  return new Set((r.incident.killed?.parts ?? []).map((p) => p.role).filter((x) => x !== 'unknown'));
}

/** Pair score: null when two reports cannot be one incident, else the evidence that they are. */
function pairScore(a: Report, b: Report): number | null {
  if (a.incident.article === b.incident.article) return null;
  const sa = span(a);
  const sb = span(b);
  if (!sa || !sb) return null;
  let score = 0;
  const pa = a.incident.date?.timePrecision ?? 2;
  const pb = b.incident.date?.timePrecision ?? 2;
  // overlapping spans: strong when told at the same precision, weak when a month merely contains a day
  if (sa.start <= sb.end && sb.start <= sa.end) score += pa === pb ? (sa.start === sb.start && sa.end === sb.end && pa === 1 ? 3 : 2) : Math.abs(pa - pb) === 1 ? 1 : 0;
  else if (sa.explicit && sb.explicit && a.incident.date!.timePrecision === 1 && b.incident.date!.timePrecision === 1 && Math.abs(days(sa.start, sb.start)) <= 7) score -= 1;
  else return null;
  // places: the same, nested, or in conflict
  const la = a.located;
  const lb = b.located;
  if (la && lb) {
    if (la.placeId === lb.placeId) score += 2;
    else if (la.country !== lb.country) return null;
    else if (la.admin2 && lb.admin2 && la.admin2 !== lb.admin2) return null;
    else if (la.admin1 && lb.admin1 && la.admin1 !== lb.admin1) return null;
    else if ((la.admin2 && la.admin2 === lb.admin2) || (la.admin1 && la.admin1 === lb.admin1)) score += 1;
  }
  const ta = a.incident.type.subEventType;
  const tb = b.incident.type.subEventType;
  if (ta === tb) score += 2;
  const wa = new Set(a.incident.weapons.map((w) => w.value));
  if (b.incident.weapons.some((w) => wa.has(w.value))) score += 1;
  // victims: employer, nationality, kind of target, who was killed
  const ea = employers(a);
  const eb = employers(b);
  if (ea.length && eb.length) score += ea.some((e) => eb.includes(e)) ? 3 : -3;
  const na = new Set(a.incident.victims.nationalities.map((n) => n.value));
  if (b.incident.victims.nationalities.some((n) => na.has(n.value))) score += 1;
  const kind = (r: Report) => new Set(r.incident.victims.targets.map((t) => t.value).filter((t) => t === 'mining' || t === 'construction' || t === 'border post'));
  const ka = kind(a);
  const kb = kind(b);
  if ([...ka].some((k) => kb.has(k))) score += 1;
  const workers = (r: Report) => /\b(?:workers?|employees?|staff|labou?rers?|work(?:ing|ed)\s+(?:on|for|at))\b/i.test(r.incident.ranges.map((x) => x.text).join(' '));
  if (workers(a) && workers(b)) score += 1;
  const ra = killedRoles(a);
  const rb = killedRoles(b);
  if (ra.size && rb.size && ![...ra].some((r) => rb.has(r))) return null;
  return score;
}

/**
 * Groups reports of one incident from different articles. Best-first agglomeration: the two groups with the
 * highest score merge first, as long as every pair across them is compatible and no article would appear
 * twice (an article that tells two incidents tells two different ones). Compatible means: date spans overlap
 * (or, both to the day, at most 7 days apart — a disagreement kept on the event), no conflicting country or
 * district, no conflicting employer or kind of victims (smugglers are not workers). The score counts the
 * evidence: same day (a month that merely contains the day counts for nothing), same place, same ACLED type,
 * shared weapon, employer, nationality, kind of target, workers as victims.
 * Groups merge at a score of 3 or more.
 *
 * @example
 * groupReports(reports).map((g) => g.length) // [5, 2, 1, 1, 1, 1]
 */
function oldGroupReports(reports: Report[]): Report[][] {
  // a canonical order, so that ties between equal scores never depend on the order the articles came in
  const canonical = [...reports].sort((a, b) => a.incident.article.localeCompare(b.incident.article) || a.incident.order - b.incident.order);
  const groups: Report[][] = canonical.map((r) => [r]);
  for (;;) {
    let best: { i: number; j: number; s: number } | null = null;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        let s = -Infinity;
        let ok = true;
        for (const a of groups[i]) {
          for (const b of groups[j]) {
            const p = pairScore(a, b);
            if (p === null) ok = false;
            else s = Math.max(s, p);
          }
        }
        if (ok && s >= 3 && (!best || s > best.s)) best = { i, j, s };
      }
    }
    if (!best) return groups;
    groups[best.i] = [...groups[best.i], ...groups[best.j]];
    groups.splice(best.j, 1);
  }
}

// ---- end of the original ----

const gazetteer = loadGazetteer();

function readDir(dir: string, pattern: RegExp): Article[] {
  return fs.readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (f.endsWith('.txt')) {
      // golden fixtures: an optional first line "published: YYYY-MM-DD", then the body
      const [first, ...rest] = text.split('\n');
      const published = /^published:/.test(first) ? first.replace(/^published:\s*/, '').trim() || undefined : undefined;
      return { id: `fixture-${f.replace(/\.txt$/, '')}`, file: f, published, body: published || /^published:/.test(first) ? rest.join('\n') : text };
    }
    return parseArticle(text, path.join(dir, f));
  });
}

function reportsOf(articles: Article[]): Report[] {
  return articles.flatMap((a) => readArticleEvents(a, geocodeArticle(a, gazetteer), { borders: gazetteer.borders }).reports);
}

const key = (groups: Report[][]) => groups.map((g) => g.map((r) => `${r.incident.article}#${r.incident.order}`));

const places = regionPlaces(gazetteer);
const sets: Record<string, Article[]> = {
  corpus: readDir('data/articles', /\.md$/),
  'test articles': readDir('data/test-articles', /\.md$/),
  'golden fixtures': readDir('lib/events/test/in', /\.txt$/),
  devset: readDir('data/devset', /^dev-.*\.md$/),
  holdout: readDir('data/holdout', /^hold-.*\.md$/),
};
sets['all but generated'] = Object.values(sets).flat();
sets.generated = Array.from({ length: 160 }, (_, i) => {
  const g = generateArticle(3, i, places);
  return parseArticle(g.text, g.fileName);
});

for (const [name, articles] of Object.entries(sets)) {
  test(`groupReports gives the original algorithm's groups: ${name} (${articles.length} articles)`, () => {
    const reports = reportsOf(articles);
    const expected = key(oldGroupReports(reports));
    assert.ok(reports.length > 0);
    assert.deepEqual(key(groupReports(reports)), expected);
    if (name === 'all but generated' || name === 'generated') assert.ok(expected.some((g) => g.length > 1), 'some reports merge');
  });
}

test('groupReports does not depend on the order of its input', () => {
  const reports = reportsOf([...sets['all but generated'], ...sets.generated]);
  const expected = key(groupReports(reports));
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let round = 0; round < 3; round++) {
    const shuffled = [...reports].sort(() => random() - 0.5);
    assert.deepEqual(key(groupReports(shuffled)), expected);
  }
});
