import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../corpus';
import { buildCollection } from '../pipeline';
import { EventPropertiesSchema, parseCollection } from '../schema';
import type { Article, EventProperties } from '../types';
import { EVENT_FIELD_USE } from './fields';
import { articleTitle, leadingMetadataLength, presentBrief } from './index';

const corpus = loadCorpus();
const collection = buildCollection(corpus);
const events = collection.features.filter((f) => f.properties.kind === 'event').map((f) => f.properties as EventProperties);

function hasValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '' || v === false) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as object).some(hasValue) || 'type' in (v as object);
  return true;
}

test('the corpus collection fits the schema (strict: a field renamed or added by the extractor alone fails here)', () => {
  assert.doesNotThrow(() => parseCollection(JSON.parse(JSON.stringify(collection))));
});

test('the events extracted from every golden fixture fit the schema', () => {
  const dir = path.join(process.cwd(), 'lib/events/test/in');
  const articles: Article[] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ id: f.replace(/\.txt$/, ''), file: f, published: '2025-12-01', body: fs.readFileSync(path.join(dir, f), 'utf8') }));
  assert.ok(articles.length > 10);
  const c = buildCollection(articles);
  assert.ok(c.features.some((f) => f.properties.kind === 'event'));
  assert.doesNotThrow(() => parseCollection(JSON.parse(JSON.stringify(c))));
});

test('every event field the schema declares has a line in EVENT_FIELD_USE, and no line names a field it lacks', () => {
  assert.deepEqual(Object.keys(EVENT_FIELD_USE).sort(), Object.keys(EventPropertiesSchema.shape).sort());
});

test('every field the extractor writes with a value reaches the screen, or is deliberately dropped', () => {
  const view = presentBrief(collection, corpus);
  const seen = new Set<string>();
  for (const p of events) {
    const v = view.events.find((e) => e.id === p.id)!;
    for (const [key, value] of Object.entries(p)) {
      const use = EVENT_FIELD_USE[key as keyof EventProperties];
      assert.ok(use, `the extractor writes "${key}", which neither the schema nor the presentation knows`);
      if ('dropped' in use || !hasValue(value)) continue;
      seen.add(key);
      assert.ok(use.some((field) => hasValue(v[field])), `${p.id}: "${key}" has a value but the view's ${use.join(', ')} are empty`);
      if (key === 'victims') {
        const victims = value as EventProperties['victims'];
        assert.equal(v.employers.length, victims.employers.length, `${p.id}: victims.employers lost`);
        assert.equal(v.targets.length, victims.targets.length, `${p.id}: victims.targets lost`);
        assert.equal(v.nationalities.length > 0, victims.nationalities.length > 0, `${p.id}: victims.nationalities lost`);
      }
    }
  }
  // the corpus exercises the fields the issue found lost
  for (const k of ['victims', 'weapons', 'origin', 'actors', 'aggregates']) assert.ok(seen.has(k), `no corpus event has ${k}`);
});

test('victims, weapons and origin reach the view in words', () => {
  const view = presentBrief(collection, corpus);
  assert.ok(view.events.some((e) => e.nationalities.includes('Chinese')));
  assert.ok(view.events.some((e) => e.weapons.includes('drone')));
  assert.ok(view.events.some((e) => e.origins.some((o) => o.value === 'Afghanistan')));
});

test('titles: front matter, else the headline line, else the first sentence; a leading "date" line is metadata', () => {
  const a = (body: string, title?: string): Article => ({ id: 'x', file: 'x.md', body, title });
  assert.equal(articleTitle(a('Body.', 'Given')), 'Given');
  assert.equal(articleTitle(a('Drone strike in Khatlon\n\nThree were killed.')), 'Drone strike in Khatlon');
  assert.equal(articleTitle(a(' date 2025-12-02 China has called on Tajikistan. More.')), 'China has called on Tajikistan.');
  assert.equal(leadingMetadataLength(' date 2025-12-02 China'), 17);
  assert.ok(!articleTitle(a(`${'word '.repeat(40)}end.`)).includes('wor…'));
});
