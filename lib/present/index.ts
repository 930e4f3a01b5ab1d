/**
 * Turns the pipeline's FeatureCollection into what the pages show: plain words for dates, places and
 * precision, excerpts with their place names marked, distance to the border. Runs on the server, so
 * the browser gets only this view model — never the gazetteer or turf's heavier functions.
 */
import { plausibleCount } from '../visible-text';
import type { Geometry } from 'geojson';
import { borderRelation, type BorderRelation } from '../geo/border';
import { countryAdjective, countryName } from '../geo/countries';
import type { Aggregate, Article, BriefCollection, Disagreement, EventProperties, GeoPrecision, LonLat, PlaceProperties, TimePrecision } from '../types';
import { formatDateSpan, shortDate, TIME_PRECISION_WORDS } from './dates';
import { eventLabel } from './summary';

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
  /** Characters at the start of `text` that are the article's metadata line ("date 2025-12-02"), not its words. */
  meta: number;
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
  /** The article's date, so a reader can weigh an early report against a later one. */
  published: string | null;
  excerpt: string | null;
}

export interface AggregateView {
  article: string;
  excerpt: string;
  /** "3 killed (vague) across 2 incidents; these events: 5 killed, 3 injured". */
  text: string;
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
  /** Victims' nationalities as adjectives ("Chinese"), from the extractor's ISO codes: the nationality filter's values. */
  nationalities: string[];
  /** Companies the victims worked for. */
  employers: string[];
  /** Kinds of target: "mining", "border post", … */
  targets: string[];
  weapons: string[];
  /** Where the attack came from, as each article says: country names. */
  origins: ClaimView[];
  /** Who did it, as each article names them. */
  actors: ClaimView[];
  /** How the place was located, and how the date was read. */
  locationNote: string;
  dateBasis: string;
  /** The article and words the place comes from. */
  placeSource: ClaimView | null;
  /** Sentences about several incidents that include this one (never counted as events). */
  aggregates: AggregateView[];
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
  /** articles.length: what the map's tooltip says (the map data sends the count, not the list). */
  articleCount: number;
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
  /** The events' real date span in words, e.g. "1–30 November 2024 … 23 December 2025"; '' with no events. */
  range: string;
  places: PlaceView[];
  articles: ArticleView[];
}

export const GEO_PRECISION_WORDS: Record<GeoPrecision, string> = {
  1: 'the named place itself',
  2: 'near a named place, or part of a district: exact site not reported',
  3: 'only the province or border area is known',
};

/** A metadata line some articles start with ("date 2025-12-02"): shown as metadata, never quoted as words. */
const LEADING_METADATA = /^\s*(?:date|published|source)\s*:?\s*\d{4}-\d{2}-\d{2}\s*/i;

/** Length of the metadata at the start of a body ("date 2025-12-02 "), 0 when there is none. */
export function leadingMetadataLength(body: string): number {
  return LEADING_METADATA.exec(body)?.[0].length ?? 0;
}

/**
 * An article's title: its front matter's, else its headline line (a short first line without a full stop),
 * else its first sentence, shortened at a word boundary only when it runs past 120 characters.
 *
 * @example
 * articleTitle({ id: 'a', file: 'a.md', body: 'Drone strike in Khatlon\n\nThree killed.' }) // 'Drone strike in Khatlon'
 */
export function articleTitle(a: Article): string {
  if (a.title) return a.title;
  const body = a.body.slice(leadingMetadataLength(a.body)).trim();
  const line = body.split('\n')[0]?.trim() ?? '';
  if (line && line.length <= 120 && !/[.!?]$/.test(line)) return line;
  const first = body.split(/(?<=[.!?])\s/)[0] ?? a.id;
  if (first.length <= 120) return first;
  const cut = first.slice(0, 117);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:–—-]+$/, '')}…`;
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

type Published = (article: string) => string | null;

function claimView(c: { value: unknown; article: string; excerpt?: { text: string } }, published: Published, value = valueText(c.value)): ClaimView {
  return { value, article: c.article, published: published(c.article), excerpt: c.excerpt?.text ?? null };
}

/** Plain words for a field's name in "where the sources disagree". */
const FIELD_WORDS: Record<string, string> = {
  date: 'Date',
  fatalities: 'Killed',
  injured: 'Injured',
  place: 'Place',
  subEventType: 'Type of attack',
  weapon: 'Weapon',
  company: 'Victims’ employer',
  target: 'Target',
};

function disagreementsView(ds: Disagreement[], published: Published): DisagreementView[] {
  return ds.map((d) => ({ field: FIELD_WORDS[d.field] ?? d.field, claims: d.claims.map((c) => claimView(c, published)) }));
}

function countWords(c: { value: number; vague: boolean } | null, what: string): string | null {
  return c ? `${c.vague ? 'at least ' : ''}${c.value} ${what}` : null;
}

function aggregatesView(as: Aggregate[] | undefined): AggregateView[] {
  return (as ?? []).map((a) => {
    const said = [countWords(a.fatalities, 'killed'), countWords(a.injured, 'injured')].filter(Boolean).join(', ');
    const over = a.incidents !== null ? ` over ${a.incidents} incidents` : ` over ${a.covers.length} events`;
    const sum = `these ${a.covers.length} event${a.covers.length === 1 ? '' : 's'} here: ${a.sumOfCovered.fatalities} killed, ${a.sumOfCovered.injured} injured`;
    return { article: a.article, excerpt: a.excerpt.text, text: `${said || 'no figures'}${over}; ${sum}` };
  });
}

/**
 * Builds the view model for the pages from the pipeline's output and the articles it read. `kept` gives an
 * event's view when one made before from the same event and articles is known (a build after an article was
 * added: lib/brief `briefAndMerge`), so that only the events that changed are presented again.
 *
 * @example
 * const view = presentBrief(buildCollection(articles), articles);
 * view.events[0].placeText // "Shamsiddin Shohin district, Khatlon — exact site not reported"
 */
export function presentBrief(collection: BriefCollection, articles: Article[], kept?: (id: string) => EventView | undefined): BriefView {
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
      const known = kept?.(p.id);
      if (known) return known;
      const coordinates = f.geometry.coordinates as LonLat;
      // (borderRelation keeps each point's answer: events share a few hundred places)
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
            meta: a ? Math.max(0, Math.min(e.text.length, leadingMetadataLength(a.body) - e.start)) : 0,
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
      const published: Published = (id) => byId.get(id)?.published ?? null;
      const dateText = formatDateSpan(p.date, p.dateEnd, p.timePrecision);
      const place = placeText(p);
      return {
        id: p.id,
        coordinates,
        uncertainty: p.uncertainty ?? null,
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
        nationalities: [...new Set(p.victims.nationalities.map(countryAdjective))].sort(),
        employers: p.victims.employers,
        targets: p.victims.targets,
        weapons: p.weapons,
        origins: p.origin.filter((o) => o.value).map((o) => claimView(o, published, countryName(o.value!))),
        actors: p.actors.map((a) => claimView(a, published)),
        locationNote: p.locationNote,
        dateBasis: p.dateBasis,
        placeSource: p.placeSource ? claimView(p.placeSource, published) : null,
        aggregates: aggregatesView(p.aggregates),
        sources,
        disagreements: disagreementsView(p.disagreements, published),
        label: eventLabel({ eventType: p.eventType, subEventType: p.subEventType, dateText, placeText: place, fatalitiesText: killed }),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const places: PlaceView[] = placeFeatures.map((f) => {
    const articles = [...new Set(f.properties.mentions.map((m) => m.article))];
    return {
      id: f.properties.id,
      name: f.properties.name,
      country: f.properties.country,
      admin1: f.properties.admin1,
      featureType: f.properties.featureType,
      geoPrecision: f.properties.geoPrecision,
      coordinates: f.geometry.coordinates as LonLat,
      governmentOnly: !!f.properties.governmentOnly,
      mentionCount: f.properties.mentions.length,
      articles,
      articleCount: articles.length,
    };
  });

  const first = events[0]?.date;
  const last = events.reduce((m, e) => (e.dateEnd > m ? e.dateEnd : m), '');
  return {
    events,
    range: first ? formatDateSpan(first, last, 1) : '',
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
