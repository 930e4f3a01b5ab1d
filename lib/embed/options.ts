import { isIsoDate } from '../iso-date';
import { serializeBriefState, DEFAULT_STATE, type BriefState } from '../state/brief-state';

/**
 * What an /embed URL can ask for. Parsing never fails: a bad or unknown parameter falls back to the
 * default for that parameter and is reported in `ignored`, which the embed shows as a small notice,
 * because an embed lives in someone else's page where an error page would be worse than a default.
 */
export type EmbedTheme = 'light' | 'dark' | 'auto';
export type Bbox = [west: number, south: number, east: number, north: number];

export type EmbedView = { kind: 'bbox'; bbox: Bbox } | { kind: 'center'; lat: number; lon: number; zoom: number };

export interface EmbedFilters {
  from: string | null;
  to: string | null;
  types: string[];
  nationality: string | null;
  places: boolean;
}

export interface EmbedOptions {
  /** null: fit the events shown (or the selected ones). */
  view: EmbedView | null;
  /** Selected and framed events. */
  events: string[];
  filters: EmbedFilters;
  theme: EmbedTheme;
  legend: boolean;
  controls: boolean;
  interactive: boolean;
  /** No controls, no popups, no animation: for screenshots and print. */
  static: boolean;
  title: string | null;
  note: string | null;
}

export interface IgnoredParam {
  param: string;
  value: string;
  reason: string;
}

/** What the data holds, so that an unknown event id, type or nationality can be named as ignored. */
export interface EmbedVocabulary {
  eventIds: ReadonlySet<string>;
  types: ReadonlySet<string>;
  nationalities: ReadonlySet<string>;
}

export const DEFAULT_EMBED: EmbedOptions = {
  view: null,
  events: [],
  filters: { from: null, to: null, types: [], nationality: null, places: false },
  theme: 'light',
  legend: true,
  controls: true,
  interactive: true,
  static: false,
  title: null,
  note: null,
};

export const MIN_EMBED_ZOOM = 5;
export const MAX_EMBED_ZOOM = 12;
export const MAX_TITLE_LENGTH = 120;
export const MAX_NOTE_LENGTH = 280;

/** `e` and `view` are the main page's names: a query copied from the map's own URL works here too. */
const KNOWN = new Set(['bbox', 'center', 'zoom', 'view', 'event', 'e', 'from', 'to', 'types', 'nat', 'places', 'theme', 'legend', 'controls', 'interactive', 'static', 'title', 'note']);

const BOOLEAN_VALUES: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/**
 * @example
 * parseEmbedOptions(new URLSearchParams('bbox=69,37,71,38.5&theme=dark&zoom=x'), vocabulary)
 * // { options: { view: { kind: 'bbox', bbox: [69, 37, 71, 38.5] }, theme: 'dark', … },
 * //   ignored: [{ param: 'zoom', value: 'x', reason: '…' }] }
 */
export function parseEmbedOptions(q: URLSearchParams, vocabulary: EmbedVocabulary): { options: EmbedOptions; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const ignore = (param: string, value: string, reason: string) => ignored.push({ param, value, reason });
  const seen = new Set<string>();
  for (const [k, v] of q) {
    if (!KNOWN.has(k)) ignore(k, v, 'unknown parameter');
    else if (seen.has(k)) ignore(k, v, 'given more than once; the first is used');
    seen.add(k);
  }
  const get = (k: string) => q.get(k);
  const o: EmbedOptions = structuredClone(DEFAULT_EMBED);

  o.view = parseView(q, ignore);

  const eventParam = get('event') !== null ? 'event' : get('e') !== null ? 'e' : null;
  if (eventParam) {
    const raw = get(eventParam)!;
    for (const id of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (vocabulary.eventIds.has(id)) {
        if (!o.events.includes(id)) o.events.push(id);
      } else ignore(eventParam, id, 'no such event');
    }
  }

  for (const k of ['from', 'to'] as const) {
    const v = get(k);
    if (v === null || v === '') continue;
    if (isIsoDate(v)) o.filters[k] = v;
    else ignore(k, v, 'not a date (YYYY-MM-DD)');
  }
  if (o.filters.from && o.filters.to && o.filters.from > o.filters.to) {
    ignore('to', o.filters.to, 'before from');
    o.filters.to = null;
  }
  const types = get('types');
  if (types) {
    for (const t of types.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (vocabulary.types.has(t)) o.filters.types.push(t);
      else ignore('types', t, 'no such event type');
    }
  }
  const nat = get('nat');
  if (nat) {
    if (vocabulary.nationalities.has(nat)) o.filters.nationality = nat;
    else ignore('nat', nat, 'no victims of that nationality');
  }

  const bool = (k: 'places' | 'legend' | 'controls' | 'interactive' | 'static', set: (b: boolean) => void) => {
    const v = get(k);
    if (v === null) return;
    if (v in BOOLEAN_VALUES) set(BOOLEAN_VALUES[v]);
    else ignore(k, v, 'expected 0 or 1');
  };
  bool('places', (b) => (o.filters.places = b));
  bool('legend', (b) => (o.legend = b));
  bool('controls', (b) => (o.controls = b));
  bool('interactive', (b) => (o.interactive = b));
  bool('static', (b) => (o.static = b));

  const theme = get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark' || theme === 'auto') o.theme = theme;
    else ignore('theme', theme, 'expected light, dark or auto');
  }

  o.title = text(get('title'), MAX_TITLE_LENGTH, 'title', ignore);
  o.note = text(get('note'), MAX_NOTE_LENGTH, 'note', ignore);

  if (o.static) {
    o.controls = false;
    o.interactive = false;
  }
  return { options: o, ignored };
}

function text(v: string | null, max: number, param: string, ignore: (p: string, v: string, r: string) => void): string | null {
  if (v === null) return null;
  // Control characters have no business in a caption; whitespace runs collapse as HTML would.
  const clean = v.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= max) return clean;
  ignore(param, clean.slice(max, max + 20) + '…', `longer than ${max} characters; cut`);
  return clean.slice(0, max - 1).trimEnd() + '…';
}

function numbers(v: string, n: number): number[] | null {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length !== n || parts.some((p) => p === '')) return null;
  const xs = parts.map(Number);
  return xs.every(Number.isFinite) ? xs : null;
}

function validZoom(z: number): boolean {
  return Number.isFinite(z) && z >= MIN_EMBED_ZOOM && z <= MAX_EMBED_ZOOM;
}

function parseView(q: URLSearchParams, ignore: (p: string, v: string, r: string) => void): EmbedView | null {
  const bbox = q.get('bbox');
  const center = q.get('center');
  const zoom = q.get('zoom');
  const view = q.get('view');
  let out: EmbedView | null = null;

  if (bbox !== null) {
    const b = numbers(bbox, 4);
    if (!b) ignore('bbox', bbox, 'expected west,south,east,north in degrees');
    else if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] >= b[2] || b[1] >= b[3]) ignore('bbox', bbox, 'not a box: west < east and south < north, in degrees');
    else out = { kind: 'bbox', bbox: b as Bbox };
  }

  if (center !== null) {
    const c = numbers(center, 2);
    const z = zoom === null ? NaN : Math.round(Number(zoom));
    if (out) ignore('center', center, 'bbox is given; center is not used');
    else if (!c || Math.abs(c[0]) > 90 || Math.abs(c[1]) > 180) ignore('center', center, 'expected lat,lon in degrees');
    else if (zoom === null) ignore('center', center, `needs zoom (${MIN_EMBED_ZOOM}–${MAX_EMBED_ZOOM})`);
    else if (!validZoom(z)) ignore('zoom', zoom, `expected a number from ${MIN_EMBED_ZOOM} to ${MAX_EMBED_ZOOM}`);
    else out = { kind: 'center', lat: c[0], lon: c[1], zoom: z };
    if (out?.kind === 'bbox' && zoom !== null) ignore('zoom', zoom, 'bbox is given; zoom is not used');
  } else if (zoom !== null) {
    ignore('zoom', zoom, out ? 'bbox is given; zoom is not used' : 'needs center');
  }

  if (view !== null) {
    const v = numbers(view, 3);
    if (out) ignore('view', view, 'bbox or center is given; view is not used');
    else if (!v || Math.abs(v[0]) > 90 || Math.abs(v[1]) > 180 || !validZoom(Math.round(v[2]))) ignore('view', view, 'expected lat,lon,zoom');
    else out = { kind: 'center', lat: v[0], lon: v[1], zoom: Math.round(v[2]) };
  }
  return out;
}

/**
 * The query string for options, in a fixed order and without defaults, so equal options give equal
 * URLs (the Share dialog's snippet and the screenshot contract rely on this).
 */
export function serializeEmbedOptions(o: EmbedOptions): string {
  const q = new URLSearchParams();
  if (o.view?.kind === 'bbox') q.set('bbox', o.view.bbox.map((x) => round(x, 4)).join(','));
  if (o.view?.kind === 'center') {
    q.set('center', `${round(o.view.lat, 4)},${round(o.view.lon, 4)}`);
    q.set('zoom', String(o.view.zoom));
  }
  if (o.events.length) q.set('event', o.events.join(','));
  if (o.filters.from) q.set('from', o.filters.from);
  if (o.filters.to) q.set('to', o.filters.to);
  if (o.filters.types.length) q.set('types', [...o.filters.types].sort().join(','));
  if (o.filters.nationality) q.set('nat', o.filters.nationality);
  if (o.filters.places) q.set('places', '1');
  if (o.theme !== 'light') q.set('theme', o.theme);
  if (!o.legend) q.set('legend', '0');
  if (o.static) q.set('static', '1');
  else {
    if (!o.controls) q.set('controls', '0');
    if (!o.interactive) q.set('interactive', '0');
  }
  if (o.title) q.set('title', o.title);
  if (o.note) q.set('note', o.note);
  return q.toString().replace(/%2C/gi, ',');
}

function round(x: number, digits: number): string {
  return String(+x.toFixed(digits));
}

/** Embed options showing what the main page shows: its selection, filters and view. */
export function embedOptionsFromBrief(s: BriefState, extra: Partial<Omit<EmbedOptions, 'view' | 'events' | 'filters'>> = {}): EmbedOptions {
  return {
    ...DEFAULT_EMBED,
    ...extra,
    view: s.view ? { kind: 'center', lat: s.view.lat, lon: s.view.lon, zoom: Math.min(MAX_EMBED_ZOOM, Math.max(MIN_EMBED_ZOOM, s.view.zoom)) } : null,
    events: s.event ? [s.event] : [],
    filters: { from: s.from, to: s.to, types: [...s.types], nationality: s.nationality, places: s.places },
  };
}

/** The main page's query for what an embed shows (its first selected event, filters, centred view). */
export function briefQueryFromEmbed(o: EmbedOptions): string {
  return serializeBriefState({
    ...DEFAULT_STATE,
    event: o.events[0] ?? null,
    from: o.filters.from,
    to: o.filters.to,
    types: o.filters.types,
    nationality: o.filters.nationality,
    places: o.filters.places,
    view: o.view?.kind === 'center' ? { lat: o.view.lat, lon: o.view.lon, zoom: o.view.zoom } : null,
  });
}
