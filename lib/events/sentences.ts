import type { Excerpt } from '../types';

/** One sentence of an article body, with its paragraph number (0-based; a line break starts a paragraph). */
export interface Sentence extends Excerpt {
  index: number;
  paragraph: number;
}

/** Words that end in a full stop without ending a sentence. Compared in lower case, without the stop. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'pvt', 'adm', 'gov', 'sen', 'rep',
  'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'inc', 'ltd', 'co', 'corp', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'km', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k',
  'a.m', 'p.m', 'al',
]);

const CLOSERS = '"”’\')]»*';
const OPENERS = '"“‘\'([«';

/**
 * Splits an article body into sentences with offsets into the body, so that
 * `body.slice(s.start, s.end) === s.text` for every sentence. A line break always ends a sentence
 * (titles, date stamps and datelines stand on their own lines); inside a line, a sentence ends at
 * `.`, `!` or `?` (plus any closing quotes) followed by white space and a capital, digit or opening quote,
 * unless the word before the stop is an abbreviation or a single initial. "DUSHANBE --" datelines and
 * curly quotes stay inside their sentence.
 *
 * @example
 * splitSentences('He said “Go.” Then he left.\nNext line')
 * // [{ text: 'He said “Go.”', start: 0, ... }, { text: 'Then he left.', ... }, { text: 'Next line', paragraph: 1, ... }]
 */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  const lineRe = /[^\r\n]+/g;
  let line: RegExpExecArray | null;
  let lastLineEnd = 0;
  while ((line = lineRe.exec(body))) {
    const between = body.slice(lastLineEnd, line.index);
    if (out.length === 0 || /\n/.test(between)) paragraph++;
    lastLineEnd = line.index + line[0].length;
    splitLine(line[0], line.index, paragraph, out);
  }
  return out;
}

function splitLine(text: string, offset: number, paragraph: number, out: Sentence[]): void {
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ index: out.length, paragraph, start: offset + s, end: offset + e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.includes(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k])) k++;
    if (k >= text.length) continue; // end of line ends the sentence anyway
    const next = text[k];
    if (!(/[A-Z0-9]/.test(next) || OPENERS.includes(next))) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(j);
    start = j;
  }
  push(text.length);
}

function isAbbreviation(text: string, dot: number): boolean {
  const m = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const word = m[1].toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Smith") or a dotted acronym ("U.S.").
  return /^[A-Z]$/.test(m[1]) || /^([a-z]\.)+[a-z]$/.test(word);
}
