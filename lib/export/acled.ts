import { length, area } from '@turf/turf';
import type { EventView } from '../present';
import type { Article } from '../types';

/** ACLED's 31 columns, in the codebook's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** This project's own columns, after ACLED's. */
export const OWN_COLUMNS = ['date_start', 'date_end', 'injured', 'uncertainty', 'permalink', 'excerpts'] as const;

export const EXPORT_COLUMNS = [...ACLED_COLUMNS, ...OWN_COLUMNS] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
/** A cell: a number stays a number, a value no source gives is null (an empty cell), never a guess. */
export type ExportRow = Record<ExportColumn, string | number | null>;

/** ISO 3166-1 numeric code, name and ACLED region of the countries the basemap covers. */
const COUNTRIES: Record<string, { iso: number; name: string; region: string }> = {
  TJ: { iso: 762, name: 'Tajikistan', region: 'Caucasus and Central Asia' },
  AF: { iso: 4, name: 'Afghanistan', region: 'South Asia' },
  UZ: { iso: 860, name: 'Uzbekistan', region: 'Caucasus and Central Asia' },
  KG: { iso: 417, name: 'Kyrgyzstan', region: 'Caucasus and Central Asia' },
  TM: { iso: 795, name: 'Turkmenistan', region: 'Caucasus and Central Asia' },
  CN: { iso: 156, name: 'China', region: 'East Asia' },
  PK: { iso: 586, name: 'Pakistan', region: 'South Asia' },
};

/** ACLED's disorder type follows from its event type (codebook). */
const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

const DAY = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** ACLED dates an event known only to a span by the span's middle day (time_precision 2 or 3). */
export function middleDay(start: string, end: string): string {
  const a = toDays(start);
  const b = toDays(end || start);
  return new Date(a + Math.floor((b - a) / DAY / 2) * DAY).toISOString().slice(0, 10);
}

/** Where the event may be, in words, with the size of the area. */
export function uncertaintyText(e: EventView): string {
  const g = e.uncertainty;
  if (!g) return e.geoPrecision === 1 ? 'the named place itself' : e.geoPrecisionText;
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    return `${e.geoPrecisionText}; anywhere along ${Math.round(length({ type: 'Feature', properties: {}, geometry: g }, { units: 'kilometers' }))} km of the Tajik–Afghan border`;
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    return `${e.geoPrecisionText}; anywhere in an area of ${Math.round(area(g) / 1e6)} km²`;
  }
  return e.geoPrecisionText;
}

/**
 * One event as an ACLED-style row plus this project's columns. Columns no source fills stay null:
 * actors and their inter codes (the extractor does not tell attacker from victim or from the body
 * that reported it), admin3, source_scale and tags.
 *
 * @example
 * acledRow(view.events[0], articles, 'https://brief.example').event_date // "2024-11-15" (middle of November)
 */
export function acledRow(e: EventView, articles: Map<string, Article>, baseUrl: string): ExportRow {
  const country = COUNTRIES[e.country];
  const eventDate = e.timePrecision === 1 ? e.date : middleDay(e.date, e.dateEnd);
  const used = e.sources.map((s) => articles.get(s.article)).filter((a): a is Article => !!a);
  const outlets = [...new Set(used.map((a) => a.source).filter((s): s is string => !!s))];
  const latest = used.map((a) => a.published).filter((d): d is string => !!d).sort().at(-1);
  const excerpts = e.sources.flatMap((s) => {
    const a = articles.get(s.article);
    const where = [s.article, a?.source, a?.published].filter(Boolean).join(', ');
    return s.excerpts.map((x) => `“${x.text}” (${where})`);
  });
  return {
    event_id_cnty: e.id,
    event_date: eventDate,
    year: Number(eventDate.slice(0, 4)),
    time_precision: e.timePrecision,
    disorder_type: DISORDER[e.eventType] ?? null,
    event_type: e.eventType || null,
    sub_event_type: e.subEventType || null,
    actor1: null,
    assoc_actor_1: null,
    inter1: null,
    actor2: null,
    assoc_actor_2: null,
    inter2: null,
    interaction: null,
    civilian_targeting: e.eventType === 'Violence against civilians' ? 'Civilian targeting' : null,
    iso: country?.iso ?? null,
    region: country?.region ?? null,
    country: country?.name ?? (e.country || null),
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: null,
    location: e.location || null,
    latitude: Math.round(e.coordinates[1] * 1e4) / 1e4,
    longitude: Math.round(e.coordinates[0] * 1e4) / 1e4,
    geo_precision: e.geoPrecision,
    source: outlets.length ? outlets.join('; ') : null,
    source_scale: null,
    notes: `${e.dateText}: ${e.subEventType || e.eventType}, ${e.placeText}. Killed: ${e.fatalitiesText}; injured: ${e.injuredText}. Reported by ${used.length} article${used.length === 1 ? '' : 's'}.`,
    fatalities: e.fatalities,
    tags: null,
    timestamp: latest ? toDays(latest) / 1000 : null,
    date_start: e.date,
    date_end: e.dateEnd || e.date,
    injured: e.injured,
    uncertainty: uncertaintyText(e),
    permalink: `${baseUrl}/events/${encodeURIComponent(e.id)}`,
    excerpts: excerpts.join('\n'),
  };
}
