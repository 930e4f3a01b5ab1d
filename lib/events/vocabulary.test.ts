import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, detectIncidents } from './incidents';
import { compileVocabulary, loadRules, withRows } from './vocabulary';

const article = { id: 'a', file: 'a.md', published: '2024-05-02', body: 'On Tuesday raiders pummelled a border post near the river.' };

test('a verb added to the data file makes a new sentence an incident', () => {
  assert.equal(detectIncidents(article).incidents.length, 0);
  const v = compileVocabulary(withRows(loadRules(), { triggers: { attack: ['pummell?ed'] }, harmVerbs: ['pummell?ed'] }));
  const [incident] = detectIncidents(article, { vocabulary: v }).incidents;
  assert.equal(incident.date?.start, '2024-04-30');
  assert.equal(incident.type.eventType, 'Battles'); // a border post is state forces: an armed clash
});

test('a weapon added to the data file types the incident by it', () => {
  const text = 'Militants attacked the town with a Katyusha on Monday.';
  assert.equal(classify(text)?.type.subEventType, 'Attack');
  const v = compileVocabulary(withRows(loadRules(), { weapons: { artillery: ['Katyushas?'] } }));
  assert.equal(classify(text, v)?.type.subEventType, 'Shelling/artillery/missile attack');
});

test('weapons found or seized at the scene do not type the incident', () => {
  const c = classify('Guards and smugglers exchanged fire; the guards later found four Kalashnikov rifles and two grenades at the scene.');
  assert.deepEqual(c?.weapons, ['firearms']);
  assert.equal(c?.type.subEventType, 'Armed clash');
});

test('an optional space in a row matches the word written either way', () => {
  assert.equal(classify('A firefight broke out at dawn.')?.type.subEventType, 'Armed clash');
  assert.equal(classify('A fire fight broke out at dawn.')?.type.subEventType, 'Armed clash');
});
