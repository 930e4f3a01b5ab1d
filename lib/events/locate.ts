import type { Geometry, MultiLineString, Position } from 'geojson';
import type { ResolvedMention, ResolvedPlace } from '../geocode/types';
import { distanceKm, inMultiPolygon, nearestVertexKm } from '../geocode/geometry';
import type { Excerpt, GeoPrecision, LonLat } from '../types';
import type { ArticleIncident } from './incidents';
import { MAP_REGION, countryName, countryOf } from '../geo/countries';
import { mentionsInRanges } from './mention-index';
import { VOCABULARY } from './vocabulary';
import { UNLISTED_IN_AREA } from '../geocode/geocodeArticle';

/** Where an incident happened, at the most specific place the text supports. */
export interface Located {
  placeId: string;
  location: string;
  coordinates: LonLat;
  country: string;
  admin1: string | null;
  admin2: string | null;
  geoPrecision: GeoPrecision;
  uncertainty: Geometry | null;
  /** The place is a border (or a stretch of one), not a point on the map. */
  border: boolean;
  note: string;
  /** The words that name the place (absent when it comes from an earlier incident or from the border cue alone). */
  excerpt?: Excerpt;
}

/** Shared borders by "AF-TJ" (ISO codes sorted), MultiLineString coordinates — the gazetteer's `borders`. */
export type Borders = Record<string, Position[][]>;

/**
 * The stretch of a border within reach of two places on either side of it (no further from each than they are
 * from each other, plus 25 km), or null when no part of the border is.
 */
function borderBetween(lines: Position[][], a: LonLat, b: LonLat): Position[][] | null {
  const reach = distanceKm(a, b) + 25;
  const out: Position[][] = [];
  for (const line of lines) {
    let run: Position[] = [];
    for (const p of line) {
      if (distanceKm(p, a) <= reach && distanceKm(p, b) <= reach) run.push(p);
      else {
        if (run.length >= 2) out.push(run);
        run = [];
      }
    }
    if (run.length >= 2) out.push(run);
  }
  return out.length ? out : null;
}

/** The vertex of these lines with the least summed distance to two places. */
function closestToBoth(lines: Position[][], a: LonLat, b: LonLat): LonLat {
  let best: LonLat = [lines[0][0][0], lines[0][0][1]];
  let bestD = Infinity;
  for (const l of lines) {
    for (const p of l) {
      const d = distanceKm(p, a) + distanceKm(p, b);
      if (d < bestD) [best, bestD] = [[p[0], p[1]], d];
    }
  }
  return best;
}

/** The province with an ISO 3166-2 code, as the geocoder would resolve it (lib/geocode provincePlace). */
export type ProvinceLookup = (iso: string) => ResolvedPlace | null;

const RANK: Record<string, number> = { 'border-post': 0, [UNLISTED_IN_AREA]: 0.5, PPL: 0, PPLA: 0, PPLA2: 0, PPLX: 0, ADM2: 1, ADM1: 3, BORDER: 2, STM: 2, PCLI: 4, PPLC: 0 };
/** Most specific first; a place outside the map's region only when nothing inside it is named. */
const rank = (p: { featureType: string; country: string }) => (RANK[p.featureType] ?? (p.featureType.startsWith('PPL') ? 0 : 2)) + (MAP_REGION.has(p.country) ? 0 : 10);
/** Named only to say how far away something is ("220 km southeast of Dushanbe", "250 km north of the national capital Kabul"): a reference point, not the site. */
const DISTANCE_REF = /\b\d[\d,.]*\s*(?:-\s*)?(?:km|kilometers?|kilometres?|miles?)\s+(?:\(\d+\s*miles?\)\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?(?:\w+\s+){0,3}$/i;

/** Not a site: the origin ("from Afghanistan", "from the Afghan capital of Kabul"), the other side of a border ("border with Afghanistan"), where actors hide ("inside Afghanistan"), a nationality ("citizens of Tajikistan"), where a road goes ("a road that leads to the provincial capital, Khorugh"). */
const NOT_SITE_BEFORE = /\b(?:from|originat\w*\s+from|inside|with|to|across|(?:citizens?|nationals?)\s+of)\s+(?:the\s+)?(?:neighbo\w+\s+)?(?:(?:[\w-]+\s+){0,2}?(?:capital|city|town|village)\s+of\s+(?:the\s+)?)?$|\b(?:leads?|leading|led|runs?|running|heads?|heading|road|highway|route|way)\s+(?:to|towards?|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:[\w-]+,\s+)?$/i;
/** Not a site either: the reference for a neighbour ("Yamgan's neighbouring Jarm district"). A name standing for the
 * people who speak ("Batken regional officials said") or for a road ("on the Kunduz highway") is not one by the
 * rows data/rules/events.json `sites.after` keeps for telling incidents apart by place. */
const NOT_SITE_AFTER = /^['’]s\s+(?:neighbou?ring|adjacent|nearby)\b/i;
/** …unless the officials' place is itself the target: "the home of the Khwaja Ghar district police chief", "the office of the Kunduz governor". */
const OWNED_SITE_BEFORE = /\b(?:home|house|residence|office|compound|headquarters|car|vehicle|convoy|guards?|bodyguards?)\s+of\s+(?:the\s+)?$/i;

function isDateline(body: string, m: ResolvedMention): boolean {
  const lineStart = body.lastIndexOf('\n', m.start - 1) + 1;
  // "DUSHANBE --", "KHOROG, Tajikistan --", "Beijing, Nov 27 (PTI)": a place, maybe a country or date, then a dash or an agency
  // ("Bishkek, 29.04.21. /Kabar/.", "Kabul, June 5 —": a place at the line's start, a comma and a date)
  const after = body.slice(m.end, m.end + 30);
  return /^\s*$/.test(body.slice(lineStart, m.start)) && (/^\s*(?:,\s*[A-Z][\w .]*)?\s*(?:--|—|–|\([\w .-]+\))/.test(after) || /^\s*(?:\[[A-Z][A-Za-z ]+\]\s*)?,\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b)/.test(after));
}

/** The part of a border inside a polygon (segments whose middle lies inside). */
function clipBorder(lines: Position[][], polys: Position[][][]): Position[][] {
  const out: Position[][] = [];
  for (const line of lines) {
    let cur: Position[] = [];
    for (let i = 1; i < line.length; i++) {
      const mid: Position = [(line[i - 1][0] + line[i][0]) / 2, (line[i - 1][1] + line[i][1]) / 2];
      if (inMultiPolygon(mid, polys)) {
        if (cur.length === 0) cur.push(line[i - 1]);
        cur.push(line[i]);
      } else if (cur.length) {
        out.push(cur);
        cur = [];
      }
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** The vertex halfway along a set of lines: a representative point that lies on the border itself. */
function midpoint(lines: Position[][]): LonLat {
  let total = 0;
  for (const l of lines) for (let i = 1; i < l.length; i++) total += distanceKm(l[i - 1], l[i]);
  let acc = 0;
  for (const l of lines) {
    for (let i = 1; i < l.length; i++) {
      acc += distanceKm(l[i - 1], l[i]);
      if (acc >= total / 2) return [l[i][0], l[i][1]];
    }
  }
  return [lines[0][0][0], lines[0][0][1]];
}

function polygonsOf(g: Geometry | null): Position[][][] | null {
  if (!g) return null;
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return null;
}

/**
 * Places one incident from the geocoder's mentions inside the sentences that tell it:
 * - candidates are the resolved mentions in the incident's clauses, minus governments ("Dushanbe said"),
 *   adjectives ("Afghan territory"), datelines ("DUSHANBE --"), origins ("from Afghanistan") and the far side
 *   of a border ("a border with Afghanistan"); the most specific wins (town or border post, then district,
 *   border, province, country);
 * - a district or province with a border cue ("near the border", "cross-border", a border post) keeps the
 *   place's point but its uncertainty becomes the stretch of border inside it;
 * - with nothing narrower than a country, an incident at or across a border ("near the border", "from
 *   Afghan territory", "exchanged fire" between two countries' forces) is placed on that border with
 *   precision 3, its point on the border line and the whole border as its uncertainty — never an invented town;
 * - "in the same sector", "the workers' facility" with no place of its own take the place of `antecedent`.
 * Returns null when nothing places it; the caller keeps it with that reason.
 *
 * @example
 * locateIncident(incident, mentions, body, null, gazetteer.borders)
 * // { location: 'Shamsiddin Shohin', geoPrecision: 2, uncertainty: { type: 'MultiLineString', … }, … }
 */
export function locateIncident(
  incident: ArticleIncident,
  mentions: ResolvedMention[],
  body: string,
  antecedent: Located | null,
  borders: Borders,
  provinceOf?: ProvinceLookup,
): Located | null {
  // the sentence that dates the incident tells it too ("said he was shot on Tuesday in the X district")
  // (unless the incident is told by part of that sentence: a clause, or one place of a list)
  // (not a lead or dateline that only lent its day: its places are another incident's, or — when the incident's own
  // sentences name a town or district — at most a guess)
  const own = mentionsInRanges(mentions, incident.ranges).filter((m) => isSite(m, body));
  const lent = incident.date?.borrowed === 'told-by-another' || (!!incident.date?.borrowed && own.some((m) => rank(m.place!) <= 1));
  const around = incident.date && !lent ? sentenceAround(body, incident.date.excerpt.start) : null;
  const dated = around && !incident.ranges.some((r) => r.start < around.end && around.start < r.end) ? around : null;
  const sites = dated ? mentionsInRanges(mentions, [...incident.ranges, dated]).filter((m) => isSite(m, body)) : own;
  // "on the Isfara stretch of the border": a town standing for a stretch of border is less specific than a village named as the site
  // (only against a town or village named nearby: "the Osh section of the border" with nothing else near stays Osh)
  const stretchOf = (m: ResolvedMention) =>
    /^\s+(?:stretch|section|sector|segment|part)\s+of\b/i.test(body.slice(m.end, m.end + 20)) &&
    sites.some((o) => o !== m && /^PPL/.test(o.place!.featureType) && distanceKm(o.place!.coordinates, m.place!.coordinates) <= 50);
  // "protesters rallied in Khorog after police killed a resident of Roshtqala district": where people gathered,
  // mourned or were treated afterwards is the site only when no other town, district or province is named
  const gatheredAt = (m: ResolvedMention) => VOCABULARY.sites.gathered.test(body.slice(Math.max(0, m.start - 60), m.start)) || VOCABULARY.sites.gatheredBy.test(body.slice(m.end, m.end + 80));
  const elsewhere = new Set(sites.filter(gatheredAt));
  const demote = (m: ResolvedMention) => Number(elsewhere.has(m) && sites.some((o) => !elsewhere.has(o) && rank(o.place!) <= 3));
  const siteOrder = bySite(body);
  sites.sort((a, b) => Number(stretchOf(a)) - Number(stretchOf(b)) || demote(a) - demote(b) || siteOrder(a, b));
  let best = sites[0] ?? null;
  // Two specific places far apart for one incident (the two sides tell it differently): only what they
  // share is certain — the border between them, or the province both lie in.
  const conflict = conflictOf(sites);
  if (conflict) {
    const shared = sharedArea(conflict, sites, borders, provinceOf);
    if (shared) return { ...shared, excerpt: ex(conflict[0]) };
  }
  // The incident's own sentences give only a country or a border: the article may say where in its lead or
  // in the same paragraph ("… in Hamadoni district. Two smugglers were killed when Tajik forces …").
  const wider = (!best || ['PCLI', 'BORDER', 'STM'].includes(best.place!.featureType)) && !(incident.placeAnaphor && antecedent) ? fromContext(incident, mentions, body, best, borders) : null;
  if (wider) best = wider;
  const borderMention = sites.find((m) => m.place!.featureType === 'BORDER') ?? null;
  // forces of two countries fighting each other ("Afghan forces and Tajik border guards exchanged fire") are at their border
  const forcesOf = new Set(incident.actors.map((a) => actorCountry(a.text, /^\S+\s+(?:forces|border\s+guards|troops|soldiers|security)/i)).filter(Boolean));
  // "a clash between Tajikistan and Kyrgyzstan": two neighbouring countries named as the sides are at their border
  const sides = [...new Set(sites.filter((m) => m.place!.featureType === 'PCLI').map((m) => m.place!.country))].sort();
  const sidesBorder = sides.length === 2 && borders[sides.join('-')] ? sides.join('-') : null;
  const borderish = !!(incident.borderCue || borderMention || incident.origin || incident.enteredCountry || forcesOf.size >= 2 || sidesBorder || sites.some((m) => m.place!.featureType === 'border-post'));

  if (best && !['PCLI', 'BORDER', 'STM'].includes(best.place!.featureType)) {
    const p = best.place!;
    let uncertainty = p.uncertainty;
    let note = p.note ?? `named in the text: “${best.text}”`;
    const polys = polygonsOf(p.uncertainty);
    let coordinates = p.coordinates;
    if (borderish && polys) {
      const key = pickBorder(incident, p.country, borders, mentions);
      const stretch = key ? clipBorder(borders[key], polys) : [];
      if (stretch.length) {
        uncertainty = { type: 'MultiLineString', coordinates: stretch } as MultiLineString;
        note = `${note}; said to be at the border: the stretch of the ${key} border inside ${p.name}`;
        // the point goes on that stretch, nearest to where the fire came from when the text names it ("fired … from
        // the Khawaja Ghar district"); a province's label point, tens of km inland, goes to the stretch's vertex nearest
        // it; a district keeps its seat (a few km from its stretch)
        const launch = launchedFrom(incident, mentions, body);
        const from = launch && launch.place!.id !== p.id ? launch.place! : null;
        if (from || p.featureType === 'ADM1') {
          note = `${note}; the point moved onto that stretch, nearest to ${from ? `${from.name}, where the attack came from` : `${p.name}'s label point`}`;
          const toward = from?.coordinates ?? p.coordinates;
          coordinates = closestToBoth(stretch, toward, toward);
        }
      }
    }
    // ACLED: an event "near" a town is coded to the town with precision 2
    const near = /\b(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of|not\s+far\s+from)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:of\s+)?$/i.test(body.slice(Math.max(0, best.start - 50), best.start));
    const geoPrecision: GeoPrecision = near && p.geoPrecision === 1 ? 2 : p.geoPrecision;
    if (geoPrecision !== p.geoPrecision) note = `${note}; the text says near it`;
    if (best === wider) note = `${note}; the incident's own sentences name no narrower place, the article places it here`;
    return { placeId: p.id, location: p.name, coordinates, country: p.country, admin1: p.admin1, admin2: p.admin2, geoPrecision: best === wider ? (Math.max(2, geoPrecision) as GeoPrecision) : geoPrecision, uncertainty, border: false, note, excerpt: ex(best) };
  }
  // "in the district", "in the city": the last place of that kind named before it, else the place of the incident told before
  const kindNamed = incident.placeAnaphor ? lastOfKind(incident.placeAnaphor, mentions) : null;
  if (kindNamed) {
    const p = kindNamed.place!;
    return { placeId: p.id, location: p.name, coordinates: p.coordinates, country: p.country, admin1: p.admin1, admin2: p.admin2, geoPrecision: p.geoPrecision, uncertainty: p.uncertainty, border: false, note: `“${incident.placeAnaphor!.text}” refers back to ${p.name}, named just before (“${kindNamed.text}”)`, excerpt: incident.placeAnaphor! };
  }
  if (incident.placeAnaphor && antecedent) {
    return { ...antecedent, note: `“${incident.placeAnaphor.text}” refers back to ${antecedent.location}`, excerpt: incident.placeAnaphor };
  }
  if (borderMention || borderish) {
    const country = best?.place?.featureType === 'PCLI' ? best.place.country : null;
    const key = borderMention ? borderKey(borderMention, borders) : (sidesBorder ?? pickBorder(incident, country, borders, mentions));
    if (key && borders[key]) {
      const site = siteCountry(incident, key, country, mentions);
      // the same border named elsewhere in the article gives the same name and point as the geocoder's
      const named = borderMention ?? mentions.find((m) => borderKey(m, borders) === key) ?? null;
      // provinces and districts named with the incident (its sentences, its paragraph) narrow the border to the stretch inside them
      const [from, to] = paragraphOf(body, incident.ranges[0]?.start ?? 0);
      const near = (m: ResolvedMention) => (m.start >= from && m.end <= to) || incident.ranges.some((r) => m.start >= r.start && m.end <= r.end);
      // the article's first incident is what the article is about: areas it names anywhere narrow it when its paragraph names none
      const within = borderStretch(borders[key], mentions.filter(near), body) ?? (incident.order === 0 ? borderStretch(borders[key], mentions, body) : null);
      const lines = within?.lines ?? borders[key];
      const coords = within ? within.point : named?.place ? named.place.coordinates : midpoint(lines);
      return {
        placeId: `border:${key}`,
        location: named?.place?.name ?? `${key.split('-').map(countryName).join('–')} border`,
        coordinates: coords,
        country: site,
        admin1: null,
        admin2: null,
        geoPrecision: 3,
        uncertainty: { type: 'MultiLineString', coordinates: lines } as MultiLineString,
        border: true,
        note: `only “${(incident.borderCue ?? incident.origin?.excerpt ?? borderMention)?.text ?? 'the border'}” is known: anywhere along the ${key} border${within ? ` inside ${within.names.join(' and ')}, named in the article` : ''}`,
        excerpt: borderMention ? ex(borderMention) : incident.borderCue ?? incident.origin?.excerpt,
      };
    }
  }
  if (best) {
    const p = best.place!;
    return { placeId: p.id, location: p.name, coordinates: p.coordinates, country: p.country, admin1: p.admin1, admin2: p.admin2, geoPrecision: 3, uncertainty: p.uncertainty, border: p.featureType === 'BORDER', note: p.note ?? `only the country is named: “${best.text}”`, excerpt: ex(best) };
  }
  return null;
}

/** What kind of place an anaphor names ("the district", "the same village") and the feature types that are that kind. */
const ANAPHOR_KINDS: Array<[RegExp, RegExp]> = [
  [/\bdistrict\b/i, /^ADM2$/],
  [/\b(?:province|region)\b/i, /^ADM1$/],
  [/\b(?:city|town|village)\b/i, /^PPL/],
];

/** The place of the anaphor's kind named last before it (within 1,500 characters), as a site; null when none or the kind is not said. */
function lastOfKind(anaphor: Excerpt, mentions: ResolvedMention[]): ResolvedMention | null {
  const kind = ANAPHOR_KINDS.find(([word]) => word.test(anaphor.text))?.[1];
  if (!kind) return null;
  // (mentions are in text order: from the last one before the anaphor back to 1,500 characters before it)
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.start >= anaphor.start) continue;
    if (anaphor.start - m.end > 1500) break;
    if (m.place && kind.test(m.place.featureType) && !m.government && !m.adjective && !m.dateline) return m;
  }
  return null;
}

function ex(m: ResolvedMention): Excerpt {
  return { start: m.start, end: m.end, text: m.text };
}

function borderKey(m: ResolvedMention, borders: Borders): string | null {
  const id = m.place?.id ?? '';
  const key = id.startsWith('border:') ? id.slice(7) : null;
  return key && borders[key] ? key : null;
}

const borderCounts = new WeakMap<readonly ResolvedMention[], Map<string, number>>();
/** How often the article names each border, counted once per article (every incident of a long article asks). */
function namedBorders(mentions: readonly ResolvedMention[], borders: Borders): Map<string, number> {
  let named = borderCounts.get(mentions);
  if (!named) {
    named = new Map();
    for (const m of mentions) {
      const k = borderKey(m, borders);
      if (k) named.set(k, (named.get(k) ?? 0) + 1);
    }
    borderCounts.set(mentions, named);
  }
  return named;
}

/** The border between the countries the incident involves: the site's, the origin's, the one entered, the forces'. */
function pickBorder(incident: ArticleIncident, country: string | null, borders: Borders, mentions: ResolvedMention[]): string | null {
  const involved = new Set<string>();
  if (country) involved.add(country);
  if (incident.origin?.country) involved.add(incident.origin.country);
  if (incident.enteredCountry) involved.add(incident.enteredCountry);
  for (const a of incident.actors) {
    const c = actorCountry(a.text);
    if (c) involved.add(c);
  }
  const keys = Object.keys(borders);
  const both = keys.filter((k) => k.split('-').every((c) => involved.has(c)));
  if (both.length === 1) return both[0];
  // otherwise the border the article itself names most
  const named = [...namedBorders(mentions, borders)].filter(([k]) => involved.size === 0 || k.split('-').some((c) => involved.has(c)));
  const top = named.sort((a, b) => b[1] - a[1])[0];
  if (top) return top[0];
  const one = keys.filter((k) => k.split('-').some((c) => involved.has(c)));
  return one.length === 1 ? one[0] : null;
}

/**
 * The side of a border an incident happened on: the country entered ("into Tajik territory", or across by a
 * cross-border operation), else the one that is not the attack's origin, else a country named as the site,
 * else the side the article names more often as a place.
 */
function siteCountry(incident: ArticleIncident, key: string, country: string | null, mentions: ResolvedMention[]): string {
  const pair = key.split('-');
  if (incident.enteredCountry && pair.includes(incident.enteredCountry)) return incident.enteredCountry;
  if (incident.origin?.country && pair.includes(incident.origin.country)) return pair.find((c) => c !== incident.origin!.country)!;
  if (country && pair.includes(country)) return country;
  const count = (c: string) => mentions.filter((m) => m.place?.country === c && m.place.featureType !== 'PCLI' && !m.government).length + mentions.filter((m) => m.place?.country === c && !m.government && !m.adjective).length;
  return pair.sort((a, b) => count(b) - count(a))[0];
}

/** A mention that can be where something happened: not a government, an adjective, a dateline, an origin or a distance reference. */
function isSite(m: ResolvedMention, body: string): boolean {
  const before = body.slice(Math.max(0, m.start - 60), m.start);
  const lineStart = body.lastIndexOf('\n', m.start - 1) + 1;
  // "BAKU, Azerbaijan, January 27": the country after a dateline's city belongs to the dateline
  const afterDateline = /^\s*\p{Lu}[\p{Lu}\s.'-]+,\s*$/u.test(body.slice(lineStart, m.start));
  // a country outside the map's region is never where an incident on it happened
  const foreignCountry = m.place?.featureType === 'PCLI' && !MAP_REGION.has(m.place.country);
  // (data/rules/events.json `sites.after` rows — "Kunduz Police Press Head Akbari said", "the Kunduz highway" — are not
  // sites; its `before` rows are not used here: "the bank's office in Kunduz city" is a site)
  const after = body.slice(m.end, m.end + 40);
  // "who speaks for the governor of Kunduz": the official's jurisdiction, not where anything happened
  // (unless the official's home or office is the target: "the office of the governor of Kunduz")
  const official = VOCABULARY.sites.official.exec(before);
  const jurisdiction = !!official && !OWNED_SITE_BEFORE.test(before.slice(0, official.index));
  const elsewhere = NOT_SITE_BEFORE.test(before.slice(-40)) || DISTANCE_REF.test(before) || jurisdiction;
  const office = (NOT_SITE_AFTER.test(after) || VOCABULARY.sites.after.test(after)) && !OWNED_SITE_BEFORE.test(before);
  return !!m.place && !m.government && !m.adjective && !m.dateline && !afterDateline && !foreignCountry && !isDateline(body, m) && !elsewhere && !office;
}

/** Where people live ("residents of the village council of Aksai … halted a truck on the bridge near Khodjai-Alo"): a site only when nothing else is named. */
const RESIDENTS_OF = /\b(?:residents?|inhabitants?|villagers|natives?)\s+of\s+(?:the\s+)?(?:(?:village|rural|district)\s+(?:council|municipality|community)\s+of\s+(?:the\s+)?)?$/i;

/** Most specific first; of two places of one kind (two villages), the one named only as where people live last. */
function bySite(body: string): (a: ResolvedMention, b: ResolvedMention) => number {
  const home = (m: ResolvedMention) => Number(RESIDENTS_OF.test(body.slice(Math.max(0, m.start - 60), m.start)));
  return (a, b) => (Math.floor(rank(a.place!)) === Math.floor(rank(b.place!)) && home(a) - home(b)) || bySpecificity(a, b);
}

function bySpecificity(a: ResolvedMention, b: ResolvedMention): number {
  return a.place!.geoPrecision - b.place!.geoPrecision || rank(a.place!) - rank(b.place!) || a.start - b.start;
}

/**
 * A narrower place for an incident whose sentences name only a country, a border or a river: one named in
 * the same paragraph, else — for the article's first incident — in its lead (its first paragraph, a headline line included), that
 * agrees with what the incident's sentences do say — inside the country, or within reach of the border or
 * river. Nothing is taken from further afield: a place another incident of the article is about would be a guess.
 */
function fromContext(incident: ArticleIncident, mentions: ResolvedMention[], body: string, stated: ResolvedMention | null, borders: Borders): ResolvedMention | null {
  // the paragraphs from the first that tells it to the last: one between them goes on with the same story ("… a border
  // clash earlier this week. / On Thursday Tajikistan said three men had entered at Khatlon province. / Tajik forces killed the trio")
  const [paraStart] = paragraphOf(body, incident.ranges[0]?.start ?? 0);
  const lastRange = incident.ranges.reduce((a, r) => (r.start > a ? r.start : a), incident.ranges[0]?.start ?? 0);
  const [, lastEnd] = paragraphOf(body, lastRange);
  const paraEnd = body.slice(paraStart, lastEnd).split('\n').filter((l) => l.trim()).length <= 3 ? lastEnd : paragraphOf(body, paraStart)[1];
  const leadEnd = (() => {
    const lines = [...body.matchAll(/[^\n]*\S[^\n]*/g)];
    // a short headline line followed by the first paragraph both count as the lead
    const head = lines[0] && lines[0][0].length < 140 && !/[.!?]["”]?\s*$/.test(lines[0][0]);
    const last = lines[head ? 1 : 0] ?? lines[0];
    return last ? last.index! + last[0].length : 0;
  })();
  const fits = (m: ResolvedMention) => {
    const p = m.place!;
    if (['PCLI', 'BORDER', 'STM'].includes(p.featureType)) return false;
    if (!stated) return MAP_REGION.has(p.country);
    const sp = stated.place!;
    if (sp.featureType === 'PCLI') return p.country === sp.country;
    const lines = sp.featureType === 'BORDER' ? borders[sp.id.replace(/^border:/, '')] : sp.uncertainty?.type === 'MultiLineString' ? sp.uncertainty.coordinates : null;
    return !!lines && nearestVertexKm(lines, p.coordinates) <= 50;
  };
  const pick = (from: number, to: number) => mentionsInRanges(mentions, [{ start: from, end: to }]).filter((m) => isSite(m, body) && fits(m)).sort(bySite(body))[0] ?? null;
  // the lead is about the article's first incident; later ones take it only from their own paragraph
  return pick(paraStart, paraEnd) ?? (incident.order === 0 ? pick(0, leadEnd) : null);
}

/** A town or district named as where fire or an attack came from ("fired … from the Khawaja Ghar district of …"), in the incident's own sentences. */
function launchedFrom(incident: ArticleIncident, mentions: ResolvedMention[], body: string): ResolvedMention | null {
  return mentionsInRanges(mentions, incident.ranges).find((m) => {
    const p = m.place;
    if (!p || m.government || m.adjective || m.dateline || !(p.featureType === 'ADM2' || p.featureType.startsWith('PPL'))) return false;
    return /\b(?:from|launched\s+from|fired\s+from)\s+(?:the\s+)?(?:neighbou?ring\s+)?$/i.test(body.slice(Math.max(0, m.start - 30), m.start));
  }) ?? null;
}

/** The sentence around offset `at`: from after the previous full stop (or line start) to the next one. */
function sentenceAround(body: string, at: number): { start: number; end: number } {
  const before = body.slice(0, at);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const after = body.slice(at).search(/[.!?](?:\s|$)|\n/);
  return { start: stop < 0 ? 0 : stop + 1, end: after < 0 ? body.length : at + after + 1 };
}

/** The paragraph (a line of the body) around offset `at`, as [start, end). */
function paragraphOf(body: string, at: number): [number, number] {
  const end = body.indexOf('\n', at);
  return [body.lastIndexOf('\n', at) + 1, end < 0 ? body.length : end];
}

/** The part of a border inside the provinces and districts these mentions name (not as governments), or null. */
function borderStretch(lines: Position[][], mentions: ResolvedMention[], body: string): { lines: Position[][]; names: string[]; point: LonLat } | null {
  const areas = new Map<string, { name: string; polys: Position[][][]; point: LonLat }>();
  for (const m of mentions) {
    const p = m.place;
    if (!p || !isSite(m, body) || !['ADM1', 'ADM2'].includes(p.featureType) || areas.has(p.id)) continue;
    const polys = polygonsOf(p.uncertainty);
    if (polys) areas.set(p.id, { name: p.name, polys, point: p.coordinates });
  }
  const parts = [...areas.values()].map((a) => ({ name: a.name, point: a.point, lines: clipBorder(lines, a.polys) })).filter((a) => a.lines.length);
  if (!parts.length) return null;
  // a district inside a named province says more than the province
  const districts = parts.filter((p) => [...areas.entries()].some(([id, a]) => a.name === p.name && id.startsWith('adm2:')));
  const use = districts.length ? districts : parts;
  const stretch = use.flatMap((p) => p.lines);
  // shown at the stretch's vertex nearest the (first) area's own point: a long stretch's halfway vertex can lie at the area's far end
  return { lines: stretch, names: use.map((p) => p.name), point: closestToBoth(stretch, use[0].point, use[0].point) };
}

/** Places further apart than this for one incident contradict each other. */
const CONFLICT_KM = 50;

/** The two most specific sites (towns, posts, districts) when they lie further apart than CONFLICT_KM, else null. */
function conflictOf(sites: ResolvedMention[]): [ResolvedMention, ResolvedMention] | null {
  const specific = sites.filter((m) => m.place!.geoPrecision <= 2 && !['PCLI', 'BORDER', 'STM', 'ADM1'].includes(m.place!.featureType));
  const a = specific[0];
  const b = specific.find((m) => m.place!.id !== a?.place!.id && distanceKm(a.place!.coordinates, m.place!.coordinates) > CONFLICT_KM);
  return a && b ? [a, b] : null;
}

/** What two contradicting places share: the border between their countries, or the province both are in. */
function sharedArea([a, b]: [ResolvedMention, ResolvedMention], sites: ResolvedMention[], borders: Borders, provinceOf?: ProvinceLookup): Omit<Located, 'excerpt'> | null {
  const pa = a.place!;
  const pb = b.place!;
  const why = `the text puts it at ${pa.name} and at ${pb.name}, ${Math.round(distanceKm(pa.coordinates, pb.coordinates))} km apart`;
  if (pa.country !== pb.country) {
    const key = [pa.country, pb.country].sort().join('-');
    if (!borders[key]) return null;
    const between = borderBetween(borders[key], pa.coordinates, pb.coordinates);
    const lines = between ?? borders[key];
    const coords = between ? closestToBoth(between, pa.coordinates, pb.coordinates) : midpoint(lines);
    return { placeId: `border:${key}`, location: `${[pa.country, pb.country].sort().map(countryName).join('–')} border`, coordinates: coords, country: pa.country, admin1: null, admin2: null, geoPrecision: 3, uncertainty: { type: 'MultiLineString', coordinates: lines } as MultiLineString, border: true, note: `${why}: only the border between them is certain${between ? ', the stretch of it within reach of both' : ''}` };
  }
  // the province both lie in: as the text names it, else from the gazetteer ("Leileksky and Batkensky districts" → Batken region)
  const named = sites.find((m) => m.place!.featureType === 'ADM1' && m.place!.admin1 === pa.admin1 && pa.admin1 === pb.admin1)?.place ?? null;
  const looked = !named && pa.admin1Code && pa.admin1Code === pb.admin1Code && provinceOf ? provinceOf(pa.admin1Code) : null;
  const p = named ?? looked;
  if (p) {
    return { placeId: p.id, location: p.name, coordinates: p.coordinates, country: p.country, admin1: p.admin1, admin2: null, geoPrecision: 3, uncertainty: p.uncertainty, border: false, note: `${why}: only the province both lie in is certain` };
  }
  return null;
}

/** The country an actor's first word names ("Tajik border guards" → TJ), when the words fit `shape`. */
function actorCountry(text: string, shape: RegExp = /./): string | null {
  if (!shape.test(text)) return null;
  return countryOf(text.split(/\s+/)[0]);
}
