import type { ResolvedMention } from '../geocode/types';
import type { Excerpt } from '../types';
import { mentionsWithin } from './mention-index';
import type { Vocabulary } from './vocabulary';

/** A toponym that names where an act happened, resolved or not. */
export interface Site {
  text: string;
  start: number;
  place: ResolvedMention['place'];
}

/** Places that stand for a country, a border line or a river: they never tell two acts apart. */
const NOT_A_SITE = /^(?:PCL\w*|BORDER|STM\w*|CONT|RGN)$/;

/**
 * The toponyms in a stretch of the body that name where something happened: not a government ("Dushanbe
 * said"), an adjective ("Afghan forces"), a dateline, a country or a river, nor a name the words around it
 * make an origin, a distance reference or an office ("from Khost", "10 km from Kunduz", "Takhar police").
 */
export function sitesIn(range: Excerpt, mentions: readonly ResolvedMention[], body: string, v: Vocabulary): Site[] {
  const inside = mentionsWithin(mentions, range.start, range.end);
  const sites: Site[] = [];
  let other: ResolvedMention | null = null;
  for (const m of inside) {
    // "launched from Hairatan, a border town in the province of Balkh": the apposition describes the name before it
    const apposed = !!other && /^,\s+(?:an?|the)\s+[^,.;()]*$/i.test(body.slice(other.end, m.start));
    const elsewhere = apposed || v.sites.before.test(body.slice(Math.max(range.start, m.start - 60), m.start)) || v.sites.after.test(body.slice(m.end, Math.min(range.end, m.end + 40)));
    if (elsewhere && !apposed) other = m;
    if (elsewhere || m.government || m.adjective || m.dateline || m.feature === 'RIVER' || (m.place && NOT_A_SITE.test(m.place.featureType))) continue;
    sites.push({ text: m.text, start: m.start, place: m.place });
  }
  return sites;
}

function key(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '').slice(0, 5);
}

/** Does `a` contain `b` (a province its district, a district its village)? Unknown admin codes are not containment. */
function covers(a: Site, b: Site): boolean {
  const p = a.place;
  const q = b.place;
  if (!p || !q || p.id === q.id) return false;
  if (p.featureType === 'ADM1') return p.country === q.country && !!p.admin1 && p.admin1 === q.admin1;
  if (p.featureType === 'ADM2') return p.country === q.country && !!p.admin2 && p.admin2 === q.admin2 && q.featureType !== 'ADM1';
  return false;
}

function distanceKm(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const x = (b[0] - a[0]) * r * Math.cos(((a[1] + b[1]) / 2) * r);
  const y = (b[1] - a[1]) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

/** The same place: one gazetteer entry, points a few kilometres apart, or (unresolved) the same name. */
function same(a: Site, b: Site): boolean {
  if (a.place && b.place) return a.place.id === b.place.id || (!/^ADM/.test(a.place.featureType) && !/^ADM/.test(b.place.featureType) && distanceKm(a.place.coordinates, b.place.coordinates) < 3);
  return key(a.text) === key(b.text) || (!!a.place && key(a.place.name) === key(b.text)) || (!!b.place && key(b.place.name) === key(a.text));
}

/** Could both name where one act happened: the same place, one inside the other, or a province or district with a place it may hold. */
function compatible(a: Site, b: Site): boolean {
  if (same(a, b) || covers(a, b) || covers(b, a)) return true;
  const unknownInside = (x: Site, y: Site) => !!x.place && /^ADM[12]$/.test(x.place.featureType) && (!y.place || (y.place.country === x.place.country && (x.place.featureType === 'ADM1' ? !y.place.admin1 : !y.place.admin2 && (!y.place.admin1 || y.place.admin1 === x.place.admin1))));
  return unknownInside(a, b) || unknownInside(b, a);
}

/** The finest places among the sites: a province drops out when a district or village in it is named. */
function finest(sites: readonly Site[]): Site[] {
  // a place the gazetteer lacks, named with a province or district ("in Batken region … in the Dakhma area"), is the finer one
  const unknown = sites.some((t) => !t.place);
  return sites.filter((s) => !sites.some((t) => t !== s && covers(s, t)) && !(unknown && s.place && /^ADM[12]$/.test(s.place.featureType)));
}

/**
 * Does a clause tell its act at a different named place from an incident's? Only when both name a site, the
 * clause names none the incident named, and some site of the clause fits none of the incident's finest ones
 * (Leilek district is not Batken city; Batken district is).
 */
export function placedApart(told: readonly Site[], clause: readonly Site[]): boolean {
  if (!told.length || !clause.length) return false;
  if (clause.some((c) => told.some((t) => same(c, t)))) return false;
  const fine = finest(told);
  return clause.some((c) => !fine.some((t) => compatible(c, t)));
}

/** Does the clause tie its act to a place told before ("there", "in the same area")? */
export function linkedByPlace(text: string, v: Vocabulary): boolean {
  return v.sites.link.test(text);
}

/**
 * A clause that only gives one side's account of where a border clash happened ("the Kyrgyz border service said a
 * patrol in Batken region had been fired upon"), naming places in another country than the incident's and no
 * toll of its own: the same clash told from across the border, not another incident.
 */
export function otherSidesAccount(told: readonly Site[], clause: readonly Site[], text: string, hasToll: boolean): boolean {
  if (hasToll || !/\b(?:said|says|according to|statement|claimed|reported)\b/i.test(text)) return false;
  const countries = new Set(told.map((t) => t.place?.country));
  return clause.every((c) => !!c.place && !countries.has(c.place.country)) && !countries.has(undefined);
}

/** What may stand between two places of one list: a comma, "and", "or", "as well as". */
const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+|\s*&\s*)$/i;
/** Words before a list that say the act happened at the places listed ("in", "across", "near the villages of"). */
const LIST_LEAD = /\b(?:in|at|near|across|around|on|inside|throughout)\s+(?:the\s+)?(?:(?:villages?|towns?|districts?|provinces?|areas?|regions?|settlements?)\s+of\s+)?$/i;

/**
 * Sites a clause lists as where its act happened — "clashes were reported in Yaftal, Raghistan, Kohistan and
 * Keran-o-Munjan districts", "shelling hit Ak-Sai, Kok-Tash and Ovchi-Kalacha" after "in" — two or more
 * different places joined by commas and "and", none inside another, led by a word of place. Each is a place
 * of its own act (ACLED codes one event per location); a single place, or a district with its province
 * ("in Yaftal, Badakhshan"), is no list. Returns the listed sites in text order, or null.
 */
export function listedSites(range: Excerpt, mentions: readonly ResolvedMention[], body: string, v: Vocabulary): Site[] | null {
  const sites = sitesIn(range, mentions, body, v).filter((s) => !s.place || !/^(?:PCLI|BORDER|STM)$/.test(s.place.featureType));
  const ends = new Map(mentionsWithin(mentions, range.start, range.end).map((m) => [m.start, m.end]));
  let best: Site[] = [];
  for (let i = 0; i < sites.length; i++) {
    if (!LIST_LEAD.test(body.slice(Math.max(range.start, sites[i].start - 60), sites[i].start))) continue;
    const run = [sites[i]];
    for (let j = i + 1; j < sites.length; j++) {
      const prev = run[run.length - 1];
      if (!LIST_GAP.test(body.slice(ends.get(prev.start) ?? prev.start + prev.text.length, sites[j].start))) break;
      run.push(sites[j]);
    }
    if (run.length > best.length) best = run;
  }
  if (best.length < 2) return null;
  if (best.some((a, k) => best.some((b, l) => k !== l && (same(a, b) || covers(a, b))))) return null;
  // "in Shahr-e-Kuhna, Nahrin district": a place and, after a bare comma, the district or province it is in
  const [a, b] = best;
  const gap = body.slice((ends.get(a.start) ?? a.start + a.text.length), b.start);
  if (best.length === 2 && /^\s*,\s*$/.test(gap) && b.place && /^ADM[12]$/.test(b.place.featureType) && (!a.place || /^PPL/.test(a.place.featureType))) return null;
  return best;
}
