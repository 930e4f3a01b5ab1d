/**
 * Scores the extractor's GeoJSON for one article against a hand annotation (data/devset/*.gold.json,
 * format in data/devset/README.md). It reads only the output contract (place features with mentions,
 * event features, the collection's unlocated and undated events), so it scores what a user gets.
 */
import { distance, point } from '@turf/turf';
import type { Article, BriefCollection, EventFeature, PlaceFeature } from '../../lib/types';
import { foldName } from '../../lib/geoparse/normalize';

export type PlaceExpect =
  | { lat: number; lon: number; toleranceKm: number }
  | { country: string }
  | { river: string }
  | null
  | 'ignore';

export interface GoldPlace {
  text: string;
  occurrences?: number[];
  expect: PlaceExpect;
  ref?: string;
  government?: boolean;
  why?: string;
}

export interface GoldIncident {
  key: string;
  date: string;
  dateEnd?: string;
  timePrecision?: number;
  type?: string;
  place: { name: string; lat: number; lon: number; toleranceKm: number; ref?: string };
  country?: string;
  killed: number | null;
  injured: number | null;
  evidence: string;
}

export interface Gold {
  article: string;
  report?: { url?: string; outlet?: string; published?: string; via?: string };
  places: GoldPlace[];
  incidents: GoldIncident[];
}

export interface PlaceResult {
  text: string;
  start: number;
  right: boolean;
  /** What went wrong, in words, when not right. */
  problem?: string;
}

export interface IncidentResult {
  key: string;
  matched: boolean;
  date: boolean;
  place: boolean;
  deaths: boolean;
  injured: boolean;
  full: boolean;
  problem?: string;
}

export interface ArticleScore {
  article: string;
  places: PlaceResult[];
  falsePlaces: { text: string; start: number; resolvedTo: string }[];
  incidents: IncidentResult[];
  /** Extracted events no gold incident accounts for. */
  spurious: { id: string; date: string; location: string }[];
}

interface Occurrence {
  gold: GoldPlace;
  start: number;
  end: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every whole-word occurrence of `text` in `body` (case-sensitive). */
export function occurrencesOf(body: string, text: string): number[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(text)}(?![\\p{L}\\p{N}])`, 'gu');
  return [...body.matchAll(re)].map((m) => m.index!);
}

/** The gold occurrences in the body; one inside a longer gold name ("Badakhshan" in "Gorno-Badakhshan") belongs to the longer one. */
function goldOccurrences(body: string, gold: Gold): Occurrence[] {
  const all: Occurrence[] = [];
  for (const g of gold.places) {
    occurrencesOf(body, g.text).forEach((start, i) => {
      if (g.occurrences && !g.occurrences.includes(i + 1)) return;
      all.push({ gold: g, start, end: start + g.text.length });
    });
  }
  return all.filter((o) => !all.some((p) => p !== o && p.end - p.start > o.end - o.start && p.start <= o.start && p.end >= o.end));
}

/** Problems that make a gold file unusable: a name or an evidence phrase that is not in the body. */
export function checkGold(article: Article, gold: Gold): string[] {
  const problems: string[] = [];
  if (gold.article !== article.id) problems.push(`gold.article "${gold.article}" is not the article's id "${article.id}"`);
  for (const g of gold.places) {
    const n = occurrencesOf(article.body, g.text).length;
    if (n === 0) problems.push(`place "${g.text}" does not occur in the body as a whole word`);
    for (const k of g.occurrences ?? []) if (k < 1 || k > n) problems.push(`place "${g.text}": occurrence ${k} of ${n}`);
    const e = g.expect;
    if (e && typeof e === 'object' && 'lat' in e && !(Number.isFinite(e.lat) && Number.isFinite(e.lon) && e.toleranceKm > 0)) {
      problems.push(`place "${g.text}": expect needs numeric lat, lon and a positive toleranceKm`);
    }
  }
  for (const i of gold.incidents) {
    if (!article.body.includes(i.evidence)) problems.push(`incident ${i.key}: evidence "${i.evidence}" is not in the body`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(i.date)) problems.push(`incident ${i.key}: date "${i.date}" is not YYYY-MM-DD`);
    if (!(Number.isFinite(i.place?.lat) && Number.isFinite(i.place?.lon) && i.place.toleranceKm > 0)) {
      problems.push(`incident ${i.key}: place needs lat, lon and a positive toleranceKm`);
    }
    if (i.killed !== null && !Number.isInteger(i.killed)) problems.push(`incident ${i.key}: killed must be an integer or null`);
  }
  return problems;
}

const km = (a: [number, number], b: [number, number]) => distance(point(a), point(b), { units: 'kilometers' });

interface ExtractedMention {
  start: number;
  end: number;
  text: string;
  feature: PlaceFeature;
}

function placeVerdict(o: Occurrence, m: ExtractedMention | undefined): string | null {
  const e = o.gold.expect;
  if (e === null) return m ? `not a place here, but resolved to ${m.feature.properties.name}` : null;
  if (!m) return 'not found or not resolved';
  const p = m.feature.properties;
  if (typeof e === 'object' && 'country' in e) {
    return p.featureType === 'PCLI' && p.country === e.country ? null : `expected the country ${e.country}, got ${p.name} (${p.featureType}, ${p.country})`;
  }
  if (typeof e === 'object' && 'river' in e) {
    const names = [p.name, ...(((p as { alt?: string[] }).alt) ?? [])].map(foldName);
    return p.featureType === 'STM' && names.includes(foldName(e.river)) ? null : `expected the river ${e.river}, got ${p.name} (${p.featureType})`;
  }
  if (typeof e === 'object' && 'lat' in e) {
    const d = km(m.feature.geometry.coordinates as [number, number], [e.lon, e.lat]);
    return d <= e.toleranceKm ? null : `${p.name} (${p.country}) is ${Math.round(d)} km from the reference (tolerance ${e.toleranceKm})`;
  }
  return null;
}

function eventsOf(collection: BriefCollection, articleId: string): EventFeature[] {
  const c = collection as BriefCollection & { unlocatedEvents?: EventFeature[]; undatedEvents?: EventFeature[] };
  const all = [
    ...(c.features.filter((f) => f.properties.kind === 'event') as EventFeature[]),
    ...(c.unlocatedEvents ?? []),
    ...(c.undatedEvents ?? []),
  ];
  return all.filter((e) => e.properties.sources.some((s) => s.article === articleId));
}

function excerptsOf(e: EventFeature, articleId: string) {
  return e.properties.sources.filter((s) => s.article === articleId).flatMap((s) => s.excerpts);
}

function located(e: EventFeature): boolean {
  return (e.properties as { placeId?: string | null }).placeId !== null && e.properties.location !== '(not located)';
}

/**
 * Scores one article's extraction against its gold annotation.
 *
 * @example
 * scoreArticle(article, buildCollection([article]), gold).places.filter((p) => p.right).length
 */
export function scoreArticle(article: Article, collection: BriefCollection, gold: Gold): ArticleScore {
  const mentions: ExtractedMention[] = (collection.features.filter((f) => f.properties.kind === 'place') as PlaceFeature[]).flatMap((feature) =>
    feature.properties.mentions.filter((m) => m.article === article.id).map((m) => ({ start: m.start, end: m.end, text: m.text, feature })),
  );
  const occurrences = goldOccurrences(article.body, gold);
  const overlapping = (o: { start: number; end: number }) => mentions.find((m) => m.start < o.end && o.start < m.end);

  const places: PlaceResult[] = [];
  for (const o of occurrences) {
    if (o.gold.expect === 'ignore') continue;
    const problem = placeVerdict(o, overlapping(o));
    places.push({ text: o.gold.text, start: o.start, right: problem === null, ...(problem ? { problem } : {}) });
  }
  const counted = occurrences.filter((o) => o.gold.expect !== null);
  const falsePlaces = mentions
    .filter((m) => !counted.some((o) => m.start < o.end && o.start < m.end))
    .map((m) => ({ text: m.text, start: m.start, resolvedTo: `${m.feature.properties.name} (${m.feature.properties.country})` }));

  const events = eventsOf(collection, article.id);
  const pairs: { gi: number; ei: number; score: number; dist: number }[] = [];
  gold.incidents.forEach((g, gi) => {
    const at = article.body.indexOf(g.evidence);
    events.forEach((e, ei) => {
      const ex = excerptsOf(e, article.id);
      const byEvidence = at >= 0 && ex.some((x) => x.start < at + g.evidence.length && at < x.end);
      const sameDate = e.properties.date === g.date;
      const dist = located(e) ? km(e.geometry.coordinates as [number, number], [g.place.lon, g.place.lat]) : Infinity;
      const near = dist <= Math.max(g.place.toleranceKm, 100);
      if (!byEvidence && !(sameDate && near)) return;
      // (events told by one clause listing places tie on evidence and date: the one within the gold's tolerance, then the nearest, is its match)
      pairs.push({ gi, ei, score: (byEvidence ? 4 : 0) + (sameDate ? 2 : 0) + (near ? 1 : 0) + (dist <= g.place.toleranceKm ? 0.5 : 0), dist });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.dist - b.dist || a.gi - b.gi || a.ei - b.ei);
  const goldTaken = new Map<number, number>();
  const eventTaken = new Set<number>();
  for (const p of pairs) {
    if (goldTaken.has(p.gi) || eventTaken.has(p.ei)) continue;
    goldTaken.set(p.gi, p.ei);
    eventTaken.add(p.ei);
  }

  const incidents: IncidentResult[] = gold.incidents.map((g, gi) => {
    const ei = goldTaken.get(gi);
    if (ei === undefined) return { key: g.key, matched: false, date: false, place: false, deaths: false, injured: false, full: false, problem: 'no extracted event' };
    const p = events[ei].properties;
    const date = p.date === g.date && (!g.dateEnd || p.dateEnd === g.dateEnd);
    const d = located(events[ei]) ? km(events[ei].geometry.coordinates as [number, number], [g.place.lon, g.place.lat]) : Infinity;
    const place = d <= g.place.toleranceKm;
    const deaths = p.fatalities === g.killed;
    const injured = p.injured === g.injured;
    const problems = [
      date ? '' : `date ${p.date}..${p.dateEnd} (gold ${g.date}${g.dateEnd && g.dateEnd !== g.date ? '..' + g.dateEnd : ''})`,
      place ? '' : `place ${p.location} ${Number.isFinite(d) ? Math.round(d) + ' km off' : 'not located'} (gold ${g.place.name}, tol ${g.place.toleranceKm})`,
      deaths ? '' : `killed ${p.fatalities} (gold ${g.killed})`,
    ].filter(Boolean);
    return { key: g.key, matched: true, date, place, deaths, injured, full: date && place && deaths, ...(problems.length ? { problem: problems.join('; ') } : {}) };
  });
  const spurious = events
    .filter((_, ei) => !eventTaken.has(ei))
    .map((e) => ({ id: e.properties.id, date: e.properties.date, location: e.properties.location }));
  return { article: article.id, places, falsePlaces, incidents, spurious };
}

export interface Totals {
  articles: number;
  placeMentions: number;
  placesRight: number;
  falsePlaces: number;
  incidents: number;
  matched: number;
  fullyRight: number;
  dateRight: number;
  placeRight: number;
  deathsRight: number;
  injuredRight: number;
  spurious: number;
}

export function totals(scores: ArticleScore[]): Totals {
  const inc = scores.flatMap((s) => s.incidents);
  return {
    articles: scores.length,
    placeMentions: scores.reduce((n, s) => n + s.places.length, 0),
    placesRight: scores.reduce((n, s) => n + s.places.filter((p) => p.right).length, 0),
    falsePlaces: scores.reduce((n, s) => n + s.falsePlaces.length, 0),
    incidents: inc.length,
    matched: inc.filter((i) => i.matched).length,
    fullyRight: inc.filter((i) => i.full).length,
    dateRight: inc.filter((i) => i.date).length,
    placeRight: inc.filter((i) => i.place).length,
    deathsRight: inc.filter((i) => i.deaths).length,
    injuredRight: inc.filter((i) => i.injured).length,
    spurious: scores.reduce((n, s) => n + s.spurious.length, 0),
  };
}
