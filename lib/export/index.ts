import { presentBrief, type EventView } from '../present';
import type { Article, BriefCollection, EventFeature } from '../types';
import { acledRow } from './acled';
import { eventsCsv } from './csv';
import { eventsGeoJson } from './geojson';
import { eventsKml } from './kml';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(v: string): v is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(v);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
};

/**
 * The given events (as the pages present them) in one of the export formats.
 * `baseUrl` prefixes permalinks ('' gives site-relative links, as the CLI does).
 *
 * @example
 * exportEvents('csv', view.events, collection, articles, 'https://brief.example')
 */
export function exportEvents(format: ExportFormat, events: EventView[], collection: BriefCollection, articles: Article[], baseUrl: string): string {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const rows = events.map((e) => acledRow(e, byArticle, baseUrl));
  if (format === 'csv') return eventsCsv(rows);
  if (format === 'kml') return eventsKml(events, rows);
  const byId = new Map(
    collection.features.filter((f): f is EventFeature => f.properties.kind === 'event').map((f) => [f.properties.id, f]),
  );
  return JSON.stringify(eventsGeoJson(events.map((e) => byId.get(e.id)!), rows)) + '\n';
}

/** Every event of a collection, for the command line. */
export function exportCollection(format: ExportFormat, collection: BriefCollection, articles: Article[], baseUrl = ''): string {
  return exportEvents(format, presentBrief(collection, articles).events, collection, articles, baseUrl);
}
