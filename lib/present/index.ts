/**
 * Turns the pipeline's FeatureCollection into what the pages show: plain words for dates, places and
 * precision, excerpts with their place names marked, distance to the border. Runs on the server, so
 * the browser gets only this view model — never the gazetteer or turf's heavier functions.
 */
import { plausibleCount } from '../visible-text';
import type { Geometry } from 'geojson';
import { borderRelation, type BorderRelation } from '../geo/border';
import type { Article, BriefCollection, Disagreement, EventProperties, GeoPrecision, LonLat, PlaceProperties, TimePrecision } from '../types';
import { formatDateSpan, shortDate, TIME_PRECISION_WORDS } from './dates';

export interface Highlight {
  start: number;
  end: number;
  placeId: string;
}

export interface ExcerptView {
  start: number;
  end: number;
  text: string;
  /** Place names inside the excerpt, as offsets into `text`. */
  highlights: Highlight[];
}

export interface SourceView {
  article: string;
  title: string;
  published: string | null;
  excerpts: ExcerptView[];
}

export interface ClaimView {
  value: string;
  article: string;
  excerpt: string | null;
}

export interface DisagreementView {
  field: string;
  claims: ClaimView[];
}

export interface EventView {
  id: string;
  coordinates: LonLat;
  uncertainty: Geometry | null;
  date: string;
  dateEnd: string;
  timePrecision: TimePrecision;
  dateText: string;
  dateShort: string;
  timePrecisionText: string;
  eventType: string;
  subEventType: string;
  fatalities: number | null;
  injured: number | null;
  /** "3", "at least 2 (vague: “several”)", "not reported". */
  fatalitiesText: string;
  injuredText: string;
  location: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  geoPrecision: GeoPrecision;
  placeText: string;
  geoPrecisionText: string;
  border: BorderRelation;
  borderText: string;
  victims: string[];
  nationalities: string[];
  weapon: string | null;
  origin: string | null;
  sources: SourceView[];
  disagreements: DisagreementView[];
  /** Accessible one-line name for the marker and list item. */
  label: string;
}

export interface PlaceView {
  id: string;
  name: string;
  country: string;
  admin1: string | null;
  featureType: string;
  geoPrecision: GeoPrecision;
  coordinates: LonLat;
  governmentOnly: boolean;
  mentionCount: number;
  articles: string[];
}

export interface ArticleView {
  id: string;
  title: string;
  published: string | null;
  publishedBasis: string | null;
  url: string | null;
}

export interface BriefView {
  events: EventView[];
  places: PlaceView[];
  articles: ArticleView[];
}

export const GEO_PRECISION_WORDS: Record<GeoPrecision, string> = {
  1: 'the named place itself',
  2: 'near a named place, or part of a district: exact site not reported',
  3: 'only the province or border area is known',
};

/** A title for an article that has none: its first words. */
export function articleTitle(a: Article): string {
  if (a.title) return a.title;
  const first = a.body.trim().split(/(?<=[.!?])\s/)[0] ?? a.id;
  return first.length > 90 ? `${first.slice(0, 87).trimEnd()}…` : first;
}

function countText(n: number | null, vague: unknown): string {
  if (n === null || n === undefined) return 'not reported';
  if (typeof vague === 'string' && vague) return `at least ${n} (reported as “${vague}”)`;
  if (vague === true) return `at least ${n} (vague wording)`;
  return String(n);
}

/** Plain words for where an event was, saying how precise that is. */
export function placeText(p: Pick<EventProperties, 'location' | 'admin1' | 'admin2' | 'geoPrecision'>): string {
  const where = [p.location, p.admin2 && p.admin2 !== p.location ? p.admin2 : null, p.admin1 && p.admin1 !== p.location ? p.admin1 : null]
    .filter(Boolean)
    .join(', ');
  if (p.geoPrecision === 1) return where;
  if (p.geoPrecision === 2) return `${where} — exact site not reported`;
  return `somewhere in ${where} — only the wider area is reported`;
}

function borderText(b: BorderRelation): string {
  const side = b.sideName ? `${b.sideName} side` : 'side unknown';
  if (b.distanceKm < 1) return `on the Tajik–Afghan border (${side})`;
  return `${b.distanceKm.toFixed(b.distanceKm < 10 ? 1 : 0)} km from the Tajik–Afghan border, ${side}`;
}

function asStrings(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(asStrings);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const text = [o.count, o.nationality, o.description ?? o.who ?? o.group, o.employer ? `(${o.employer})` : null]
      .filter((x) => x !== null && x !== undefined && x !== '')
      .join(' ');
    return text ? [text] : [];
  }
  return [String(v)];
}

function nationalitiesOf(v: unknown): string[] {
  const out = new Set<string>();
  const visit = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      const n = (x as Record<string, unknown>).nationality;
      if (typeof n === 'string' && n) out.add(n);
    }
  };
  visit(v);
  return [...out].sort();
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'not stated';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  const o = v as Record<string, unknown>;
  if ('date' in o && 'dateEnd' in o) return o.date === o.dateEnd ? String(o.date) : `${o.date} – ${o.dateEnd}`;
  return Object.entries(o)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k, x]) => `${k}: ${valueText(x)}`)
    .join('; ');
}

function disagreementsView(ds: Disagreement[] | undefined): DisagreementView[] {
  return (ds ?? []).map((d) => ({
    field: d.field,
    claims: d.claims.map((c) => ({ value: valueText(c.value), article: c.article, excerpt: c.excerpt?.text ?? null })),
  }));
}

/**
 * Builds the view model for the pages from the pipeline's output and the articles it read.
 *
 * @example
 * const view = presentBrief(buildCollection(articles), articles);
 * view.events[0].placeText // "Shamsiddin Shohin district, Khatlon — exact site not reported"
 */
export function presentBrief(collection: BriefCollection, articles: Article[]): BriefView {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const placeFeatures = collection.features.filter((f) => f.properties.kind === 'place') as { geometry: { coordinates: number[] }; properties: PlaceProperties }[];

  const mentionsByArticle = new Map<string, Highlight[]>();
  for (const f of placeFeatures) {
    for (const m of f.properties.mentions) {
      const list = mentionsByArticle.get(m.article) ?? [];
      list.push({ start: m.start, end: m.end, placeId: f.properties.id });
      mentionsByArticle.set(m.article, list);
    }
  }

  const events: EventView[] = collection.features
    .filter((f) => f.properties.kind === 'event')
    .map((f) => {
      const p = f.properties as EventProperties;
      const coordinates = f.geometry.coordinates as LonLat;
      const border = borderRelation(coordinates);
      const sources: SourceView[] = p.sources.map((s) => {
        const a = byId.get(s.article);
        const mentions = mentionsByArticle.get(s.article) ?? [];
        return {
          article: s.article,
          title: a ? articleTitle(a) : s.article,
          published: a?.published ?? null,
          excerpts: s.excerpts.map((e) => ({
            ...e,
            highlights: mentions
              .filter((m) => m.start >= e.start && m.end <= e.end)
              .map((m) => ({ start: m.start - e.start, end: m.end - e.start, placeId: m.placeId })),
          })),
        };
      });
      // Absurd figures (400 nines, over 100,000) are not reported, with the reason (lib/visible-text.ts).
      const fat = plausibleCount(p.fatalities);
      const inj = plausibleCount(p.injured);
      const killed = fat.reason ?? countText(fat.n, p.fatalitiesVague);
      const dateText = formatDateSpan(p.date, p.dateEnd, p.timePrecision);
      const place = placeText(p);
      return {
        id: p.id,
        coordinates,
        uncertainty: (p.uncertainty as Geometry | null | undefined) ?? null,
        date: p.date,
        dateEnd: p.dateEnd,
        timePrecision: p.timePrecision,
        dateText,
        dateShort: shortDate(p.date, p.timePrecision),
        timePrecisionText: TIME_PRECISION_WORDS[p.timePrecision],
        eventType: p.eventType,
        subEventType: p.subEventType,
        fatalities: fat.n,
        injured: inj.n,
        fatalitiesText: killed,
        injuredText: inj.reason ?? countText(inj.n, p.injuredVague),
        location: p.location,
        country: p.country,
        admin1: p.admin1,
        admin2: p.admin2,
        geoPrecision: p.geoPrecision,
        placeText: place,
        geoPrecisionText: GEO_PRECISION_WORDS[p.geoPrecision],
        border,
        borderText: borderText(border),
        victims: asStrings(p.victims),
        nationalities: nationalitiesOf(p.victims),
        weapon: asStrings(p.weapon).join(', ') || null,
        origin: asStrings(p.origin).join(', ') || null,
        sources,
        disagreements: disagreementsView(p.disagreements),
        label: `${p.subEventType || p.eventType}, ${dateText}, ${place}; killed: ${killed}`,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const places: PlaceView[] = placeFeatures.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    country: f.properties.country,
    admin1: f.properties.admin1,
    featureType: f.properties.featureType,
    geoPrecision: f.properties.geoPrecision,
    coordinates: f.geometry.coordinates as LonLat,
    governmentOnly: !!f.properties.governmentOnly,
    mentionCount: f.properties.mentions.length,
    articles: [...new Set(f.properties.mentions.map((m) => m.article))],
  }));

  return {
    events,
    places,
    articles: articles.map((a) => ({
      id: a.id,
      title: articleTitle(a),
      published: a.published ?? null,
      publishedBasis: a.publishedBasis ?? null,
      url: a.url ?? null,
    })),
  };
}
