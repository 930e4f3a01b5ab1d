import { isIsoDate } from '../iso-date';

/**
 * What a shared link must reproduce: selection, filters, places layer and map view, kept in the URL.
 * Parsing is forgiving (a bad value falls back to the default) because links get mangled in transit.
 */
export interface MapViewState {
  lat: number;
  lon: number;
  zoom: number;
}

export interface BriefState {
  event: string | null;
  from: string | null;
  to: string | null;
  /** Event types shown; empty means all. */
  types: string[];
  nationality: string | null;
  places: boolean;
  view: MapViewState | null;
}

export const DEFAULT_STATE: BriefState = { event: null, from: null, to: null, types: [], nationality: null, places: false, view: null };


/**
 * @example
 * parseBriefState(new URLSearchParams('e=ev-1&types=Battles&view=37.8,70.0,9'))
 * // { event: 'ev-1', types: ['Battles'], view: { lat: 37.8, lon: 70, zoom: 9 }, … }
 */
export function parseBriefState(q: URLSearchParams): BriefState {
  const date = (k: string) => {
    const v = q.get(k);
    return v && isIsoDate(v) ? v : null;
  };
  let view: MapViewState | null = null;
  const raw = q.get('view')?.split(',').map(Number);
  if (raw && raw.length === 3 && raw.every(Number.isFinite) && Math.abs(raw[0]) <= 90 && Math.abs(raw[1]) <= 180 && raw[2] >= 0 && raw[2] <= 20) {
    view = { lat: raw[0], lon: raw[1], zoom: Math.round(raw[2]) };
  }
  return {
    event: q.get('e') || null,
    from: date('from'),
    to: date('to'),
    types: (q.get('types') ?? '').split(',').filter(Boolean),
    nationality: q.get('nat') || null,
    places: q.get('places') === '1',
    view,
  };
}

/** The query string for a state, in a fixed key order so equal states give equal links. */
export function serializeBriefState(s: BriefState): string {
  const q = new URLSearchParams();
  if (s.event) q.set('e', s.event);
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.types.length) q.set('types', [...s.types].sort().join(','));
  if (s.nationality) q.set('nat', s.nationality);
  if (s.places) q.set('places', '1');
  if (s.view) q.set('view', `${s.view.lat.toFixed(4)},${s.view.lon.toFixed(4)},${s.view.zoom}`);
  // Commas are legal in a query string; leaving them unescaped keeps shared links readable.
  return q.toString().replace(/%2C/gi, ',');
}

interface Filterable {
  date: string;
  dateEnd: string;
  eventType: string;
  nationalities: string[];
}

/** Events whose date span overlaps [from, to] and that match the type and nationality filters. */
export function filterEvents<E extends Filterable>(events: E[], s: BriefState): E[] {
  return events.filter(
    (e) =>
      (!s.from || (e.dateEnd || e.date) >= s.from) &&
      (!s.to || e.date <= s.to) &&
      (s.types.length === 0 || s.types.includes(e.eventType)) &&
      (!s.nationality || e.nationalities.includes(s.nationality)),
  );
}
