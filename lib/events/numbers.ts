import { regex } from '../cached-regexp';
/** A number of people as the text gives it. `value` is the lowest figure the words allow (ACLED's rule). */
export interface Quantity {
  value: number;
  /** True when the words give no exact figure ("several", "more than a dozen", "at least 10"). */
  vague: boolean;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * The least number each vague word can mean: "several" is more than two, "a few" and "a couple" at least
 * two, "dozens" at least two dozen, "scores" two score, "hundreds" two hundred.
 */
const VAGUE: Record<string, number> = { several: 3, 'a few': 2, few: 2, 'a couple': 2, 'a couple of': 2, many: 3, numerous: 3, dozens: 24, scores: 40, hundreds: 200, 'tens of': 20 };

const UNIT_ALT = UNITS.join('|');
const TEN_ALT = TENS.filter(Boolean).join('|');
const WORD_NUM = `(?:(?:${TEN_ALT})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNIT_ALT})`;
const HUNDRED = `(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\\s+hundred(?:\\s+(?:and\\s+)?${WORD_NUM})?)`;
const BASE = `(?:an?\\s+(?:second|third|fourth|fifth)(?!\\s+of\\b)|\\d{1,3}(?:,\\d{3})+|\\d+|${HUNDRED}|(?:a|one|two|three|half\\s+a)\\s+dozen|dozens|hundreds|scores|tens\\s+of|several|a\\s+few|a\\s+couple(?:\\s+of)?|(?<!\\bhow\\s+)many|numerous|another|${WORD_NUM}|an?)`;
const MOD = `(?:more\\s+than|over|at\\s+least|nearly|almost|about|around|approximately|roughly|some|an\\s+estimated|up\\s+to|as\\s+many\\s+as|another|a\\s+further)`;

/** Source of a regular expression matching one quantity (with its modifier), for use inside larger patterns. */
export const QUANTITY = `(?:${MOD}\\s+)?${BASE}`;

function wordValue(w: string): number | null {
  const s = w.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(s)) return +s.replace(/,/g, '');
  const u = UNITS.indexOf(s);
  if (u >= 0) return u;
  const t = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(s);
  if (t && TENS.includes(t[1])) {
    const unit = t[2] ? UNITS.indexOf(t[2]) : 0;
    if (unit >= 0 && unit < 10) return TENS.indexOf(t[1]) * 10 + unit;
  }
  const h = /^(a|one|two|three|four|five|six|seven|eight|nine) hundred(?: (?:and )?(.+))?$/.exec(s);
  if (h) {
    const lead = h[1] === 'a' ? 1 : UNITS.indexOf(h[1]);
    const rest = h[2] ? wordValue(h[2]) : 0;
    return rest === null ? null : lead * 100 + rest;
  }
  const d = /^(a|one|two|three|half a) dozen$/.exec(s);
  if (d) return d[1] === 'half a' ? 6 : (d[1] === 'a' ? 1 : UNITS.indexOf(d[1])) * 12;
  if (s === 'a' || s === 'an' || s === 'another' || /^an? (?:second|third|fourth|fifth)$/.test(s)) return 1;
  return null;
}

/**
 * Reads a quantity of people: digits ("12", "1,200"), number words up to the hundreds ("twenty-five",
 * "two hundred and fifty"), "a dozen", "a"/"an"/"another" (one), vague words ("several", "dozens") and
 * modifiers ("more than", "at least", "nearly", "about", "up to"). The value is the lowest figure the words
 * allow, and the figure stated when the words only say it was exceeded — "more than a dozen" is 12, "at least 10" is 10, "nearly 10" is 9, "up to 10" is 1 — and `vague`
 * says whether the text gave an exact figure. Returns null for anything else.
 *
 * @example
 * parseQuantity('more than a dozen') // { value: 12, vague: true }
 * parseQuantity('twenty-five') // { value: 25, vague: false }
 */
export function parseQuantity(text: string): Quantity | null {
  const s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = regex()`^(${MOD} )?(.+)$`.exec(s);
  if (!m) return null;
  const mod = m[1]?.trim();
  const base = m[2];
  let value: number | null;
  let vague = false;
  if (base in VAGUE) {
    value = VAGUE[base];
    vague = true;
  } else value = wordValue(base);
  if (value === null) return null;
  // "another six", "a further three": exact figures of a further group
  if (mod && mod !== 'another' && mod !== 'a further') {
    vague = true;
    // "more than 60": the figure the report gives, 60 (ACLED records the figure stated, flagged vague)
    if (mod === 'nearly' || mod === 'almost') value = Math.max(1, value - 1);
    else if (mod === 'up to') value = 1;
  }
  return { value, vague };
}
