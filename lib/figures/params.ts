import { parseBriefState, type BriefState } from '../state/brief-state';

/** Size and words of a figure; everything else comes from the map's own URL state. */
export interface FigureOptions {
  /** CSS px of the figure (the SVG's size; the PNG is this times `scale`). */
  width: number;
  height: number;
  /** PNG pixel density: 2 gives a 3200×1800 PNG of a 1600×900 figure. */
  scale: number;
  /** Overrides of the computed title and subtitle. */
  title: string | null;
  subtitle: string | null;
}

export interface FigureRequest {
  state: BriefState;
  options: FigureOptions;
}

export type ParamResult<T> = { ok: true; value: T } | { ok: false; param: string; message: string };

export const FIGURE_DEFAULTS: FigureOptions = { width: 1600, height: 900, scale: 1, title: null, subtitle: null };
export const FIGURE_LIMITS = { minWidth: 480, minHeight: 360, maxSide: 4000, maxScale: 4, maxPixels: 40_000_000, maxTitle: 200, maxSubtitle: 300 };

function number(q: URLSearchParams, key: string, min: number, max: number, fallback: number, integer: boolean): ParamResult<number> {
  const raw = q.get(key);
  if (raw === null || raw.trim() === '') return { ok: true, value: fallback };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { ok: false, param: key, message: `${key} must be a number, got "${raw.slice(0, 40)}"` };
  if (n < min || n > max) return { ok: false, param: key, message: `${key} must be between ${min} and ${max}, got ${n}` };
  return { ok: true, value: integer ? Math.round(n) : Math.round(n * 100) / 100 };
}

function words(q: URLSearchParams, key: string, max: number): ParamResult<string | null> {
  const raw = q.get(key);
  if (raw === null) return { ok: true, value: null };
  // Control characters have no place in a title and would only confuse the text layout.
  const clean = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length > max) return { ok: false, param: key, message: `${key} must be at most ${max} characters, got ${clean.length}` };
  return { ok: true, value: clean || null };
}

/**
 * Reads a figure request: the map's parameters (e, from, to, types, nat, places, view) plus width,
 * height, scale, title and subtitle. Map parameters fall back as on the map; a bad size or text is
 * refused with the parameter named, never silently turned into a different picture.
 *
 * @example
 * parseFigureParams(new URLSearchParams('e=ev-1&width=1200&scale=2'))
 * // { ok: true, value: { state: { event: 'ev-1', … }, options: { width: 1200, height: 900, scale: 2, … } } }
 */
export function parseFigureParams(q: URLSearchParams): ParamResult<FigureRequest> {
  const L = FIGURE_LIMITS;
  const width = number(q, 'width', L.minWidth, L.maxSide, FIGURE_DEFAULTS.width, true);
  if (!width.ok) return width;
  const height = number(q, 'height', L.minHeight, L.maxSide, FIGURE_DEFAULTS.height, true);
  if (!height.ok) return height;
  const scale = number(q, 'scale', 0.5, L.maxScale, FIGURE_DEFAULTS.scale, false);
  if (!scale.ok) return scale;
  if (width.value * height.value * scale.value ** 2 > L.maxPixels) {
    return { ok: false, param: 'scale', message: `scale: width × height × scale² must be at most ${L.maxPixels} pixels` };
  }
  const title = words(q, 'title', L.maxTitle);
  if (!title.ok) return title;
  const subtitle = words(q, 'subtitle', L.maxSubtitle);
  if (!subtitle.ok) return subtitle;
  return {
    ok: true,
    value: {
      state: parseBriefState(q),
      options: { width: width.value, height: height.value, scale: scale.value, title: title.value, subtitle: subtitle.value },
    },
  };
}
