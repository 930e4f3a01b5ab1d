import type { Article, Excerpt } from '../types';
import { findDates, type DateContext, type DateMention } from './dates';
import { nationalityOf, sumCasualties, type Total } from './casualties';
import { splitSentences, type Sentence } from './sentences';

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
  /** Places it names (filled in from the geocoder's mentions by the caller). */
  places?: Array<{ name: string; id: string; excerpt: Excerpt }>;
}

// ---- lexicon --------------------------------------------------------------------------------------
const DRONE = /\b(?:drone|UAV|unmanned aerial vehicle|quadcopter)s?\b/i;
const DRONE_ACT = /\b(?:drone|UAV)s?\s+(?:strike|attack|struck|hit|dropped|carrying|equipped|armed)|\b(?:strike|attack)s?\s+(?:by|with|from)\s+(?:an?\s+)?(?:armed\s+)?drone|\bdrones?\b[^.]{0,60}\b(?:to\s+(?:kill|attack|strike)|struck|hit|attack(?:ed)?)\b|\b(?:using|used|with)\s+(?:\w+\s+){0,3}(?:an?\s+)?drones?\b/i;
const EXPLOSION = /\b(?:explosions?|blasts?|bombings?|bombs?|IEDs?|improvised explosive|land ?mines?|mines?\s+(?:exploded|went off)|suicide bomb\w*|explosive devices?)\b/i;
const SHELLING = /\b(?:shell(?:ing|ed)|mortars?|artillery|rockets?|missiles?)\b/i;
const GRENADE = /\bgrenades?\b/i;
const CLASH = /\b(?:fire ?fights?|gun ?fights?|gun ?battles?|shoot-?outs?|clash(?:ed)?|exchanged (?:fire|gunfire)|exchanges? of (?:fire|gunfire)|skirmish(?:es|ed)?|battle)\b/i;
const SHOOTING = /\b(?:gunfire|shooting|shot (?:dead|at)|opened fire|(?:came|coming|come) under (?:fire|attack)|fired (?:on|at|upon)|sniper)\b/i;
const INCURSION = /\b(?:incursion|infiltration|intrusion|crossed (?:over )?into|broke into|intruders?|infiltrators?)\b/i;
const ATTACK = /\b(?:armed incident|attack(?:ed|ing)?|assault(?:ed)?|strike|struck|raid(?:ed)?|ambush(?:ed)?|targeted|killing|killed|kill)\b/i;
const CROSS_OP = /\bcross-border operations?\b/i;
/** Plural or summarising heads: a sentence about these is about several incidents. */
const PLURAL_HEAD = /\b(?:(?:two|three|four|five|several|multiple|many|numerous|recent|these|the|such|both|other|previous|coordinated|further|similar|most of the(?: recent)?)\s+(?:\w+\s+){0,2})?(?:incidents|attacks|clashes|infiltrations|incursions|strikes|assaults|raids|shootings|explosions)\b/i;
/** Words that make a mention generic, hypothetical or a policy topic rather than something that happened. */
const IRREALIS = /\b(?:prevent|avoid|deter|curb|threat of|risk of|fear(?:s)? of|danger of|could|would|might|may|plan(?:s|ned)? to|vow(?:ed)? to|in case of|emergencies)\b[^,.;]{0,40}$/i;
const DEFINITE = /\b(?:the|this|that|these)\s+(?:(?:first|second|latest|recent|deadly|cross-border|\w+-style)\s+)?(?:attack|incident|assault|strike|drone|attackers|intruders|assailants|gunmen|clash|firefight|incursion|explosion|blast|shooting|victims|killings?)\b/i;
const PLURAL_NOUN = /\b(?:incidents|attacks|clashes|infiltrations|incursions|strikes|assaults|raids|shootings|explosions)\b/i;
const SINGULAR_NOUN = /\b(?:attack|incident|strike|assault|raid|clash|fire ?fight|gun ?fight|explosion|blast|incursion|infiltration|shooting|ambush)\b/i;
const SINGULAR_VERB = /\b(?:exchanged (?:fire|gunfire)|crossed (?:over )?into|opened fire|struck|hit|targeted|came under fire|coming under fire)\b/gi;
/** A verb of attack whose subject is not a plural "the attacks" ("The attacks reportedly targeted …" is still plural). */
function singularVerb(text: string): boolean {
  for (const m of text.matchAll(SINGULAR_VERB)) if (!PLURAL_NOUN.test(text.slice(Math.max(0, m.index! - 30), m.index))) return true;
  return false;
}
/** A later, earlier or other incident than the one told so far. */
const BACKGROUND = /\b(?:previously|earlier|another|last year|a year ago|second|separate|in \d{4})\b/i;
/** A sentence about the people or weapon of an incident already told. */
const PARTICIPANT_REF = /\b(?:the|these)\s+(?:victims|attackers|intruders|assailants|gunmen|drone|dead|wounded|injured|perpetrators)\b/i;
const PLACE_ANAPHOR = /\b(?:in|at|near|from)\s+the\s+same\s+(?:sector|area|district|place|location|village|site|region|spot|section)\b|\b(?:the|this)\s+(?:border\s+zone|workers[’']?\s+facility|(?:same\s+)?(?:camp|compound|site|facility))\b/i;
const BORDER_CUE = /\b(?:(?:near|along|on|at|across|close to)\s+the\s+(?:\w+[–-]\w+\s+)?(?:border|frontier)|border\s+(?:area|zone|region|district|villages?)|cross-border|from\s+across\s+the\s+border|across\s+the\s+border|frontier)\b/i;

const ORIGIN = /\b(?:from|originat\w+\s+from|launched\s+from|fired\s+from)\s+((?:across\s+the\s+border\s+(?:with|in)\s+)?(?:neighbo(?:u)?ring\s+)?(?:the\s+)?(?:[A-Z][\w’'-]+)(?:[’']s)?(?:\s+(?:territory|soil|side|province|region|[A-Z][\w-]+\s+province))?)/;
const COUNTRY_WORDS: Array<[RegExp, string]> = [
  [/afghan/i, 'AF'], [/tajik/i, 'TJ'], [/kyrgyz/i, 'KG'], [/uzbek/i, 'UZ'], [/pakistan/i, 'PK'], [/chin/i, 'CN'], [/iran/i, 'IR'], [/turkmen/i, 'TM'],
];
const ENTERED = /\binto\s+(Tajik|Afghan|Kyrgyz|Uzbek|Tajikistan|Afghanistan|Kyrgyzstan|Uzbekistan)(?:[’']s)?\b|\b(?:on|onto)\s+(Tajik|Afghan|Kyrgyz|Uzbek)\s+(?:territory|soil|side)\b/;
const ACTOR = /\b(?:(?:several|two|three|four|five|\d+)?\s*armed\s+(?:groups?|individuals|men|people|gangs?|militants?)|criminal\s+groups?|gunmen|militants|attackers|intruders|insurgents|terrorists|smugglers|(?:Tajik|Afghan|Taliban|Kyrgyz|Uzbek)\s+(?:forces|border\s+guards|troops|fighters|soldiers|security\s+forces)|Taliban(?:\s+fighters)?|ISKP|Islamic State[\w\s–-]{0,25}Province)\b/gi;
const TARGETS: Array<[RegExp, string]> = [
  [/\b(?:gold[- ]mining|gold[- ]extraction|mining|mine\s+site)\b/i, 'mining'],
  [/\b(?:road(?:[- ]building)?|construction|infrastructure|bridge)\b/i, 'construction'],
  [/\bstate-owned\b/i, 'state-owned enterprise'],
  [/\b(?:border\s+(?:post|outpost)|outpost|checkpoint|frontier\s+post)\b/i, 'border post'],
  [/\b(?:labou?r\s+camp|camp|compound|facility|work\s*site|site)\b/i, 'workers’ site'],
  [/\bconvoy\b/i, 'convoy'],
  [/\bvillage\b/i, 'village'],
];
const EMPLOYER = [
  /\b(?:employees?|workers?|staff|personnel)\s+of\s+(?:the\s+)?(?:[a-z-]+\s+)*?(?:company\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
  /\b(?:worked|working|employed)\s+(?:for|by)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
  /\bbelonging\s+to\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)/,
];

function ex(body: string, start: number, end: number): Excerpt {
  return { start, end, text: body.slice(start, end) };
}

function find(re: RegExp, body: string, range: Excerpt): Excerpt | null {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(range.text);
  return m ? ex(body, range.start + m.index, range.start + m.index + m[0].length) : null;
}

/** What kind of violence a stretch of text tells, by ACLED's rules, or null when it tells none. */
export function classify(text: string): { type: AcledType; weapons: string[] } | null {
  const weapons: string[] = [];
  const drone = DRONE.test(text) && (DRONE_ACT.test(text) || CROSS_OP.test(text));
  if (drone) weapons.push('drone');
  if (GRENADE.test(text)) weapons.push('grenade');
  if (EXPLOSION.test(text)) weapons.push('explosive');
  if (SHELLING.test(text)) weapons.push('artillery');
  if (/\b(?:firearms?|guns?|gunfire|gunmen|shot|shooting|rifles?|fire ?fight|exchanged fire|opened fire|under fire|automatic weapons)\b/i.test(text)) weapons.push('firearms');
  const clash = CLASH.test(text);
  const shooting = SHOOTING.test(text);
  const incursion = INCURSION.test(text);
  const attack = ATTACK.test(text);
  if (!(drone || weapons.includes('explosive') || weapons.includes('artillery') || clash || shooting || incursion || attack)) return null;
  // state forces as the target or the other side, not as the source ("According to Tajik border guards")
  const forces = String.raw`(?:border\s+(?:posts?|outposts?|guards?)|outposts?|checkpoints?|soldiers?|troops|servicem[ae]n|(?:security|border|government)\s+forces)`;
  const security = new RegExp(String.raw`\b(?:attack\w*|targeted|struck|hit|fired\s+(?:on|at|upon)|ambush\w*|raided|assaulted|killed|killing|wounded|wounding|injured|injuring)\s+(?:\w+\s+){0,3}${forces}\b|\b${forces}\s+(?:\w+\s+){0,3}(?:were|was)\s+(?:killed|wounded|injured|attacked)|\b${forces}\b[^.]{0,30}\b(?:also\s+)?died\b`, 'i').test(text);
  let type: AcledType;
  if (drone) type = { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
  else if (weapons.includes('artillery')) type = { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' };
  else if (weapons.includes('explosive')) type = { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' };
  else if (weapons.includes('grenade')) type = { eventType: 'Explosions/Remote violence', subEventType: 'Grenade' };
  else if (clash || incursion || security) type = { eventType: 'Battles', subEventType: 'Armed clash' };
  else type = { eventType: 'Violence against civilians', subEventType: 'Attack' };
  return { type, weapons };
}

/** Does this stretch tell a violent act at all (a trigger that is not generic, hypothetical or plural)? */
function trigger(text: string): { kind: 'single' | 'plural'; index: number } | null {
  const res = [DRONE_ACT, EXPLOSION, SHELLING, CLASH, SHOOTING, INCURSION, CROSS_OP, ATTACK, /\b(?:were|was|been)\s+(?:\w+ly\s+)?killed\b|\bdied\b/i];
  let best: { kind: 'single' | 'plural'; index: number } | null = null;
  for (const re of res) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    let m: RegExpExecArray | null;
    while ((m = g.exec(text))) {
      if (IRREALIS.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
      // "the killing of Chinese workers", "condemned the attack": a reference, decided by the caller
      const kind = PLURAL_HEAD.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 12)) && isPluralAt(text, m.index, m[0]) ? 'plural' : 'single';
      if (!best || (best.kind === 'plural' && kind === 'single')) best = { kind, index: m.index };
    }
  }
  return best;
}

function isPluralAt(text: string, index: number, word: string): boolean {
  const around = text.slice(index, index + word.length + 14);
  return /^(?:attacks|incidents|clashes|infiltrations|incursions|strikes|assaults|raids|shootings|explosions)\b/i.test(around) ||
    /^[\w-]+\s+(?:attacks|incidents|clashes|infiltrations|incursions|strikes)\b/i.test(around) ||
    /\b(?:incidents|attacks|clashes|infiltrations|incursions)\b/i.test(text.slice(index, index + word.length + 30)) && /\b(?:two|three|four|several|multiple|recent|the|these|coordinated|most)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(0, index - 30), index));
}

/** Splits "…, when a drone strike hit X, and gunfire targeted Y" into one clause per act of a different kind. */
function clauses(s: Sentence): Excerpt[] {
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
    const a = classify(s.text.slice(cur[0], cur[1]));
    const b = classify(s.text.slice(pieces[i][0], pieces[i][1]));
    const bText = s.text.slice(pieces[i][0], pieces[i][1]);
    const ownVerb = /^(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:hit|struck|targeted|killed|attacked|exploded|opened|fired|wounded)\b/i.test(bText);
    if (a && b && ownVerb && a.type.subEventType !== b.type.subEventType) {
      parts.push(ex(s.text, cur[0], cur[1]));
      cur = pieces[i];
    } else cur = [cur[0], pieces[i][1]];
  }
  parts.push(ex(s.text, cur[0], cur[1]));
  return parts.map((p) => ({ start: s.start + p.start, end: s.start + p.end, text: p.text }));
}

interface Draft {
  order: number;
  pieces: Excerpt[];
  sentences: Sentence[];
  date: (DateMention & { excerpt: Excerpt }) | null;
  paragraph: number;
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
export function detectIncidents(article: Article): { incidents: ArticleIncident[]; aggregates: AggregateClaim[] } {
  const body = article.body;
  const published = article.published;
  const sentences = splitSentences(body);
  const drafts: Draft[] = [];
  const aggregates: AggregateClaim[] = [];
  let ctx: DateContext | undefined;
  let ctxParagraph = -1;
  let prevDraft: Draft | null = null;
  let prevSentence: Sentence | null = null;

  for (const s of sentences) {
    if (s.paragraph !== ctxParagraph) ctx = undefined;
    const dates = findDates(s.text, published, ctx).map((d) => ({ ...d, span: shift(d.span, s.start) }));
    for (const d of dates) if (d.timePrecision === 3) ((ctx = { year: +d.start.slice(0, 4), month: +d.start.slice(5, 7) }), (ctxParagraph = s.paragraph));
    const own = dates.filter((d) => !d.reporting).sort((a, b) => a.timePrecision - b.timePrecision)[0] ?? null;
    const t = trigger(s.text);
    const aggregate = PLURAL_NOUN.test(s.text) && !SINGULAR_NOUN.test(s.text) && !singularVerb(s.text);
    const continues: boolean = !!prevDraft && !!prevSentence && prevSentence.paragraph === s.paragraph && prevDraft.sentences.includes(prevSentence);
    if (!t && !aggregate) {
      // "the victims worked for …", "the drone entered the country from …": facts about an incident told before
      if (PARTICIPANT_REF.test(s.text) && (continues ? prevDraft : drafts[0])) {
        const target: Draft = (continues ? prevDraft : drafts[0])!;
        target.pieces.push(ex(body, s.start, s.end));
        target.sentences.push(s);
        prevDraft = target;
      } else if (!continues) prevDraft = null;
      prevSentence = s;
      continue;
    }
    if (aggregate || t!.kind === 'plural') {
      const tot = sumCasualties([{ text: s.text, start: s.start }]);
      const cm = /\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+)?(?:incidents|attacks|clashes|infiltrations|incursions)\b/i.exec(s.text);
      aggregates.push({ article: article.id, excerpt: ex(body, s.start, s.end), count: cm ? wordCount(cm[1]) : null, date: own, killed: tot.killed, injured: tot.injured, nationalities: [...new Set([...tot.killed?.parts ?? [], ...tot.injured?.parts ?? []].map((p) => p.nationality).filter((n): n is string => !!n))] });
      prevSentence = s;
      continue;
    }
    for (const piece of clauses(s)) {
      if (!classify(piece.text) && !/\b(?:were|was|been)\s+(?:\w+ly\s+)?killed\b|\bdied\b/i.test(piece.text)) continue;
      const date = own ? { ...own, excerpt: ex(body, s.start, s.end) } : null;
      let target: Draft | null = null;
      const background = BACKGROUND.test(piece.text);
      if (date) {
        // the same incident only when told at the same precision ("last week" and "last month" are not one)
        target = background ? null : drafts.find((d) => d.date && d.date.timePrecision === date.timePrecision && overlaps(d.date, date) && sameKind(d, piece)) ?? null;
        // an undated first incident is recent: a dated mention within the week up to publication is the same one
        if (!target && !background && drafts.length && !drafts[0].date && published && overlaps({ start: addDays(published, -7), end: published }, date) && sameKind(drafts[0], piece)) target = drafts[0];
        // the sentence right before told this incident without a date: the date belongs to it
        if (!target && continues && prevDraft && !prevDraft.date && sameKind(prevDraft, piece)) target = prevDraft;
        // "In December, … another armed incident. … late on December 23 …": a day inside the month just told
        if (!target && continues && prevDraft?.date && prevDraft.date.start <= date.start && date.end <= prevDraft.date.end && date.timePrecision < prevDraft.date.timePrecision) target = prevDraft;
        if (!target && !drafts.some((d) => d.date) && drafts.length && DEFINITE.test(piece.text) && !/\b(?:another|earlier|previous|last year|second)\b/i.test(piece.text)) target = drafts[0];
      } else if (continues && prevDraft && !prevDraft.pieces.some((p) => p.start >= s.start && p.end <= s.end)) {
        target = prevDraft;
      } else if (drafts.length && !/\b(?:another|an?\s+(?:earlier|previous|separate|second))\b/i.test(piece.text)) {
        target = drafts[0];
      }
      if (target && target.pieces.some((p) => p.start >= s.start && p.end <= s.end) && clauses(s).length > 1) target = null;
      if (target) {
        target.pieces.push(piece);
        if (!target.sentences.includes(s)) target.sentences.push(s);
        if (date && (!target.date || date.timePrecision < target.date.timePrecision)) target.date = date;
      } else {
        target = { order: drafts.length, pieces: [piece], sentences: [s], date, paragraph: s.paragraph };
        drafts.push(target);
      }
      prevDraft = target;
    }
    prevSentence = s;
  }
  return { incidents: drafts.map((d) => finish(article, d)), aggregates };
}

function shift(e: Excerpt, by: number): Excerpt {
  return { start: e.start + by, end: e.end + by, text: e.text };
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function sameKind(d: Draft, piece: Excerpt): boolean {
  const a = classify(d.pieces.map((p) => p.text).join(' '));
  const b = classify(piece.text);
  if (!a || !b) return true;
  return a.type.subEventType === b.type.subEventType || b.type.subEventType === 'Attack' || a.type.subEventType === 'Attack' || /\b(?:the|this)\b/i.test(piece.text.slice(0, 60));
}

function wordCount(w: string): number {
  const n = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf(w.toLowerCase());
  return n >= 0 ? n : +w;
}

function addDays(s: string, n: number): string {
  const d = new Date(`${s}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function finish(article: Article, d: Draft): ArticleIncident {
  const body = article.body;
  const ranges = d.pieces;
  const text = ranges.map((r) => r.text).join(' ');
  const cls = classify(text) ?? { type: { eventType: 'Violence against civilians', subEventType: 'Attack' }, weapons: [] };
  const weapons: ArticleIncident['weapons'] = [];
  for (const w of cls.weapons) {
    const r = ranges.find((p) => classify(p.text)?.weapons.includes(w)) ?? ranges[0];
    weapons.push({ value: w, excerpt: r });
  }
  const tot = sumCasualties(ranges.map((r) => ({ text: r.text, start: r.start })));
  const victims: ArticleIncident['victims'] = { nationalities: [], employers: [], targets: [] };
  for (const r of ranges) {
    for (const m of r.text.matchAll(/\b(Chinese|Tajik|Afghan|Kyrgyz|Uzbek|Russian|Pakistani|Iranian)\s+(?:[\w-]+\s+){0,2}?(?:citizens?|nationals?|workers?|employees?|engineers?|border\s+guards?|soldiers?|servicem[ae]n|civilians?|m[ae]n|wom[ae]n|villagers?|residents?|labou?rers?|drivers?)\b/g)) {
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
    for (const [re, kind] of TARGETS) {
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
    for (const m of r.text.matchAll(ACTOR)) {
      const lead = m[0].length - m[0].trimStart().length;
      actors.push(ex(body, r.start + m.index! + lead, r.start + m.index! + m[0].length));
    }
  }
  let enteredCountry: string | null = null;
  for (const r of ranges) {
    const m = ENTERED.exec(r.text);
    if (m) enteredCountry = COUNTRY_WORDS.find(([re]) => re.test(m[1] ?? m[2]))?.[1] ?? null;
    if (!enteredCountry && CROSS_OP.test(r.text)) {
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
    excerpts: d.pieces.map((p) => ex(body, p.start, p.end)).filter((p, i, all) => all.findIndex((q) => q.start === p.start) === i).sort((a, b) => a.start - b.start),
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
