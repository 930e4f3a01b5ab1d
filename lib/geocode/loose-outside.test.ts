import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geocodeArticle } from './geocodeArticle';

test('a village the gazetteer lacks is not swapped for a far town that only shares its consonants', () => {
  const body = 'Kyrgyz and Tajik border guards clashed near the village of Kok-Tash in Batken region on Saturday night.';
  const mentions = geocodeArticle({ id: 'kt', file: 'kt.md', body });
  const village = mentions.find((m) => m.text === 'Kok-Tash')!;
  assert.equal(village.place, null);
  assert.match(village.reason, /outside "Batken region"/);
  assert.equal(mentions.find((m) => m.text.startsWith('Batken'))!.place?.country, 'KG');
});
