import type { BriefView, EventView, PlaceView } from '../present';
import { DEFAULT_STATE, filterEvents } from '../state/brief-state';
import { boundsOfEvents } from './bounds';
import { briefQueryFromEmbed, parseEmbedOptions, type Bbox, type EmbedOptions, type IgnoredParam } from './options';

export interface EmbedModel {
  options: EmbedOptions;
  ignored: IgnoredParam[];
  /** Events drawn: those the filters keep, plus any selected one a filter would hide. */
  events: EventView[];
  total: number;
  places: PlaceView[];
  /** What to frame when the query gives no view: the selected events, else every event drawn. */
  fit: Bbox | null;
  /** The same view on the main page (a path, relative to the app). */
  permalink: string;
}

/** What /embed draws for a query: options, the events after filters, the box to frame. */
export function embedModel(view: BriefView, query: URLSearchParams): EmbedModel {
  const { options, ignored } = parseEmbedOptions(query, {
    eventIds: new Set(view.events.map((e) => e.id)),
    types: new Set(view.events.map((e) => e.eventType)),
    nationalities: new Set(view.events.flatMap((e) => e.nationalities)),
  });
  const events = embedEvents(view.events, options);
  const selected = events.filter((e) => options.events.includes(e.id));
  const q = briefQueryFromEmbed(options);
  return {
    options,
    ignored,
    events,
    total: view.events.length,
    places: options.filters.places ? view.places : [],
    fit: boundsOfEvents(selected.length ? selected : events),
    permalink: `/${q ? `?${q}` : ''}`,
  };
}

/**
 * The events an embed draws: those its filters keep, plus any it selects that a filter would hide.
 * Shared by the server (counts, the box to frame) and the browser (which draws from the fetched map data).
 */
export function embedEvents<E extends Parameters<typeof filterEvents>[0][number] & { id: string }>(events: E[], options: EmbedOptions): E[] {
  const kept = new Set(filterEvents(events, { ...DEFAULT_STATE, ...options.filters }).map((e) => e.id));
  return events.filter((e) => kept.has(e.id) || options.events.includes(e.id));
}
