import type { Geometry } from 'geojson';
import type { EventView, PlaceView } from './index';

/**
 * What the map, the list, the filters and a marker's popup need of an event: a few short fields.
 * The full EventView (every source, excerpt and disagreement) is fetched only for the selected event.
 */
export interface EventSummary
  extends Pick<
    EventView,
    | 'id'
    | 'coordinates'
    | 'uncertainty'
    | 'date'
    | 'dateEnd'
    | 'dateText'
    | 'dateShort'
    | 'eventType'
    | 'subEventType'
    | 'fatalities'
    | 'injured'
    | 'fatalitiesText'
    | 'injuredText'
    | 'location'
    | 'placeText'
    | 'geoPrecision'
    | 'nationalities'
    | 'label'
  > {
  sourceCount: number;
  /** The first source's article and first excerpt: the popup's quote and its "Source" link. */
  firstSource: { article: string; excerpt: string | null } | null;
}

/**
 * @example
 * summarizeEvent(view.events[0]).firstSource // { article: '001-…', excerpt: 'A drone struck…' }
 */
export function summarizeEvent(e: EventView): EventSummary {
  const first = e.sources[0];
  return {
    id: e.id,
    coordinates: e.coordinates,
    uncertainty: e.uncertainty,
    date: e.date,
    dateEnd: e.dateEnd,
    dateText: e.dateText,
    dateShort: e.dateShort,
    eventType: e.eventType,
    subEventType: e.subEventType,
    fatalities: e.fatalities,
    injured: e.injured,
    fatalitiesText: e.fatalitiesText,
    injuredText: e.injuredText,
    location: e.location,
    placeText: e.placeText,
    geoPrecision: e.geoPrecision,
    nationalities: e.nationalities,
    label: e.label,
    sourceCount: e.sources.length,
    firstSource: first ? { article: first.article, excerpt: first.excerpts[0]?.text ?? null } : null,
  };
}

/**
 * The map's data as sent to the browser (GET /data/<corpus hash>/map.json): event summaries with each
 * distinct uncertainty area stored once (many events share a district or a stretch of border), and the
 * places named. Decoded by {@link decodeMapData}.
 */
export interface MapDataWire {
  events: (Omit<EventSummary, 'uncertainty'> & { area: number | null })[];
  areas: Geometry[];
  places: PlaceView[];
}

export interface MapData {
  events: EventSummary[];
  places: PlaceView[];
}

export function encodeMapData(events: EventView[], places: PlaceView[]): MapDataWire {
  const areas: Geometry[] = [];
  const areaIndex = new Map<string, number>();
  const wire = events.map((e) => {
    const { uncertainty, ...rest } = summarizeEvent(e);
    let area: number | null = null;
    if (uncertainty) {
      const key = JSON.stringify(uncertainty);
      area = areaIndex.get(key) ?? null;
      if (area === null) {
        area = areas.push(uncertainty) - 1;
        areaIndex.set(key, area);
      }
    }
    return { ...rest, area };
  });
  return { events: wire, areas, places };
}

/** Shared areas stay shared objects in the browser: one geometry in memory per district, not per event. */
export function decodeMapData(wire: MapDataWire): MapData {
  return {
    events: wire.events.map(({ area, ...rest }) => ({ ...rest, uncertainty: area === null ? null : wire.areas[area] })),
    places: wire.places,
  };
}

/** Where the map data of a corpus is served: the hash in the path makes the URL immutable. */
export function mapDataPath(corpus: string): string {
  return `/data/${corpus}/map.json`;
}

/** Where one event's full view model (its details panel) is served, under the same corpus hash. */
export function eventDataPath(corpus: string, id: string): string {
  return `/data/${corpus}/events/${encodeURIComponent(id)}`;
}
