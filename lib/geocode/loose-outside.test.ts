import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geocodeArticle } from './geocodeArticle';

const geocode = (body: string) => geocodeArticle({ id: 't', file: 't.md', body });

test('a village the gazetteer lacks is not swapped for a far town that only shares its consonants', () => {
  const mentions = geocode('Kyrgyz and Tajik border guards clashed near the village of Somonien in Batken region on Saturday night.');
  const village = mentions.find((m) => m.text === 'Somonien')!;
  // not the namesake: the province the text puts it in, as an area (lib/geocode/unlisted-in-area.test.ts)
  assert.equal(village.place?.featureType, 'in-area');
  assert.equal(village.place?.admin1, 'Batken');
  assert.equal(village.place?.geoPrecision, 3);
  assert.match(village.reason, /outside "Batken region"/);
  assert.equal(mentions.find((m) => m.text.startsWith('Batken'))!.place?.country, 'KG');
});

test('a loose match far from every place the article names exactly is left unresolved, with the distance', () => {
  const mentions = geocode('Two Kyrgyz border guards were wounded in Batken on Friday. Residents said the shots came from near Somonien.');
  const village = mentions.find((m) => m.text === 'Somonien')!;
  assert.equal(village.place, null);
  assert.match(village.reason, /km from every place the article names/);
});

test('a loose match outside the map region is never taken', () => {
  const village = geocode('Shots were heard near Somonien overnight.').find((m) => m.text === 'Somonien')!;
  assert.ok(village.place === null || ['TJ', 'AF', 'UZ', 'KG'].includes(village.place.country), `got ${village.place?.name} (${village.place?.country})`);
});

test('a name the text puts in one country is not placed at a namesake in another', () => {
  const post = geocode('A Kyrgyz officer commanding the Kyrgyz frontier post “Koktash” was wounded.').find((m) => m.text.startsWith('Koktash'));
  assert.ok(!post?.place || post.place.country === 'KG', `got ${post?.place?.name} (${post?.place?.country})`);
});

test('transliterations no source lists meet the place: Russian forms, adjectival endings, Cyrillic', () => {
  const cases: [string, string, string][] = [
    ['Border guards clashed in Shamsiddin Shokhin district on Friday.', 'Shamsiddin Shokhin district', 'TJ'],
    ['Three men were detained in Pyandzh district.', 'Pyandzh district', 'TJ'],
    ['The shooting took place in Isfarinsky district.', 'Isfarinsky district', 'TJ'],
    ['Гранатомёт нашли в Шамсиддин Шохинском районе; the attack was in Шамсиддин Шохин district.', 'Шамсиддин Шохин district', 'TJ'],
  ];
  for (const [body, text, country] of cases) {
    const m = geocode(body).find((x) => x.text === text);
    assert.ok(m?.place, `${text}: ${m?.reason ?? 'not spotted'}`);
    assert.equal(m.place.country, country, text);
  }
});

test('a capitalised common word in a headline is not a town', () => {
  const mentions = geocode('Night Attack on Border Post Leaves Two Dead\n\nTwo border guards were killed overnight in Khatlon province.');
  assert.deepEqual(mentions.filter((m) => m.place).map((m) => m.text), ['Khatlon province']);
});

test("a place word inside a person's name is not a place", () => {
  const mentions = geocode('Colonel Khairiddin Akhtamov and spokesman Zabiullah Mujahid spoke in Kunduz.');
  assert.deepEqual(mentions.filter((m) => m.place).map((m) => m.text), ['Kunduz']);
  // a reporting verb before a name is not a title: the place stays a place
  assert.ok(geocode('Officials said Khorog was calm on Friday.').find((m) => m.text === 'Khorog')?.place);
});
