import { Resvg } from '@resvg/resvg-js';
import { loadBrief } from '../brief';
import { selectEvents } from '../export/select';
import { loadFigureBasemap } from './basemap';
import { dataAsOf, type ArticleRef } from './content';
import { FONT_FAMILY, fontFiles } from './fonts';
import { parseFigureParams, type ParamResult } from './params';
import { serializeBriefState } from '../state/brief-state';
import { renderFigureSource, type FigureSource } from './render';

export type FigureFormat = 'svg' | 'png';

const recent = new Map<string, FigureSource>();

export interface Figure {
  source: FigureSource;
  scale: number;
}

function resvg(svg: string, scale: number): Resvg {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
}

/**
 * The figure for a map URL's parameters (plus width, height, scale, title, subtitle), from the
 * corpus and the basemap the map uses. Refuses bad parameters with the parameter named.
 *
 * @example
 * buildFigure(new URLSearchParams('e=ev-2025-11-26-09d30c07')) // { ok: true, value: { source, scale: 1 } }
 */
export function buildFigure(q: URLSearchParams, { cache = true }: { cache?: boolean } = {}): ParamResult<Figure> {
  const parsed = parseFigureParams(q);
  if (!parsed.ok) return parsed;
  const { state, options } = parsed.value;
  // Same parameters, same figure: the preview and the downloads of one dialog share the layout work.
  const key = JSON.stringify([serializeBriefState(state), options.width, options.height, options.title, options.subtitle]);
  const hit = recent.get(key);
  if (hit && cache) return { ok: true, value: { source: hit, scale: options.scale } };
  const { view, articles } = loadBrief();
  const shown = selectEvents(view.events, state, 'shown');
  if (!shown.ok) return shown;
  const refs: ArticleRef[] = articles.map((a) => ({ id: a.id, published: a.published ?? null, source: a.source ?? null }));
  const source = renderFigureSource({
    events: shown.value,
    selectedId: state.event,
    view: state.view,
    articles: refs,
    dataAsOf: dataAsOf(refs),
    basemap: loadFigureBasemap(),
    options,
  });
  recent.set(key, source);
  if (recent.size > 32) recent.delete(recent.keys().next().value!);
  return { ok: true, value: { source, scale: options.scale } };
}

/** The SVG to hand out: glyphs are outlined, so it needs no font and opens the same everywhere. */
export function figureSvg(source: FigureSource): string {
  return source.svg;
}

/** The PNG: resvg renders the SVG with the shipped font at `scale` pixels per CSS px. */
export function figurePng(source: FigureSource, scale: number): Buffer {
  return resvg(source.svg, scale).render().asPng();
}

/** RGBA pixels of the figure at `scale`, for tests that look at what was drawn. */
export function figurePixels(source: FigureSource, scale: number): { width: number; height: number; pixels: Buffer } {
  const r = resvg(source.svg, scale).render();
  return { width: r.width, height: r.height, pixels: r.pixels };
}
