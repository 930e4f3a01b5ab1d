import type { ResolvedMention } from '../geocode/types';
import type { Article, EventFeature } from '../types';
import { detectIncidents, type AggregateClaim } from './incidents';
import { locateIncident, type Borders, type Located, type ProvinceLookup } from './locate';
import { mentionsInRanges } from './mention-index';
import { attachAggregates, groupReports, toEventFeature, type Report } from './merge';

export interface ExtractOptions {
  /** Shared borders by "AF-TJ" (the gazetteer's `borders`), for events known only to be at a border. */
  borders?: Borders;
  /** The province with an ISO 3166-2 code, for incidents the text places in two far-apart places of one province. */
  provinceOf?: ProvinceLookup;
}

/**
 * The attack events the articles tell, one Feature per incident however many articles report it: incidents
 * detected per article (see `detectIncidents`), placed from the geocoder's mentions (`locateIncident`,
 * "in the same sector" resolved to the article's earlier incident), grouped across articles
 * (`groupReports`) and merged field by field with every source's excerpts and every disagreement
 * (`toEventFeature`). Ids are a hash of date, place and type, so they do not depend on input order.
 * An incident nothing places is still an event, with `location: "(not located)"` and its reason.
 *
 * @example
 * const features = extractEvents(articles, new Map(articles.map((a) => [a.id, geocodeArticle(a)])), { borders: loadGazetteer().borders });
 * features[0].properties // { kind: 'event', date: '2025-11-26', subEventType: 'Air/drone strike', fatalities: 3, sources: [...], ... }
 */
export function extractEvents(articles: Article[], mentionsByArticle: Map<string, ResolvedMention[]>, options: ExtractOptions = {}): EventFeature[] {
  return mergeReadings(articles.map((article) => readArticleEvents(article, mentionsByArticle.get(article.id) ?? [], options)));
}

/** What one article tells, before anything is merged across articles: its incidents, placed, and its sentences about several incidents. */
export interface ArticleEvents {
  reports: Report[];
  aggregates: AggregateClaim[];
}

/**
 * One article's incidents, placed from its own mentions: depends on nothing but the article, its mentions
 * and the borders, so it can be computed once per article and kept (see lib/extract-cache).
 */
export function readArticleEvents(article: Article, mentions: ResolvedMention[], options: ExtractOptions = {}): ArticleEvents {
  const borders = options.borders ?? {};
  const reports: Report[] = [];
  const { incidents, aggregates } = detectIncidents(article, { mentions });
  for (const a of aggregates) {
    a.places = mentionsInRanges(mentions, [a.excerpt])
      .filter((m) => m.place && !m.government && !m.adjective)
      .map((m) => ({ name: m.place!.name, id: m.place!.id, excerpt: { start: m.start, end: m.end, text: m.text } }));
  }
  const placed: Located[] = [];
  for (const incident of incidents) {
    const antecedent = placed.find((p) => !p.border) ?? placed[0] ?? null;
    const located = locateIncident(incident, mentions, article.body, antecedent, borders, options.provinceOf);
    if (located) placed.push(located);
    reports.push({ incident, located, published: article.published });
  }
  return { reports, aggregates };
}

/** The events of several articles' readings: reports of one incident grouped and merged, ids made unique, aggregates attached. */
export function mergeReadings(readings: ArticleEvents[]): EventFeature[] {
  const reports = readings.flatMap((r) => r.reports);
  return finishEvents(groupReports(reports).map(toEventFeature), readings.flatMap((r) => r.aggregates));
}

/** The merged events (one per group, in the groups' order) sorted, their ids made unique and the aggregates attached. */
export function finishEvents(events: EventFeature[], aggregates: AggregateClaim[]): EventFeature[] {
  // ids are unique even if two incidents share date, place and type
  const seen = new Map<string, number>();
  for (const e of events.sort((a, b) => a.properties.date.localeCompare(b.properties.date) || a.properties.id.localeCompare(b.properties.id) || firstExcerpt(a).localeCompare(firstExcerpt(b)))) {
    const n = seen.get(e.properties.id) ?? 0;
    seen.set(e.properties.id, n + 1);
    if (n) e.properties.id = `${e.properties.id}-${n + 1}`;
  }
  attachAggregates(events, aggregates);
  return events;
}

function firstExcerpt(e: EventFeature): string {
  const s = e.properties.sources[0];
  return s ? `${s.article}:${String(s.excerpts[0]?.start ?? 0).padStart(8, '0')}` : '';
}
