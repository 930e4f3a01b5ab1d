/**
 * Name keys that make transliterations of one place meet: the same key for Kŭlob / Kulob, and the same
 * consonant skeleton for Kulob / Kulyab, Shohin / Shihin / Shahin, Ishkashim / Ishqoshim / Ashkasham,
 * Shuroobod / Shuro-obod / Shurobod.
 */

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
  return name
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
