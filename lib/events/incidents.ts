import { rawRegex, regex, withFlags } from '../cached-regexp';
import type { Article, Excerpt } from '../types';
import { findDates, type DateContext, type DateMention } from './dates';
import { findCasualties, nationalityOf, sumCasualties, type Total } from './casualties';
import { splitSentences, type Sentence } from './sentences';
import { QUANTITY, parseQuantity } from './numbers';
import { mentionsWithin } from './mention-index';
import { linkedByPlace, listedSites, otherSidesAccount, placedApart, sitesIn, type Site } from './sites';
import type { ResolvedMention } from '../geocode/types';
import { alternation, VOCABULARY, WEAPON_KINDS, type Vocabulary } from './vocabulary';

/** ACLED event and sub-event type. */
export interface AcledType {
  eventType: string;
  subEventType: string;
}

/** One incident as one article tells it, possibly over several sentences. Offsets index the article body. */
export interface ArticleIncident {
  article: string;
  /** Position of the incident in the article (0 = first told). */
  order: number;
  /** The sentences (or, when one sentence tells two incidents, the clauses) that tell it. */
  excerpts: Excerpt[];
  /** Ranges of the body that belong to this incident, for locating it (clauses when a sentence was split). */
  ranges: Excerpt[];
  type: AcledType;
  /** Normalised weapons: drone, firearms, grenade, explosive, artillery. */
  weapons: Array<{ value: string; excerpt: Excerpt }>;
  /** The date that places it, or null (see `undated`). */
  date: (DateMention & { excerpt: Excerpt }) | null;
  /** When no sentence dates it: the span it must lie in (the week up to the published date), not a date. */
  undated: { start: string; end: string } | null;
  killed: Total | null;
  injured: Total | null;
  /** Nationalities of the victims (ISO alpha-2), employers and kinds of target, each with its words. */
  victims: { nationalities: Array<{ value: string; excerpt: Excerpt }>; employers: Array<{ value: string; excerpt: Excerpt }>; targets: Array<{ value: string; excerpt: Excerpt }> };
  /** Where the attack came from ("from Afghan territory"): country code and words. */
  origin: { country: string | null; excerpt: Excerpt } | null;
  actors: Excerpt[];
  /** Words that place it by reference to an earlier incident ("in the same sector"). */
  placeAnaphor: Excerpt | null;
  /** The text says "near the border", "along the frontier", "cross-border". */
  borderCue: Excerpt | null;
  /** Country entered ("into Tajikistan", "Tajik territory", "on Tajik soil"), or crossed into by a cross-border operation. */
  enteredCountry: string | null;
}

/** A sentence about several incidents at once ("two incidents of gunfire … five deaths"): not an event. */
export interface AggregateClaim {
  article: string;
  excerpt: Excerpt;
  /** How many incidents it covers, when it says ("two incidents"). */
  count: number | null;
  date: DateMention | null;
  killed: Total | null;
  injured: Total | null;
  /** Victims' nationalities it names (ISO alpha-2). */
  nationalities: string[];
  /** The incidents of the same article it sums up (their `order`), when its date and count or total say which. */
  covers?: number[];
  /** Places it names (filled in from the geocoder's mentions by the caller). */
  places?: Array<{ name: string; id: string; excerpt: Excerpt }>;
}

// ---- syntax (the words themselves are in data/rules/events.json, see ./vocabulary) -----------------
/** Words that end a run of fighting: "by Friday they had agreed a ceasefire", "fighting went on until Sunday", "started on Monday evening and carried into early Tuesday". */
const RUN_ENDS = /\b(?:ceasefire|cease-fire|truce|ended|stopped|subsided|halted|calm(?:ed)?|went\s+on|continued|lasted|carried|ran|dragged)\b/i;

/**
 * "began fighting on Wednesday; by Friday they had agreed a ceasefire": a day the sentence says the act ran
 * until (a later day after "by", "until", "till" or "through", with a word of ending) closes its span.
 */
function untilEnd(first: DateMention, dates: DateMention[], s: Sentence): DateMention {
  if (first.timePrecision !== 1 || !RUN_ENDS.test(s.text)) return first;
  const end = dates.find((d) => !d.reporting && d.timePrecision === 1 && d.start > first.end && /\b(?:by|until|till|through|into)\s+$/i.test(s.text.slice(0, d.span.start - s.start)));
  if (!end || (Date.parse(end.start) - Date.parse(first.start)) / 86_400_000 > 14) return first;
  return { ...first, end: end.start, basis: `${first.basis}; until ${end.span.text}, when it ended (${end.basis})` };
}

/** "in two Afghan cities", "in several provinces": acts in far-apart places counted, a summary of several incidents ("in three border districts" can be one clash along a border). */
const MANY_PLACES = new RegExp(String.raw`\b(?:in|across|at)\s+(?:${QUANTITY}|several|multiple|different|various)\s+(?:[\w-]+\s+)?(?:cities|towns|provinces|regions|countries)\b`, 'i');
/** A sentence in which the speaker of the sentence before goes on: "He added that …", "She also said …". */
const SPEAKER_GOES_ON = /^\s*(?:He|She|They)\s+(?:also\s+)?(?:added|went\s+on\s+to\s+say|said|told)\b/;
/** A clause saying where something is or happened: "is in", "lies near", "took place at", "was located in". */
const SITE_STATEMENT = /\b(?:is|was|are|were|lies|lay|sits|stands)\s+(?:(?:located|situated|based)\s+)?(?:in|at|near|on|inside|close\s+to)\b|\b(?:took\s+place|happened|occurred)\s+(?:\w+\s+){0,4}?(?:in|at|near|on|inside)\b/i;
/** "It happened last night in the X area", "This took place near Y": a sentence about the incident just told, by pronoun. */
const IT_HAPPENED = /^\s*(?:It|This|That)\s+(?:\w+\s+)?(?:happened|occurred|took\s+place|was\s+(?:in|at|near|on))\b/;
const PLACE_ANAPHOR = /\b(?:in|at|near|from)\s+the\s+same\s+(?:sector|area|district|place|location|village|site|region|spot|section)\b|\b(?:in|at|near|from)\s+the\s+(?:city|town|village|district|province)\b(?!\s+(?:of|centre|center|hall|council|administration|authorities|police|officials?|governor|capital)\b)|\b(?:localities|neighbou?rhoods?|areas?|parts?|outskirts|quarters?|suburbs?|districts|villages)\s+of\s+the\s+(?:city|town|district|province)\b|\b(?:the|this)\s+(?:border\s+zone|workers[’']?\s+facility|(?:same\s+)?(?:camp|compound|site|facility))\b/i;
const BORDER_CUE = /\b(?:(?:near|along|on|at|across|close to)\s+the\s+(?:\w+[–-]\w+\s+)?(?:border|frontier)|border\s+(?:area|zone|region|district|villages?)|cross-border|from\s+across\s+the\s+border|across\s+the\s+border|frontier)\b/i;
const ORIGIN = /\b(?:from|originat\w+\s+from|launched\s+from|fired\s+from)\s+((?:across\s+the\s+border\s+(?:with|in)\s+)?(?:neighbo(?:u)?ring\s+)?(?:the\s+)?(?:[A-Z][\w’'-]+)(?:[’']s)?(?:\s+(?:territory|soil|side|province|region|[A-Z][\w-]+\s+province))?)/;
const COUNTRY_WORDS: Array<[RegExp, string]> = [
  [/afghan/i, 'AF'], [/tajik/i, 'TJ'], [/kyrgyz/i, 'KG'], [/uzbek/i, 'UZ'], [/pakistan/i, 'PK'], [/chin/i, 'CN'], [/iran/i, 'IR'], [/turkmen/i, 'TM'],
];
const ENTERED = /\binto\s+(Tajik|Afghan|Kyrgyz|Uzbek|Tajikistan|Afghanistan|Kyrgyzstan|Uzbekistan)(?:[’']s)?\b|\b(?:on|onto)\s+(Tajik|Afghan|Kyrgyz|Uzbek)\s+(?:territory|soil|side)\b/;
const EMPLOYER = [
  /\b(?:employees?|workers?|staff|personnel)\s+of\s+(?:the\s+)?(?:[a-z-]+\s+)*?(?:company\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
  /\b(?:worked|working|employed)\s+(?:for|by)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
  /\bbelonging\s+to\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
];

/** A verb of attack whose subject is not a plural "the attacks" ("The attacks reportedly targeted …" is still plural). */
function singularVerb(text: string, v: Vocabulary): boolean {
  for (const m of text.matchAll(v.singularVerb)) if (!v.pluralNoun.test(text.slice(Math.max(0, m.index! - 30), m.index))) return true;
  return false;
}

function ex(body: string, start: number, end: number): Excerpt {
  return { start, end, text: body.slice(start, end) };
}

function find(re: RegExp, body: string, range: Excerpt): Excerpt | null {
  const m = withFlags(re, re.flags.replace('g', '')).exec(range.text);
  return m ? ex(body, range.start + m.index, range.start + m.index + m[0].length) : null;
}

/**
 * The text with weapons that were found or seized rather than used blanked out (same length): "police found
 * four Kalashnikov rifles and grenades at the scene" does not make the incident a grenade attack.
 */
export function usedWeaponsText(text: string, v: Vocabulary = VOCABULARY): string {
  const seizure = withFlags(v.seizure, 'gi');
  let out = text;
  for (const m of text.matchAll(seizure)) {
    const from = m.index! + m[0].length;
    const stop = /[.;]|\b(?:and|then|before|after|when|while)\s+(?:\w+\s+)?(?:killed|opened|fired|attacked|shot|wounded|injured|detained|arrested)\b/i.exec(text.slice(from));
    const to = from + (stop ? stop.index : text.length - from);
    let stretch = out.slice(from, to);
    for (const k of WEAPON_KINDS) stretch = stretch.replace(withFlags(v.weapons[k], 'gi'), (w) => ' '.repeat(w.length));
    out = out.slice(0, from) + stretch + out.slice(to);
  }
  return out;
}

/** What kind of violence a stretch of text tells, by ACLED's rules, or null when it tells none. */
export function classify(text: string, v: Vocabulary = VOCABULARY): { type: AcledType; weapons: string[] } | null {
  const used = usedWeaponsText(text, v);
  const weapons: string[] = [];
  const t = v.triggers;
  const drone = v.weapons.drone.test(used) && (t.droneAct.test(used) || t.crossBorderOperation.test(used));
  if (drone) weapons.push('drone');
  if (v.weapons.grenade.test(used)) weapons.push('grenade');
  const suicide = v.weapons.suicide.test(used);
  if (v.weapons.explosive.test(used) || suicide) weapons.push('explosive');
  if (v.weapons.artillery.test(used)) weapons.push('artillery');
  if (v.weapons.firearms.test(used)) weapons.push('firearms');
  const clash = t.clash.test(used) || v.pluralEventNoun.test(used);
  const takeover = t.takeover.test(used);
  const shooting = t.shooting.test(used);
  const incursion = t.incursion.test(used);
  const attack = t.attack.test(used);
  const riot = t.riot.test(used);
  const force = t.forceOnProtesters.test(used);
  if (!(drone || weapons.includes('explosive') || weapons.includes('artillery') || weapons.includes('grenade') || clash || shooting || incursion || attack || riot || force || takeover)) return null;
  // state forces as the target or the other side, not as the source ("According to Tajik border guards")
  const security = v.forcesHit.test(used) || v.securityOperation.test(used);
  let type: AcledType;
  if (drone) type = v.acled.drone;
  else if (suicide) type = v.acled.suicide;
  else if (weapons.includes('artillery')) type = v.acled.artillery;
  else if (weapons.includes('explosive')) type = v.acled.explosive;
  else if (weapons.includes('grenade')) type = v.acled.grenade;
  // a town, district or its government buildings taken by force: territory changing hands (ACLED, under Battles)
  else if (takeover) type = v.acled.takeover;
  else if (clash) type = v.acled.clash;
  // stones and brawls: a violent demonstration when people gathered to protest, else mob violence
  else if (riot) type = v.protest.test(used) || force ? v.acled.riot : v.acled.mob;
  else if (force) type = v.acled.forceOnProtesters;
  else if (incursion || security) type = v.acled.clash;
  else type = v.acled.attack;
  return { type, weapons };
}

/** A count right before a word: "four bombs", "several blasts". */
const COUNTED_BEFORE = /\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:[\w-]+\s+)?$/i;
/** Places counted in a takeover: "seized four provincial capitals". */
const PLACES_COUNTED = new RegExp(String.raw`\b(?:${QUANTITY}|several|many|all|\d+)\s+(?:[\w-]+\s+)?\w+s$`, 'i');

/** Does this stretch tell a violent act at all (a trigger that is not generic, hypothetical or plural)? */
function trigger(text: string, v: Vocabulary): { kind: 'single' | 'plural'; index: number; counted?: boolean } | null {
  const used = usedWeaponsText(text, v);
  const t = v.triggers;
  const w = v.weapons;
  const res = [t.droneAct, w.explosive, w.suicide, w.artillery, w.grenade, t.clash, t.shooting, t.incursion, t.crossBorderOperation, t.attack, t.killed, t.riot, t.forceOnProtesters, t.takeover];
  let best: { kind: 'single' | 'plural'; index: number; counted?: boolean } | null = null;
  const devices = [w.explosive, w.suicide, w.artillery, w.grenade];
  // (a bomb or mine that "exploded by accident" while being planted is still an explosion)
  const accident = v.accident.test(text) && !w.explosive.test(text);
  for (const re of res) {
    const g = withFlags(re, re.flags.includes('g') ? re.flags : re.flags + 'g');
    let m: RegExpExecArray | null;
    // deaths and hurt in an accident ("two were killed when a Ranger rolled over") are not an attack
    if (accident && (re === t.killed || re === t.riot)) continue;
    while ((m = g.exec(used))) {
      if (accident && /^kill/i.test(m[0])) continue;
      // "when four bombs went off in Afghanistan": several devices counted, several acts unless one place is named (decided by the caller)
      if (devices.includes(re) && COUNTED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) && /s$/i.test(m[0])) {
        if (!best) best = { kind: 'plural', index: m.index, counted: true };
        continue;
      }
      // "have seized four provincial capitals": territory taken in several places, a summary
      if (re === t.takeover && PLACES_COUNTED.test(m[0])) {
        if (!best) best = { kind: 'plural', index: m.index };
        continue;
      }
      if (v.irrealis.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
      // "the killing of Chinese workers", "condemned the attack": a reference, decided by the caller
      const kind = v.pluralHead.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 12)) && isPluralAt(text, m.index, m[0], v) ? 'plural' : 'single';
      // a bare "were killed" or "attack" does not make counted devices one act
      if (!best || (best.kind === 'plural' && kind === 'single' && !(best.counted && (re === t.killed || re === t.attack)))) best = { kind, index: m.index };
    }
  }
  return best;
}

function isPluralAt(text: string, index: number, word: string, v: Vocabulary): boolean {
  const around = text.slice(index, index + word.length + 14);
  const plural = v.pluralNoun.source.slice(2, -2);
  return regex('i')`^${plural}\\b`.test(around) ||
    regex('i')`^[\\w-]+\\s+${plural}\\b`.test(around) ||
    v.pluralNoun.test(text.slice(index, index + word.length + 30)) && regex('i')`\\b${v.pluralQuantifier}\\s+(?:[\\w-]+\\s+){0,2}$`.test(text.slice(Math.max(0, index - 30), index));
}

/**
 * A plural of fighting that tells one happening ("clashes erupted on Friday at several points on the
 * border", "Heavy clashes broke out near Vorukh"): a plural noun with an eventive verb and no count.
 */
function pluralEvent(text: string, v: Vocabulary): boolean {
  const noun = v.pluralEventNoun.exec(text);
  if (!noun) return false;
  const after = text.slice(noun.index + noun[0].length);
  const before = text.slice(0, noun.index);
  // it happened: "clashes erupted", "killed in clashes", "clashes … left five dead"
  // "clashes involving troops on the border killed dozens": the plural is the subject of a verb of harm
  const happened = regex('i')`^(?:\\s+[\\w-]+){0,12}?\\s+(?:${v.pluralEventVerb.source}|(?:killed|left|claimed|wounded|injured)\\b)`.test(after) || new RegExp(`\\b(?:${v.rules.harm.killed.join('|')}|${v.rules.harm.injured.join('|')})\\s+(?:\\w+\\s+){0,3}$`, 'i').test(before.slice(-80));
  if (!happened) return false;
  // "two clashes", "the clashes", "such clashes", "clashes over the past six months", "clashes before": counted, summarised, generic or earlier
  // ("a series of blasts left ten dead" in one city is one happening, not a count)
  if (regex('i')`\\b(?:${QUANTITY}|the|these|those|all|most)\\s+(?:[\\w-]+\\s+){0,2}$`.test(before.slice(-40)) && !/\ban?\s+(?:series|wave|string|spate|chain)\s+of\s+$/i.test(before)) return false;
  // "in bomb blasts in two Afghan cities", "in several provinces": fighting in places counted is a summary of them
  if (MANY_PLACES.test(text)) return false;
  return !v.pluralEventPeriod.test(text) && !v.earlier.test(text) && !v.irrealis.test(before.slice(-60));
}

/**
 * Splits "…, when a drone strike hit X, and gunfire targeted Y" into one clause per act of a different kind, and
 * "In Kabul, two worshippers died in a mosque explosion; in Mazar-i-Sharif, 10 people were killed" into one clause
 * per place (`apart` says whether two stretches name different places), when each tells an act or a toll of its own.
 */
function clauses(s: Sentence, v: Vocabulary, apart: (a: Excerpt, b: Excerpt) => boolean = () => false): Excerpt[] {
  const parts: Excerpt[] = [];
  const re = /,\s+and\s+|;\s+/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const cuts: number[] = [];
  while ((m = re.exec(s.text))) cuts.push(m.index, m.index + m[0].length);
  const pieces: Array<[number, number]> = [];
  for (let i = 0; i < cuts.length; i += 2) {
    pieces.push([last, cuts[i]]);
    last = cuts[i + 1];
  }
  pieces.push([last, s.text.length]);
  // keep a cut only when both sides tell a different kind of act with its own subject and verb
  let cur: [number, number] = pieces[0];
  for (let i = 1; i < pieces.length; i++) {
    const a = classify(s.text.slice(cur[0], cur[1]), v);
    const b = classify(s.text.slice(pieces[i][0], pieces[i][1]), v);
    const bText = s.text.slice(pieces[i][0], pieces[i][1]);
    const ownVerb = /^(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:hit|struck|targeted|killed|attacked|exploded|opened|fired|wounded|shelled|ambushed|detonated|stormed)\b/i.test(bText);
    const at = (p: [number, number]) => ex(s.text, p[0], p[1]);
    const own = (t: string) => !!classify(t, v) || v.triggers.killed.test(t) || findCasualties(t).some((c) => c.count);
    const elsewhere = own(s.text.slice(cur[0], cur[1])) && own(bText) && apart(shift(at(cur), s.start), shift(at(pieces[i]), s.start));
    if ((a && b && ownVerb && a.type.subEventType !== b.type.subEventType) || elsewhere) {
      parts.push(ex(s.text, cur[0], cur[1]));
      cur = pieces[i];
    } else cur = [cur[0], pieces[i][1]];
  }
  parts.push(ex(s.text, cur[0], cur[1]));
  return parts.map((p) => ({ start: s.start + p.start, end: s.start + p.end, text: p.text }));
}

export interface DetectOptions {
  /** The geocoder's mentions in the article: acts told of different named places are kept apart. */
  mentions?: readonly ResolvedMention[];
  vocabulary?: Vocabulary;
}

interface Draft {
  order: number;
  pieces: Excerpt[];
  sentences: Sentence[];
  date: (DateMention & { excerpt: Excerpt }) | null;
  paragraph: number;
  /** One of several places a clause lists: the whole clause cited, its own place and the clause's other words located, no toll of its own from it. */
  listed?: { clause: Excerpt; pieces: Excerpt[] };
}

/**
 * The incidents one article tells, each gathered from the sentences that tell it. General rules:
 * - a sentence (or a clause, when one sentence tells two different acts) tells an incident when it has a
 *   trigger for violence — drone strike, explosion, shelling, firefight or clash, gunfire, armed incursion,
 *   attack, people killed — that is not generic or hypothetical ("to prevent armed clashes") and is singular;
 * - a sentence about several incidents at once ("two incidents of gunfire", "multiple armed infiltrations
 *   in recent months", "the coordinated attacks") is an {@link AggregateClaim}, never an event;
 * - a dated mention whose date does not overlap an incident already told starts a new incident (background
 *   incidents: "In November last year …", "In August …", "last month"); one that overlaps joins it;
 * - an undated mention continues the incident of the sentence before it in the same paragraph, else the
 *   article's first incident (a definite "the attack", "the intruders" refers back); an undated indefinite
 *   mention ("killed in an attack") with no incident before it starts the first incident.
 * Dates stated for a statement ("said on November 27") do not date the incident.
 *
 * @example
 * detectIncidents({ id: 'a', file: 'a.md', published: '2025-12-24', body: 'Late on December 23, three gunmen attacked a border post. All three were killed.' })
 * // { incidents: [{ date: { start: '2025-12-23', … }, type: { eventType: 'Battles', … }, killed: { value: 3, … }, … }], aggregates: [] }
 */
export function detectIncidents(article: Article, options: DetectOptions = {}): { incidents: ArticleIncident[]; aggregates: AggregateClaim[] } {
  const v = options.vocabulary ?? VOCABULARY;
  const mentions = options.mentions ?? [];
  const body = article.body;
  const sitesOf = (pieces: Excerpt[]): Site[] => pieces.flatMap((p) => sitesIn(p, mentions, body, v));
  // each draft's sites, read again only when a piece was added: looking for the incident told of a place scans every draft
  const siteMemo = new Map<Draft, { n: number; sites: Site[] }>();
  const draftSites = (d: Draft): Site[] => {
    let m = siteMemo.get(d);
    if (!m || m.n !== d.pieces.length) siteMemo.set(d, (m = { n: d.pieces.length, sites: sitesOf(d.pieces) }));
    return m.sites;
  };
  const published = article.published;
  const sentences = splitSentences(body);
  const drafts: Draft[] = [];
  const aggregates: AggregateClaim[] = [];
  let ctx: DateContext | undefined;
  let ctxParagraph = -1;
  let prevDraft: Draft | null = null;
  let prevSentence: Sentence | null = null;
  // the latest day the article has stated: what "the previous day" and "two days earlier" count from
  let stated: { date: string; text: string } | undefined;
  // the day stated earlier in the paragraph ("late on November 20, guards detected a crossing"), the lead's day and the dateline's:
  // what an incident told without a date of its own happened on
  let scene: (DateMention & { excerpt: Excerpt }) | null = null;
  let sceneParagraph = -1;
  let lead: (DateMention & { excerpt: Excerpt }) | null = null;
  let datelineDate: (DateMention & { excerpt: Excerpt }) | null = null;
  // the days statements were made ("On Thursday Tajikistan said …"): what they report happened by then
  const statements: { at: number; day: string; text: string }[] = [];

  for (const s of sentences) {
    if (s.paragraph !== ctxParagraph) ctx = undefined;
    const dates = findDates(s.text, published, ctx, stated).map((d) => ({ ...d, span: shift(d.span, s.start) }));
    for (const d of dates) if (d.timePrecision === 1) stated = { date: d.start, text: d.span.text };
    for (const d of dates) if (d.reporting && !d.dateline && d.timePrecision === 1) statements.push({ at: s.start, day: d.start, text: d.span.text });
    for (const d of dates) if (d.timePrecision === 3) ((ctx = { year: +d.start.slice(0, 4), month: +d.start.slice(5, 7) }), (ctxParagraph = s.paragraph));
    const first = dates.filter((d) => !d.reporting && !d.since).sort((a, b) => a.timePrecision - b.timePrecision)[0] ?? null;
    const own = first ? untilEnd(first, dates, s) : null;
    if (s.paragraph !== sceneParagraph) scene = null;
    // the scene: a day, or a month or week when the paragraph gives nothing finer ("In November 2021, protesters filled the streets")
    // the scene is where the narrative stands at the sentence's end: its last day ("By May 14th, … until 1600 on May 16th")
    const last = own !== first ? own : (dates.filter((d) => !d.reporting && d.timePrecision === own?.timePrecision).pop() ?? own);
    if (last) ((scene = { ...last, excerpt: ex(body, s.start, s.end) }), (sceneParagraph = s.paragraph));
    if (!lead && own && own.timePrecision <= 2 && s.paragraph <= 2 && (!published || (own.start <= published && own.start >= addDays(published, -7)))) lead = { ...own, excerpt: ex(body, s.start, s.end), basis: `${own.basis}; the day the article's lead gives, for an incident it tells without a date` };
    // the dateline opens the body, after the headline and any standfirst lines
    const dateline = dates.find((d) => d.reporting && d.timePrecision === 1 && s.paragraph <= 4 && (d.dateline || /^[A-Z][A-Z .'’-]+,/.test(s.text)));
    if (!datelineDate && dateline) datelineDate = { ...dateline, reporting: false, excerpt: ex(body, s.start, s.end), basis: `${dateline.basis}; the dateline's day, for an incident the report tells as the day's news without a date` };
    const t = trigger(s.text, v);
    // ("Following heavy clashes, the Yamgan district was captured": one place taken is one incident, whatever the plural before it)
    const aggregate = (v.pluralNoun.test(s.text) && !v.singularNoun.test(s.text) && !singularVerb(s.text, v) && !v.oneOf.test(s.text) && !(t?.kind === 'single' && v.triggers.takeover.test(s.text))) || (!!t && MANY_PLACES.test(s.text) && !v.oneOf.test(s.text));
    // the sentence before told an incident, in this paragraph — or in the one before, when this one opens on it ("That attack killed …")
    // — or the same speaker goes on ("He added that 58 people were wounded")
    const opensOnIt = !!prevSentence && s.paragraph === prevSentence.paragraph + 1 && ((/^\s*["“]?(?:That|This|These|The)\b/.test(s.text) && v.definite.test(s.text.slice(0, 60))) || SPEAKER_GOES_ON.test(s.text));
    const continues: boolean = !!prevDraft && !!prevSentence && (prevSentence.paragraph === s.paragraph || opensOnIt) && prevDraft.sentences.includes(prevSentence);
    if (!t && !aggregate) {
      // "the victims worked for …", "the drone entered the country from …": facts about an incident told before
      const told = (continues ? prevDraft : drafts[0]) ?? null;
      // "the incident took place on November 30": the date of an incident told so far without one
      // (or dates it more finely: "entered the country last week … the fighting took place on December 27")
      const datesIt = !!own && !!told && (!told.date || own.timePrecision < told.date.timePrecision) && (v.definite.test(s.text) || IT_HAPPENED.test(s.text)) && !v.background.test(s.text);
      // "A farmer was hit in the shoulder.": a further victim of the act told in the sentence before
      const hurt = continues && rawRegex('i')`\b(?:was|were)\s+(?:\w+ly\s+)?(?:${v.rules.harm.injured.join('|')}|hit)\b`.test(s.text);
      // "Officers found the bodies of two men at the site.": the toll of the act told just before (same or next paragraph), referred to
      // "According to health officials in Kunduz, 14 bodies had been brought to hospital": a toll naming the incident's own place refers to it too
      const namesItsPlace = () => !!told && mentionsWithin(mentions, s.start, s.end).some((m) => m.place && draftSites(told).some((x) => x.place?.id === m.place!.id));
      // "A nurse said the clinic had received two dead and nine wounded": with one incident told so far, an undated toll in
      // the next paragraph can only be its own
      // (or one dated within its days — "On January 27, officials said three guards were hospitalized with injuries" —
      // or, the incident told undated, within the week up to publication)
      const sameDays = !own || (drafts[0]?.date ? overlaps(drafts[0].date, own) : !!published && own.timePrecision === 1 && overlaps({ start: addDays(published, -7), end: published }, own));
      const onlyOne = drafts.length === 1 && sameDays && !v.background.test(s.text) && !anotherIncident(s.text, v);
      // ("No casualties were reported." closing a report that told one incident: its toll, however far down)
      const counts = findCasualties(s.text).filter((c) => c.count);
      const noneFurther = onlyOne && counts.length > 0 && counts.every((c) => c.count!.value === 0);
      const toll = !!told && !datesIt && counts.length > 0 && (continues || noneFurther || ((PLACE_ANAPHOR.test(s.text) || v.definite.test(s.text) || namesItsPlace() || onlyOne) && s.paragraph - told.sentences[told.sentences.length - 1].paragraph <= 1));
      // "the camp that was hit is in Shamsiddin Shokhin area", "the attack took place near X": where the incident told happened
      // ("… an operation in the village of Shokhdara to capture Ziyobekov": the person the incident is about, named again with a place)
      const restates = !!told && (((PLACE_ANAPHOR.test(s.text) || v.definite.test(s.text) || IT_HAPPENED.test(s.text)) && SITE_STATEMENT.test(s.text)) || sameTargetAt(s.text, told.pieces) || namesItsPerson(s.text, told.pieces, mentions, v)) && mentionsWithin(mentions, s.start, s.end).some((m) => m.place);
      if ((v.participantRef.test(s.text) || datesIt || hurt || toll || restates) && told && !v.accident.test(s.text)) {
        const target: Draft = told;
        target.pieces.push(ex(body, s.start, s.end));
        target.sentences.push(s);
        // "A farmer was killed. Three more were hurt when … on May 3.": a sentence that goes on with the incident dates it too
        if (datesIt || (own && !target.date && continues && target === prevDraft && !v.background.test(s.text))) target.date = { ...own!, excerpt: ex(body, s.start, s.end) };
        prevDraft = target;
      } else if (!continues) prevDraft = null;
      prevSentence = s;
      continue;
    }
    // "two bombs went off at the market in Kunduz": devices counted at one named town are one incident
    const oneTown = !!t?.counted && sitesOf([ex(body, s.start, s.end)]).some((x) => !!x.place && /^(?:PPL|border-post)/.test(x.place.featureType));
    // "Earlier on October 22, nearly 50 members of the security forces were killed in clashes with the Taliban in Baharak":
    // a plural of fighting on one day at one town or district, not counted, is that day's fighting there — one incident
    const oneDayOnePlace = () => {
      if (!own || own.timePrecision !== 1 || v.countedPlural.test(s.text) || v.pluralEventPeriod.test(s.text) || MANY_PLACES.test(s.text)) return false;
      const places = new Set(sitesOf([ex(body, s.start, s.end)]).filter((x) => !!x.place && (/^(?:PPL|border-post)/.test(x.place.featureType) || x.place.featureType === 'ADM2')).map((x) => x.place!.id));
      return places.size === 1;
    };
    const onePlural = (aggregate || t?.kind === 'plural') && (oneTown || oneDayOnePlace() || pluralEvent(s.text, v));
    // "In the course of the clashes …", "No casualties are reported in the clashes": the plural told with "the" when the
    // article has told one incident so far is that incident going on, not a summary of several
    const thatOne = drafts.length === 1 && !onePlural && v.thePlural.test(s.text) && !MANY_PLACES.test(s.text) && !v.countedPlural.test(s.text) && !v.background.test(s.text) && !v.pluralEventPeriod.test(s.text) && !anotherIncident(s.text, v);
    if (thatOne) {
      drafts[0].pieces.push(ex(body, s.start, s.end));
      drafts[0].sentences.push(s);
      prevDraft = drafts[0];
      prevSentence = s;
      continue;
    }
    if ((aggregate || t!.kind === 'plural') && !onePlural) {
      const tot = sumCasualties([{ text: s.text, start: s.start }]);
      const cm = v.countedPlural.exec(s.text);
      aggregates.push({ article: article.id, excerpt: ex(body, s.start, s.end), count: countOf(cm?.[1]), date: own, killed: tot.killed, injured: tot.injured, nationalities: [...new Set([...tot.killed?.parts ?? [], ...tot.injured?.parts ?? []].map((p) => p.nationality).filter((n): n is string => !!n))] });
      prevSentence = s;
      continue;
    }
    const split = clauses(s, v, (a, b) => placedApart(sitesOf([a]), sitesOf([b])));
    for (const piece of split) {
      if (!classify(piece.text, v) && !v.triggers.killed.test(piece.text)) continue;
      // "officials said on September 17 that the post had come under shelling": with no other date, the statement's day
      // "In a statement late Wednesday, the group said a bomb exploded": the date comes before what is said
      const said = s.text.search(/\bthat\b|\b(?:said|says|announced|reported|claimed|stated)\b(?!\s+(?:on|late|early|last|this|in)\b)/);
      const stmt = !own ? dates.find((d) => d.reporting && !d.dateline && !/^[A-Z][A-Z .'’-]+,/.test(s.text) && s.text.indexOf(d.span.text) < said) : undefined;
      const dated = own ?? (stmt ? { ...stmt, reporting: false, fromStatement: true as const, basis: `${stmt.basis}; when the statement that reports it was made (it happened then or before), the text giving no other` } : null);
      const date = dated ? { ...dated, excerpt: ex(body, s.start, s.end) } : null;
      let target: Draft | null = null;
      const background = v.background.test(piece.text);
      // "clashes were also reported on Friday night in Yaftal, Raghistan, Kohistan and Keran-o-Munjan districts": one
      // incident per place listed, each located by its own name and the clause's other words; a toll the clause
      // gives is their sum, an aggregate claim over them
      const listed = background ? null : listedSites(piece, mentions, body, v);
      if (listed) {
        const at = (site: Site) => [site.start, site.start + site.text.length] as const;
        const [from] = at(listed[0]);
        const [, to] = at(listed[listed.length - 1]);
        const inherited = !date && scene && scene.excerpt.start < s.start ? { ...scene, basis: `${scene.basis}; stated earlier in the paragraph that tells the incident` } : null;
        const orders: number[] = [];
        for (const site of listed) {
          const [a, b] = at(site);
          const pieces = [ex(body, piece.start, from), ex(body, a, b), ex(body, to, piece.end)].filter((p) => p.end > p.start);
          target = { order: drafts.length, pieces: [...pieces], sentences: [s], date: date ?? inherited, paragraph: s.paragraph, listed: { clause: piece, pieces } };
          orders.push(target.order);
          drafts.push(target);
        }
        const tot = sumCasualties([{ text: piece.text, start: piece.start }]);
        if (tot.killed || tot.injured) aggregates.push({ article: article.id, excerpt: piece, count: listed.length, date: date ?? inherited, killed: tot.killed, injured: tot.injured, nationalities: [], covers: orders });
        prevDraft = target;
        continue;
      }
      // an undated act after a sentence that moved the scene to another day ("But the next day (April 29), crowds
      // gathered. Shots were fired."): dated by that sentence, a new incident unless one told already has that date
      const sceneAfter = (d: Draft | null) => !!d && d.pieces.every((p) => p.start < scene!.excerpt.start);
      const moved = !date && !!scene && scene.excerpt.start < s.start && /[a-z]{3,}/i.test(scene.excerpt.text.replace(scene.span.text, '')) && !drafts.some((d) => d.sentences.some((x) => x.start === scene!.excerpt.start)) &&
        !v.earlier.test(piece.text) && !PLACE_ANAPHOR.test(piece.text) && (continues ? sceneAfter(prevDraft) : drafts.length > 0 && sceneAfter(drafts[0]));
      if (moved) {
        const sc = scene!;
        const told = continues ? prevDraft : drafts[0];
        target = drafts.find((d) => d.date && d.date.timePrecision === sc.timePrecision && overlaps(d.date, sc) && sameKind(d, piece, v)) ?? (told?.date && overlaps(told.date, sc) ? told : null);
        // "… found the terrorists on December 24. Ordered to surrender, the attackers opened fire": the incident's own
        // participants acting on a later day (within three) are that incident going on, over both days
        if (!target && told?.date?.timePrecision === 1 && sc.timePrecision === 1 && told.date.end < sc.start && daysBetween(told.date.end, sc.start) <= 3 && v.participantRef.test(piece.text) && !anotherIncident(piece.text, v)) {
          target = told;
          told.date = { ...told.date, end: sc.end, basis: `${told.date.basis}; until ${sc.span.text}, when its participants are told acting again (${sc.basis})` };
        }
        if (!target) {
          target = { order: drafts.length, pieces: [], sentences: [], date: { ...sc, basis: `${sc.basis}; stated earlier in the paragraph that tells the incident` }, paragraph: s.paragraph };
          drafts.push(target);
        }
      } else if (date) {
        // the same incident only when told at the same precision ("last week" and "last month" are not one)
        target = background ? null : drafts.find((d) => d.date && d.date.timePrecision === date.timePrecision && overlaps(d.date, date) && sameKind(d, piece, v)) ?? null;
        // dated only by the statement that reports it ("On Thursday Tajikistan said three men had crossed …"): the incident
        // told already whose span of days holds that day ("a clash earlier this week"), when of the same kind
        if (!target && !background && date.fromStatement) target = drafts.find((d) => d.date && d.date.timePrecision > 1 && d.date.start <= date.start && date.start <= d.date.end && sameKind(d, piece, v)) ?? null;
        // an undated first incident is recent: a dated mention within the week up to publication is the same one
        if (!target && !background && drafts.length && !drafts[0].date && published && overlaps({ start: addDays(published, -7), end: published }, date) && sameKind(drafts[0], piece, v)) target = drafts[0];
        // the sentence right before told this incident without a date: the date belongs to it
        // (not a date weeks before the report for its undated lead, the day's news: "This is the second clash this month. On May 8 …")
        const leadNews = (d: Draft) => d.order === 0 && !!published && !overlaps({ start: addDays(published, -7), end: published }, date);
        if (!target && continues && prevDraft && !prevDraft.date && sameKind(prevDraft, piece, v) && !leadNews(prevDraft)) target = prevDraft;
        // "In December, … another armed incident. … late on December 23 …": a day inside the month just told
        if (!target && continues && prevDraft?.date && prevDraft.date.start <= date.start && date.end <= prevDraft.date.end && date.timePrecision < prevDraft.date.timePrecision) target = prevDraft;
        if (!target && !drafts.some((d) => d.date) && drafts.length && v.definite.test(piece.text) && !/\b(?:another|earlier|previous|last year|second)\b/i.test(piece.text)) target = drafts[0];
        // "The conflict started with stone-throwing and escalated on the night of April 29": the incident told, going on
        // into a later day (within three days), is one incident over both days
        if (!target && !background && /^\s*(?:The|This|That)\b/.test(piece.text) && v.definite.test(piece.text.slice(0, 40)) && date.timePrecision === 1) {
          const going = [...drafts].reverse().find((d) => d.date?.timePrecision === 1 && d.date.end < date.start && daysBetween(d.date.end, date.start) <= 3 && sameKind(d, piece, v));
          if (going) ((target = going), (going.date = { ...going.date!, end: date.end, basis: `${going.date!.basis}; until ${date.span.text}, as the text goes on to tell it (${date.basis})` }));
        }
      } else if (continues && prevDraft && !prevDraft.pieces.some((p) => p.start >= s.start && p.end <= s.end)) {
        target = prevDraft;
      } else if (prevDraft && prevDraft !== drafts[0] && prevSentence && prevDraft.sentences.includes(prevSentence) && v.definite.test(piece.text) && !anotherIncident(piece.text, v)) {
        // a new paragraph right after another incident's telling that refers back ("… the attackers") goes on with
        // the incident told last, as a reader takes it, not with the article's first
        target = prevDraft;
      } else if (drafts.length && !anotherIncident(piece.text, v) && !earlierYear(piece.text, published)) {
        target = drafts[0];
      }
      if (target && target.pieces.some((p) => p.start >= s.start && p.end <= s.end) && split.length > 1) target = null;
      // an act told of another named place is another incident ("Shelling hit the city. … Later mortars hit outposts in Leilek
      // district"), unless the clause ties it to the place told ("there", "in the same area"): the incident told of that place, if any
      const here = sitesOf([piece]);
      const toldSites = target ? draftSites(target) : [];
      // ("Pakistan condemned the attack, with condolences to Beijing and Dushanbe": a reference to the incident told, with no date or toll of its own)
      const reference = !date && v.definite.test(piece.text) && !findCasualties(piece.text).some((c) => c.count) && !anotherIncident(piece.text, v);
      // ("The attack took place in the Taloqa area this morning.": where the incident told happened, not another one — unless it brings a toll of its own)
      const restatesSite = v.definite.test(piece.text.slice(0, 60)) && SITE_STATEMENT.test(piece.text) && !findCasualties(piece.text).some((c) => c.count);
      if (target && !moved && !reference && !restatesSite && !linkedByPlace(piece.text, v) && !PLACE_ANAPHOR.test(piece.text) && placedApart(toldSites, here) && !otherSidesAccount(toldSites, here, piece.text, findCasualties(piece.text).some((c) => c.count))) {
        target = [...drafts].reverse().find((d) => d !== target && draftSites(d).length > 0 && !placedApart(draftSites(d), here) && (!date || !d.date || overlaps(d.date, date)) && sameKind(d, piece, v)) ?? null;
      }
      // "Separately, an army source said …", "Elsewhere, …", "In another incident, …" opening the sentence: a new incident
      if (target && !target.sentences.includes(s) && v.separate.test(s.text.slice(0, 40))) target = null;
      if (target) {
        target.pieces.push(piece);
        if (!target.sentences.includes(s)) target.sentences.push(s);
        if (date && !date.fromStatement && (!target.date || date.timePrecision < target.date.timePrecision)) target.date = date;
        else if (date?.fromStatement && !target.date) target.date = date;
      } else {
        const inherited = !date && scene && scene.excerpt.start < s.start && !v.earlier.test(piece.text) ? { ...scene, basis: `${scene.basis}; stated earlier in the paragraph that tells the incident` } : null;
        target = { order: drafts.length, pieces: [piece], sentences: [s], date: date ?? inherited, paragraph: s.paragraph };
        drafts.push(target);
      }
      prevDraft = target;
    }
    prevSentence = s;
  }
  // a headline or opening sentence left on its own, undated, tells the news: the incident of the week up to
  // publication, or the latest of that kind when the article tells several
  const headline = drafts[0];
  if (headline && !headline.date && headline.sentences.every((x) => x.paragraph === 0) && published) {
    const recent = drafts.filter((d) => d !== headline && d.date && d.date.timePrecision === 1 && overlaps({ start: addDays(published, -7), end: published }, d.date));
    const latest = (recent.length === 1 ? recent : recent.filter((d) => sameKind(d, headline.pieces[0], v))).sort((a, b) => b.date!.start.localeCompare(a.date!.start))[0];
    if (latest) {
      latest.pieces.unshift(...headline.pieces);
      latest.sentences.unshift(...headline.sentences);
      drafts.splice(0, 1);
      drafts.forEach((d, i) => (d.order = i));
    }
  }
  joinNightIntoLead(drafts, sitesOf, v);
  joinRetold(drafts, sitesOf, v);
  endByStatements(drafts, statements);
  for (const d of drafts) {
    const background = d.pieces.some((p) => v.earlier.test(p.text)) && d.order > 0;
    const from = lead ?? datelineDate;
    if (d.date || background || !from) continue;
    // (borrowed: that sentence dates the incident without telling it — its places are another incident's when one tells it)
    const another = drafts.some((o) => o !== d && o.sentences.some((x) => x.start === from.excerpt.start));
    d.date = { ...from, borrowed: another ? 'told-by-another' : 'untold' };
  }
  joinRetoldAt(drafts, sitesOf);
  // "at least 16 people were killed in two blasts on Thursday": the incidents of that day it sums up
  for (const a of aggregates) {
    if (!a.date) continue;
    const inside = drafts.filter((d) => d.date && a.date && d.date.start >= a.date.start && d.date.end <= a.date.end);
    if (inside.length && (a.count === null || a.count === inside.length)) a.covers = inside.map((d) => d.order);
  }
  return { incidents: drafts.map((d) => finish(article, d, v)), aggregates };
}

/**
 * A span of days ("earlier this week") ends by the day a statement told inside the incident's telling reported it:
 * "a clash earlier this week (Mon–Fri) … On Thursday Tajikistan said …" happened Monday to Thursday.
 */
function endByStatements(drafts: Draft[], statements: { at: number; day: string; text: string }[]): void {
  for (const d of drafts) {
    if (!d.date || d.date.start === d.date.end || d.date.fromStatement) continue;
    const from = Math.min(...d.sentences.map((x) => x.start));
    const to = Math.max(...d.sentences.map((x) => x.end));
    const by = statements.filter((st) => st.at >= from && st.at < to && st.day >= d.date!.start && st.day < d.date!.end).sort((a, b) => a.day.localeCompare(b.day))[0];
    if (by) d.date = { ...d.date, end: by.day, basis: `${d.date.basis}; by ${by.text}, when a statement reported it` };
  }
}

/** Parts of the day that run into the next one: an attack "late on Sunday night" can be the lead's "on Monday". */
const INTO_NEXT_DAY = /^(?:late|night|overnight|evening|late night|late evening)$/;

/**
 * A lead that dates the news by the day it was reported ("the Taliban struck on Monday") and a later sentence that
 * tells the same act the night before ("launched an assault late on Sunday night"): one incident over both days,
 * when their kinds agree and no place sets them apart.
 */
function joinNightIntoLead(drafts: Draft[], sitesOf: (pieces: Excerpt[]) => Site[], v: Vocabulary): void {
  const lead = drafts[0];
  if (!lead?.date || lead.date.timePrecision !== 1 || lead.date.start !== lead.date.end) return;
  const night = drafts.find(
    (d) =>
      d !== lead &&
      d.date?.timePrecision === 1 &&
      d.date.start === d.date.end &&
      INTO_NEXT_DAY.test(d.date.partOfDay ?? '') &&
      addDays(d.date.start, 1) === lead.date!.start &&
      !d.pieces.some((p) => v.earlier.test(p.text)) &&
      d.pieces.every((p) => sameKind(lead, p, v)) &&
      !placedApart(sitesOf(lead.pieces), sitesOf(d.pieces)) &&
      !placedApart(sitesOf(d.pieces), sitesOf(lead.pieces)),
  );
  if (!night) return;
  lead.pieces = [...lead.pieces, ...night.pieces].sort((a, b) => a.start - b.start);
  lead.sentences = [...new Set([...lead.sentences, ...night.sentences])].sort((a, b) => a.start - b.start);
  // (a lead dated only by its statement's day gives no later end: the night's act is the incident's day)
  lead.date = lead.date.fromStatement ? { ...night.date! } : { ...night.date!, end: lead.date.end, basis: `${night.date!.basis}, through to the day the lead gives (${lead.date.span.text})` };
  drafts.splice(drafts.indexOf(night), 1);
  drafts.forEach((d, i) => (d.order = i));
}

/**
 * The same toll told again right after, in an official's words ("… the killing of 20 Taliban on Tuesday in Kandahar
 * province. / The ministry wrote that '20 Taliban were killed in Arghandab district of Kandahar province yesterday'"):
 * one incident, when the deaths are the same figure, the kinds agree, no place sets them apart and the days are at
 * most one apart (a quoted "yesterday" counts from a day the text may not give). The first telling's date stands.
 */
function joinRetold(drafts: Draft[], sitesOf: (pieces: Excerpt[]) => Site[], v: Vocabulary): void {
  const killed = (d: Draft) => sumCasualties(d.pieces.map((p) => ({ text: p.text, start: p.start }))).killed?.value ?? null;
  for (let k = 1; k < drafts.length; k++) {
    const [a, b] = [drafts[k - 1], drafts[k]];
    const lastOfA = Math.max(...a.sentences.map((x) => x.index));
    const firstOfB = Math.min(...b.sentences.map((x) => x.index));
    const n = killed(a);
    if (firstOfB !== lastOfA + 1 || n === null || n < 2 || killed(b) !== n || !a.date || !b.date || a.listed || b.listed) continue;
    if (Math.abs(daysBetween(a.date.start, b.date.start)) > 1 || a.date.timePrecision !== b.date.timePrecision) continue;
    if (!b.pieces.every((p) => sameKind(a, p, v)) || placedApart(sitesOf(a.pieces), sitesOf(b.pieces)) || placedApart(sitesOf(b.pieces), sitesOf(a.pieces))) continue;
    a.pieces = [...a.pieces, ...b.pieces].sort((x, y) => x.start - y.start);
    a.sentences = [...new Set([...a.sentences, ...b.sentences])].sort((x, y) => x.start - y.start);
    drafts.splice(k, 1);
    drafts.forEach((d, i) => (d.order = i));
    k--;
  }
}

/**
 * "In Mazar-i-Sharif, 10 people were killed. … In the northern city of Mazar-i-Sharif, meanwhile, a series of blasts
 * left at least 10 people dead": the same toll on the same day at the same town or district, told again further
 * down (a lead, then the story), is one incident. Only the next few incidents are compared.
 */
function joinRetoldAt(drafts: Draft[], sitesOf: (pieces: Excerpt[]) => Site[]): void {
  const killed = (d: Draft) => sumCasualties(d.pieces.map((p) => ({ text: p.text, start: p.start }))).killed?.value ?? null;
  const specific = (d: Draft) => new Set(sitesOf(d.pieces).filter((x) => x.place && (/^(?:PPL|border-post)/.test(x.place.featureType) || x.place.featureType === 'ADM2')).map((x) => x.place!.id));
  for (let i = 0; i < drafts.length; i++) {
    for (let j = i + 1; j < Math.min(drafts.length, i + 4); j++) {
      const [a, b] = [drafts[i], drafts[j]];
      const n = killed(a);
      if (n === null || n < 2 || killed(b) !== n || !a.date || !b.date || a.listed || b.listed || a.date.timePrecision !== b.date.timePrecision || !overlaps(a.date, b.date)) continue;
      const sa = specific(a);
      const sb = specific(b);
      // (the kinds may differ: a lead's bare "10 people were killed" names no weapon)
      if (!sa.size || sa.size !== sb.size || ![...sa].every((id) => sb.has(id))) continue;
      a.pieces = [...a.pieces, ...b.pieces].sort((x, y) => x.start - y.start);
      a.sentences = [...new Set([...a.sentences, ...b.sentences])].sort((x, y) => x.start - y.start);
      drafts.splice(j, 1);
      drafts.forEach((d, k) => (d.order = k));
      j--;
    }
  }
}

/**
 * "An explosion hit a Shiite mosque … Footage from the mosque in the city of Pol-e-Khomri showed …": the thing the
 * incident hit, told again with "the" and a place, says where the incident happened.
 */
function sameTargetAt(text: string, told: readonly Excerpt[]): boolean {
  const toldText = told.map((p) => p.text).join(' ');
  for (const m of text.matchAll(/\bthe\s+([a-z]{4,})\s+(?:in|at|near)\s+(?:the\s+(?:city|town|village|district)\s+of\s+)?[A-Z]/g)) {
    if (new RegExp(String.raw`\b(?:an?)\s+(?:[\w-]+\s+){0,2}?${m[1]}\b`).test(toldText)) return true;
  }
  return false;
}

/**
 * The text names, by surname, a person the incident's telling named in full as killed, wounded, seized or sought
 * ("Gulbiddin Ziyobekov was killed …" → "… to capture Ziyobekov"). Words that are places are not names.
 */
function namesItsPerson(text: string, told: readonly Excerpt[], mentions: readonly ResolvedMention[], v: Vocabulary): boolean {
  // (the harm words of data/rules/events.json: killed, injured, seized)
  const harmed = alternation([...v.rules.harm.killed, ...v.rules.harm.injured, ...v.rules.harm.seized]);
  const fullName = rawRegex('g')`\b([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]{3,})\b(?=,?\s+(?:(?:a|an|the|who|aged|\d+)\b[^.;]{0,60}?\s+)?(?:was|were|had been|has been)\s+(?:\w+ly\s+)?(?:${harmed}))`;
  for (const p of told) {
    for (const m of p.text.matchAll(fullName)) {
      const at = p.start + m.index!;
      const isPlace = mentionsWithin(mentions, at, at + m[0].length).some((x) => x.place);
      if (!isPlace && new RegExp(String.raw`\b${m[2]}\b`).test(text)) return true;
    }
  }
  return false;
}

/** "another attack", "a separate incident": a further incident ("another resident was hurt" is a further victim of the same one). */
function anotherIncident(text: string, v: Vocabulary): boolean {
  // ("opened fire in three other places": acts elsewhere)
  // ("Separately, an army source said …", "Elsewhere, …": data/rules/events.json `separate`)
  return rawRegex('i')`\banother\s+(?:[\w-]+\s+)?${alternation(v.rules.singularNouns)}\b|\ban?\s+(?:earlier|previous|separate|second)\b|\bother\s+(?:places|locations|sections|areas|villages|points)\b`.test(text) || v.separate.test(text);
}

/** A title line: the first paragraph, one line with no full stop at its end. */
function isHeadline(s: Sentence): boolean {
  return s.paragraph === 0 && !/[.!?]["”’')]*$/.test(s.text);
}

/** "in 2021, when almost 50 people were killed", "last year": an incident of an earlier year, never the news itself. */
function earlierYear(full: string, published: string | undefined): boolean {
  // "the first skirmish since the Taliban came to power in August last year": the period's start, not the act's year
  const text = full.replace(/\bsince\b[^,.;:]*/gi, '');
  const y = /(?<!\bborn\s)\b(?:in|of|since|during)\s+((?:19|20)\d{2})\b/.exec(text);
  return (!!y && !!published && +y[1] < +published.slice(0, 4)) || /\b(?:last year|a year ago|years ago)\b/i.test(text);
}

function shift(e: Excerpt, by: number): Excerpt {
  return { start: e.start + by, end: e.end + by, text: e.text };
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function sameKind(d: Draft, piece: Excerpt, v: Vocabulary): boolean {
  const a = classify(d.pieces.map((p) => p.text).join(' '), v);
  const b = classify(piece.text, v);
  if (!a || !b) return true;
  return a.type.subEventType === b.type.subEventType || b.type.subEventType === 'Attack' || a.type.subEventType === 'Attack' || /\b(?:the|this)\b/i.test(piece.text.slice(0, 60));
}

/** How many a plural's count says, when it says exactly ("two clashes" → 2; "several clashes" → null). */
function countOf(words: string | undefined): number | null {
  const q = words ? parseQuantity(words) : null;
  return q && !q.vague ? q.value : null;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

function addDays(s: string, n: number): string {
  const d = new Date(`${s}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function finish(article: Article, d: Draft, v: Vocabulary): ArticleIncident {
  const body = article.body;
  const ranges = d.pieces;
  const text = ranges.map((r) => r.text).join(' ');
  const cls = classify(text, v) ?? { type: v.acled.attack, weapons: [] };
  const weapons: ArticleIncident['weapons'] = [];
  for (const w of cls.weapons) {
    const r = ranges.find((p) => classify(p.text, v)?.weapons.includes(w)) ?? ranges[0];
    weapons.push({ value: w, excerpt: r });
  }
  const own = d.listed ? ranges.filter((r) => !d.listed!.pieces.includes(r)) : ranges;
  const tot = sumCasualties(own.map((r) => ({ text: r.text, start: r.start })));
  const victims: ArticleIncident['victims'] = { nationalities: [], employers: [], targets: [] };
  for (const r of ranges) {
    for (const m of r.text.matchAll(rawRegex('g')`\b(${v.demonymWords})\s+(?:[\w-]+\s+){0,2}?${v.nationalityHead}\b`)) {
      if (/\baccording\s+to\s+$/i.test(r.text.slice(Math.max(0, m.index! - 14), m.index))) continue;
      const c = nationalityOf(m[1]);
      if (c && !victims.nationalities.some((v) => v.value === c)) victims.nationalities.push({ value: c, excerpt: ex(body, r.start + m.index!, r.start + m.index! + m[0].length) });
    }
    for (const re of EMPLOYER) {
      const m = re.exec(r.text);
      if (m && !/^(?:Afghan|Tajik|Chinese|Afghanistan|Tajikistan)$/.test(m[1])) {
        const i = r.start + m.index + m[0].lastIndexOf(m[1]);
        if (!victims.employers.some((v) => v.value === m[1].replace(/\s+(?:Company|Corporation|Corp|LLC|Ltd)$/i, '').trim())) victims.employers.push({ value: m[1].replace(/\s+(?:Company|Corporation|Corp|LLC|Ltd)$/i, '').trim(), excerpt: ex(body, i, i + m[1].length) });
      }
    }
    for (const [re, kind] of v.targets) {
      const e = find(re, body, r);
      if (e && !victims.targets.some((v) => v.value === kind)) victims.targets.push({ value: kind, excerpt: e });
    }
  }
  let origin: ArticleIncident['origin'] = null;
  for (const r of ranges) {
    const m = ORIGIN.exec(r.text);
    if (m) {
      const country = COUNTRY_WORDS.find(([re]) => re.test(m[1]))?.[1] ?? null;
      if (country) {
        origin = { country, excerpt: ex(body, r.start + m.index, r.start + m.index + m[0].length) };
        break;
      }
    }
  }
  const actors: Excerpt[] = [];
  for (const r of ranges) {
    for (const m of r.text.matchAll(v.actor)) {
      const lead = m[0].length - m[0].trimStart().length;
      actors.push(ex(body, r.start + m.index! + lead, r.start + m.index! + m[0].length));
    }
  }
  let enteredCountry: string | null = null;
  for (const r of ranges) {
    const m = ENTERED.exec(r.text);
    if (m) enteredCountry = COUNTRY_WORDS.find(([re]) => re.test(m[1] ?? m[2]))?.[1] ?? null;
    if (!enteredCountry && v.triggers.crossBorderOperation.test(r.text)) {
      const by = /\b(Tajik|Afghan|Kyrgyz|Uzbek)\s+(?:forces|troops|border guards)\b[^.]{0,40}cross-border/i.exec(r.text);
      const other = by ? COUNTRY_WORDS.find(([re]) => re.test(by[1]))?.[1] : undefined;
      const across = origin?.country ?? (/\bfrom\s+Afghanistan\b/.test(r.text) ? 'AF' : null);
      if (other && across && across !== other) enteredCountry = across;
    }
  }
  const placeAnaphor = ranges.map((r) => find(PLACE_ANAPHOR, body, r)).find(Boolean) ?? null;
  const borderCue = ranges.map((r) => find(BORDER_CUE, body, r)).find(Boolean) ?? null;
  const undated = d.date || !article.published ? null : { start: addDays(article.published, -7), end: article.published };
  return {
    article: article.id,
    order: d.order,
    // whole sentences, or the clause when one sentence tells two incidents
    excerpts: [...(d.listed ? [d.listed.clause] : []), ...own].map((p) => ex(body, p.start, p.end)).filter((p, i, all) => all.findIndex((q) => q.start === p.start) === i).sort((a, b) => a.start - b.start),
    ranges,
    type: cls.type,
    weapons,
    date: d.date,
    undated,
    killed: tot.killed,
    injured: tot.injured,
    victims,
    origin,
    actors,
    placeAnaphor,
    borderCue,
    enteredCountry,
  };
}
