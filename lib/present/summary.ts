import type { Geometry } from 'geojson';
import type { EventView, PlaceView } from './index';
import type { LonLat } from '../types';

/**
 * What the map, the list and the filters need of an event before a click: a few short fields. The full
 * EventView (every source, excerpt and disagreement) is fetched only for the selected event: its details
 * panel and its popup (the first excerpt, the source link) read it.
 */
export type EventSummary = Pick<
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
>;

/**
 * @example
 * summarizeEvent(view.events[0]).placeText // 'Panj, Khatlon'
 */
export function summarizeEvent(e: EventView): EventSummary {
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
  };
}

/**
 * The accessible one-line name of an event (its marker and list item), from fields the map data carries,
 * so the browser rebuilds it instead of receiving it (this module is the browser's; ./index is the server's).
 *
 * @example
 * eventLabel({ eventType: 'Battles', subEventType: 'Armed clash', dateText: '3 May 2024', placeText: 'Panj, Khatlon', fatalitiesText: '2' })
 * // 'Armed clash, 3 May 2024, Panj, Khatlon; killed: 2'
 */
export function eventLabel(e: Pick<EventView, 'eventType' | 'subEventType' | 'dateText' | 'placeText' | 'fatalitiesText'>): string {
  return `${e.subEventType || e.eventType}, ${e.dateText}, ${e.placeText}; killed: ${e.fatalitiesText}`;
}

/** What the map knows of a place the articles name: its PlaceView without the list of articles (the count stays). */
export type PlaceSummary = Omit<PlaceView, 'articles'>;

export interface MapData {
  events: EventSummary[];
  places: PlaceSummary[];
}

/** Fields of a summary sent as indexes into the shared table of texts (they repeat across events). */
const TEXT_COLUMNS = ['date', 'dateEnd', 'dateText', 'dateShort', 'eventType', 'subEventType', 'fatalitiesText', 'injuredText', 'location', 'placeText'] as const;
/** Fields sent as they are, one value per event. */
const VALUE_COLUMNS = ['id', 'fatalities', 'injured', 'geoPrecision'] as const;

type TextColumn = (typeof TEXT_COLUMNS)[number];
type ValueColumn = (typeof VALUE_COLUMNS)[number];

/**
 * The map's data as sent to the browser (GET /data/<corpus hash>/map.json), column by column: one array per
 * field, each as long as the event list. What repeats across events is stored once and referred to by its
 * index: texts (dates, types, places, counts in words), points, uncertainty areas, lists of nationalities.
 * The label is not sent: it is rebuilt from the other fields ({@link eventLabel}). At 10,000 events this is
 * a fifth of the size of one object per event, and the browser parses it in a fraction of the time.
 * Decoded by {@link decodeMapData}.
 */
export interface MapDataWire {
  count: number;
  texts: string[];
  points: LonLat[];
  areas: Geometry[];
  lists: string[][];
  columns: { [K in TextColumn]: number[] } & { [K in ValueColumn]: EventSummary[K][] } & {
    point: number[];
    /** Index into areas, -1 for none. */
    area: number[];
    nationalities: number[];
  };
  places: PlaceSummary[];
}

/** A table of distinct values, each stored once; `at` gives a value's index, adding it the first time. */
function table<T>(key: (v: T) => string = String) {
  const values: T[] = [];
  const index = new Map<string, number>();
  return {
    values,
    at(v: T): number {
      const k = key(v);
      let i = index.get(k);
      if (i === undefined) index.set(k, (i = values.push(v) - 1));
      return i;
    },
  };
}

export function encodeMapData(events: EventView[], places: PlaceView[]): MapDataWire {
  const texts = table<string>();
  const points = table<LonLat>((p) => `${p[0]},${p[1]}`);
  const areas = table<Geometry>((g) => JSON.stringify(g));
  const lists = table<string[]>((l) => JSON.stringify(l));
  const columns = {
    ...(Object.fromEntries([...TEXT_COLUMNS, ...VALUE_COLUMNS].map((k) => [k, [] as unknown[]])) as Record<TextColumn | ValueColumn, unknown[]>),
    point: [] as number[],
    area: [] as number[],
    nationalities: [] as number[],
  };
  for (const e of events) {
    const s = summarizeEvent(e);
    for (const k of TEXT_COLUMNS) columns[k].push(texts.at(s[k]));
    for (const k of VALUE_COLUMNS) columns[k].push(s[k]);
    columns.point.push(points.at(s.coordinates));
    columns.area.push(s.uncertainty ? areas.at(s.uncertainty) : -1);
    columns.nationalities.push(lists.at(s.nationalities));
  }
  return {
    count: events.length,
    texts: texts.values,
    points: points.values,
    areas: areas.values,
    lists: lists.values,
    columns: columns as MapDataWire['columns'],
    places: places.map(({ articles: _articles, ...place }) => place),
  };
}

/**
 * Back to one summary per event. What was shared on the wire stays shared in memory: one string per
 * distinct text, one array per point, one geometry per area (the canvas layer draws each area once).
 */
export function decodeMapData(wire: MapDataWire): MapData {
  const { columns: c, texts } = wire;
  const events: EventSummary[] = new Array(wire.count);
  for (let i = 0; i < wire.count; i++) {
    const s = {
      id: c.id[i],
      coordinates: wire.points[c.point[i]],
      uncertainty: c.area[i] < 0 ? null : wire.areas[c.area[i]],
      date: texts[c.date[i]],
      dateEnd: texts[c.dateEnd[i]],
      dateText: texts[c.dateText[i]],
      dateShort: texts[c.dateShort[i]],
      eventType: texts[c.eventType[i]],
      subEventType: texts[c.subEventType[i]],
      fatalities: c.fatalities[i],
      injured: c.injured[i],
      fatalitiesText: texts[c.fatalitiesText[i]],
      injuredText: texts[c.injuredText[i]],
      location: texts[c.location[i]],
      placeText: texts[c.placeText[i]],
      geoPrecision: c.geoPrecision[i],
      nationalities: wire.lists[c.nationalities[i]],
      label: '',
    };
    s.label = eventLabel(s);
    events[i] = s;
  }
  return { events, places: wire.places };
}

/** Where the map data of a corpus is served: the hash in the path makes the URL immutable. */
export function mapDataPath(corpus: string): string {
  return `/data/${corpus}/map.json`;
}

/** Where one event's full view model (its details panel) is served, under the same corpus hash. */
export function eventDataPath(corpus: string, id: string): string {
  return `/data/${corpus}/events/${encodeURIComponent(id)}`;
}
