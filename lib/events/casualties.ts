import { countryOf } from '../geo/countries';
import { regex, withFlags } from '../cached-regexp';
import type { Excerpt } from '../types';
import { parseQuantity, QUANTITY, type Quantity } from './numbers';
import { VOCABULARY } from './vocabulary';

/** Who the people were, as far as the text says. */
export type Role = 'civilian' | 'security' | 'perpetrator' | 'unknown';

export interface Count extends Quantity {
  /** The words that give the figure, offsets into the text passed in. */
  span: Excerpt;
}

/** One statement that people were killed or injured ("three Chinese employees … were killed"). */
export interface CasualtyMention {
  outcome: 'killed' | 'injured';
  /** null when the victims are named without a number ("The intruders … were killed"): see `anaphoric`. */
  count: Count | null;
  /** The victims' noun phrase. */
  victims: Excerpt;
  role: Role;
  /** ISO 3166-1 alpha-2 of the victims' nationality, when stated. */
  nationality: string | null;
  /** A definite noun phrase without a number, whose figure comes from an earlier mention of the same people. */
  anaphoric: boolean;
  /** The whole clause that says it. */
  clause: Excerpt;
}

/** A numbered group of people named in the text, whatever happened to them ("three armed individuals"). */
export interface Participant {
  count: Count;
  role: Role;
  nationality: string | null;
  noun: Excerpt;
}

const V = VOCABULARY;
/** A count told of the dead or the hurt without saying which: "several members killed or wounded". */
const EITHER_AFTER = /^[^.;:,]{0,50}?\b(?:(?:were|was)\s+)?(?:killed|dead|died)\s+or\s+(?:wounded|injured|hurt)\b|^[^.;:,]{0,50}?\b(?:(?:were|was)\s+)?(?:wounded|injured|hurt)\s+or\s+(?:killed|dead)\b|^\s+(?:dead|killed)\s+or\s+(?:wounded|injured)\b/i;
/** "killing or wounding 10 people", "killed or wounded 10 people". */
const EITHER_BEFORE = /\b(?:killing|killed)\s+or\s+(?:wounding|injuring|wounded|injured)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?$/i;

/** Nationality words for the region's countries and the usual victims' countries (from data/rules/events.json). */
export const DEMONYMS: Record<string, string> = V.demonyms;

const SECURITY = V.victims.security;
const PERPETRATOR = V.victims.perpetrator;
const PERSON_NOUNS = V.victims.person;
const KILLED = V.harm.killed;
const INJURED = V.harm.injured;
// "were killed", "was reportedly killed", "was reported killed", "were confirmed dead", "is believed to have been killed"
const AUX = String.raw`(?:were|was|been|are|is|being|got)\s+(?:\w+ly\s+)?(?:(?:reported|confirmed|believed|feared|said)\s+(?:to\s+(?:have\s+been|be)\s+)?)?`;
const QTY_RE = new RegExp(String.raw`\b(?:${QUANTITY})\b`, 'gi');

function ex(text: string, start: number, end: number): Excerpt {
  return { start, end, text: text.slice(start, end) };
}

export function roleOf(np: string): Role {
  if (PERPETRATOR.test(np)) return 'perpetrator';
  if (SECURITY.test(np)) return 'security';
  // "six Taliban", "three Taliban members": an armed side, never the civilians of the same sentence counted again
  if (V.victims.armedGroup.test(np)) return 'perpetrator';
  // "people", "persons", "individuals": anyone — a total that may cover soldiers, attackers and civilians alike
  const heads = [...np.matchAll(regex('gi')`\\b${PERSON_NOUNS}\\b`)].map((m) => m[0]);
  if (heads.length && heads.every((h) => V.victims.generic.test(h)) && !/\b(?:civilians?|unarmed|innocent)\b/i.test(np)) return 'unknown';
  if (regex('i')`\\b${PERSON_NOUNS}\\b`.test(np)) return 'civilian';
  return 'unknown';
}

export function nationalityOf(np: string): string | null {
  const m = V.demonym.exec(np);
  if (m) return DEMONYMS[m[1].toLowerCase()];
  // "three citizens of Tajikistan", "nationals of the Kyrgyz Republic": the country by its name (lib/geo/countries)
  const of = /\b(?:citizens?|nationals?|subjects?)\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+Republic)?)/.exec(np);
  return of ? countryOf(of[1]) : null;
}

/** Spans that are not head counts: dates ("November 26"), years, measures ("420-kilometer"). */
const MONTH_WORD = String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])`;

function notACount(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 14);
  const word = text.slice(start, end);
  if (/^\d/.test(word)) {
    if (regex('i')`${MONTH_WORD}\\.?\\s+$`.test(before)) return true;
    // (a month's name, not the start of a longer word: "12 martyrs", "3 decades")
    if (regex('i')`^\\s*(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH_WORD}`.test(after)) return true;
    if (/^(?:19|20)\d{2}$/.test(word)) return true;
  }
  return /^(?:-|\s*(?:%|per\s*cent|percent|km|kilomet|metres?|meters?|miles?|hours?|days?|weeks?|months?|years?|minutes?|o'clock|a\.m|p\.m))/i.test(after);
}

interface QtyHit {
  start: number;
  end: number;
  q: Quantity;
}

function quantities(text: string): QtyHit[] {
  const out: QtyHit[] = [];
  QTY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QTY_RE.exec(text))) {
    const q = parseQuantity(m[0]);
    if (!q || m[0].length === 0) continue;
    // "no one was hurt", "no two …": a negation, not a figure (see zeroCasualties)
    if (/\bno\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (notACount(text, m.index, m.index + m[0].length)) continue;
    // "a"/"an"/"another" count people only when a person noun follows within three words ("a 27-year-old Kyrgyz border guard")
    if (/^(?:an?|another)$/i.test(m[0]) && !regex('i')`^\\s+(?:[\\w’'-]+\\s+){0,3}${PERSON_NOUNS}\\b`.test(text.slice(m.index + m[0].length))) {
      if (!/^another$/i.test(m[0])) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, q });
  }
  return out;
}

/** The end of the noun phrase headed by a quantity: up to the first person noun within four words. */
function headNoun(text: string, qEnd: number): { end: number; noun: string } | null {
  // the whole run of person nouns: "four Taliban forces", not "four Taliban"
  const m = regex('i')`^\\s+((?:[\\w’'-]+\\s+){0,4}?${PERSON_NOUNS}(?:\\s+${PERSON_NOUNS})*)\\b`.exec(text.slice(qEnd));
  return m ? { end: qEnd + m[0].length, noun: m[1] } : null;
}

// (a subordinating word starts another clause: "dozens held a rally after a man was killed" — the dozens were not)
const CLAUSE_STOP = /[;:!?]|—|\s--\s|\.\s|\s(?:after|before|when|while|because|as|since|until)\s/;

/**
 * Every statement of people killed or injured in one sentence, with the figure as the text gives it
 * (see {@link parseQuantity}) and who the victims were. Patterns, each anchored on a verb or noun of harm:
 * - subject before the verb: "three Chinese employees of … Shohin SM were killed", "Two Tajik border guards
 *   also died", "The intruders, who refused to surrender, were killed" (no number: `anaphoric`);
 * - object after the verb: "killing three Chinese workers", "to kill two suspected drug smugglers",
 *   "injuring five others";
 * - an elided second figure: "were killed and two wounded", "killed and another injured";
 * - nouns: "five deaths and five injuries", "more than a dozen deaths", "the killings of the three workers".
 * A breakdown after "including" ("injuring five others, including four Chinese nationals and one Tajik man")
 * is not counted again.
 *
 * @example
 * findCasualties('Two Tajik border guards also died in the clash.')
 * // [{ outcome: 'killed', count: { value: 2, vague: false, span: { start: 0, end: 3, text: 'Two' } }, role: 'security', nationality: 'TJ', ... }]
 */
export function findCasualties(text: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  const qs = quantities(text);
  // (up to the end of the clause: "at least 15 dead, including one woman, and more than 60 wounded" keeps the 60)
  const including = regex('gi')`\\b(?:including|among\\s+them|of\\s+whom)\\s+(?:${QUANTITY})\\s[^;.]*?(?=,\\s*and\\s|[;.]|$)`;
  const masked: Array<[number, number]> = [];
  let im: RegExpExecArray | null;
  while ((im = including.exec(text))) masked.push([im.index, im.index + im[0].length]);
  const isMasked = (i: number) => masked.some(([a, b]) => i >= a && i < b);
  const taken = new Set<number>();
  const add = (outcome: 'killed' | 'injured', q: QtyHit | null, victims: Excerpt, clause: Excerpt, anaphoric = false) => {
    // "several members killed or wounded", "killing or wounding 10 people": how many of each is not said
    if (q && (EITHER_AFTER.test(text.slice(q.end, q.end + 60)) || EITHER_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start)))) return;
    if (q) {
      if (taken.has(q.start * 2 + (outcome === 'killed' ? 0 : 1))) return;
      taken.add(q.start * 2 + (outcome === 'killed' ? 0 : 1));
    }
    out.push({
      outcome,
      count: q ? { value: q.q.value, vague: q.q.vague, span: ex(text, q.start, q.end) } : null,
      victims,
      role: roleOf(q ? (text.slice(victims.start, q.start) + text.slice(q.end, victims.end)) : victims.text),
      nationality: nationalityOf(victims.text) ?? nationalityOf(text.slice(victims.end, victims.end + 40).split(/[,;]/)[1] ?? ''),
      anaphoric,
      clause,
    });
  };

  // 1. subject before the verb
  const verbRe = regex('gi')`\\b(?:${AUX})(?:also\\s+|reportedly\\s+)?(?:(${KILLED})|(${INJURED}))\\b|\\b(?:also\\s+|reportedly\\s+)?(died|perished|lost\\s+their\\s+lives|were\\s+dead)\\b`;
  let vm: RegExpExecArray | null;
  while ((vm = verbRe.exec(text))) {
    const outcome = vm[2] ? 'injured' : 'killed';
    // the clause before the verb, back to a clause boundary
    let from = 0;
    const left = text.slice(0, vm.index);
    const stops = [...left.matchAll(withFlags(CLAUSE_STOP, 'g'))];
    if (stops.length) from = stops[stops.length - 1].index! + stops[stops.length - 1][0].length;
    const candidates = qs.filter((q) => q.start >= from && q.end <= vm!.index && !isMasked(q.start));
    // the nearest quantity that heads a noun phrase of people, or stands alone right before the verb
    let subject: QtyHit | null = null;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const q = candidates[i];
      const head = headNoun(text, q.end);
      const gap = text.slice(q.end, vm.index);
      if (head || /^\s*(?:of\s+(?:them|whom)\s*)?(?:having\s+)?,?\s*$/.test(gap) || /^\s+(?:others|more)\b/.test(gap)) {
        subject = q;
        break;
      }
    }
    const clause = ex(text, from, vm.index + vm[0].length);
    if (subject) {
      if (/\b(?:killing|killed|kill|wounding|injuring)\s*$/i.test(text.slice(from, subject.start))) continue; // an object, see 2.
      // "14 security forces and one civilian were killed": every conjoined group before the verb
      const conj: QtyHit[] = [];
      let first = subject;
      for (let i = candidates.indexOf(subject) - 1; i >= 0; i--) {
        const h = headNoun(text, candidates[i].end);
        if (!h || !/^\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(text.slice(h.end, first.start))) break;
        conj.push(candidates[i]);
        first = candidates[i];
      }
      for (const q of conj.reverse()) add(outcome, q, trimEx(text, q.start, headNoun(text, q.end)!.end), clause);
      add(outcome, subject, ex(text, subject.start, vm.index).text.trim() ? trimEx(text, subject.start, vm.index) : ex(text, subject.start, subject.end), clause);
    } else {
      // "The intruders, who refused to surrender, were killed": a definite noun phrase without a figure
      // ("A suspected suicide bomber died": one person, told without a figure)
      const def = regex('i')`\\b(?:the|these|those|both|an?)\\s+((?:[\\w’'-]+\\s+){0,3}?${PERSON_NOUNS})\\b`.exec(text.slice(from, vm.index));
      // "29-year-old Gulbiddin Ziyobekov was killed": one person named right before a singular "was" is one victim
      const named = /^was\b/i.test(vm[0]) ? /(?:^|[^\w’'-])((?:\d+-year-old\s+)?(?:[A-Z][\w’'-]+\s+){1,4}[A-Z][\w’'-]+),?\s*$/.exec(text.slice(from, vm.index)) : null;
      // (the name right before the verb is its subject: "the Taliban's police chief in Badakhshan, Mawlawi X, was killed")
      const person = named && !/\b(?:Taliban|Tajik|Afghan|Kyrgyz|Uzbek|Chinese|Russian|Pakistani)\b/.test(named[1]);
      // ("a number of people were killed" is no one person: "a" or "an" only before one person)
      if (def && !person && (!/^an?\s/i.test(def[0]) || singularPerson(def[0]))) {
        const s = from + def.index;
        add(outcome, null, trimEx(text, s, s + def[0].length), clause, true);
      } else if (named && person) {
        const start = from + named.index + named[0].indexOf(named[1]);
        add(outcome, { start, end: start + named[1].length, q: { value: 1, vague: false } }, ex(text, start, start + named[1].length), clause);
        // "… was killed along with two other members of the group": the others too
        const along = regex('i')`^\\s+along\\s+with\\s+(${QUANTITY})\\s+(?:other|others|more)\\b`.exec(text.slice(vm.index + vm[0].length));
        const qStart = along ? vm.index + vm[0].length + along[0].indexOf(along[1]) : -1;
        const q = along ? qs.find((x) => x.start === qStart) : undefined;
        if (q) add(outcome, q, ex(text, q.start, vm.index + vm[0].length + along![0].length), clause);
      }
    }
    // 3. elided second figure: "… were killed and two wounded", "… killed and another injured"
    const tail = regex('i')`^\\s*,?\\s+and\\s+(${QUANTITY})\\s+(?:(?:others?|more)\\s+)?(?:were\\s+|was\\s+)?(?:(${KILLED})|(${INJURED}))\\b`.exec(text.slice(vm.index + vm[0].length));
    if (tail) {
      const qs2 = vm.index + vm[0].length + tail[0].indexOf(tail[1], tail[0].search(/and\s/i) + 3);
      const q = parseQuantity(tail[1]);
      if (q) {
        const victimsNp = subject ? trimEx(text, subject.start, vm.index) : ex(text, qs2, qs2 + tail[1].length);
        const c = ex(text, vm.index, vm.index + vm[0].length + tail[0].length);
        add(tail[3] ? 'injured' : 'killed', { start: qs2, end: qs2 + tail[1].length, q }, victimsNp, c);
      }
    }
  }

  // 2. object after an active verb: "killing three Chinese workers", "to kill two smugglers", "killing all five"
  const activeRe = regex('gi')`\\b(?:(kill(?:ing|ed|s)?|shot\\s+dead|shooting\\s+dead|claim(?:ing|ed)\\s+the\\s+lives\\s+of)|(wound(?:ing|ed|s)?|injur(?:ing|ed|es|e)))\\s+(?:all\\s+)?(${QUANTITY})\\b`;
  let am: RegExpExecArray | null;
  while ((am = activeRe.exec(text))) {
    const qStart = am.index + am[0].length - am[3].length;
    const q = qs.find((x) => x.start === qStart);
    if (!q || isMasked(qStart)) continue;
    // "were killed two days ago": a passive verb followed by a time, not an object
    if (/\b(?:were|was|been|are|is)\s+$/i.test(text.slice(Math.max(0, am.index - 12), am.index))) continue;
    const head = headNoun(text, q.end);
    // no head noun: still an object when the figure stands alone ("killed dozens and wounded hundreds")
    if (!head && !/^\s*(?:of\s+)?(?:them|people|others)/i.test(text.slice(q.end)) && !/^\s*(?:[,.;]|and\b|$)/.test(text.slice(q.end))) continue;
    const npEnd = head ? head.end : q.end;
    add(am[1] ? 'killed' : 'injured', q, trimEx(text, q.start, extendNp(text, npEnd)), ex(text, am.index, npEnd));
  }

  // 4. nouns of harm: "five deaths and five injuries", "more than a dozen deaths", "six bodies", "killings of the three workers"
  const nounRe = regex('gi')`\\b(${QUANTITY})\\s+(?:(?!and\\b|or\\b|were\\b|was\\b)[\\w-]+\\s+)?(?:(deaths|fatalities|dead|bodies|corpses|martyrs)|(injuries|injured|wounded))\\b`;
  let nm: RegExpExecArray | null;
  while ((nm = nounRe.exec(text))) {
    const q = qs.find((x) => x.start === nm!.index);
    if (!q || isMasked(q.start)) continue;
    add(nm[2] ? 'killed' : 'injured', q, ex(text, nm.index, nm.index + nm[0].length), ex(text, nm.index, nm.index + nm[0].length));
  }
  // "leaving one Tajik border guard dead and three Kyrgyz servicemen wounded", "Kyrgyzstan reported one civilian killed",
  // "left three security forces and three local police officers killed": each counted group of a list before the participle
  const GROUP = `(?:${QUANTITY})\\s+(?:[\\w’'-]+\\s+){0,4}?${PERSON_NOUNS}`;
  const LIST = `${GROUP}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)${GROUP})*`;
  const leftRe = regex('gi')`\\b(?:leaving|left|leave|leaves|reported|reports|confirmed|confirms|counted|recorded)\\s+(${LIST})\\s+(?:(dead|killed)|(wounded|injured|hurt))\\b(?:\\s+and\\s+(${LIST})\\s+(?:(dead|killed)|(wounded|injured|hurt))\\b)?`;
  const groupsIn = (from: number, to: number) => qs.filter((q) => q.start >= from && q.end <= to && headNoun(text, q.end) && headNoun(text, q.end)!.end <= to);
  while ((nm = leftRe.exec(text))) {
    const clause = ex(text, nm.index, nm.index + nm[0].length);
    const first = nm.index + nm[0].indexOf(nm[1]);
    for (const q of groupsIn(first, first + nm[1].length)) add(nm[2] ? 'killed' : 'injured', q, trimEx(text, q.start, headNoun(text, q.end)!.end), clause);
    if (nm[4]) {
      const second = nm.index + nm[0].lastIndexOf(nm[4]);
      for (const q of groupsIn(second, second + nm[4].length)) add(nm[5] ? 'killed' : 'injured', q, trimEx(text, q.start, headNoun(text, q.end)!.end), clause);
    }
  }
  // telegraphic, as agencies and headlines write: "more than four security forces killed and four others wounded",
  // "Two soldiers killed in blast" — a counted group right before a bare participle that has no object after it
  const bareRe = regex('gi')`\\b(${QUANTITY})\\s+((?:[\\w’'-]+\\s+){0,3}?${PERSON_NOUNS})\\s+(?:(killed|dead)|(wounded|injured|hurt))\\b(?!\\s+(?:${QUANTITY}|the|a|an|his|her|their|him|them|it|by)\\b)`;
  while ((nm = bareRe.exec(text))) {
    const q = qs.find((x) => x.start === nm!.index);
    if (!q || isMasked(q.start)) continue;
    // "the two men killed in the raid were …": a noun phrase that is the subject of a later verb is left to rule 1
    if (/\b(?:the|these|those)\s+$/i.test(text.slice(Math.max(0, nm.index - 8), nm.index))) continue;
    add(nm[3] ? 'killed' : 'injured', q, ex(text, nm.index, nm.index + nm[1].length + 1 + nm[2].length), ex(text, nm.index, nm.index + nm[0].length));
  }
  const ofRe = regex('gi')`\\b(?:killings?|deaths?|murders?|bodies|corpses|remains)\\s+of\\s+(?:the\\s+|all\\s+)?(${QUANTITY})\\b`;
  while ((nm = ofRe.exec(text))) {
    const qStart = nm.index + nm[0].length - nm[1].length;
    const q = qs.find((x) => x.start === qStart);
    if (!q || !headNoun(text, q.end)) continue;
    const npEnd = headNoun(text, q.end)!.end;
    add('killed', q, trimEx(text, q.start, extendNp(text, npEnd)), ex(text, nm.index, npEnd));
  }
  // 6. victims named rather than counted: "killing Nisar Ahmad Ahmadi and his driver" (2), "killing the police
  //    chief X along with two others" (3), "killed Abdul Basit, 23, a local farmer" (1)
  //    — also as a noun: "the killing of the governor of Balkh province" (1), "the assassination of X" (1)
  const namedRe = /\b(?:(?:killing|assassination|murder)\s+of|kill(?:ing|ed|s)?|assassinat(?:ed|ing|es)|shot\s+dead|shooting\s+dead)\s+(?=[A-Z]|(?:the|his|her|their|its)\s)/g;
  while ((nm = namedRe.exec(text))) {
    const noun = /\s+of$/i.test(nm[0].trimEnd());
    if (!noun && /\b(?:were|was|been|are|is|being|the)\s+$/i.test(text.slice(Math.max(0, nm.index - 8), nm.index))) continue;
    const from = nm.index + nm[0].length;
    const stop = /[;.:!?(]|,?\s+(?:and\s+)?(?:wounding|injuring|wounded|injured|leaving)\b|,\s+(?:while|as|when|after|before|who|which|according|said|officials|must|should|will|would|could|can|was|were|is|are|has|have|had)\b|\s+(?:in|at|on|near|during|when|while|after|before|as|by|inside|outside|from|for|who|which|that|whose|last|this|yesterday|today|early|late)\s/.exec(text.slice(from));
    const object = text.slice(from, from + (stop ? stop.index : text.length - from));
    const n = namedCount(object);
    if (!n) continue;
    add('killed', { start: from, end: from + object.length, q: { value: n, vague: false } }, trimEx(text, from, from + object.length), ex(text, nm.index, from + object.length));
  }
  // 5. inverted: "Killed in the shootout were the commander of the unit, Colonel X, and three trespassers"
  const inv = regex('i')`^\\s*(?:(${KILLED})|(${INJURED}))\\b[^.;]*?\\b(?:were|was)\\s+([^.;]+?)(?=,?\\s+while\\b|[.;]|$)`.exec(text);
  if (inv) {
    const listStart = inv.index + inv[0].length - inv[3].length;
    const clause = ex(text, inv.index, inv.index + inv[0].length);
    let prevDefinite = false;
    for (const part of inv[3].matchAll(/[^,]+?(?=,\s*(?:and\s+)?|\s+and\s+|$)/g)) {
      const raw = part[0].replace(/^\s*(?:and\s+)?/, '');
      const at = listStart + part.index! + part[0].length - raw.length;
      const q = qs.find((x) => x.start === at);
      if (q && headNoun(text, q.end)) {
        add(inv[1] ? 'killed' : 'injured', q, trimEx(text, at, headNoun(text, q.end)!.end), clause);
        prevDefinite = false;
      } else if (/^(?:the|a|an|his|her|their)\s+/i.test(raw) && regex('i')`\\b${PERSON_NOUNS}\\b|\\b${SECURITY.source}`.test(raw)) {
        // one person named by role; a name right after it ("…, Colonel X,") is the same person
        add(inv[1] ? 'killed' : 'injured', { start: at, end: at + raw.split(/\s/)[0].length, q: { value: 1, vague: false } }, trimEx(text, at, at + raw.length), clause);
        prevDefinite = true;
      } else if (/^[A-Z]/.test(raw) && !prevDefinite) {
        add(inv[1] ? 'killed' : 'injured', { start: at, end: at + raw.length, q: { value: 1, vague: false } }, trimEx(text, at, at + raw.length), clause);
      } else prevDefinite = false;
    }
  }
  out.push(...zeroCasualties(text));
  // 7. a communiqué's list of the dead by name and year of birth: "ended with the neutralization … of members of
  //    the group: Surname Name Patronymic, born in 1974, resident of X; …" — one person per "born in"
  const listRe = /\b(?:neutrali[sz](?:ed|ation)|liquidat(?:ed|ion)|eliminat(?:ed|ion)|killed|killing|deaths?\s+of)\b[^.:;]*:\s*([^.]+)/gi;
  while ((nm = listRe.exec(text))) {
    const born = [...nm[1].matchAll(/\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3},\s+born\s+in\s+(?:19|20)\d{2}\b/g)];
    if (born.length < 2) continue;
    const from = nm.index + nm[0].length - nm[1].length;
    add('killed', { start: from, end: from + nm[1].length, q: { value: born.length, vague: false } }, ex(text, from, from + nm[1].length), ex(text, nm.index, nm.index + nm[0].length));
  }
  // "The bomber died …, although local media said one other person also died": a further victim another source
  // claims is that source's higher count, not an addition (ACLED keeps the lowest figure)
  const alt = /\b(?:although|though|but|whereas|while)\s+(?:[\w’'-]+\s+){0,4}?(?:said|says|reported|claimed|put|told)\b/i.exec(text);
  const kept = alt ? out.filter((m) => (m.count?.span.start ?? m.victims.start) < alt.index || !/\b(?:also|other|another|more|further)\b/i.test(text.slice(alt.index, m.clause.end))) : out;
  return kept.sort((a, b) => a.clause.start - b.clause.start);
}

const ZERO_PEOPLE = String.raw`(?:no\s+one(?:\s+else)?|nobody(?:\s+else)?|none(?:\s+of\s+(?:them|the\s+[\w-]+))?|no\s+(?:[\w-]+\s+)?(?:people|persons|civilians|residents|soldiers|servicemen|guards|personnel|casualties|victims|lives))`;
/** "no one was hurt", "nobody was killed or injured", "there were no casualties", "without casualties", "no deaths". */
const ZERO_RES: Array<{ re: RegExp; outcomes: (m: RegExpExecArray) => Array<'killed' | 'injured'> }> = [
  {
    re: new RegExp(String.raw`\b${ZERO_PEOPLE}\s+(?:\w+\s+){0,2}?(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:\w+ly\s+)?(?:(${KILLED})|(${INJURED}))(?:\s*(?:,|or|and|nor)\s*(?:(${KILLED})|(${INJURED})))?\b`, 'gi'),
    outcomes: (m) => [m[1] || m[3] ? 'killed' : null, m[2] || m[4] ? 'injured' : null].filter((x): x is 'killed' | 'injured' => !!x),
  },
  { re: new RegExp(String.raw`\b${ZERO_PEOPLE}\s+(?:\w+\s+)?(?:died|perished|lost\s+(?:their|his|her)\s+li(?:fe|ves))\b`, 'gi'), outcomes: () => ['killed'] },
  {
    re: /\b(?:(?:there\s+(?:were|was|have\s+been|had\s+been)\s+)?no\s+(?:reports?\s+of\s+)?(?:immediate\s+)?(?:human\s+)?(casualties|victims|(?:human\s+)?losses\s+among\s+\w+|deaths|fatalities|injuries)|without\s+(?:any\s+)?(casualties|victims|loss\s+of\s+life|injuries))\b(?!\s+(?:on|among)\s+(?:the\s+)?(?:\w+\s+)?(?:side|attackers|militants))/gi,
    outcomes: (m) => (/deaths|fatalities|loss\s+of\s+life/i.test(m[1] ?? m[2]) ? ['killed'] : /injuries/i.test(m[1] ?? m[2]) ? ['injured'] : ['killed', 'injured']),
  },
];

/**
 * Statements that nobody was killed or hurt: a count of zero, which is a fact ("no casualties were reported"),
 * different from a figure the text does not give.
 */
function zeroCasualties(text: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  for (const { re, outcomes } of ZERO_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const span = ex(text, m.index, m.index + m[0].length);
      for (const outcome of outcomes(m)) {
        if (out.some((o) => o.outcome === outcome && o.clause.start < span.end && span.start < o.clause.end)) continue;
        out.push({ outcome, count: { value: 0, vague: false, span }, victims: span, role: 'unknown', nationality: null, anaphoric: false, clause: span });
      }
    }
  }
  return out;
}

const NAME = /^(?:[A-Z][\w’'-]+\s+){1,4}[A-Z][\w’'-]+$/;
const ONE_BY_ROLE = new RegExp(String.raw`^(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Aa]n?|[A-Z][\w’'-]+[’']s)\s+(?:[\w’'-]+\s+){0,4}?${V.victims.role}(?:\s+[A-Z][\w’'-]+)*(?:\s+of\s+.+)?$`);

/**
 * How many people an object names without counting them ("Nisar Ahmad Ahmadi and his driver" = 2,
 * "the police chief X along with two others" = 3), or 0 when any part is not a person. A name is two or more
 * capitalised words that are not a nationality; an appositive after a name (", 23, a local farmer") is the
 * same person.
 */
function namedCount(object: string): number {
  let n = 0;
  for (const part of object.trim().split(/\s*,?\s+and\s+|\s+along\s+with\s+|\s+together\s+with\s+|\s+as\s+well\s+as\s+/)) {
    let prevName = false;
    let prevRole = false;
    for (const piece of part.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean)) {
      const q = regex('i')`^(${QUANTITY})\\b`.exec(piece);
      if (q && /^\d+$/.test(piece) && prevName) continue; // an age
      if (q && !/^an?$/i.test(q[1]) && headNoun(piece, q[0].length)) {
        n += parseQuantity(q[1])?.value ?? 0;
        prevName = prevRole = false;
      } else if (NAME.test(piece) && !piece.split(/\s+/).some((w) => V.demonym.test(w) && w.length <= 12 && DEMONYMS[w.toLowerCase()])) {
        // "the provincial governor, Daud Muzmal": the name of the person just named by role
        if (!prevRole) n += 1;
        prevName = true;
        prevRole = false;
      } else if (ONE_BY_ROLE.test(piece)) {
        if (!(prevName && /^(?:a|an|the)\s/i.test(piece))) n += 1;
        prevRole = !prevName && /^(?:the|his|her|their|its)\s/i.test(piece);
        prevName = true;
      } else return 0;
    }
  }
  return n;
}

/** An object noun phrase goes on through "of …", "from …", "working for …" up to a comma or a verb. */
function extendNp(text: string, end: number): number {
  const m = /^(?:\s+(?:of|from|working\s+(?:for|at|on)|employed\s+by)\s+[^,;.]*?)(?=\s+and\s+(?:injur|wound|kill)|[,;.]|$)/i.exec(text.slice(end));
  return m ? end + m[0].length : end;
}

function trimEx(text: string, start: number, end: number): Excerpt {
  let s = start;
  let e = end;
  for (;;) {
    while (e > s && /[\s,]/.test(text[e - 1])) e--;
    const aux = /\s(?:have|has|had|who|which|that)$/i.exec(text.slice(s, e));
    if (!aux) break;
    e -= aux[0].length;
  }
  while (s < e && /\s/.test(text[s])) s++;
  return ex(text, s, e);
}

/**
 * Every numbered group of people in one sentence ("three armed individuals", "two Chinese nationals"),
 * whatever happened to them: the antecedents a later "the intruders were killed" takes its figure from.
 *
 * @example
 * findParticipants('three armed individuals crossed into Tajik territory')[0].role // 'perpetrator'
 */
export function findParticipants(text: string): Participant[] {
  const out: Participant[] = [];
  for (const q of quantities(text)) {
    const head = headNoun(text, q.end);
    if (!head) continue;
    const np = text.slice(q.start, head.end);
    out.push({ count: { ...q.q, span: ex(text, q.start, q.end) }, role: roleOf(np), nationality: nationalityOf(np), noun: ex(text, q.start, head.end) });
  }
  return out;
}

/** Words saying a toll has grown since it was first told. */
const TOLL_UPDATE = /\b(?:rose|risen|rises|rising|climbed|grown|grew|increased|jumped|reached|now\s+(?:stands|stood|is)|has\s+(?:risen|grown|climbed)|updated|latest|total)\b/i;

/** A stretch of text given to {@link sumCasualties}: its text and where it starts in the article body. */
export interface Segment {
  text: string;
  start: number;
}

export interface Total {
  value: number;
  vague: boolean;
  /** The figures that were added up, offsets into the body. */
  parts: Array<Count & { role: Role; nationality: string | null }>;
}

function compatible(a: { role: Role; nationality: string | null }, b: { role: Role; nationality: string | null }): boolean {
  const roleOk = a.role === b.role || a.role === 'unknown' || b.role === 'unknown';
  const natOk = a.nationality === null || b.nationality === null || a.nationality === b.nationality;
  return roleOk && natOk;
}

/**
 * Killed and injured for one incident told over several sentences. A victim phrase without a figure
 * ("The intruders … were killed") takes the figure of the latest numbered group of the same kind of people
 * ("three armed individuals"). Different groups add up ("three … intruders were killed" + "Two Tajik border
 * guards also died" = 5); the same group told twice ("Three Chinese citizens … killed", "three employees …,
 * all Chinese citizens, were killed") counts once, the exact figure winning over a vague one. Groups are the
 * same when their roles (civilian, security force, perpetrator) and nationalities do not conflict. null when
 * the text gives no figure.
 *
 * @example
 * sumCasualties([{ text: 'Three armed men crossed. The intruders were killed. Two guards also died.', start: 0 }]).killed?.value // 5
 */
export function sumCasualties(segments: Array<Segment | string>): { killed: Total | null; injured: Total | null } {
  const participants: Array<Participant & { at: number }> = [];
  const groups: Record<'killed' | 'injured', Total['parts']> = { killed: [], injured: [] };
  const covered = new Map<Total['parts'][number], number>();
  const shift = (e: Excerpt, by: number): Excerpt => ({ start: e.start + by, end: e.end + by, text: e.text });
  for (const seg of segments) {
    const { text, start } = typeof seg === 'string' ? { text: seg, start: 0 } : seg;
    for (const sentence of splitPlain(text)) {
      const mentions = findCasualties(sentence.text);
      for (const m of mentions) {
        let count: Count | null = m.count ? { ...m.count, span: shift(m.count.span, start + sentence.start) } : null;
        let who = { role: m.role, nationality: m.nationality };
        if (!count && m.anaphoric) {
          const at = start + sentence.start + m.victims.start;
          const ante = [...participants].reverse().find((p) => p.at < at && p.role === m.role && compatible(p, m));
          // "the attacker … died", "a suspected bomber died" with nobody counted before: one person
          if (!ante) {
            if (!singularPerson(m.victims.text)) continue;
            count = { value: 1, vague: false, span: shift(m.victims, start + sentence.start) };
          } else {
            count = ante.count;
            who = { role: ante.role, nationality: ante.nationality ?? m.nationality };
          }
        }
        if (!count) continue;
        const list = groups[m.outcome];
        // "others", "another", "more" (next to a group of the same harm told in the same sentence), "also": a further group, never the same one told again
        const here = (g: Total['parts'][number]) => g.span.start >= start + sentence.start && g.span.end <= start + sentence.end;
        // ("… a border policeman … was also killed" after a sentence that counted that policeman: the same one told again)
        const toldBefore = list.some((g) => !here(g) && g.value === count!.value && g.role === who.role && g.role !== 'unknown' && g.nationality === who.nationality);
        const further = (/\b(?:others?|another|more)\b/i.test(m.victims.text) && (list.some(here) || !list.length)) || /^another\b/i.test(m.victims.text) && !!m.count && /^another$/i.test(m.count.span.text) || (/\balso\b/i.test(m.clause.text) && !toldBefore);
        // (that same group told again adds nothing and changes nothing)
        if (toldBefore && /\balso\b/i.test(m.clause.text)) continue;
        const part = { ...count, ...who };
        // "five people were killed": a total; the groups told so far that it covers are its parts, not added to it
        // ("Kabul's hospital, however, said it had received 5 bodies": another account of the same dead, not a total)
        const otherAccount = /\b(?:however|but|other sources|according to (?:other|some))\b/i.test(sentence.text);
        // (parts: groups of particular people, or several; one unnamed group counted again is another account of it)
        // (one person told by name or office — "killed the governor of Balkh" — is a part of a larger count told later:
        // "Two people, including the governor, were killed" is two, not a second account of one)
        const onePerson = (g: Total['parts'][number]) => g.value === 1 && !/^(?:\d|(?:one|a|an|another|single)\b)/i.test(g.span.text);
        const parts = list.length > 1 || (list.length === 1 && (list[0].role !== 'unknown' || onePerson(list[0])));
        if (!further && !otherAccount && who.role === 'unknown' && parts && list.reduce((s, g) => s + g.value, 0) <= part.value) {
          list.splice(0, list.length, part);
          continue;
        }
        // a part told after its total ("… two border guards … three of the intruders") is counted in it
        const total = list.find((g) => g.role === 'unknown' && (covered.get(g) ?? 0) + part.value <= g.value);
        if (total && who.role !== 'unknown' && !/\b(?:more|another|additional|further)\b/i.test(m.victims.text)) {
          covered.set(total, (covered.get(total) ?? 0) + part.value);
          continue;
        }
        // two counted groups in one sentence ("13 militiamen and a border policeman were killed") are different people
        const same = further ? -1 : list.findIndex((g) => compatible(g, who) && !here(g));
        if (same < 0) list.push(part);
        else {
          const g = list[same];
          // the same people counted again: an update ("rose to", "now stands at") replaces the figure; another account of
          // them is a disagreement, and the lowest figure stands (ACLED's rule), the exact one over a vague one; one person
          // told after a group ("a 26-year-old serviceman … died") is one of them, not a second count
          const update = TOLL_UPDATE.test(m.clause.text);
          if ((g.vague && !part.vague) || (g.vague === part.vague && (update ? part.value !== g.value : !here(g) ? part.value < g.value && part.value > 1 : part.value > g.value))) list[same] = { ...part, nationality: part.nationality ?? g.nationality };
        }
      }
      for (const p of findParticipants(sentence.text)) {
        participants.push({ ...p, count: { ...p.count, span: shift(p.count.span, start + sentence.start) }, at: start + sentence.start + p.noun.start });
      }
    }
  }
  const total = (parts: Total['parts']): Total | null =>
    parts.length ? { value: parts.reduce((s, p) => s + p.value, 0), vague: parts.some((p) => p.vague), parts } : null;
  return { killed: total(groups.killed), injured: total(groups.injured) };
}

/** Words for people that are plural without an -s, or collective. */
const PLURAL_HEADS = /^(?:men|women|people|children|police|personnel|staff|crew|Taliban|troops|forces|militia|others|more)$/i;

/** "a suspected suicide bomber", "the attacker": a noun phrase of one person (its head noun singular). */
function singularPerson(np: string): boolean {
  if (!/^\s*(?:the|an?)\s/i.test(np)) return false;
  const heads = [...np.matchAll(regex('gi')`\\b${PERSON_NOUNS}\\b`)].map((m) => m[0]);
  const head = heads[heads.length - 1];
  return !!head && !PLURAL_HEADS.test(head) && !/s$/i.test(head);
}

/** Sentences of a short text, for {@link sumCasualties} (the incident code passes single sentences). */
function splitPlain(text: string): Excerpt[] {
  const out: Excerpt[] = [];
  const re = /[^.!?]+(?:[.!?]+[”"’)]*|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}
