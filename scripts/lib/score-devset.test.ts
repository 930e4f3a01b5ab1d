/**
 * The development-set scorer pairs gold incidents with extracted events; events told by one clause that lists
 * places tie on evidence and date, so the one within the gold's tolerance — then the nearest — is the match.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, type Gold } from './score-devset';
import type { Article, BriefCollection, EventFeature } from '../../lib/types';

const body = 'Clashes were reported on Friday night in Alpha, Beta and Gamma districts.';
const article: Article = { id: 'a', file: 'a.md', body, published: '2022-09-24' };
const event = (id: string, lon: number, lat: number): EventFeature =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { kind: 'event', id, date: '2022-09-23', dateEnd: '2022-09-23', fatalities: null, injured: null, location: id, sources: [{ article: 'a', excerpts: [{ start: 0, end: body.length, text: body }] }] },
  }) as unknown as EventFeature;
const incident = (key: string, lon: number, lat: number) => ({ key, date: '2022-09-23', dateEnd: '2022-09-23', timePrecision: 1, type: 'Battles', place: { name: key, lat, lon, toleranceKm: 25, ref: 'made up' }, country: 'AF', killed: null, injured: null, evidence: 'Clashes were reported' });

test('listed places: each gold incident is paired with the event within its tolerance, whatever the order', () => {
  // events in the opposite order of the gold incidents, 60 km apart from each other
  const collection = { type: 'FeatureCollection', features: [event('gamma', 71.2, 37.0), event('beta', 70.6, 37.0), event('alpha', 70.0, 37.0)], unresolved: [], unlocatedEvents: [], undatedEvents: [] } as unknown as BriefCollection;
  const gold = { article: 'a', places: [], incidents: [incident('alpha', 70.0, 37.0), incident('beta', 70.6, 37.0), incident('gamma', 71.2, 37.0)] } as unknown as Gold;
  const score = scoreArticle(article, collection, gold);
  assert.deepEqual(score.incidents.map((i) => i.place), [true, true, true]);
});
