import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, looseKeys, transliterate } from './normalize';

const meet = (a: string, b: string) => looseKeys(a).some((k) => looseKeys(b).includes(k));

test('spellings of one place meet in the loose tier (data/rules/spelling.json)', () => {
  const same: [string, string][] = [
    ['Shokhin', 'Shohin'], // Russian х / Tajik ҳ
    ['Shahin', 'Shohin'], // o / a
    ['Chahab', 'Chāh Āb'], // spaces, macrons
    ['Chah Ab', 'Chahab'],
    ['Khoja Ghor', 'Khwājah Ghār'], // Persian khw, final h
    ['Dasht-i-Qala', 'Dasht-e Qal‘ah'], // izafe, final h, ‘
    ["Dashti Qal'a", 'Dasht-e Qala'],
    ['Pyandzh', 'Panj'], // Russian дж
    ['Vanch', 'Vanj'], // Russian ч for Tajik ҷ
    ['Isfarinsky', 'Isfara'], // Russian adjectival ending
    ['Batkenskaya', 'Batken'],
    ['Moskovsky', 'Moskva'],
    ['Kulyab', 'Kŭlob'],
    ['Khorog', 'Khorugh'],
    ['Hairatan', 'Khayraton'],
    ['Keran-o-Munjan', 'Kuran wa Munjan'], // Persian "and" written o or wa (optionalWords)
    ['Yaftal', 'Yaftal-e Suflá'], // a part's qualifier left out
  ];
  for (const [a, b] of same) assert.ok(meet(a, b), `${a} / ${b}: ${looseKeys(a)} vs ${looseKeys(b)}`);
});

test('different places stay apart', () => {
  const apart: [string, string][] = [
    ['Kulob', 'Khorog'],
    ['Panj', 'Vanj'],
    ['Darvoz', 'Dushanbe'],
    ['Batken', 'Bokhtar'],
    ['Bala', 'Sufla'], // qualifiers alone are never a name
  ];
  for (const [a, b] of apart) assert.ok(!meet(a, b), `${a} / ${b}`);
});

test('Cyrillic is romanised the way the English-language press writes it', () => {
  assert.equal(transliterate('Шамсиддин Шохин'), 'Shamsiddin Shokhin');
  assert.equal(transliterate('Ҳамадонӣ'), 'Hamadoni');
  assert.equal(foldName('Ҷиликӯл'), 'jilikul');
  assert.equal(transliterate('Kulob'), 'Kulob');
});
