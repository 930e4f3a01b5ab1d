import { loadGazetteer, type LoadedGazetteer, type MatchTier } from '../geocode/gazetteer';
import type { GazetteerEntry } from '../geocode/gazetteer-types';
import lexicon from './lexicon.json';
import { MAP_REGION } from '../geo/countries';
import { commonWords } from './common-words';
import { endingVariants, foldName, looseKeys, MIN_LOOSE_LETTERS, skeleton } from './normalize';
import { MONTHS } from '../events/dates';

/** What a feature word says a place is: a province, a district, a town, or a border post. */
/** What a feature word says a place is; AREA ("the Dakhma area") says only that a place is named, not what kind. */
export type FeatureHint = 'ADM1' | 'ADM2' | 'PPL' | 'POST' | 'RIVER' | 'AREA';

export interface GazetteerMatch {
  entry: GazetteerEntry;
  tier: MatchTier;
}

/** One spotted place name, with the words around it that help decide which place it is. */
export interface Toponym {
  /** Span of the whole mention, feature words included: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
  surface: string;
  /** The name alone ("Shamsiddin Shihin" in "Shamsiddin Shihin district"). */
  name: string;
  matches: GazetteerMatch[];
  feature: FeatureHint | null;
  /** "Afghan", "Tajik": a country adjective. */
  adjective: boolean;
  /** Followed by 's / ’s. */
  possessive: boolean;
  /** A DUSHANBE -- dateline at the start of a line. */
  dateline: boolean;
  /** "Tajik–Afghan border": the two countries (ISO 3166-1) a border mention joins. */
  border: [string, string] | null;
  /** Why the name stands for a government here ("followed by 'condemned'"), else null. */
  government: string | null;
  /** The organisation name this place word sits in ("China Road and Bridge Corporation"): not a place. */
  organisation: string | null;
  /** Index of a toponym this one is said to be in or near ("X in Y", "Y's X", "X, Y"). */
  container: { index: number; relation: 'in' | 'near' | 'of' | 'comma' | 'possessive' } | null;
  /** Index of a country toponym qualifying this one ("Tajikistan's X", "Afghan X"), or 'the-country'. */
  countryCue: number | 'the-country' | null;
  /** Preceded by a lowercase "the" ("across the Panj"): unusual for a town's name. */
  definite: boolean;
  /** Index of the sentence the toponym is in (0-based). */
  sentence: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  possessive: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  sentence: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’‘`ʼʻ]*/gu;
const JOIN_GAP = /^(?:[ \t]+|[ \t]?[-‐‑–—][ \t]?)$/;
/** Between a quoted name and the feature word after it: the frontier post “Koktash”, the “Panj” frontier post. */
const QUOTED_GAP = /^["”’'»]?[ \t]+$/;
const OPEN_QUOTE = /[ \t]["“‘'«]$/;
const DASH_GAP = /^[ \t]?[-‐‑–—/][ \t]?$/;
const SENTENCE_END = /[.!?]["”’)]?\s|\n/;

const featureWords = new Map(Object.entries(lexicon.featureWords) as [string, FeatureHint][]);
const featurePrefixes = new Map(Object.entries(lexicon.featurePrefixes) as [string, FeatureHint][]);
const borderWords = new Set(lexicon.borderWords);
const connectors = new Set(lexicon.nameConnectors);
const orgHeads = new Set(lexicon.organisationHeads);
const govHeads = new Set(lexicon.governmentHeads);
const govVerbs = new Set(lexicon.governmentVerbs);
const auxiliaries = new Set(lexicon.auxiliaries.flatMap((a) => a.split(' ')));
const govNouns = lexicon.governmentNouns.map((n) => n.split(' '));
const govPreceding = lexicon.governmentPrecedingCues.map((n) => n.split(' '));
const stopwords = new Set(lexicon.stopwords);
const riverFollowers = new Set(lexicon.definiteNameFollowers);
const personTitles = new Set(lexicon.personTitles.map((t) => t.toLowerCase()));
const personSuffix = new RegExp(`(?:${lexicon.personNameEndings.join('|')})$`);
const LOCATIVE = new Set(['in', 'near', 'at', 'from', 'to', 'into', 'outside', 'across', 'toward', 'towards', 'between', 'around', 'of', 'via', 'through']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    let possessive = false;
    if (/['’][sS]$/.test(raw) && raw.length > 3) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (/['’‘`ʼ]$/.test(raw)) {
      raw = raw.replace(/['’‘`ʼ]+$/, '');
      possessive = /s$/.test(raw);
    }
    const start = m.index!;
    const gap = text.slice(prevEnd, start);
    if (tokens.length && SENTENCE_END.test(gap + ' ')) sentence++;
    tokens.push({ start, end: start + raw.length, text: raw, possessive, gap, sentence });
    prevEnd = start + m[0].length;
  }
  return tokens;
}

const isCapitalized = (t: string) => /^\p{Lu}/u.test(t);
const isAllCaps = (t: string) => t.length > 1 && t === t.toUpperCase() && /\p{Lu}/u.test(t);
const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

/** Does the run of tokens from i on read as `words`, separated only by spaces? */
function wordsAt(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t || lower(t) !== words[k] || (k > 0 && !/^[ \t]+$/.test(t.gap))) return false;
    if (k < words.length - 1 && t.possessive) return false;
  }
  return true;
}

/**
 * "the Panj" read as a river or an area, not a town: the name ends a phrase (punctuation, end of text) or is
 * followed by a word that goes with water or a preposition ("the Panj into", "the Panj bank"). Followed by
 * any other noun, "the" belongs to that noun ("the Isfara stretch", "the Roshtqala prosecutor").
 */
function riverUse(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  // "the “Shurob” coal mine", "the Devashtich (formerly Ghonchi) district": a quoted name or an aside before a feature word
  if (next && /^["”’']?[ \t]+$/.test(next.gap) && featureAt(tokens, last + 1)) return false;
  if (next && /^[ \t]*\($/.test(next.gap)) {
    const close = tokens.findIndex((t, k) => k > last + 1 && /\)/.test(t.gap));
    if (close > 0 && close - last <= 6 && /^\)[ \t]+$/.test(tokens[close].gap) && featureAt(tokens, close)) return false;
  }
  if (!next || /[,.;:!?()"“”]/.test(next.gap) || tokens[last].possessive) return true;
  return riverFollowers.has(next.text.toLowerCase());
}

/** "frontier post “Koktash”", "Border Guard Post 'Istiqlol'": a quoted name right after a feature word takes its hint. */
function quotedAfterFeature(tokens: Token[], i: number): [string, FeatureHint] | undefined {
  if (!OPEN_QUOTE.test(tokens[i]?.gap ?? '')) return undefined;
  for (const len of [3, 2, 1]) {
    const k = i - len;
    if (k < 0) continue;
    const words = tokens.slice(k, i).map((t) => t.text.toLowerCase()).join(' ');
    const hint = featureWords.get(words);
    if (hint && tokens.slice(k + 1, i).every((t) => /^[ \t]+$/.test(t.gap))) return [words, hint];
  }
  return undefined;
}

/** Length of the feature word (1–2 tokens) at i, and its hint. */
function featureAt(tokens: Token[], i: number): { len: number; hint: FeatureHint; plural: boolean } | null {
  for (const len of [3, 2, 1]) {
    const ts = tokens.slice(i, i + len);
    if (ts.length < len || ts.some((t, k) => k > 0 && !/^[ \t]+$/.test(t.gap))) continue;
    const hint = featureWords.get(ts.map((t) => t.text.toLowerCase()).join(' '));
    if (hint) return { len, hint, plural: /s$/.test(ts[len - 1].text) && ts[len - 1].text.toLowerCase() !== 'post' };
  }
  return null;
}

interface Found {
  i: number;
  j: number;
  matches: GazetteerMatch[];
  adjective: boolean;
}

/** Month names and their abbreviations, as datelines write them ("Nov", "Sept", "November"). */
const MONTH_WORD = new RegExp(`^(?:${MONTHS.flatMap((m) => [m, m.slice(0, 3)]).join('|')}|sept)$`, 'i');

/** A town, village or district of under 100,000 people: a name a common word could be mistaken for. */
const weak = (e: GazetteerEntry) => (e.fc.startsWith('PPL') && e.fc !== 'PPLC' && e.pop < 100_000) || e.fc === 'ADM2';

/** The words before token i say a place follows: a preposition of place, or "the town of". */
/** Capitalised words after token `j` (one or two, not common words, maybe joined by izafe) that end in a feature word: their last index and the feature. */
function unknownRunAfter(tokens: Token[], j: number): { j: number; fw: { len: number; hint: FeatureHint; plural: boolean } } | null {
  const common = commonWords();
  let words = 0;
  for (let k = j + 1; words < 2 && k < tokens.length; k++) {
    const t = tokens[k];
    // "Shahrak-e Sar Darrah area": a name connector (izafe -e, -i, -ye, "wa") may stand between the words
    if (connectors.has(t.text.toLowerCase()) && JOIN_GAP.test(t.gap) && t.text !== 'of') continue;
    words++;
    if (!isCapitalized(t.text) || !JOIN_GAP.test(t.gap) || tokens[k - 1].possessive || stopwords.has(t.text) || common.has(t.text.toLowerCase()) || featureAt(tokens, k)) return null;
    const fw = /^[ \t]+$/.test(tokens[k + 1]?.gap ?? '') ? featureAt(tokens, k + 1) : null;
    if (fw && fw.hint !== 'POST' && fw.hint !== 'RIVER') return { j: k, fw };
  }
  return null;
}

function locativeBefore(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.text.toLowerCase() ?? '';
  // "according to Akbari": a source, not a destination
  if (before === 'to' && /^(?:according|thanks|attributed|close|spoke|talked|told|said)$/i.test(tokens[i - 2]?.text ?? '')) return false;
  return LOCATIVE.has(before) || featurePrefixes.has(`${tokens[i - 2]?.text.toLowerCase()} ${before}`);
}

const MAX_NAME_WORDS = 4;

/** A person's name, not a place: after a title ("Colonel", "spokesman"), or next to a surname ("-ov", "-zoda"). */
function inPersonName(tokens: Token[], i: number, j: number): boolean {
  const joined = (k: number) => tokens[k] && JOIN_GAP.test(tokens[k].gap) && isCapitalized(tokens[k].text);
  // A name is a few words: looking further than that would make a run of capitals (one name repeated
  // 10,000 times) quadratic in its length.
  let a = i;
  while (a > 0 && i - a < MAX_NAME_WORDS && joined(a) && isCapitalized(tokens[a - 1].text) && !tokens[a - 1].possessive) a--;
  let b = j;
  while (b - j < MAX_NAME_WORDS && joined(b + 1) && !tokens[b].possessive) b++;
  const title = tokens[a - 1] && personTitles.has(tokens[a - 1].text.toLowerCase()) && /^[ \t]+$/.test(tokens[a].gap);
  if (title && a === i) return true;
  if (a === i && b === j) return false;
  return tokens.slice(a, b + 1).some((t, k) => (a + k < i || a + k > j) && personSuffix.test(t.text));
}

/** Longest gazetteer name starting at token i: exact (folded) names first, then demonyms, then loose spellings. */
function matchAt(g: LoadedGazetteer, text: string, tokens: Token[], i: number, listed = false): Found | null {
  const first = tokens[i];
  if (!isCapitalized(first.text)) return null;
  // "the Darwaz-e Balkh area" (the Balkh Gate quarter of Mazar): a name joined by izafe to an unknown word before it is
  // the second half of another place's name, not the place it names
  const izafe = tokens[i - 1];
  if (izafe && i >= 2 && /^(?:e|i|ye)$/i.test(izafe.text) && JOIN_GAP.test(first.gap) && /[-‐‑–—]/.test(izafe.gap) && isCapitalized(tokens[i - 2].text)) return null;
  // "Beijing, Nov 28 (PTI)": a month (or its abbreviation) before a day's number is a date, not the town of Nov
  if (MONTH_WORD.test(first.text) && /^\.?\s*\d{1,2}\b/.test(text.slice(first.end, first.end + 6))) return null;
  const common = commonWords();
  let exactLen = 0;
  for (let len = Math.min(g.maxTokens, tokens.length - i); len >= 1; len--) {
    const j = i + len - 1;
    const last = tokens[j];
    // "Chahar dara", "Imam sahib": a listed name of several words whose later words a reporter left in
    // lower case is read as that name when those words are neither common English words nor feature words
    // ("the Vorukh jamoat" is Vorukh and its feature word) — exact names only
    let lowered = false;
    let ok = true;
    for (let k = i + 1; k <= j; k++) {
      const t = tokens[k];
      if (!JOIN_GAP.test(t.gap) || tokens[k - 1].possessive || t.sentence !== first.sentence) ok = false;
      if (!isCapitalized(t.text) && !connectors.has(t.text.toLowerCase())) {
        if (common.has(t.text.toLowerCase()) || featureWords.has(t.text.toLowerCase()) || !/^\p{Ll}/u.test(t.text)) ok = false;
        lowered = true;
      }
    }
    if (!ok || (!isCapitalized(last.text) && !lowered)) continue;
    if (len === 1 && stopwords.has(first.text)) return null;
    exactLen = exactLen || len;
    const key = foldName(text.slice(first.start, last.end));
    // A common English word ("Post", "Mine", "Bar") that is also the name of a village is read as the
    // village only where the words around it say a place follows.
    const placeContext = () => locativeBefore(tokens, i) || !!(tokens[j + 1] && /^[ \t]+$/.test(tokens[j + 1].gap) && featureAt(tokens, j + 1));
    // Another written form of a listed name (Leileksky district, Batkensky district): only in a place context.
    const exact = g.byName.get(key);
    if (lowered && !exact) continue;
    const variants = placeContext() ? endingVariants(key).flatMap((v) => g.byName.get(v) ?? []) : [];
    const named = exact || variants.length ? [...(exact ?? []), ...variants.filter((v) => !exact?.some((x) => x.entry === v.entry))] : undefined;
    if (named && inPersonName(tokens, i, j)) continue;
    if (named && len === 1 && common.has(first.text.toLowerCase()) && named.every((m) => weak(m.entry)) && !placeContext()) continue;
    if (named) {
      // Spellings of other places that differ only in vowels stay in the running (Ishkashim names a town
      // on each bank of the Panj; GeoNames spells the Afghan one Ashkāsham).
      const alike = (g.bySkeleton.get(skeleton(key)) ?? []).filter((e) => !named.some((m) => m.entry === e));
      return { i, j, matches: [...named.map((m) => ({ entry: m.entry, tier: m.tier })), ...alike.map((entry) => ({ entry, tier: 'skeleton' as const }))], adjective: false };
    }
    const country = len <= 2 ? g.byDemonym.get(key) : undefined;
    if (country) return { i, j, matches: [{ entry: country, tier: 'demonym' }], adjective: true };
  }
  // Transliterations no source lists (Shokhin for Shohin, Pyandzh for Panj, Isfarinsky for Isfara): the
  // loose keys of data/rules/spelling.json, only for names of at least four letters that are not common
  // English words or part of a person's name, and only where the words around it say a place follows (a
  // preposition of place before, a feature word after), so that names and common words do not match by accident.
  // (or the next name of a list that a place opened: "moved to Isfana and Sulukta")
  const locative = locativeBefore(tokens, i) || listed;
  for (let len = Math.min(3, exactLen); len >= 1; len--) {
    const featureAfter = tokens[i + len] && /^[ \t]+$/.test(tokens[i + len].gap) && featureAt(tokens, i + len);
    if (!locative && !featureAfter) continue;
    const j = i + len - 1;
    const surface = text.slice(first.start, tokens[j].end);
    if (surface.replace(/[^\p{L}]/gu, '').length < MIN_LOOSE_LETTERS || isAllCaps(surface)) continue;
    if (tokens.slice(i, j + 1).every((t) => common.has(t.text.toLowerCase())) || inPersonName(tokens, i, j)) continue;
    const hits = [...new Set(looseKeys(surface).flatMap((k) => g.byLoose.get(k) ?? []))].filter((e) => MAP_REGION.has(e.country));
    if (hits.length) return { i, j, matches: hits.map((entry) => ({ entry, tier: 'skeleton' as const })), adjective: false };
  }
  return null;
}

/**
 * Finds every place name in a text, with exact spans and the surrounding words that help resolve it:
 * feature words (district, province, border post), possessives and country adjectives, datelines,
 * "X in Y" relations, organisation names that merely contain a place word, and government uses.
 *
 * @example
 * geoparse('Shots were fired in Khatlon province.').map((t) => t.surface) // ['Khatlon province']
 */
export function geoparse(text: string, gazetteer: LoadedGazetteer = loadGazetteer()): Toponym[] {
  const tokens = tokenize(text);
  const found: Array<Found & { featureLen: number; feature: FeatureHint | null; plural: boolean; unknown?: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    let f: (typeof found)[number] | null = null;
    // right after a place found, joined to it by "and" or "or": the next name of a list of places (not after a bare
    // comma: "China's ambassador to Tajikistan, Guo Zhijun," names a person)
    const prev = found[found.length - 1];
    const end = prev ? prev.j + prev.featureLen : -2;
    const listed = !!prev && !prev.adjective && i === end + 2 && /^(?:and|or)$/i.test(tokens[i - 1].text) && /^,?\s+$/.test(tokens[i - 1].gap);
    const m = matchAt(gazetteer, text, tokens, i, listed);
    // "at 04:00 Moscow time", "Kabul time": a clock, not a place
    if (m && /^time$/i.test(tokens[m.j + 1]?.text ?? '') && /^[ \t]+$/.test(tokens[m.j + 1].gap)) {
      i = m.j;
      continue;
    }
    // "the Guzar Khazanadar area": a listed name (Guzar) followed by unknown capitalised words and a feature word is
    // one name the gazetteer lacks, not the listed place
    const longer = m && !m.adjective ? unknownRunAfter(tokens, m.j) : null;
    if (longer) {
      f = { i, j: longer.j, matches: [], adjective: false, featureLen: longer.fw.len, feature: longer.fw.hint, plural: longer.fw.plural, unknown: true };
    } else if (m) {
      const fw = QUOTED_GAP.test(tokens[m.j + 1]?.gap ?? '') && !tokens[m.j].possessive && !m.adjective ? featureAt(tokens, m.j + 1) : null;
      // "Balkh's provincial governor", "Batken's regional administration": the possessor is a province
      const ofProvince = tokens[m.j].possessive && !m.adjective && /^(?:provincial|regional|oblast)$/i.test(tokens[m.j + 1]?.text ?? '');
      f = { ...m, featureLen: fw?.len ?? 0, feature: fw?.hint ?? (ofProvince ? 'ADM1' : null), plural: fw?.plural ?? false };
    } else if (isCapitalized(tokens[i].text) && !stopwords.has(tokens[i].text) && !commonWords().has(tokens[i].text.toLowerCase())) {
      // An unknown capitalised name followed by a feature word is a place the gazetteer lacks (a headline's
      // capitalised common words are not: "Grief Grips Remote Tajik Region").
      for (let j = i; j < Math.min(i + 3, tokens.length); j++) {
        if (!isCapitalized(tokens[j].text) || (j > i && !JOIN_GAP.test(tokens[j].gap)) || tokens[j].possessive) break;
        const fw = /^[ \t]+$/.test(tokens[j + 1]?.gap ?? '') ? featureAt(tokens, j + 1) : null;
        if (fw && !(fw.hint === 'POST' && tokens[j + 1].text.toLowerCase() === 'post')) {
          f = { i, j, matches: [], adjective: false, featureLen: fw.len, feature: fw.hint, plural: fw.plural, unknown: true };
          break;
        }
      }
    }
    if (!f) continue;
    found.push(f);
    i = f.j + f.featureLen;
  }

  const orgs = organisationSpans(text, tokens);
  const toponyms: Toponym[] = [];
  for (let n = 0; n < found.length; n++) {
    const f = found[n];
    const first = tokens[f.i];
    const last = tokens[f.j + f.featureLen];
    let end = last.end;
    let border: [string, string] | null = null;
    // "Tajik–Afghan border", "Tajikistan-Afghanistan frontier": one mention of the border between them.
    const next = found[n + 1];
    if (next && next.i === f.j + 1 && DASH_GAP.test(tokens[next.i].gap) && isCountry(f) && isCountry(next)) {
      const bw = tokens[next.j + 1];
      if (bw && /^[ \t]+$/.test(bw.gap) && borderWords.has(bw.text.toLowerCase())) {
        border = [f.matches[0].entry.country, next.matches[0].entry.country].sort() as [string, string];
        end = bw.end;
        n++;
      }
    }
    const surface = text.slice(first.start, end);
    const nameEnd = tokens[f.j].end;
    const org = orgs.find((o) => first.start >= o.start && nameEnd <= o.end) ?? null;
    // ("Pole-Khomri city of Baghlan": "city" is the town's before it, so "of Baghlan" is its container, not "the city of Baghlan")
    const prevEnd = n > 0 ? found[n - 1].j + found[n - 1].featureLen : -1;
    const prefix = [...featurePrefixes.entries()].find(([words]) => wordsAt(tokens, f.i - words.split(' ').length, words.split(' ')) && prevEnd < f.i - words.split(' ').length) ?? quotedAfterFeature(tokens, f.i);
    const lineStart = f.i === 0 || /\n/.test(first.gap);
    toponyms.push({
      start: first.start,
      end,
      surface,
      name: text.slice(first.start, nameEnd),
      matches: f.matches,
      feature: f.feature ?? prefix?.[1] ?? null,
      adjective: f.adjective && !border,
      possessive: tokens[f.j + f.featureLen].possessive || (border ? false : tokens[f.j].possessive),
      // "DUSHANBE --", "ISLAMABAD:", "KABUL (Reuters) -", and a wire's title-case "Beijing, Nov 28 (PTI)"
      dateline: lineStart && ((isAllCaps(text.slice(first.start, nameEnd)) && /^\s*(--|—|–|-|,|:|\()/.test(text.slice(end, end + 4))) || /^,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\(/.test(text.slice(end, end + 20))),
      border,
      government: null,
      organisation: org && !org.government ? org.name : null,
      container: null,
      countryCue: null,
      definite: tokens[f.i - 1]?.text === 'the' && riverUse(tokens, f.j + f.featureLen),
      sentence: first.sentence,
    });
    if (org?.government) toponyms[toponyms.length - 1].government = `part of the state body "${org.name}"`;
    (toponyms[toponyms.length - 1] as Toponym & { _i: number; _j: number; _plural: boolean })._i = f.i;
    (toponyms[toponyms.length - 1] as Toponym & { _i: number; _j: number; _plural: boolean })._j = border ? found[n].j + 1 : f.j + f.featureLen;
    (toponyms[toponyms.length - 1] as Toponym & { _i: number; _j: number; _plural: boolean })._plural = f.plural;
  }
  relate(text, tokens, toponyms as Array<Toponym & { _i: number; _j: number; _plural: boolean }>);
  return toponyms.map((t) => {
    const { _i, _j, _plural, ...rest } = t as Toponym & { _i: number; _j: number; _plural: boolean };
    void _i, void _j, void _plural;
    return rest;
  });
}

function isCountry(f: Found): boolean {
  return f.matches.length > 0 && f.matches.every((m) => m.entry.fc === 'PCLI');
}

/** Between a name and its container, a description in apposition (its noun a feature word of the lexicon): ", a district in the north of ", ", a remote village in ". */
const APPOSITION_IN = new RegExp(
  String.raw`^,\s+(?:a|an|one|the)\s+(?:[a-z-]+\s+){0,2}?(?:${[...featureWords].filter(([w, hint]) => hint !== 'RIVER' && !/s$/.test(w)).map(([w]) => w.replace(/ /g, '\\s+')).join('|')}|community)\s+(?:(?:located|situated|lying)\s+)?(in|of)\s+(?:the\s+)?(?:(?:(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:part\s+of\s+(?:the\s+)?)?)|(?:(?:north|south|east|west)\s+of\s+(?:the\s+)?))?$`,
  'i',
);

/** A description in apposition right after a name gives its kind: "Kunduz, a northern province,", "Dasht-e Qala, a district on the border". */
const APPOSITION_KIND = new RegExp(
  String.raw`^,\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(${[...featureWords].filter(([w, hint]) => hint !== 'RIVER' && !/s$/.test(w) && !w.includes(' ')).map(([w]) => w).join('|')})\b(?!\s+(?:of|in)\b)`,
  'i',
);

/** Works out containers, country cues, plural feature words and government uses between toponyms. */
function relate(text: string, tokens: Token[], tops: Array<Toponym & { _i: number; _j: number; _plural: boolean }>) {
  const countryOnly = (t: Toponym) => t.matches.length > 0 && t.matches.every((m) => m.entry.fc === 'PCLI') && !t.border;
  for (let n = 0; n < tops.length; n++) {
    const t = tops[n];
    const prev = tops[n - 1];
    const next = tops[n + 1];
    // Country cue: "Tajikistan's Badakhshan", "Afghan Badakhshan", "the country's Badakhshan province".
    // "the Afghan town of X", "Tajikistan's district of X": a feature phrase may stand between.
    const between = prev ? tokens.slice(prev._j + 1, t._i).map((x) => x.text.toLowerCase()).join(' ') : '';
    const qualifies = between === '' || featurePrefixes.has(between) || featureWords.has(between);
    if (prev && qualifies && countryOnly(prev) && (prev.possessive || prev.adjective) && /^[ \t]+$/.test(tokens[prev._j + 1]?.gap ?? '')) {
      t.countryCue = n - 1;
    } else if (wordsAt(tokens, t._i - 2, ['the', 'country']) && tokens[t._i - 1].possessive) {
      t.countryCue = 'the-country';
    } else if (prev && prev._j === t._i - 1 && !countryOnly(prev) && prev.possessive && prev.matches.length && /^[ \t]+$/.test(tokens[t._i].gap)) {
      t.container = { index: n - 1, relation: 'possessive' };
    }
    if (!t.feature) {
      const kind = APPOSITION_KIND.exec(text.slice(tokens[t._j].end, tokens[t._j].end + 60));
      if (kind) t.feature = featureWords.get(kind[1].toLowerCase()) ?? t.feature;
    }
    if (next) {
      const between = text.slice(tokens[t._j].end, tokens[next._i].start);
      const rel =
        /^,?\s+(in|near|inside|within|of|outside|at|around)\s+(?:the\s+)?$/i.exec(between) ??
        // "Somoniyon village in the Tajik city of Isfara", "Koktosh village in the Kyrgyz Batken district"
        /^,?\s+(in|near|inside|within|outside|at|around)\s+(?:the\s+)?(?:(?:Tajik|Kyrgyz|Afghan|Uzbek)\s+)?(?:(?:city|town|district|province|region|village)\s+of\s+(?:the\s+)?)?$/i.exec(between) ??
        /^,\s+(?:the\s+|its\s+)?(?:(?:provincial|district|regional|administrative)\s+)?(?:capital|centre|center|seat)\s+(of)\s+(?:the\s+)?$/i.exec(between) ??
        // "Imam Sahib, a district in the north of Kunduz", "Kavo, a village of Shamsiddin Shohin district": a description in apposition
        APPOSITION_IN.exec(between);
      if (rel && !t.container) {
        const r = rel[1].toLowerCase();
        t.container = { index: n + 1, relation: r === 'near' || r === 'outside' || r === 'around' ? 'near' : r === 'of' ? 'of' : 'in' };
      } else if (/^,\s*$/.test(between) && !t.container && tokens[next._i].sentence === tokens[t._i].sentence) {
        t.container = { index: n + 1, relation: 'comma' };
      }
    }
    // "Kunduz and Takhar provinces": the plural feature word covers every name in the list — and so does the area
    // after it ("Yaftal, Raghistan and Kohistan districts of Badakhshan province": each is in Badakhshan; the commas
    // between them were a list, not "X, Y" containment)
    if (t._plural && t.feature) {
      for (let k = n - 1; k >= 0; k--) {
        const between = text.slice(tokens[tops[k]._j].end, tokens[tops[k + 1]._i].start);
        if (!/^(,\s*|,?\s+and\s+|\s*&\s*)$/.test(between)) break;
        tops[k].feature ??= t.feature;
        if (t.container && t.container.relation !== 'comma' && t.container.index > n && (!tops[k].container || tops[k].container!.relation === 'comma')) tops[k].container = { ...t.container };
      }
    }
    t.government ??= governmentCue(tokens, t);
  }
  // "Dushanbe and Kabul have accused each other": a government cue covers the names joined by "and".
  for (let n = 0; n + 1 < tops.length; n++) {
    const [a, b] = [tops[n], tops[n + 1]];
    if (!/^\s+and\s+$/.test(text.slice(tokens[a._j].end, tokens[b._i].start))) continue;
    if (a.government && !b.government) b.government = `joined by "and" to ${a.name} (${a.government})`;
    else if (b.government && !a.government) a.government = `joined by "and" to ${b.name} (${b.government})`;
  }
}

/** Evidence that a name stands for a government: a reporting verb after it, an official noun, a diplomatic cue. */
function governmentCue(tokens: Token[], t: Toponym & { _i: number; _j: number }): string | null {
  if (t.border || t.feature || !t.matches.length) return null;
  const after = t._j + 1;
  if (t.possessive || t.adjective) {
    for (let skip = 0; skip <= 2; skip++) {
      const noun = govNouns.find((words) => wordsAt(tokens, after + skip, words));
      const skipped = tokens.slice(after, after + skip);
      if (noun && !skipped.some((x) => isCapitalized(x.text)) && !tokens.slice(after + 1, after + skip + 1).some((x) => /[,.;:()]/.test(x.gap))) {
        return `${t.possessive ? 'possessive' : 'adjective'} before "${noun.join(' ')}"`;
      }
    }
  }
  if (!t.possessive && !t.adjective) {
    let k = after;
    if (lower(tokens[k]) === 'and' && tokens[k + 1] && isCapitalized(tokens[k + 1].text)) k += 2;
    let passive = false;
    // (k moves on every word: with `passive ||= …(k++)` it stopped once passive was true, and "was also" never ended)
    for (; auxiliaries.has(lower(tokens[k])) && k < after + 4; k++) passive = passive || ['was', 'were', 'is', 'are', 'been', 'being'].includes(lower(tokens[k]));
    const verb = tokens[k];
    // "nationals in Tajikistan were advised": a passive verb has someone else as its agent.
    if (verb && !(passive && /ed$/.test(lower(verb))) && govVerbs.has(lower(verb)) && !tokens.slice(after, k + 1).some((x) => /[,.;:()"“”]/.test(x.gap))) {
      return `followed by "${verb.text}"`;
    }
  }
  if (t.adjective) return null;
  const cue = govPreceding.find((words) => {
    const skipThe = lower(tokens[t._i - 1]) === 'the' ? 1 : 0;
    return wordsAt(tokens, t._i - skipThe - words.length, words);
  });
  if (cue) return `after "${cue.join(' ')}"`;
  return null;
}

interface OrgSpan {
  start: number;
  end: number;
  name: string;
  /** A state body ("Foreign Ministry", "Islamic Emirate of Afghanistan"): its place word is the government. */
  government: boolean;
}

interface KnownOrganisationPatterns {
  /** Any known organisation at all: where this finds nothing, no single pattern can match. */
  any: RegExp;
  /** One pattern per organisation, sticky: tried only where `any` matched. */
  each: RegExp[];
}
let knownOrganisationRes: KnownOrganisationPatterns | null = null;
/** The known organisations' patterns, compiled once. */
function knownOrganisationPatterns(): KnownOrganisationPatterns {
  if (knownOrganisationRes) return knownOrganisationRes;
  const bodies = lexicon.knownOrganisations.map((name) => {
    // separators as written vary (Tehrik-i-Taliban / Tehrik i Taliban): any dash or space between words
    const words = name.split(/[\s\-‐‑–—]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    return words.join('[\\s\\-‐‑–—]+');
  });
  const whole = (body: string) => `(?<![\\p{L}])(?:${body})(?![\\p{L}])`;
  return (knownOrganisationRes = { any: new RegExp(whole(bodies.join('|')), 'giu'), each: bodies.map((b) => new RegExp(whole(b), 'iuy')) });
}

/**
 * Every match of each known organisation's pattern, per organisation in the lexicon's order: what
 * `text.matchAll` of each pattern gives (left to right, not overlapping), from one pass over the text that
 * stops only where some organisation starts, instead of one pass per organisation.
 */
export function knownOrganisationMatches(text: string): Array<Array<{ index: number; length: number }>> {
  const { any, each } = knownOrganisationPatterns();
  const found = each.map(() => [] as Array<{ index: number; length: number }>);
  const free = each.map(() => 0); // where each pattern's next match may start (matches do not overlap)
  any.lastIndex = 0;
  for (let m = any.exec(text); m; m = any.exec(text)) {
    const at = m.index;
    each.forEach((re, k) => {
      if (at < free[k]) return;
      re.lastIndex = at;
      const hit = re.exec(text);
      if (!hit) return;
      found[k].push({ index: at, length: hit[0].length });
      free[k] = at + Math.max(hit[0].length, 1);
    });
    // on to the next code point, as matchAll would
    any.lastIndex = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
  }
  return found;
}

/** Organisation names: known outlets and groups, capitalised phrases ending in an organisation word, and "Name (ACRONYM)". */
function organisationSpans(text: string, tokens: Token[]): OrgSpan[] {
  const spans: OrgSpan[] = [];
  const extendRight = (j: number) => {
    while (tokens[j + 1] && JOIN_GAP.test(tokens[j + 1].gap) && !tokens[j].possessive && (isCapitalized(tokens[j + 1].text) || (['of', 'for', 'and'].includes(tokens[j + 1].text) && tokens[j + 2] && isCapitalized(tokens[j + 2].text)))) j++;
    return j;
  };
  for (const matches of knownOrganisationMatches(text)) {
    for (const m of matches) {
      const i = tokens.findIndex((t) => t.start === m.index);
      const jStart = tokens.findIndex((t) => t.end >= m.index + m.length);
      if (i < 0 || jStart < 0) continue;
      const j = extendRight(jStart);
      spans.push({ start: tokens[i].start, end: tokens[j].end, name: text.slice(tokens[i].start, tokens[j].end), government: false });
    }
  }
  for (let h = 0; h < tokens.length; h++) {
    const head = tokens[h].text;
    const gov = govHeads.has(head);
    if (!gov && !orgHeads.has(head)) continue;
    let i = h;
    while (i > 0 && JOIN_GAP.test(tokens[i].gap) && !tokens[i - 1].possessive && (isCapitalized(tokens[i - 1].text) || (['and', '&'].includes(tokens[i - 1].text) && i > 1 && isCapitalized(tokens[i - 2].text)))) i--;
    let j = h;
    while (tokens[j + 1] && /^[ \t]+$/.test(tokens[j + 1].gap) && ['of', 'for'].includes(tokens[j + 1].text) && tokens[j + 2] && isCapitalized(tokens[j + 2].text)) j = extendRight(j + 2);
    if (i === h && j === h) continue;
    if (i < h && ['The', 'A', 'An'].includes(tokens[i].text)) i++;
    spans.push({ start: tokens[i].start, end: tokens[j].end, name: text.slice(tokens[i].start, tokens[j].end), government: gov });
  }
  // "Islamic Movement of Uzbekistan (IMU)": capitalised words whose initials spell the acronym.
  for (const m of text.matchAll(/\(([A-Z]{2,6})\)/g)) {
    const acr = m[1];
    let h = tokens.findIndex((t) => t.end > m.index!) - 1;
    if (tokens[h + 1]?.text === acr) h = tokens.findIndex((t) => t.start >= m.index!) - 1;
    let i = h;
    let initials = '';
    while (i >= 0 && initials.length < acr.length) {
      const t = tokens[i];
      if (isCapitalized(t.text)) initials = t.text[0] + initials;
      else if (!['of', 'for', 'and', 'the'].includes(t.text)) break;
      if (initials.length < acr.length) i--;
    }
    if (initials !== acr || i < 0) continue;
    const words = tokens.slice(i, h + 1).map((t) => t.text);
    spans.push({ start: tokens[i].start, end: tokens[h].end, name: text.slice(tokens[i].start, tokens[h].end), government: words.some((w) => govHeads.has(w)) });
  }
  return spans;
}
