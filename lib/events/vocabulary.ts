import { QUANTITY } from './numbers';
import rules from '../../data/rules/events.json';
import type { AcledType } from './incidents';

/** The event vocabulary as stored in `data/rules/events.json`. */
export type EventRules = typeof rules;

/** Weapon kinds, in the order their ACLED type wins when a text names several (a drone strike that also fired guns is a drone strike). */
export const WEAPON_KINDS = ['drone', 'suicide', 'artillery', 'explosive', 'grenade', 'firearms', 'cold'] as const;
export type WeaponKind = (typeof WEAPON_KINDS)[number];

/** The vocabulary compiled to regular expressions, once. Every `RegExp` here is case-insensitive and not global. */
export interface Vocabulary {
  rules: EventRules;
  acled: Record<keyof EventRules['acled'], AcledType>;
  triggers: Record<keyof EventRules['triggers'], RegExp>;
  weapons: Record<WeaponKind, RegExp>;
  /** "found … rifles", "seized grenades": the weapons after these words were not used. */
  seizure: RegExp;
  protest: RegExp;
  pluralNoun: RegExp;
  singularNoun: RegExp;
  /** "one of these clashes", "in one of the attacks": a single incident picked out of a plural. */
  oneOf: RegExp;
  singularVerb: RegExp;
  /** A plural head with its quantifier: "the coordinated attacks", "two incidents". */
  pluralHead: RegExp;
  pluralQuantifier: string;
  pluralEventVerb: RegExp;
  pluralEventNoun: RegExp;
  pluralEventPeriod: RegExp;
  /** "the clashes", "these firefights": a plural of fighting that refers back. */
  thePlural: RegExp;
  /** "two clashes", "several attacks", "a series of blasts": counted, so several; the count in group 1. */
  countedPlural: RegExp;
  irrealis: RegExp;
  /** An accident told ("a truck ran into the post", "the vehicle overturned"): deaths in it are no attack. */
  accident: RegExp;
  background: RegExp;
  separate: RegExp;
  /** "previously", "last year": an incident told as earlier than the news. */
  earlier: RegExp;
  definite: RegExp;
  participantRef: RegExp;
  securityOperation: RegExp;
  /** State forces hit ("fired on a border post", "two soldiers were killed"): the other side of an armed clash. */
  forcesHit: RegExp;
  actor: RegExp;
  targets: Array<[RegExp, string]>;
  victims: { security: RegExp; perpetrator: RegExp; /** An armed side named as such ("Taliban", "IS"): not civilians, whoever they fight. */ armedGroup: RegExp; generic: RegExp; person: string; /** One person named by office or kin: "his driver", "the police chief". */ role: string };
  harm: { killed: string; injured: string };
  nationalityHead: string;
  demonym: RegExp;
  /** The demonyms capitalised, as an alternation (a nationality is written with a capital). */
  demonymWords: string;
  demonyms: Record<string, string>;
  /** Words around a toponym that make it something other than where an act happened, and words that tie a clause to the place told before. */
  sites: { before: RegExp; after: RegExp; link: RegExp; /** Where people gathered, mourned or were treated afterwards ("rallied in X"; "residents of X had gathered"): a site only when nothing else is named. */ gathered: RegExp; gatheredBy: RegExp; /** "the governor of ", "spokesman for " right before a toponym: an official's jurisdiction. */ official: RegExp };
}

/** Rows of phrases as one regular-expression alternation: a space matches any white space, " ?" none or any. */
export function alternation(rows: readonly string[]): string {
  // "fire ?fight": an optional space matches none or any; any other space, one or more
  return `(?:${rows.map((r) => r.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|')})`;
}

function words(rows: readonly string[], flags = 'i'): RegExp {
  return new RegExp(`\\b${alternation(rows)}\\b`, flags);
}

/**
 * Compiles the event vocabulary (by default `data/rules/events.json`) to the regular expressions the
 * extractor runs. Code holds the mechanisms (clauses, plurals, anaphora, dates); this holds the words.
 *
 * @example
 * const v = compileVocabulary(withRows(loadRules(), { triggers: { attack: ['pummelled'] } }));
 * v.triggers.attack.test('Raiders pummelled the post') // true
 */
export function compileVocabulary(r: EventRules = rules): Vocabulary {
  const acled = Object.fromEntries(Object.entries(r.acled).map(([k, [eventType, subEventType]]) => [k, { eventType, subEventType }])) as Vocabulary['acled'];
  const triggers = Object.fromEntries(Object.entries(r.triggers).map(([k, rows]) => [k, words(rows)])) as Vocabulary['triggers'];
  const weapons = Object.fromEntries(WEAPON_KINDS.map((k) => [k, words(r.weapons[k])])) as Vocabulary['weapons'];
  const plural = alternation(r.pluralNouns);
  const quant = alternation(r.pluralQuantifiers);
  const forces = alternation(r.stateForces);
  const harmVerbs = alternation(r.harmVerbs);
  return {
    rules: r,
    acled,
    triggers,
    weapons,
    seizure: words(r.seizure),
    protest: words(r.protest),
    pluralNoun: new RegExp(`\\b${plural}\\b`, 'i'),
    singularNoun: words(r.singularNouns),
    // ("several attacks …, among them the killing of the governor of Balkh in March": one picked out by its own act)
    oneOf: new RegExp(String.raw`\bone\s+of\s+(?:the|these|those|its|their|several|many)\s+(?:[\w-]+\s+)?(?:${plural}|${alternation(r.pluralEvents.nouns)})\b|\b(?:among\s+them|including|notably)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:${alternation(r.singularNouns)}|killing|assassination|bombing|beheading|abduction|kidnapping)\s+(?:of|on|in|at)\b`, 'i'),
    singularVerb: words(r.singularVerbs, 'gi'),
    pluralHead: new RegExp(String.raw`\b(?:${quant}\s+(?:\w+\s+){0,2})?${plural}\b`, 'i'),
    pluralQuantifier: quant,
    pluralEventVerb: words(r.pluralEvents.verbs),
    pluralEventNoun: words(r.pluralEvents.nouns),
    pluralEventPeriod: words(r.pluralEvents.periods),
    thePlural: new RegExp(String.raw`\b(?:the|these)\s+(?:${alternation(r.pluralEvents.nouns)}|fighting)\b`, 'i'),
    countedPlural: new RegExp(String.raw`\b(${QUANTITY}|(?:a\s+)?(?:series|string|wave|spate)\s+of)\s+(?:[\w-]+\s+)?(?:${plural}|${alternation(r.pluralEvents.nouns)})\b`, 'i'),
    irrealis: new RegExp(String.raw`\b${alternation(r.irrealis)}\b[^,.;]{0,40}$`, 'i'),
    accident: words(r.accidents.rows),
    // "officials had earlier reported that …": the report is earlier, not the act
    background: new RegExp(String.raw`${words(r.background).source}(?!\s+(?:reported|said|announced|stated|told))`, 'i'),
    separate: words(r.separate),
    earlier: new RegExp(String.raw`${words(r.earlier).source}(?!\s+(?:reported|said|announced|stated|told))`, 'i'),
    definite: new RegExp(String.raw`\b(?:the|this|that|these)\s+(?:(?:first|second|latest|recent|deadly|cross-border|\w+-style)\s+)?${alternation(r.definiteHeads)}\b`, 'i'),
    participantRef: new RegExp(String.raw`\b(?:the|these)\s+${alternation(r.participantHeads)}\b`, 'i'),
    securityOperation: words(r.securityOperations.rows),
    forcesHit: new RegExp(
      String.raw`\b${harmVerbs}\s+(?:\w+\s+){0,3}${forces}\b|\b${forces}\s+(?:\w+\s+){0,3}(?:were|was)\s+(?:killed|wounded|injured|attacked)|\b${forces}\s+(?:\w+\s+){0,2}(?:came|come|comes|coming)\s+under\s+(?:attack|fire)|\b${forces}\b[^.]{0,30}\b(?:also\s+)?died\b`,
      'i',
    ),
    actor: new RegExp(String.raw`\b${alternation(r.actors)}\b`, 'gi'),
    targets: Object.entries(r.targets).map(([kind, rows]) => [words(rows), kind]),
    victims: { security: words(r.victims.security), perpetrator: words(r.victims.perpetrator), armedGroup: new RegExp(String.raw`\b(?:${alternation(r.victims.armedGroups)})\b`), generic: new RegExp(String.raw`^${alternation(r.victims.generic)}$`, 'i'), person: alternation(r.victims.person), role: alternation(r.victims.roles) },
    harm: { killed: alternation(r.harm.killed), injured: alternation(r.harm.injured) },
    nationalityHead: alternation(r.victimNationalityHeads),
    demonym: new RegExp(`\\b(${Object.keys(r.demonyms).sort((a, b) => b.length - a.length).join('|')})\\b`, 'i'),
    demonyms: r.demonyms,
    demonymWords: Object.keys(r.demonyms).sort((a, b) => b.length - a.length).map((d) => d[0].toUpperCase() + d.slice(1)).join('|'),
    sites: {
      before: new RegExp(String.raw`\b${alternation([...r.sites.before, String.raw`(?:${r.sites.officials.join('|')}) (?:of|for|in)`])}\s+(?:the\s+)?(?:neighbou?ring\s+)?(?:(?:[\w-]+\s+)?(?:village|town|city|capital|district|area|region|province|settlement|jamoat|territory)\s+of\s+)?$`, 'i'),
      after: new RegExp(String.raw`^\s*${alternation(r.sites.after)}\b`, 'i'),
      link: words(r.sites.link),
      official: new RegExp(String.raw`\b(?:${alternation(r.sites.officials)})\s+(?:of|for)\s+(?:the\s+)?$`, 'i'),
      gathered: new RegExp(String.raw`\b${alternation(r.sites.gathered)}(?:\s+\w+){0,3}?\s+(?:in|at|outside|near)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$`, 'i'),
      gatheredBy: new RegExp(String.raw`^[^.;:!?]{0,60}?\b(?:had\s+|have\s+|has\s+)?${alternation(r.sites.gathered)}\b`, 'i'),
    },
  };
}

type Rows<T> = { [K in keyof T]?: T[K] extends readonly string[] ? string[] : T[K] extends object ? Rows<T[K]> : never };

/** The rules with extra rows appended to the lists named (for tests, and for trying a word before adding it to the file). */
export function withRows(base: EventRules, extra: Rows<EventRules>): EventRules {
  const merge = (a: unknown, b: unknown): unknown => {
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
      return out;
    }
    return b ?? a;
  };
  return merge(base, extra) as EventRules;
}

/** The rules as stored in `data/rules/events.json`. */
export function loadRules(): EventRules {
  return rules;
}

/** The vocabulary the extractor uses unless given another. */
export const VOCABULARY: Vocabulary = compileVocabulary();
