/**
 * The geocoder's traps, one fixture each: test/in/<case>.md → test/out/<case>.json (REGEN=1 rewrites the
 * golden files; review the diff). Each case also asserts the facts it exists for, so a regenerated golden
 * cannot hide a regression.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { geocodeArticle } from './geocodeArticle';
import type { ResolvedMention } from './types';

const DIR = path.join(__dirname, 'test');

function run(name: string): ResolvedMention[] {
  const body = fs.readFileSync(path.join(DIR, 'in', `${name}.md`), 'utf8');
  const mentions = geocodeArticle({ id: name, file: `${name}.md`, body });
  for (const m of mentions) assert.equal(body.slice(m.start, m.end), m.text, `span of "${m.text}"`);
  const summary = mentions.map((m) => ({
    text: m.text,
    start: m.start,
    end: m.end,
    place: m.place && { id: m.place.id, name: m.place.name, country: m.place.country, admin1: m.place.admin1, featureType: m.place.featureType, geoPrecision: m.place.geoPrecision },
    ...(m.government ? { government: true } : {}),
    ...(m.adjective ? { adjective: true } : {}),
    ...(m.dateline ? { dateline: true } : {}),
    ...(m.place ? {} : { reason: m.reason }),
  }));
  const out = path.join(DIR, 'out', `${name}.json`);
  const json = JSON.stringify(summary, null, 1) + '\n';
  if (process.env.REGEN) fs.writeFileSync(out, json);
  assert.deepEqual(JSON.parse(json), JSON.parse(fs.readFileSync(out, 'utf8')), `golden ${name}.json differs (REGEN=1 to rewrite)`);
  return mentions;
}

/** The place chosen for the n-th mention whose text is `text`. */
function at(ms: ResolvedMention[], text: string, n = 0): ResolvedMention {
  const m = ms.filter((x) => x.text === text)[n];
  assert.ok(m, `no mention "${text}" #${n}: ${ms.map((x) => x.text).join(', ')}`);
  return m;
}

test('same-name-istiqlol: the border post is located through its district, the town in Sughd stays a town', () => {
  const ms = run('same-name-istiqlol');
  const post = at(ms, 'Istiqlol border post');
  assert.equal(post.place?.featureType, 'border-post');
  assert.equal(post.place?.admin1, 'Khatlon');
  assert.equal(post.place?.admin2, 'Shamsiddin Shohin');
  assert.equal(post.place?.geoPrecision, 2);
  assert.equal(post.place?.uncertainty?.type, 'MultiLineString', 'the stretch of border inside the district');
  assert.match(post.place?.note ?? '', /exact site not reported/);
  assert.ok(post.candidates.some((c) => c.id === 'gn:1514829'), 'the Sughd town was considered');
  assert.equal(at(ms, 'Istiqlol').place?.id, 'gn:1514829');
  assert.equal(at(ms, 'Istiqlol', 1).place?.id, 'gn:1514829');
  assert.equal(at(ms, 'Shamsiddin Shohin district').place?.id, 'adm2:TJ.02.7670506');
});

test('badakhshan-both-sides: Afghanistan\'s province, then Tajikistan\'s region, in one article', () => {
  const ms = run('badakhshan-both-sides');
  assert.equal(at(ms, 'Badakhshan province').place?.id, 'adm1:AF-BDS');
  assert.equal(at(ms, 'Badakhshan region').place?.id, 'adm1:TJ-GB');
  assert.equal(at(ms, 'Badakhshan').place?.id, 'adm1:AF-BDS', '"Afghan Badakhshan"');
  assert.equal(at(ms, 'Fayzabad').place?.country, 'AF');
  assert.equal(at(ms, 'Badakhshan province').place?.geoPrecision, 3);
  assert.equal(at(ms, 'Badakhshan province').place?.uncertainty?.type, 'MultiPolygon');
});

test('organisations-not-places: names of organisations are not geocoded', () => {
  const ms = run('organisations-not-places');
  assert.deepEqual(ms.map((m) => m.text), ['Kulob']);
  assert.equal(ms[0].place?.id, 'gn:1221194');
});

test('capital-as-government: capitals used for governments are kept but flagged', () => {
  const ms = run('capital-as-government');
  assert.equal(at(ms, 'Beijing').government, true);
  assert.equal(at(ms, 'Dushanbe').government, true);
  assert.equal(at(ms, 'Kabul').government, true);
  assert.equal(at(ms, 'Kabul', 1).government, false, 'travelled to Kabul: the city itself');
  assert.equal(at(ms, 'Dushanbe', 1).government, true, 'ambassador in Dushanbe');
  assert.equal(at(ms, 'Afghanistan').government, false);
  assert.equal(at(ms, 'Chinese').adjective, true);
});

test('transliterations: Kulyab/Kulob/Kŭlob, Khorog/Khorugh, Shihin/Shahin/Shohin/Shuroobod meet', () => {
  const ms = run('transliterations');
  for (const t of ['Kulyab', 'Kulob', 'Kŭlob']) assert.equal(at(ms, t).place?.id, 'gn:1221194', t);
  for (const t of ['Khorog', 'Khorugh']) assert.equal(at(ms, t).place?.id, 'gn:1221328', t);
  for (const t of ['Shamsiddin Shihin district', 'Shamsiddin Shahin district', 'Shuroobod']) assert.equal(at(ms, t).place?.id, 'adm2:TJ.02.7670506', t);
});

test('dateline-caps: DUSHANBE -- and KHOROG, Tajikistan -- are datelines', () => {
  const ms = run('dateline-caps');
  assert.equal(at(ms, 'DUSHANBE').place?.id, 'gn:1221874');
  assert.equal(at(ms, 'DUSHANBE').dateline, true);
  assert.equal(at(ms, 'KHOROG').place?.id, 'gn:1221328');
  assert.equal(at(ms, 'KHOROG').dateline, true);
  assert.equal(at(ms, 'Ishkashim').place?.country, 'TJ');
  assert.ok(!at(ms, 'Ishkashim').dateline);
});

test('fayzabad-several: context picks among the Fayzabads', () => {
  const ms = run('fayzabad-several');
  assert.equal(at(ms, 'Fayzabad').place?.id, 'gn:1142170');
  assert.equal(at(ms, 'Fayzobod').place?.id, 'gn:1221774');
  assert.equal(at(ms, 'Faizabad').place?.admin1Code, 'AF-JOW');
});

test('ishkashim-both-banks: the Tajik and the Afghan Ishkashim', () => {
  const ms = run('ishkashim-both-banks');
  assert.equal(at(ms, 'Ishkashim').place?.country, 'TJ');
  assert.equal(at(ms, 'Ishkashim', 1).place?.country, 'AF');
  assert.equal(at(ms, 'Badakhshan province').place?.id, 'adm1:AF-BDS');
  assert.equal(at(ms, 'Panj').place?.featureType, 'STM', 'the river, not the town of Panj');
});
