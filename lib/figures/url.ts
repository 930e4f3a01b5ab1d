import { serializeBriefState, type BriefState } from '../state/brief-state';

export interface FigureUrlOptions {
  format?: 'svg' | 'png';
  width?: number;
  height?: number;
  /** PNG pixel density. */
  scale?: number;
  title?: string;
  subtitle?: string;
  /** Ask the server to send it as an attachment. */
  download?: boolean;
}

/**
 * The URL of a figure of the map in `state` (site-relative; prefix an origin for an embed's
 * <noscript> fallback). Same state and options give the same URL, and so the same bytes.
 *
 * @example
 * figureUrl({ ...DEFAULT_STATE, event: 'ev-1' }, { format: 'png', width: 1200, height: 675 })
 * // "/figures/map.png?e=ev-1&width=1200&height=675"
 */
export function figureUrl(state: BriefState, opts: FigureUrlOptions = {}): string {
  const q = new URLSearchParams(serializeBriefState(state));
  if (opts.width) q.set('width', String(opts.width));
  if (opts.height) q.set('height', String(opts.height));
  if (opts.scale && opts.scale !== 1 && opts.format !== 'svg') q.set('scale', String(opts.scale));
  if (opts.title) q.set('title', opts.title);
  if (opts.subtitle) q.set('subtitle', opts.subtitle);
  if (opts.download) q.set('download', '1');
  const query = q.toString().replace(/%2C/gi, ',');
  return `/figures/map.${opts.format ?? 'png'}${query ? `?${query}` : ''}`;
}

/**
 * The URL of an export of what the map shows in `state`; `scope: 'event'` exports only the selected event.
 *
 * @example
 * exportUrl({ ...DEFAULT_STATE, types: ['Battles'] }, 'csv') // "/api/events.csv?types=Battles"
 */
export function exportUrl(state: BriefState, format: 'geojson' | 'csv' | 'kml', scope: 'shown' | 'event' = 'shown'): string {
  const q = new URLSearchParams(serializeBriefState({ ...state, view: null }));
  if (scope === 'event') q.set('scope', 'event');
  const query = q.toString().replace(/%2C/gi, ',');
  return `/api/events.${format}${query ? `?${query}` : ''}`;
}
