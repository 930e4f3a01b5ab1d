import { geoConicConformal, geoContains, geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
import type { Element, ElementContent } from 'xast';
import { x } from 'xastscript';
import { serializeXml } from '../export/xml';
import { markerSize, symbolFor, TYPE_SYMBOLS, type TypeSymbol } from '../../components/symbols';
import type { EventView } from '../present';
import type { MapViewState } from '../state/brief-state';
import { simplifyBasemap, type FigureBasemap } from './basemap';
import { outlineText } from './outline';
import { casualtiesText, FIGURE_ATTRIBUTION, figureTitles, longDay, sourceLine, whatText, type ArticleRef } from './content';
import { FONT_FAMILY, textWidth, wrapText, type Weight } from './fonts';
import { placeLabels, type Box, type LabelCandidate, type PlacedLabel } from './labels';
import type { FigureOptions } from './params';

export interface FigureInput {
  /** The events the map shows for this state (filters applied), in date order. */
  events: EventView[];
  selectedId: string | null;
  view: MapViewState | null;
  articles: ArticleRef[];
  dataAsOf: string | null;
  basemap: FigureBasemap;
  options: FigureOptions;
}

export interface FigureSource {
  /** The figure as SVG, every glyph outlined: what is handed out and what resvg rasterises. */
  svg: string;
  title: string;
  description: string;
  /** Where the title's first line is drawn, in CSS px: tests check the PNG is not blank there. */
  titleBox: Box;
  /** Every label drawn on the map, for tests and goldens. */
  labels: PlacedLabel[];
}

const BORDER_COLOR = '#d7263d';
const COUNTRY_FILL: Record<string, string> = { TJ: '#f4efe4', AF: '#ece6f0' };
const OTHER_FILL = '#e6e6e3';
const INK = '#1d232b';
const MUTED = '#5a6470';
/** RFC 7946 order, [west, south, east, north]: the region the basemap covers. */
const REGION: [number, number, number, number] = [65.5, 35.0, 76.0, 41.3];

const r1 = (v: number) => Math.round(v * 10) / 10;

function conic(): GeoProjection {
  return geoConicConformal().parallels([36.5, 39.5]).rotate([-71, 0]);
}

function grid(w: number, s: number, e: number, n: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i <= 6; i++) for (let j = 0; j <= 6; j++) out.push([w + ((e - w) * i) / 6, s + ((n - s) * j) / 6]);
  return out;
}

function bboxOf(points: Position[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function coordsOf(g: Geometry | null | undefined): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(coordsOf);
  }
}

/** What the Leaflet map shows at this centre and zoom in a panel of this size (Web Mercator tiles of 256 px). */
function mercatorExtent(v: MapViewState, w: number, h: number): [number, number, number, number] {
  const world = 256 * 2 ** v.zoom;
  const toY = (lat: number) => (world / 2) * (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI);
  const toLat = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - (2 * y) / world))) - 90;
  const cy = toY(v.lat);
  const dLon = (w / world) * 360;
  return [v.lon - dLon / 2, toLat(cy + h / 2), v.lon + dLon / 2, toLat(cy - h / 2)];
}

function pad([w, s, e, n]: [number, number, number, number], frac: number, minLon: number, minLat: number): [number, number, number, number] {
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max(((e - w) / 2) * (1 + frac), minLon / 2);
  const hh = Math.max(((n - s) / 2) * (1 + frac), minLat / 2);
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function text(content: string, at: { x: number; y: number }, size: number, weight: Weight, attrs: Record<string, string | number> = {}): Element {
  return x('text', { x: r1(at.x), y: r1(at.y), 'font-size': r1(size), 'font-weight': weight === 'bold' ? 700 : 400, ...attrs }, content);
}

/** The same shapes as the map's markers (components/symbols.ts), drawn centred on (cx, cy). */
function symbol(s: TypeSymbol, size: number, cx: number, cy: number, selected = false, vague = false): Element {
  const h = size / 2;
  const stroke = selected ? '#111' : vague ? s.color : '#fff';
  const sw = selected ? 3 : 1.5;
  const x0 = cx - h;
  const y0 = cy - h;
  const shape =
    s.shape === 'square'
      ? x('rect', { x: r1(x0 + sw), y: r1(y0 + sw), width: r1(size - 2 * sw), height: r1(size - 2 * sw), rx: 2 })
      : s.shape === 'diamond'
        ? x('path', { d: `M${r1(cx)} ${r1(y0 + sw)}L${r1(x0 + size - sw)} ${r1(cy)}L${r1(cx)} ${r1(y0 + size - sw)}L${r1(x0 + sw)} ${r1(cy)}Z` })
        : s.shape === 'triangle'
          ? x('path', { d: `M${r1(cx)} ${r1(y0 + sw)}L${r1(x0 + size - sw)} ${r1(y0 + size - sw)}L${r1(x0 + sw)} ${r1(y0 + size - sw)}Z` })
          : x('circle', { cx: r1(cx), cy: r1(cy), r: r1(h - sw) });
  return x(
    'g',
    { fill: s.color, 'fill-opacity': vague ? 0.3 : 0.9, stroke, 'stroke-width': sw, ...(vague ? { 'stroke-dasharray': '3 2' } : {}) },
    shape,
  );
}

function badge(n: number, cx: number, cy: number, r: number): Element {
  return x('g', {}, [
    x('circle', { cx: r1(cx), cy: r1(cy), r: r1(r), fill: '#1f2a36', stroke: '#fff', 'stroke-width': r1(r * 0.16) }),
    text(String(n), { x: cx, y: cy + r * 0.4 }, r * 1.15, 'bold', { fill: '#fff', 'text-anchor': 'middle' }),
  ]);
}

/** A nice scale-bar length (1, 2 or 5 × 10^k km) close to `km`. */
function niceKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(km));
  return [1, 2, 5, 10].map((m) => m * p).filter((v) => v <= km).at(-1) ?? p;
}

/**
 * Lays out and draws one figure: header (title, subtitle), the map (basemap, border, uncertainty
 * areas, numbered event symbols, labels placed without collisions, scale bar, locator inset), a key
 * (legend and the numbered events) and a footer (data date, sources, attribution). Pure: the same
 * input gives the same string.
 *
 * @example
 * renderFigureSource({ events, selectedId: null, view: null, articles, dataAsOf: '2025-12-24', basemap, options }).svg
 */
export function renderFigureSource(input: FigureInput): FigureSource {
  const { width: W, height: H } = input.options;
  const s = Math.min(2.5, Math.max(0.6, Math.sqrt((W * H) / (1600 * 900))));
  const m = Math.round(28 * s);
  const selected = input.events.find((e) => e.id === input.selectedId) ?? null;

  // Header
  const auto = figureTitles(input.events, selected);
  // Control characters are not allowed in XML 1.0 and mean nothing in a title.
  const clean = (t: string) => t.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const title = clean(input.options.title ?? auto.title);
  const subtitle = clean(input.options.subtitle ?? auto.subtitle);
  const titleSize = 32 * s;
  const subSize = 18 * s;
  const titleLines = wrapText(title, W - 2 * m, titleSize, 'bold', 2);
  const subLines = wrapText(subtitle, W - 2 * m, subSize, 'regular', 2);
  const header: ElementContent[] = [x('rect', { x: m, y: r1(m - 10 * s), width: r1(56 * s), height: r1(5 * s), fill: BORDER_COLOR })];
  let y = m + titleSize * 0.95;
  const titleBox: Box = { x0: m, y0: y - titleSize * 0.75, x1: m + textWidth(titleLines[0] ?? '', titleSize, 'bold'), y1: y + titleSize * 0.05 };
  titleLines.forEach((line, i) => {
    if (i > 0) y += titleSize * 1.18;
    header.push(text(line, { x: m, y }, titleSize, 'bold', { fill: INK }));
  });
  y += titleSize * 0.35;
  for (const line of subLines) {
    y += subSize * 1.3;
    header.push(text(line, { x: m, y }, subSize, 'regular', { fill: MUTED }));
  }
  const bodyTop = y + 16 * s;

  // Footer, bottom up
  const footSize = 12.5 * s;
  const asOf = input.dataAsOf ? `Data as of ${longDay(input.dataAsOf)}.` : 'Data date unknown.';
  // Room is kept for the source line of every event shown; the line drawn names the articles behind the events in the frame.
  const reserved = wrapText(`${asOf} ${sourceLine(input.events, input.articles)}`, W - 2 * m, footSize, 'regular', 3);
  const attrLines = wrapText(FIGURE_ATTRIBUTION, W - 2 * m, footSize * 0.92, 'regular', 2);
  const footer: ElementContent[] = [];
  let fy = H - m + footSize * 0.3;
  for (const line of [...attrLines].reverse()) {
    footer.push(text(line, { x: m, y: fy }, footSize * 0.92, 'regular', { fill: '#6b7480' }));
    fy -= footSize * 1.3;
  }
  const sourceTop = fy;
  fy -= footSize * 1.3 * reserved.length;
  const bodyBottom = fy - 6 * s;

  // Body: map and key side by side on wide figures, stacked on tall ones
  const gap = 22 * s;
  const side = W >= 1.15 * H;
  const bodyH = bodyBottom - bodyTop;
  let map: Rect;
  let panel: Rect;
  if (side) {
    const pw = Math.min(440 * s, Math.max(270 * s, 0.27 * W));
    map = { x: m, y: bodyTop, w: W - 2 * m - pw - gap, h: bodyH };
    panel = { x: map.x + map.w + gap, y: bodyTop, w: pw, h: bodyH };
  } else {
    const ph = Math.min(0.42 * bodyH, 300 * s);
    map = { x: m, y: bodyTop, w: W - 2 * m, h: bodyH - ph - gap };
    panel = { x: m, y: map.y + map.h + gap, w: W - 2 * m, h: ph };
  }

  // Projection: the URL's view if it has one, else the selected event's area, else the whole border
  const projection = conic();
  if (input.view) {
    const [w, so, e, n] = mercatorExtent(input.view, map.w, map.h);
    projection.fitExtent([[map.x, map.y], [map.x + map.w, map.y + map.h]], { type: 'MultiPoint', coordinates: grid(w, so, e, n) });
  } else {
    const focus = selected
      ? [selected.coordinates, ...coordsOf(selected.uncertainty)]
      : [...coordsOf(input.basemap.border.features[0]?.geometry), ...input.events.map((e) => e.coordinates)];
    const [w, so, e, n] = selected ? pad(bboxOf(focus), 0.5, 1.6, 1.0) : pad(bboxOf(focus), 0.04, 0, 0);
    const inset = 24 * s;
    projection.fitExtent([[map.x + inset, map.y + inset], [map.x + map.w - inset, map.y + map.h - inset]], { type: 'MultiPoint', coordinates: grid(w, so, e, n) });
  }
  projection.clipExtent([[map.x, map.y], [map.x + map.w, map.y + map.h]]);
  const path = geoPath(projection).digits(1);
  const project = (p: Position) => projection(p as [number, number]) ?? [NaN, NaN];
  const inMap = ([px, py]: [number, number], margin = 0) =>
    px >= map.x + margin && px <= map.x + map.w - margin && py >= map.y + margin && py <= map.y + map.h - margin;

  // Equivalent web-map zoom, to show the same towns the map would
  const c = projection.invert!([map.x + map.w / 2, map.y + map.h / 2])!;
  const pxPerDeg = Math.abs(project([c[0] + 0.5, c[1]])[0] - project([c[0] - 0.5, c[1]])[0]);
  const zoom = Math.log2((pxPerDeg * 360) / 256);
  const basemap = simplifyBasemap(input.basemap, 0.6 / pxPerDeg);

  // Events in the frame, numbered in date order; events sharing a spot fanned out as on the map
  const inFrame = input.events.filter((e) => inMap(project(e.coordinates) as [number, number], 2));
  const numbered = inFrame.map((e, i) => ({ e, n: i + 1, at: project(e.coordinates) as [number, number], size: markerSize(e.fatalities, e.injured) * s }));
  const groups: { at: [number, number]; items: typeof numbered }[] = [];
  for (const item of numbered) {
    const g = groups.find((gr) => Math.hypot(gr.at[0] - item.at[0], gr.at[1] - item.at[1]) < 14 * s);
    if (g) g.items.push(item);
    else groups.push({ at: item.at, items: [item] });
  }
  const badgeR = 9 * s;
  const markers: ElementContent[] = [];
  const leaders: ElementContent[] = [];
  const obstacles: Box[] = [];
  const badges: ElementContent[] = [];
  for (const g of groups) {
    const biggest = Math.max(...g.items.map((i) => i.size));
    const radius = g.items.length > 1 ? Math.max(20 * s, biggest * 0.8 + 4 * s) : 0;
    if (g.items.length > 1) {
      leaders.push(x('circle', { cx: r1(g.at[0]), cy: r1(g.at[1]), r: r1(2.4 * s), fill: '#1f2a36' }));
      // The leader lines' circle; the markers and badges add their own boxes below.
      obstacles.push({ x0: g.at[0] - radius, y0: g.at[1] - radius, x1: g.at[0] + radius, y1: g.at[1] + radius });
    }
    g.items.forEach((item, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / g.items.length;
      const cx = g.at[0] + radius * Math.cos(angle);
      const cy = g.at[1] + radius * Math.sin(angle);
      if (radius > 0) leaders.push(x('path', { d: `M${r1(g.at[0])} ${r1(g.at[1])}L${r1(cx)} ${r1(cy)}`, stroke: '#1f2a36', 'stroke-width': r1(1 * s), fill: 'none' }));
      markers.push(symbol(symbolFor(item.e.eventType), item.size, cx, cy, item.e.id === input.selectedId, item.e.geoPrecision === 3));
      const out = radius > 0 ? radius + item.size / 2 + badgeR * 0.6 : (item.size / 2 + badgeR * 0.5) * Math.SQRT2;
      const ba = radius > 0 ? angle : -Math.PI / 4;
      const bx = g.at[0] + out * Math.cos(ba);
      const by = g.at[1] + out * Math.sin(ba);
      badges.push(badge(item.n, bx, by, badgeR));
      obstacles.push({ x0: cx - item.size / 2, y0: cy - item.size / 2, x1: cx + item.size / 2, y1: cy + item.size / 2 });
      obstacles.push({ x0: bx - badgeR, y0: by - badgeR, x1: bx + badgeR, y1: by + badgeR });
    });
  }

  // Uncertainty areas, drawn like the map's
  const uncertainty: ElementContent[] = inFrame
    .filter((e) => e.uncertainty)
    .map((e) => {
      const color = symbolFor(e.eventType).color;
      const isLine = e.uncertainty!.type === 'LineString' || e.uncertainty!.type === 'MultiLineString';
      const sel = e.id === input.selectedId;
      const d = path(e.uncertainty!) ?? '';
      return isLine
        ? x('path', { d, fill: 'none', stroke: color, 'stroke-width': r1((sel ? 14 : 10) * s), 'stroke-opacity': sel ? 0.45 : 0.3, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })
        : x('path', { d, fill: color, 'fill-opacity': sel ? 0.18 : 0.08, stroke: color, 'stroke-width': r1((sel ? 2.5 : 1.5) * s), 'stroke-dasharray': `${r1(6 * s)} ${r1(4 * s)}` });
    });

  // Locator inset (top right) and scale bar (bottom left) take their corners before labels are placed
  const insetW = Math.min(230 * s, Math.max(130 * s, 0.2 * map.w));
  const insetProj = conic().fitWidth(insetW - 8 * s, { type: 'MultiPoint', coordinates: grid(...REGION) });
  const [[ix0, iy0], [ix1, iy1]] = geoPath(insetProj).bounds({ type: 'MultiPoint', coordinates: grid(...REGION) });
  const insetH = iy1 - iy0 + 8 * s;
  const inset: Rect = { x: map.x + map.w - insetW - 10 * s, y: map.y + 10 * s, w: insetW, h: insetH };
  insetProj.translate([insetProj.translate()[0] + inset.x + 4 * s - ix0, insetProj.translate()[1] + inset.y + 4 * s - iy0]);
  insetProj.clipExtent([[inset.x, inset.y], [inset.x + inset.w, inset.y + inset.h]]);
  const insetPath = geoPath(insetProj).digits(1);
  const insetMap = simplifyBasemap(input.basemap, 0.02);
  const corners: Position[] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) corners.push([map.x + (map.w * i) / steps, map.y]);
  for (let i = 0; i <= steps; i++) corners.push([map.x + map.w, map.y + (map.h * i) / steps]);
  for (let i = steps; i >= 0; i--) corners.push([map.x + (map.w * i) / steps, map.y + map.h]);
  for (let i = steps; i >= 0; i--) corners.push([map.x, map.y + (map.h * i) / steps]);
  const frame = corners.map((p) => insetProj(projection.invert!(p as [number, number])!)!).filter(Boolean);
  const frameD = `M${frame.map((p) => `${r1(p[0])} ${r1(p[1])}`).join('L')}Z`;
  const insetEls: ElementContent[] = [
    x('rect', { x: r1(inset.x), y: r1(inset.y), width: r1(inset.w), height: r1(inset.h), fill: '#ffffff', stroke: '#8a9099', 'stroke-width': r1(1 * s) }),
    ...insetMap.countries.features.map((f) =>
      x('path', { d: insetPath(f) ?? '', fill: f.properties.iso2 === 'TJ' ? '#d9cdb4' : f.properties.iso2 === 'AF' ? '#d3c7de' : '#ececea', stroke: '#a0a5ab', 'stroke-width': r1(0.5 * s) }),
    ),
    x('path', { d: insetPath(insetMap.border) ?? '', fill: 'none', stroke: BORDER_COLOR, 'stroke-width': r1(1.2 * s) }),
    x('path', { d: frameD, fill: '#1d232b', 'fill-opacity': 0.08, stroke: '#1d232b', 'stroke-width': r1(1.6 * s) }),
  ];
  for (const f of input.basemap.countries.features.filter((c) => c.properties.iso2 === 'TJ' || c.properties.iso2 === 'AF')) {
    const p = insetProj(f.properties.label);
    if (p) insetEls.push(text(f.properties.name.toUpperCase(), { x: p[0], y: p[1] + (f.properties.iso2 === 'TJ' ? -10 * s : 6 * s) }, 8 * s, 'bold', { fill: '#4d4d4d', 'text-anchor': 'middle', 'letter-spacing': r1(0.8 * s) }));
  }
  obstacles.push({ x0: inset.x - 4 * s, y0: inset.y - 4 * s, x1: inset.x + inset.w + 4 * s, y1: inset.y + inset.h + 4 * s });

  const kmPer100px = (geoDistance(projection.invert!([map.x + map.w / 2 - 50, map.y + map.h / 2])!, projection.invert!([map.x + map.w / 2 + 50, map.y + map.h / 2])!) * 6371.0088);
  const km = niceKm((kmPer100px / 100) * Math.min(200 * s, map.w * 0.2));
  const barW = (km / kmPer100px) * 100;
  const sb = { x: map.x + 14 * s, y: map.y + map.h - 14 * s };
  const sbSize = 11.5 * s;
  const scaleBar: ElementContent[] = [
    x('rect', { x: r1(sb.x - 8 * s), y: r1(sb.y - 30 * s), width: r1(barW + 16 * s + textWidth(' km', sbSize, 'regular')), height: r1(38 * s), fill: '#ffffff', 'fill-opacity': 0.85, rx: r1(3 * s) }),
    x('rect', { x: r1(sb.x), y: r1(sb.y - 8 * s), width: r1(barW / 2), height: r1(5 * s), fill: INK }),
    x('rect', { x: r1(sb.x + barW / 2), y: r1(sb.y - 8 * s), width: r1(barW / 2), height: r1(5 * s), fill: '#ffffff', stroke: INK, 'stroke-width': r1(1 * s) }),
    text('0', { x: sb.x, y: sb.y - 13 * s }, sbSize, 'regular', { fill: INK, 'text-anchor': 'middle' }),
    text(String(km / 2), { x: sb.x + barW / 2, y: sb.y - 13 * s }, sbSize, 'regular', { fill: INK, 'text-anchor': 'middle' }),
    text(`${km} km`, { x: sb.x + barW, y: sb.y - 13 * s }, sbSize, 'regular', { fill: INK, 'text-anchor': 'start', dx: r1(-textWidth(String(km), sbSize, 'regular') / 2) }),
  ];
  obstacles.push({ x0: sb.x - 8 * s, y0: sb.y - 30 * s, x1: sb.x + barW + 40 * s, y1: sb.y + 8 * s });

  // Labels: countries of the border first, then towns by rank, then provinces, then the neighbours
  const candidates: LabelCandidate[] = [];
  const halo = 3.2 * s;
  const coarse = new Map(simplifyBasemap(input.basemap, 0.02).countries.features.map((f) => [f.properties.iso2, f]));
  for (const f of basemap.countries.features) {
    const main = f.properties.iso2 === 'TJ' || f.properties.iso2 === 'AF';
    const size = (main ? 17 : 12.5) * s;
    const d = 34 * s;
    let p = project(f.properties.label) as [number, number];
    if (!inMap(p, 20 * s)) {
      // The country's usual label point is off this frame: label the part of it the frame shows.
      const inside: [number, number][] = [];
      for (let i = 1; i < 12; i++)
        for (let j = 1; j < 12; j++) {
          const q: [number, number] = [map.x + (map.w * i) / 12, map.y + (map.h * j) / 12];
          const ll = projection.invert!(q);
          // Coarse outlines are enough to choose where a label goes, and much faster to test.
          if (ll && geoContains(coarse.get(f.properties.iso2) ?? f, ll)) inside.push(q);
        }
      if (inside.length < (main ? 6 : 10)) continue;
      p = [inside.reduce((a, q) => a + q[0], 0) / inside.length, inside.reduce((a, q) => a + q[1], 0) / inside.length];
    }
    candidates.push({
      text: f.properties.name.toUpperCase(),
      at: p,
      size,
      weight: 'bold',
      letterSpacing: (main ? 3 : 2) * s,
      fill: main ? '#7a6f5c' : '#9a9a96',
      priority: main ? 0 : 3,
      anchors: [[0, 0], [0, -d], [0, d], [-2 * d, 0], [2 * d, 0], [-2 * d, d], [2 * d, -d]].map(([dx, dy]) => ({ dx, dy, align: 'middle' as const })),
    });
  }
  const rankZoom = [5, 6.5, 8];
  for (const f of [...input.basemap.towns.features].sort((a, b) => a.properties.rank - b.properties.rank || b.properties.population - a.properties.population)) {
    if (zoom < rankZoom[f.properties.rank]) continue;
    const p = project(f.geometry.coordinates) as [number, number];
    const capital = f.properties.rank === 0;
    const size = (capital ? 13.5 : 12) * s;
    const o = 6 * s;
    candidates.push({
      text: f.properties.name,
      at: p,
      size,
      weight: capital ? 'bold' : 'regular',
      letterSpacing: 0,
      fill: '#2b3038',
      priority: 1 + f.properties.rank * 0.1,
      dot: 2.6 * s * (capital ? 1.2 : 1),
      anchors: [
        { dx: o, dy: size * 0.35, align: 'start' },
        { dx: -o, dy: size * 0.35, align: 'end' },
        { dx: o * 0.6, dy: -o, align: 'start' },
        { dx: o * 0.6, dy: o + size * 0.7, align: 'start' },
        { dx: -o * 0.6, dy: -o, align: 'end' },
        { dx: -o * 0.6, dy: o + size * 0.7, align: 'end' },
      ],
    });
  }
  for (const f of input.basemap.admin1.features) {
    if (!f.properties.label || zoom < 6) continue;
    // A province named after its capital (Dushanbe) would print the same word twice.
    if (input.basemap.towns.features.some((t) => t.properties.name === f.properties.name && inMap(project(t.geometry.coordinates) as [number, number]))) continue;
    const p = project(f.properties.label) as [number, number];
    const size = 11 * s;
    candidates.push({
      text: f.properties.name,
      at: p,
      size,
      weight: 'regular',
      letterSpacing: 0.6 * s,
      fill: '#86769a',
      priority: 2,
      anchors: [[0, 0], [0, -16 * s], [0, 16 * s]].map(([dx, dy]) => ({ dx, dy, align: 'middle' as const })),
    });
  }
  const mapBox: Box = { x0: map.x + 4 * s, y0: map.y + 4 * s, x1: map.x + map.w - 4 * s, y1: map.y + map.h - 4 * s };
  const placed = placeLabels(candidates, obstacles, mapBox);
  const labelEls: ElementContent[] = [];
  for (const l of placed) {
    if (l.dot) labelEls.push(x('circle', { cx: r1(l.at[0]), cy: r1(l.at[1]), r: r1(l.dot), fill: '#2b3038', stroke: '#fff', 'stroke-width': r1(1 * s) }));
    labelEls.push(
      text(l.text, { x: l.x, y: l.y }, l.size, l.weight, {
        fill: l.fill,
        'text-anchor': l.align,
        ...(l.letterSpacing ? { 'letter-spacing': r1(l.letterSpacing) } : {}),
        stroke: '#ffffff',
        'stroke-width': r1(halo),
        'stroke-linejoin': 'round',
        'stroke-opacity': 0.85,
        'paint-order': 'stroke',
      }),
    );
  }

  const mapEls: ElementContent[] = [
    x('rect', { x: r1(map.x), y: r1(map.y), width: r1(map.w), height: r1(map.h), fill: '#eef0f2' }),
    x(
      'g',
      { 'clip-path': 'url(#map-clip)' },
      ...basemap.countries.features.map((f) =>
        x('path', { d: path(f) ?? '', fill: COUNTRY_FILL[f.properties.iso2] ?? OTHER_FILL, stroke: '#8a8f96', 'stroke-width': r1(1 * s), 'stroke-linejoin': 'round' }),
      ),
      x('path', { d: path(basemap.admin1) ?? '', fill: 'none', stroke: '#a08fb0', 'stroke-width': r1(0.8 * s), 'stroke-dasharray': `${r1(4 * s)} ${r1(3 * s)}` }),
      x('path', { d: path(basemap.border) ?? '', fill: 'none', stroke: '#ffffff', 'stroke-width': r1(6 * s), 'stroke-opacity': 0.9, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }),
      x('path', { d: path(basemap.border) ?? '', fill: 'none', stroke: BORDER_COLOR, 'stroke-width': r1(2.5 * s), 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }),
      ...uncertainty,
      ...labelEls,
      ...leaders,
      ...markers,
      ...badges,
    ),
    ...insetEls,
    ...scaleBar,
    x('rect', { x: r1(map.x), y: r1(map.y), width: r1(map.w), height: r1(map.h), fill: 'none', stroke: '#b9bec4', 'stroke-width': r1(1 * s) }),
  ];

  const sourceLines = wrapText(`${asOf} ${sourceLine(inFrame, input.articles)}`, W - 2 * m, footSize, 'regular', 3);
  sourceLines
    .slice()
    .reverse()
    .forEach((line, i) => footer.push(text(line, { x: m, y: sourceTop - i * footSize * 1.3 }, footSize, 'regular', { fill: '#2f3740' })));

  const key = drawKey(panel, side, s, numbered, input.selectedId, input.events.length - inFrame.length);

  const description = [subtitle, ...numbered.map(({ e, n }) => `${n}. ${eventLine(e)}`), sourceLines.join(' '), FIGURE_ATTRIBUTION].join('\n');
  const tree = x(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': FONT_FAMILY },
    x('title', title),
    x('desc', description),
    x('defs', {}, x('clipPath', { id: 'map-clip' }, x('rect', { x: r1(map.x), y: r1(map.y), width: r1(map.w), height: r1(map.h) }))),
    x('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }),
    ...header,
    ...mapEls,
    ...key,
    ...footer,
  );
  return { svg: serializeXml(outlineText(tree)), title, description, titleBox, labels: placed };
}

function dateWords(e: EventView): string {
  return e.timePrecision === 2 ? e.dateText : e.dateShort;
}

function eventLine(e: EventView): string {
  return `${dateWords(e)}: ${whatText(e)}, ${e.placeText}; ${casualtiesText(e)}`;
}

function legendRows(s: number): { draw: (cx: number, cy: number) => ElementContent; label: string }[] {
  const types = Object.values(TYPE_SYMBOLS).slice(0, 3);
  const civ = TYPE_SYMBOLS['Violence against civilians'];
  return [
    ...types.map((t) => ({ draw: (cx: number, cy: number) => symbol(t, 14 * s, cx, cy), label: t.label })),
    { draw: (cx, cy) => symbol(TYPE_SYMBOLS.Battles, markerSize(2, 1) * s, cx, cy), label: 'size: killed + injured' },
    { draw: (cx, cy) => symbol(civ, 14 * s, cx, cy, false, true), label: 'hollow: only the region or border is known' },
    {
      draw: (cx, cy) =>
        x('rect', { x: r1(cx - 8 * s), y: r1(cy - 6 * s), width: r1(16 * s), height: r1(12 * s), fill: civ.color, 'fill-opacity': 0.1, stroke: civ.color, 'stroke-width': r1(1.5 * s), 'stroke-dasharray': `${r1(3 * s)} ${r1(2 * s)}` }),
      label: 'exact site unknown: anywhere in the area',
    },
    { draw: (cx, cy) => x('path', { d: `M${r1(cx - 6 * s)} ${r1(cy)}L${r1(cx + 6 * s)} ${r1(cy)}`, stroke: civ.color, 'stroke-opacity': 0.35, 'stroke-width': r1(8 * s), 'stroke-linecap': 'round' }), label: 'somewhere along this stretch of border' },
    {
      draw: (cx, cy) =>
        x('g', {}, [
          x('path', { d: `M${r1(cx - 9 * s)} ${r1(cy)}L${r1(cx + 9 * s)} ${r1(cy)}`, stroke: '#fff', 'stroke-width': r1(6 * s) }),
          x('path', { d: `M${r1(cx - 9 * s)} ${r1(cy)}L${r1(cx + 9 * s)} ${r1(cy)}`, stroke: BORDER_COLOR, 'stroke-width': r1(2.5 * s) }),
        ]),
      label: 'Tajikistan–Afghanistan border',
    },
    { draw: (cx, cy) => badge(1, cx, cy, 8 * s), label: 'event number, as listed below' },
  ];
}

function sectionHead(label: string, at: { x: number; y: number }, s: number): Element {
  return text(label.toUpperCase(), at, 11.5 * s, 'bold', { fill: MUTED, 'letter-spacing': r1(1.2 * s) });
}

/** The key: what the symbols mean, then every event on the map, numbered as on the map. */
function drawKey(panel: Rect, side: boolean, s: number, numbered: { e: EventView; n: number }[], selectedId: string | null, outside: number): ElementContent[] {
  const out: ElementContent[] = [];
  const rowH = 22 * s;
  const rows = legendRows(s);
  const legendW = side ? panel.w : Math.min(panel.w * 0.4, 360 * s);
  let y = panel.y + 12 * s;
  out.push(sectionHead('Key', { x: panel.x, y }, s));
  y += 8 * s;
  const legendRowsFit = side ? rows : rows.slice(0, Math.max(1, Math.floor((panel.h - 20 * s) / rowH)));
  for (const row of legendRowsFit) {
    y += rowH;
    out.push(row.draw(panel.x + 11 * s, y - 4.5 * s));
    out.push(text(wrapText(row.label, legendW - 30 * s, 12.5 * s, 'regular', 1)[0] ?? '', { x: panel.x + 28 * s, y }, 12.5 * s, 'regular', { fill: INK }));
  }
  const list: Rect = side ? { x: panel.x, y: y + 26 * s, w: panel.w, h: panel.y + panel.h - y - 26 * s } : { x: panel.x + legendW + 24 * s, y: panel.y, w: panel.w - legendW - 24 * s, h: panel.h };
  let ly = list.y + 12 * s;
  out.push(sectionHead(`Events on this map (${numbered.length})`, { x: list.x, y: ly }, s));
  ly += 10 * s;
  const lineH = 16 * s;
  const textX = list.x + 26 * s;
  const textW = list.w - 26 * s;
  for (let i = 0; i < numbered.length; i++) {
    const { e, n } = numbered[i];
    const head = `${dateWords(e)} · ${whatText(e).replace(/^./, (c) => c.toUpperCase())}`;
    const body = wrapText(`${e.placeText} · ${casualtiesText(e)}`, textW, 12 * s, 'regular', 2);
    const need = lineH * (1 + body.length) + 8 * s;
    const remaining = numbered.length - i;
    if (ly + need + (remaining > 1 ? lineH : 0) > list.y + list.h) {
      out.push(text(`+ ${remaining} more: see the event list or the CSV export`, { x: list.x, y: ly + lineH }, 12 * s, 'regular', { fill: MUTED }));
      ly += lineH;
      break;
    }
    if (e.id === selectedId) out.push(x('rect', { x: r1(list.x - 4 * s), y: r1(ly + 4 * s), width: r1(list.w + 4 * s), height: r1(need - 2 * s), fill: '#fff4c2' }));
    ly += lineH;
    out.push(badge(n, list.x + 9 * s, ly - 4.5 * s, 8.5 * s));
    const sym = symbolFor(e.eventType);
    out.push(text(wrapText(head, textW, 13 * s, 'bold', 1)[0] ?? '', { x: textX, y: ly }, 13 * s, 'bold', { fill: sym.color }));
    for (const line of body) {
      ly += lineH;
      out.push(text(line, { x: textX, y: ly }, 12 * s, 'regular', { fill: '#333a42' }));
    }
    ly += 8 * s;
  }
  if (outside > 0) out.push(text(`${outside} more outside this frame`, { x: list.x, y: Math.min(ly + lineH, list.y + list.h) }, 12 * s, 'regular', { fill: MUTED }));
  return out;
}
