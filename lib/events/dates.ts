import * as chrono from 'chrono-node';
import type { Excerpt, TimePrecision } from '../types';
import { VOCABULARY } from './vocabulary';

/** A date expression found in a text, resolved to a span of days. Offsets index the text passed in. */
export interface DateMention {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD (same as start for a day). */
  end: string;
  /** ACLED time_precision: 1 day, 2 week or similar span, 3 month. */
  timePrecision: TimePrecision;
  span: Excerpt;
  /** How the span was reached, in plain words ("weekday on or before the published date"). */
  basis: string;
  /** "evening", "night", "late", "morning", "afternoon", "overnight" when the text says so. */
  partOfDay?: string;
  /**
   * True when the date belongs to a statement rather than to what it reports ("said in a statement on
   * November 27"): it bounds the incident from above but does not date it.
   */
  reporting: boolean;
  /** True for a date that starts a period ("the first skirmish since the Taliban came to power in August last year"): not the act's. */
  since?: true;
  /** True when an incident took the day of the statement that reports it, the text giving no other: an upper bound, not the act's day. */
  fromStatement?: true;
  /**
   * Set when an incident without a date of its own took the lead's or the dateline's day: that sentence dates it but
   * does not tell it — 'told-by-another' when another incident of the article is told there, else 'untold'.
   */
  borrowed?: 'told-by-another' | 'untold';
  /** True for the report's dateline ("DUSHANBE, June 18 —", "Beijing, Nov 28 (PTI)"): the day of the report, never of a statement in it. */
  dateline?: true;
  /**
   * What a relative expression was counted from: the published date ("yesterday", "on Thursday") or a date
   * stated earlier in the article ("the previous day", "two days earlier"), with its words.
   */
  anchor?: Anchor;
}

/** The day a relative date is counted from. */
export interface Anchor {
  kind: 'published' | 'stated';
  date: string;
  /** The words that stated it, for `stated`. */
  text?: string;
}

/** A month already named earlier in the paragraph ("In December, …"), used by a later "December 23". */
export interface DateContext {
  year: number;
  month: number; // 1-12
}

/** Month names, lower case, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// abbreviations with or without their stop ("16 Sep", "Nov. 28"); a bare three-letter one is a month only next to a day or a year (see the month rule),
// and never the start of a longer word ("12 martyrs", "3 decades")
const MONTH_RE = '(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?\\.?|july?\\.?|aug(?:ust|\\.)?|sep(?:tember|t\\.?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)(?![a-z])';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '((?:19|20)\\d{2})';
const PART_RE = '(morning|afternoon|evening|night)';

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

// ---- day arithmetic on UTC dates, as YYYY-MM-DD strings -------------------------------------------
function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}
function parseIso(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}
function addDays(s: string, n: number): string {
  const d = parseIso(s);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/** Year for a month (and day) written without one: the latest occurrence not after the published date. */
function inferYear(published: string, month: number, day = 1): number {
  const py = +published.slice(0, 4);
  return iso(py, month, day) <= published ? py : py - 1;
}

interface Raw {
  index: number;
  length: number;
  start: string;
  end: string;
  timePrecision: TimePrecision;
  basis: string;
  partOfDay?: string;
  /** A month-only mention sets the paragraph's month context. */
  month?: DateContext;
  anchor?: Anchor;
  /** Days from a date stated earlier ("the previous day" is -1), resolved once every date of the text is known. */
  relative?: number;
}

type Rule = { re: RegExp; make: (m: RegExpExecArray, published: string | undefined, ctx: DateContext | undefined) => Omit<Raw, 'index' | 'length'> | null };

const PREFIX = `(?:(?:(?:on|in|during)\\s+)?(?:the\\s+)?(?:(early|late)\\s+)?${PART_RE}\\s+of\\s+|(late|early)\\s+(?:on\\s+)?|(overnight)\\s+(?:on\\s+|into\\s+)?)?`;

function dayResult(y: number | null, m: number, d: number, weekday: string | undefined, published: string | undefined, ctx: DateContext | undefined, part?: string) {
  if (!validDay(y ?? 2000, m, d)) return null;
  let year = y;
  let basis = 'day with its year';
  if (year === null) {
    if (ctx && ctx.month === m) {
      year = ctx.year;
      basis = 'day without a year, in the month named earlier in the paragraph';
    } else if (published) {
      year = inferYear(published, m, d);
      basis = 'day without a year: the latest such day not after the published date';
    } else return null;
  }
  if (!validDay(year, m, d)) return null;
  const s = iso(year, m, d);
  if (weekday && WEEKDAYS[parseIso(s).getUTCDay()] !== weekday.toLowerCase()) basis += ` (text says ${weekday}, which does not match)`;
  return { start: s, end: s, timePrecision: 1 as const, basis, partOfDay: part };
}

const pub = (published: string): Anchor => ({ kind: 'published', date: published });

const RELATIVE_DAYS = `(\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\\s+days?`;

const RULES: Rule[] = [
  // "in the night from Saturday to Sunday(, May 15)", "overnight from Friday into Saturday": the night's two days, the later the latest such weekday
  {
    re: new RegExp(`\\b(?:(?:on|during|in)\\s+)?(?:the\\s+)?(?:night|overnight)\\s+(?:of|from)\\s+${WEEKDAY_RE}\\s+(?:to|into|and)\\s+${WEEKDAY_RE}(?:,?\\s+(?:${MONTH_RE}\\s+${DAY_RE}|${DAY_RE}\\s+${MONTH_RE}))?\\b`, 'gi'),
    make: (m, published) => {
      if (!published) return null;
      const [first, second] = [WEEKDAYS.indexOf(m[1].toLowerCase()), WEEKDAYS.indexOf(m[2].toLowerCase())];
      if ((first + 1) % 7 !== second) return null;
      const end = addDays(published, -((parseIso(published).getUTCDay() - second + 7) % 7));
      return { start: addDays(end, -1), end, timePrecision: 1, basis: 'the night between two weekdays: the later the latest such day on or before the published date', partOfDay: 'night', anchor: pub(published) };
    },
  },
  // "on the night of 14 to 15 September", "the night of September 14-15", "overnight from 14 into 15 September": the night's two days
  {
    re: new RegExp(`\\b(?:(?:on|during|in)\\s+)?(?:the\\s+)?(?:(night)\\s+of|(overnight))\\s+(?:from\\s+)?(?:the\\s+)?(?:${DAY_RE}\\s*(?:to|into|-|–|and)\\s*${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}\\s+${DAY_RE}\\s*(?:to|into|-|–|and)\\s*${DAY_RE})(?:,?\\s+${YEAR_RE})?\\b`, 'gi'),
    make: (m, published, ctx) => {
      const [d1, d2, mo] = m[3] ? [+m[3], +m[4], monthIndex(m[5])] : [+m[7], +m[8], monthIndex(m[6])];
      if (d2 !== d1 + 1) return null;
      const first = dayResult(m[9] ? +m[9] : null, mo, d1, undefined, published, ctx, 'night');
      if (!first) return null;
      return { ...first, end: addDays(first.start, 1), basis: `${first.basis}; the night into the next day` };
    },
  },
  // "On May 3 and 4", "September 14-16", "between 14 and 16 September", "from August 30 to September 2": every day
  // of a short span (at most a fortnight), precision 2 unless it is one day. A figure after the second day ("May 3 and
  // 4 people") is a count, not a day.
  {
    re: new RegExp(
      String.raw`\b(?:(?:on|between|from|during)\s+)?(?:${MONTH_RE}\s+${DAY_RE}\s*(?:-|–|and|to|through|until)\s*(?:${MONTH_RE}\s+)?${DAY_RE}|${DAY_RE}\s*(?:-|–|and|to|through|until)\s*${DAY_RE}\s+(?:of\s+)?${MONTH_RE})(?:,?\s+${YEAR_RE})?\b(?!\s*(?:[\w-]+\s+)?(?:people|persons|others|civilians|soldiers|servicemen|guards|militants|were|was|have|had|killed|injured|wounded|dead|percent|%|km|kilomet))`,
      'gi',
    ),
    make: (m, published, ctx) => {
      const [m1, d1, m2, d2] = m[1] ? [monthIndex(m[1]), +m[2], m[3] ? monthIndex(m[3]) : monthIndex(m[1]), +m[4]] : [monthIndex(m[7]), +m[5], monthIndex(m[7]), +m[6]];
      const first = dayResult(m[8] ? +m[8] : null, m1, d1, undefined, published, ctx);
      if (!first) return null;
      const year = +first.start.slice(0, 4) + (m2 < m1 ? 1 : 0);
      if (!validDay(year, m2, d2)) return null;
      const end = iso(year, m2, d2);
      const days = (parseIso(end).getTime() - parseIso(first.start).getTime()) / 86_400_000;
      if (days < 1 || days > 14) return null;
      return { start: first.start, end, timePrecision: 2, basis: `${first.basis}; every day from the first to the last named` };
    },
  },
  // "the previous day", "the day before", "a day earlier", "two days earlier", "the next day", "that day": from a date stated before
  {
    re: new RegExp(`\\b(?:(?:on\\s+)?the\\s+(previous|preceding|next|following)\\s+day|the\\s+day\\s+(before|after)|${RELATIVE_DAYS}\\s+(earlier|before|later)|(?:on\\s+)?(?:that|the\\s+same)\\s+(day))\\b`, 'gi'),
    make: (m) => {
      const dir = (m[1] ?? m[2] ?? m[4] ?? '').toLowerCase();
      const n = m[3] ? (/^an?$/i.test(m[3]) ? 1 : wordNumber(m[3])) : m[5] ? 0 : 1;
      const sign = /^(?:previous|preceding|before|earlier)$/.test(dir) ? -1 : 1;
      return { start: '', end: '', timePrecision: 1, basis: '', relative: sign * n };
    },
  },
  // "The bombing came two days after a bomb killed the governor": what follows "after" happened that many days before
  {
    re: new RegExp(`\\b(?:came|comes|happened|occurred|follows|followed)\\s+${RELATIVE_DAYS}\\s+after\\b`, 'gi'),
    make: (m) => ({ start: '', end: '', timePrecision: 1, basis: '', relative: -(/^an?$/i.test(m[1]) ? 1 : wordNumber(m[1])) }),
  },
  // "Last April" (in a January report): the latest such month before the published date's month
  {
    re: new RegExp(`\\blast\\s+${MONTH_RE}\\b(?!\\s*\\d)`, 'gi'),
    make: (m, published) => {
      const word = m[0].replace(/^last\s+/i, '');
      if (!published || !/^[A-Z]/.test(word)) return null;
      const month = monthIndex(word);
      const py = +published.slice(0, 4);
      const pm = +published.slice(5, 7);
      return monthSpan(month < pm ? py : py - 1, month, 'month "last <month>": the latest such month before the published date’s month');
    },
  },
  // "November last year", "in August this year"
  {
    re: new RegExp(`\\b(?:(early|mid|late)[- ])?${MONTH_RE}\\s+(last|this|next)\\s+year\\b`, 'gi'),
    make: (m, published) => {
      if (!published) return null;
      const month = monthIndex(m[2]);
      const y = +published.slice(0, 4) + (m[3].toLowerCase() === 'last' ? -1 : m[3].toLowerCase() === 'next' ? 1 : 0);
      return monthSpan(y, month, `month "${m[3]} year", counted from the published year`);
    },
  },
  // "Monday, December 1", "December 1, 2025", "the evening of November 30"
  {
    re: new RegExp(`\\b${PREFIX}(?:${WEEKDAY_RE},?\\s+)?${MONTH_RE}\\s+${DAY_RE}\\b(?:,?\\s+${YEAR_RE}\\b)?`, 'gi'),
    make: (m, published, ctx) => {
      const part = partOf(m);
      return dayResult(m[8] ? +m[8] : null, monthIndex(m[6]), +m[7], m[5], published, ctx, part);
    },
  },
  // "1 December 2025", "the 23rd of December"
  {
    re: new RegExp(`\\b${PREFIX}(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+${YEAR_RE}\\b)?`, 'gi'),
    make: (m, published, ctx) => dayResult(m[8] ? +m[8] : null, monthIndex(m[7]), +m[6], m[5], published, ctx, partOf(m)),
  },
  // ISO dates
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    make: (m) => (validDay(+m[1], +m[2], +m[3]) ? { start: `${m[1]}-${m[2]}-${m[3]}`, end: `${m[1]}-${m[2]}-${m[3]}`, timePrecision: 1, basis: 'ISO date' } : null),
  },
  // "(early|late) December 2025", "in August", "In December"; never a made-up day
  {
    re: new RegExp(`\\b(?:(?:in|during|since|of|by)\\s+)?(?:(early|mid|late)[- ]|the\\s+(?:beginning|start|end|middle)\\s+of\\s+)?${MONTH_RE}(?:\\s+${YEAR_RE})?\\b(?!\\s*\\d)`, 'gi'),
    make: (m, published) => {
      const month = monthIndex(m[2]);
      // "may" is a verb far more often than a month: only with a year or after "in".
      if (/^may$/i.test(m[2]) && !m[3] && !/^in\s/i.test(m[0])) return null;
      // a bare month word must start with a capital (the text's own usage)
      if (!/^[A-Z]/.test(m[2])) return null;
      // "Jan Mohammad", "Mar Elias": a three-letter month without a stop or a year is a name more often than a month
      if (!m[3] && /^[a-z]{3}$/i.test(m[2]) && !/^may$/i.test(m[2])) return null;
      const y = m[3] ? +m[3] : published ? inferYear(published, month) : null;
      if (y === null) return null;
      return monthSpan(y, month, m[3] ? 'month with its year' : 'month without a year: the latest such month not after the published date');
    },
  },
  // "last week", "the previous week"
  {
    re: /\b(?:last|the previous|the preceding)\s+week\b/gi,
    make: (_m, published) => {
      if (!published) return null;
      const monday = addDays(published, -((parseIso(published).getUTCDay() + 6) % 7));
      return { start: addDays(monday, -7), end: addDays(monday, -1), timePrecision: 2, basis: 'the calendar week (Monday–Sunday) before the published date’s week', anchor: pub(published) };
    },
  },
  // "the past week", "over the last seven days"
  {
    re: /\b(?:the\s+)?(?:past|last)\s+(?:week|7 days|seven days)\b/gi,
    make: (_m, published) => (published ? { start: addDays(published, -7), end: published, timePrecision: 2, basis: 'the seven days up to the published date' } : null),
  },
  // "in the past 24 hours": the day of the report, as ACLED codes a report's day; "the last 48/72 hours": those days
  {
    re: /\b(?:the\s+)?(?:past|last|previous)\s+(24|48|72|twenty-four|forty-eight|seventy-two)\s+hours\b/gi,
    make: (m, published) => {
      if (!published) return null;
      const days = ({ '24': 1, '48': 2, '72': 3, 'twenty-four': 1, 'forty-eight': 2, 'seventy-two': 3 } as Record<string, number>)[m[1].toLowerCase()];
      return days === 1
        ? { start: published, end: published, timePrecision: 1, basis: 'the 24 hours up to the published date: that day, as ACLED codes a report’s day', anchor: pub(published) }
        : { start: addDays(published, -(days - 1)), end: published, timePrecision: 2, basis: `the ${days * 24} hours up to the published date: those ${days} days`, anchor: pub(published) };
    },
  },
  // "for the past three days", "over the last 10 days": that many days, ending on the published day (a fortnight at most;
  // "the past few days" gives no number and no date)
  {
    re: /\b(?:the\s+)?(?:past|last)\s+(\d+|two|three|four|five|six|eight|nine|ten)\s+days\b/gi,
    make: (m, published) => {
      const n = wordNumber(m[1]);
      if (!published || n < 2 || n > 14) return null;
      return { start: addDays(published, -(n - 1)), end: published, timePrecision: 2, basis: `the ${n} days up to and including the published date`, anchor: pub(published) };
    },
  },
  // "this week", "earlier this week" (before the published day, when that is not the week's first)
  {
    re: /\b(earlier\s+)?this\s+week\b/gi,
    make: (m, published) => {
      if (!published) return null;
      const monday = addDays(published, -((parseIso(published).getUTCDay() + 6) % 7));
      const earlier = !!m[1] && monday < published;
      return { start: monday, end: earlier ? addDays(published, -1) : published, timePrecision: 2, basis: earlier ? 'the published date’s week, before that date' : 'the published date’s week, up to that date' };
    },
  },
  // "last month", "the previous month"
  {
    re: /\b(?:last|the previous|the preceding)\s+month\b/gi,
    make: (_m, published) => {
      if (!published) return null;
      let y = +published.slice(0, 4);
      let mo = +published.slice(5, 7) - 1;
      if (mo === 0) {
        mo = 12;
        y--;
      }
      return monthSpan(y, mo, 'the calendar month before the published date’s month');
    },
  },
  // "this month", "earlier this month" (before the published day, when that is not the month's first)
  {
    re: /\b(earlier\s+)?this\s+month\b/gi,
    make: (m, published) => {
      if (!published) return null;
      const earlier = !!m[1] && !published.endsWith('-01');
      return { ...monthSpan(+published.slice(0, 4), +published.slice(5, 7), earlier ? 'the published date’s month, before that date' : 'the published date’s month'), end: earlier ? addDays(published, -1) : published };
    },
  },
  // "yesterday", "today", "N days ago"
  {
    re: /\b(?:(yesterday|today)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago)\b/gi,
    make: (m, published) => {
      if (!published) return null;
      const n = m[1] ? (m[1].toLowerCase() === 'today' ? 0 : 1) : wordNumber(m[2]);
      const d = addDays(published, -n);
      return { start: d, end: d, timePrecision: 1, basis: 'counted back from the published date', anchor: pub(published) };
    },
  },
  // "last night", "overnight", "tonight", "this morning": the night before the published day runs into it; the rest are that day
  {
    re: /\b(?:(last\s+night|overnight)|(?:(?:early\s+|late\s+)?this\s+(morning|afternoon|evening)|(tonight)))\b/gi,
    make: (m, published) => {
      if (!published) return null;
      if (m[1]) return { start: addDays(published, -1), end: published, timePrecision: 1, basis: 'the night before the published date, into that day', partOfDay: 'night', anchor: pub(published) };
      return { start: published, end: published, timePrecision: 1, basis: 'the published day', partOfDay: (m[2] ?? m[3]).toLowerCase(), anchor: pub(published) };
    },
  },
  // "on Monday", "late Sunday night", "Tuesday": the latest such weekday on or before the published date
  {
    re: new RegExp(`\\b${PREFIX}(?:(?:on|last|this|early|late)\\s+)?${WEEKDAY_RE}(?:\\s+${PART_RE})?\\b(?!,?\\s+(?:${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}|${MONTH_RE}))`, 'gi'),
    make: (m, published) => {
      if (!published) return null;
      const want = WEEKDAYS.indexOf(m[5].toLowerCase());
      const back = (parseIso(published).getUTCDay() - want + 7) % 7;
      const d = addDays(published, -back);
      return { start: d, end: d, timePrecision: 1, basis: 'weekday: the latest such day on or before the published date', partOfDay: partOf(m) ?? m[6]?.toLowerCase(), anchor: pub(published) };
    },
  },
];

function partOf(m: RegExpExecArray): string | undefined {
  if (m[2]) return m[1] ? `${m[1].toLowerCase()} ${m[2].toLowerCase()}` : m[2].toLowerCase();
  if (m[3]) return m[3].toLowerCase();
  if (m[4]) return 'overnight';
  return undefined;
}

function monthSpan(y: number, m: number, basis: string) {
  return { start: iso(y, m, 1), end: iso(y, m, lastDayOfMonth(y, m)), timePrecision: 3 as const, basis, month: { year: y, month: m } };
}

const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
function wordNumber(w: string): number {
  return /^\d+$/.test(w) ? +w : SMALL[w.toLowerCase()] ?? 0;
}

/** Speech and publication words whose date is the statement's, not the incident's. */
const REPORTING_BEFORE = /\b(?:date|dated|said|says|stated|announced|reported|told|posted|issued|released|published|statement|report|remarks|briefing|news conference|press conference|claimed responsibility|quoted|confirmed|confirms|added|noted|wrote|tweeted)\b(?:\s+[\w’'-]+(?:\/[A-Za-z][\w’'-]*)?){0,4}\s+$/i;
/** A dateline ("DUSHANBE, June 18 —") dates the report, not the incident it tells. */
const DATELINE_BEFORE = /^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z]+)?,\s*$/;
const DATELINE_AFTER = /^\s*(?:--|[—–-])/;
/** A wire dateline in title case with its agency ("Beijing, Nov 28 (PTI)"). */
/** (With the country after the city in brackets: "Kunduz [Afghanistan], June 26 (ANI/Xinhua):".) */
const WIRE_DATELINE_BEFORE = /^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?:\s*\[[A-Z][A-Za-z ]+\])?(?:,\s*[A-Z][A-Za-z]+)?,\s*$/;
const WIRE_DATELINE_AFTER = /^\s*\.?\s*(?:\([A-Z][\w .&/-]*\)|\/[A-Z][\w .&-]*\/)/;
/** The date inside a wire dateline's brackets ("KABUL (UrduPoint News / Sputnik - 22nd June, 2020)"). */
const BRACKET_DATELINE_BEFORE = /^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,?\s*\([A-Z][^()\n]{0,60}?[\s,/–—-]\s*$/;
const BRACKET_DATELINE_AFTER = /^\s*\)/;
const REPORTING_AFTER = /^,?\s*(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,6}(?:said|stated|announced|reported|posted|issued|told|released|claimed|quoted)\b/;
/** "Late on Thursday, the group claimed …", "On Friday, the ministry's Abdul Matin Qani said …": a date that opens the sentence, then a statement. ("… on Thursday, officials said" dates what was said.) */
const REPORTING_AFTER_OPENING = /^,\s*(?:the\s+)?[\w’'-]+\s+(?:said|stated|announced|reported|posted|issued|told|released|claimed)\b|^,\s*(?:[\w’'-]+\s+){1,5}quoted\b|^,\s*(?:the\s+)?[\w-]+['’]s\s+(?:[\w-]+\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:said|stated|announced|reported|told|claimed)\b/;

/**
 * Every date expression in `text`, resolved against the article's `published` date (YYYY-MM-DD):
 * - a day with or without a year ("December 23", "1 December 2025", "Monday, December 1") → that day,
 *   precision 1; without a year, the latest such day not after the published date, or the year of a
 *   month named earlier in the paragraph (`context`: "In December … December 23");
 * - a weekday ("on Monday") → the latest such weekday on or before the published date, precision 1;
 * - "last week" → the Monday–Sunday week before the published date's week, precision 2;
 *   "the past week" → the seven days up to the published date, precision 2;
 * - a month ("in August", "November 2024", "November last year") → the whole month, precision 3 —
 *   never a made-up day; "last month" → the calendar month before the published date's month;
 * - "yesterday", "N days ago" → counted back, precision 1.
 * Evening and late-night wording ("the evening of November 30", "late on December 23") keeps the day and
 * is reported in `partOfDay`. A year alone ("in 2021") and vague words ("recently", "in recent months")
 * give no date. A date that dates a statement ("said in a statement on November 27") or a dateline
 * ("DUSHANBE, June 18 —") is marked `reporting`.
 *
 * Hand-written rules rather than chrono-node for these: chrono reads "the evening of November 30" as the
 * reference day's evening, "last week" as the single day seven days back, and "November last year" as two
 * unrelated dates (see the `chrono-misreads` fixture). chrono-node is still used for absolute dates in
 * formats the rules above do not list (e.g. "12/05/2025"), keeping only results certain of day and month.
 *
 * @example
 * findDates('late on December 23 and', '2025-12-24')[0]
 * // { start: '2025-12-23', end: '2025-12-23', timePrecision: 1, partOfDay: 'late', span: { start: 0, end: 19, text: 'late on December 23' }, ... }
 */
export function findDates(text: string, published?: string, context?: DateContext, stated?: { date: string; text: string }): DateMention[] {
  const found: Raw[] = [];
  let ctx = context;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      const r = rule.make(m, published, ctx);
      if (!r) continue;
      const lead = /^(?:(?:in|during|since|of|by|on)\s+)/i.exec(m[0]);
      const index = m.index + (lead && r.timePrecision !== 1 ? lead[0].length : 0);
      const length = m[0].length - (index - m.index);
      if (found.some((f) => index < f.index + f.length && f.index < index + length)) continue;
      found.push({ ...r, index, length: trimEnd(text, index, length) });
    }
  }
  for (const c of chronoDates(text, published)) {
    if (!found.some((f) => c.index < f.index + f.length && f.index < c.index + c.length)) found.push(c);
  }
  found.sort((a, b) => a.index - b.index);
  // relative days count from the latest day stated before them: in this text, else earlier in the article, else the published date
  let last: Anchor | null = stated ? { kind: 'stated', date: stated.date, text: stated.text } : null;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if (f.relative === undefined) {
      if (f.timePrecision === 1) last = { kind: 'stated', date: f.start, text: text.slice(f.index, f.index + f.length) };
      continue;
    }
    const anchor = last ?? (published && f.relative !== 0 ? pub(published) : null);
    if (!anchor) {
      found.splice(i--, 1);
      continue;
    }
    const d = addDays(anchor.date, f.relative);
    const what = f.relative === 0 ? 'the same day as' : `${Math.abs(f.relative)} day${Math.abs(f.relative) > 1 ? 's' : ''} ${f.relative < 0 ? 'before' : 'after'}`;
    Object.assign(f, { start: d, end: d, basis: `${what} ${anchor.kind === 'stated' ? 'a date stated before it' : 'the published date'}`, anchor });
    last = { kind: 'stated', date: d, text: text.slice(f.index, f.index + f.length) };
  }
  // a later bare day in the same month as an earlier month-only mention is resolved in its year
  const out: DateMention[] = [];
  for (const f of found) {
    if (f.month) ctx = f.month;
    const end = f.index + f.length;
    const dateline =
      (DATELINE_BEFORE.test(text.slice(0, f.index)) && DATELINE_AFTER.test(text.slice(end, end + 4))) ||
      (WIRE_DATELINE_BEFORE.test(text.slice(0, f.index)) && WIRE_DATELINE_AFTER.test(text.slice(end, end + 40))) ||
      (BRACKET_DATELINE_BEFORE.test(text.slice(0, f.index)) && BRACKET_DATELINE_AFTER.test(text.slice(end, end + 4)));
    out.push({
      start: f.start,
      end: f.end,
      timePrecision: f.timePrecision,
      span: { start: f.index, end, text: text.slice(f.index, end) },
      basis: f.basis,
      ...(f.partOfDay ? { partOfDay: f.partOfDay } : {}),
      ...(f.anchor ? { anchor: f.anchor } : {}),
      ...(dateline ? { dateline: true as const } : {}),
      ...(sinceClause(text.slice(Math.max(0, f.index - 80), f.index)) ? { since: true as const } : {}),
      reporting:
        dateline ||
        // "It was reported on May 17 that a resident had died": the day of the report, not of the death
        (/\bit\s+(?:was|has\s+been|had\s+been)\s+(?:reported|announced|said|stated|confirmed)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, f.index - 40), f.index)) && /^\s*,?\s*that\b/i.test(text.slice(end, end + 12))) ||
        isReporting(text.slice(Math.max(0, f.index - 60), f.index)) ||
        REPORTING_AFTER.test(text.slice(end, end + 80)) ||
        (/^\W*$/.test(text.slice(0, f.index).replace(/\b(?:on|late|early|in|the|of)\b/gi, '')) && REPORTING_AFTER_OPENING.test(text.slice(end, end + 80))),
    });
  }
  return out;
}

/**
 * A date inside a "since" clause with its own verb ("the first skirmish since the Taliban came to power in August
 * last year"): the start of a period, not the act's date. "Since the morning of September 16, they have been
 * shelling villages" is not: there the date is when the act began.
 */
function sinceClause(before: string): boolean {
  const m = /\bsince\b([^,.;:]{0,80})$/i.exec(before);
  return !!m && !/^\s*(?:(?:the|early|late|last|this|morning|afternoon|evening|night|of|on)\s+)*$/i.test(m[1]);
}

/** "said … on", but not a passive "was reported on", which dates the thing reported. */
function isReporting(before: string): boolean {
  const m = REPORTING_BEFORE.exec(before);
  // "Khovar says that on February 1, 2020 they seized …": after "that" the date is inside what is reported
  if (m && /\bthat\b/i.test(m[0].replace(/^\w+/, ''))) return false;
  // "said the strike hit on October 21", "claimed the attack on Monday": an act of the event vocabulary between the
  // saying and the date — the date is the act's
  if (m && actTold(m[0].replace(/^\w+/, ''))) return false;
  // "said the school was attacked two days earlier": the date belongs to the clause reported, not to the saying
  return !!m && !/\b(?:was|were|been|is|are|being)\s+(?:(?:also|again|later|\w+ly)\s+)?$/i.test(before.slice(0, m.index)) && !/\b(?:(?:was|were|had|has|have|been)\s+(?!dated|reported|said|stated|announced|issued|released|published|posted|told)\w+|happened|occurred|took\s+place|broke\s+out|erupted|began|started)\b/i.test(m[0]);
}

/** Words naming an act of violence (any trigger of data/rules/events.json). */
function actTold(words: string): boolean {
  return Object.values(VOCABULARY.triggers).some((re) => re.test(words));
}

function trimEnd(text: string, index: number, length: number): number {
  let l = length;
  while (l > 0 && /[\s,]/.test(text[index + l - 1])) l--;
  return l;
}

function chronoDates(text: string, published?: string): Raw[] {
  // only readings with a figure are kept below, so a text without one needs no parse (most sentences: chrono is the costliest step)
  if (!/\d/.test(text)) return [];
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  // day first, as the region's outlets write figures ("11.01.2020" is 11 January; "29.04.21" reads the same either way)
  return chrono.en.GB
    .parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })
    // only absolute dates (they contain a figure): chrono's relative readings are replaced by the rules above
    .filter((r) => /\d/.test(r.text) && r.start.isCertain('day') && r.start.isCertain('month') && (r.start.isCertain('year') || published))
    .map((r) => {
      const y = r.start.get('year') ?? 0;
      const m = r.start.get('month') ?? 1;
      const d = r.start.get('day') ?? 1;
      const year = r.start.isCertain('year') ? y : inferYear(published!, m, d);
      const s = iso(year, m, d);
      return { index: r.index, length: r.text.length, start: s, end: s, timePrecision: 1 as const, basis: 'absolute date (chrono-node)' };
    });
}

/**
 * The date that places an incident told in `text`: the most precise non-reporting date expression (the
 * first one when several are equally precise), or null when the text has none. See {@link findDates}.
 *
 * @example
 * resolveDate('In November last year, Tajik authorities said armed groups carried out an attack', '2025-11-27')
 * // { start: '2024-11-01', end: '2024-11-30', timePrecision: 3, span: { start: 3, end: 21, text: 'November last year' }, ... }
 */
export function resolveDate(text: string, published?: string, context?: DateContext): DateMention | null {
  const all = findDates(text, published, context).filter((d) => !d.reporting);
  if (all.length === 0) return null;
  return all.reduce((best, d) => (d.timePrecision < best.timePrecision ? d : best));
}
