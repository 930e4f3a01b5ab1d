/**
 * Name keys that make transliterations of one place meet: the same key for Kŭlob / Kulob, and the same
 * consonant skeleton for Kulob / Kulyab, Shohin / Shihin / Shahin, Ishkashim / Ishqoshim / Ashkasham,
 * Shuroobod / Shuro-obod / Shurobod. The looser keys (`looseKeys`) follow data/rules/spelling.json.
 */
import spelling from '../../data/rules/spelling.json';

const CYRILLIC = new Map(Object.entries(spelling.cyrillic.map));
const HAS_CYRILLIC = /[\u0400-\u04ff]/;
const LOOSE_CLASSES = spelling.looseClasses.rules.map(([re, to]) => [new RegExp(re, 'g'), to] as const);
const OPTIONAL_ENDINGS = spelling.optionalEndings.patterns.map((re) => new RegExp(re));
const OPTIONAL_WORDS = new Set(spelling.optionalWords.words);
/** Names shorter than this (in letters) never match loosely: too many unrelated short names collide. */
export const MIN_LOOSE_LETTERS = spelling.minLooseLetters;

/**
 * Cyrillic letters romanised as the English-language press writes them; other text unchanged.
 *
 * @example
 * transliterate('Шамсиддин Шохин') // 'Shamsiddin Shokhin'
 */
export function transliterate(s: string): string {
  if (!HAS_CYRILLIC.test(s)) return s;
  return [...s]
    .map((ch) => {
      const low = ch.toLowerCase();
      const t = CYRILLIC.get(low);
      if (t === undefined) return ch;
      return ch !== low && t ? t[0].toUpperCase() + t.slice(1) : t;
    })
    .join('');
}

const APOSTROPHES = /['’‘`ʼʻ´ʹ]/g;
const SEPARATORS = /[\s\-‐‑‒–—―_/.,()]+/g;
const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ə: 'a' };

/**
 * Lower case, no diacritics, no apostrophes, separators as single spaces.
 *
 * @example
 * foldName('Kŭlob') // 'kulob'
 * foldName('Gorno-Badakhshan') // 'gorno badakhshan'
 */
export function foldName(name: string): string {
  let folded = foldCache.get(name);
  if (folded === undefined) {
    // Callers fold the same few names over and over (every mention against every other); a bounded memo.
    if (foldCache.size >= 50_000) foldCache.clear();
    folded = foldUncached(name);
    foldCache.set(name, folded);
  }
  return folded;
}

const foldCache = new Map<string, string>();

function foldUncached(name: string): string {
  return transliterate(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ıłøđðþßæœə]/g, (c) => SPECIAL[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Consonant digraphs and letters that transliteration systems write differently for one sound. */
const CONSONANT_FOLDS: Array<[RegExp, string]> = [
  [/dzh|dj|zh/g, 'j'],
  [/tch|ch|tsh/g, 'C'],
  [/sh|sch/g, 'S'],
  [/kh|gh|q|x|ck|c(?=[^eiy])|c$/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/th/g, 't'],
];

/**
 * The consonant skeleton of a name: folded, no spaces, consonant variants merged, vowels (and y)
 * dropped, doubled letters collapsed. Used as a second, looser match tier.
 *
 * @example
 * skeleton('Kulyab') === skeleton('Kŭlob') // true ('klb')
 * skeleton('Shamsiddin Shihin') === skeleton('Shamsiddin Shohin') // true
 */
export function skeleton(name: string): string {
  let s = foldName(name).replace(/ /g, '');
  for (const [re, to] of CONSONANT_FOLDS) s = s.replace(re, to);
  s = s.replace(/[aeiouy]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

function looseKey(folded: string): string {
  let s = folded.replace(/ /g, '');
  for (const [re, to] of LOOSE_CLASSES) s = s.replace(re, to);
  return s.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/**
 * The keys of the loose tier: the name with spelling classes merged (kh/h/q/g, j/ch/dzh, w/v), vowels
 * dropped and doubled letters collapsed, once as written and once for each optional ending left out
 * (Persian final h, Russian adjectival endings). Two spellings meet when they share a key.
 *
 * @example
 * looseKeys('Shokhin').some((k) => looseKeys('Shohin').includes(k)) // true
 * looseKeys('Isfarinsky').some((k) => looseKeys('Isfara').includes(k)) // true
 * looseKeys('Dasht-i-Qala').some((k) => looseKeys('Dasht-e Qal‘ah').includes(k)) // true
 * looseKeys('Keran-o-Munjan').some((k) => looseKeys('Kuran wa Munjan').includes(k)) // true
 */
export function looseKeys(name: string): string[] {
  const words = foldName(name).split(' ').filter(Boolean);
  let variants: string[][] = [[]];
  for (const w of words) {
    const forms = new Set([w]);
    // '' drops the word: "Kuran wa Munjan" also as "Kuran Munjan", "Yaftal-e Sufla" also as "Yaftal-e"
    if (OPTIONAL_WORDS.has(w) && words.length > 1) forms.add('');
    for (const re of OPTIONAL_ENDINGS) {
      const cut = w.replace(re, '');
      if (cut !== w && cut.length >= 3) forms.add(cut);
    }
    variants = variants.flatMap((v) => [...forms].map((f) => (f ? [...v, f] : v))).slice(0, 8);
  }
  return [...new Set(variants.map((v) => looseKey(v.join(' '))))].filter((k) => k.length >= 3);
}

/**
 * The folded name with its optional endings left out, word by word (Leileksky → leilek, Qal'ah → qala):
 * other written forms of the same name, for an exact look-up where the words around it say a place follows.
 *
 * @example
 * endingVariants('leileksky') // ['leilek']
 */
export function endingVariants(folded: string): string[] {
  const out = new Set<string>();
  const words = folded.split(' ');
  words.forEach((w, k) => {
    for (const re of OPTIONAL_ENDINGS) {
      const cut = w.replace(re, '');
      if (cut !== w && cut.length >= 3) out.add([...words.slice(0, k), cut, ...words.slice(k + 1)].join(' '));
    }
  });
  return [...out];
}
