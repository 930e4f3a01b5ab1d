'use client';
import { memo, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Marker, Pane, useMap, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import { toLatLng } from './latlng';
import { templateIcon } from './template-icon';
import { placeLabels, townPriority, type Box, type LabelRequest } from './labels';
import type { Basemap } from './useBasemap';
import { stage } from '../data/stages';
import { frameQueueOf } from './frame-queue';

/** Something drawn on the map that no label may cover: an event marker, a cluster, a place dot. */
export interface PointObstacle {
  at: L.LatLngTuple;
  /** Width and height in pixels. */
  size: number;
}
export type ObstaclesAt = (map: L.Map, zoom: number) => PointObstacle[];

/** The label fonts, as in globals.css; loaded before anything is measured so that widths never change. */
export const LABEL_FONTS = ['11px "Noto Sans"', 'italic 11px "Noto Sans"', '600 15px "Noto Sans"', 'italic 12px "Noto Sans"'];

interface Style {
  className: string;
  font: string;
  /** letter-spacing in px, added after every character as the browser does */
  spacing: number;
  upper?: boolean;
  lineHeight: number;
}
const TOWN: Style = { className: 'town-label', font: LABEL_FONTS[0], spacing: 0, lineHeight: 15 };
const REGION: Style = { className: 'region-label', font: LABEL_FONTS[1], spacing: 0.22, lineHeight: 15 };
const COUNTRY: Style = { className: 'country-label', font: LABEL_FONTS[2], spacing: 2.7, upper: true, lineHeight: 20 };
const RIVER: Style = { className: 'river-label', font: LABEL_FONTS[3], spacing: 1.2, lineHeight: 16 };

/** Priorities beside townPriority's (10–50): country names first, then the border river, then regions. */
const COUNTRY_PRIORITY = 100;
const RIVER_PRIORITY = 35;
const REGION_PRIORITY = 30;
/** Town labels by rank: rank 0 from zoom 5, rank 1 from 7, rank 2 from 8. */
const TOWN_RANK_MIN_ZOOM = [5, 7, 8];
const DOT = 8;
/** Clearance kept around markers and overlays, px. */
const PAD = 2;
/** One river label per this many pixels of river in view. */
const RIVER_REPEAT_PX = 700;
/** How far a river may bend away from a straight label along it, px. */
const RIVER_MAX_BEND_PX = 8;

/** A placed label: an icon the size of its text box, anchored so that the box lands where it was placed. */
interface Drawn {
  key: string;
  at: L.LatLng;
  html: string;
  className: string;
  box: Box;
}

/**
 * Names on the basemap, placed without collisions (labels.ts) each time the view settles: country, town,
 * region and border-river names, by priority, never over an event marker, a map control or anything
 * overlaid on the map (the legend, the Share button). The same view always gives the same labels.
 */
export const MapLabels = memo(function MapLabels({ basemap, obstacles }: { basemap: Basemap; obstacles?: ObstaclesAt }) {
  const map = useMap();
  const [generation, setGeneration] = useState(0);
  // Laid out in a frame of its own once the view has settled (frame-queue.ts): not in the move's frame, nor in
  // the uncertainty areas'. flushSync: the labels are on the page when that frame's callbacks end.
  const queue = frameQueueOf(map);
  const relayout = () => queue.schedule('labels', () => flushSync(() => setGeneration((g) => g + 1)));
  useEffect(() => () => queue.cancel('labels'), [queue]);
  useMapEvents({ movestart: () => queue.cancel('labels'), moveend: relayout, resize: relayout });
  useEffect(
    function relayoutWhenOverlaysChange() {
      const frame = map.getContainer().parentElement;
      if (!frame || typeof ResizeObserver === 'undefined') return;
      const resized = new ResizeObserver(relayout);
      const watch = () => {
        resized.disconnect();
        for (const el of overlayElements(map)) resized.observe(el);
      };
      watch();
      const added = new MutationObserver(watch);
      added.observe(frame, { childList: true });
      return () => {
        resized.disconnect();
        added.disconnect();
      };
    },
    [map],
  );

  // Laid out, and their icons chosen, once per settled view: a render for anything else (the URL catching up
  // with the view, a hover) finds the same labels.
  const drawn = useMemo(
    () =>
      stage('labels', () =>
        layoutLabels(map, basemap, stage('label-obstacles', () => obstacles?.(map, map.getZoom()) ?? [])).map((d) => ({ ...d, icon: divIcon(d, map.latLngToContainerPoint(d.at).round()) })),
      ),
    // generation stands for the view and the overlays, which Leaflet and the DOM hold, not React
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map, basemap, obstacles, generation],
  );
  return (
    <Pane name="basemap-labels" style={{ zIndex: 390, pointerEvents: 'none' }}>
      {drawn.map((d) => (
        <Marker key={d.key} position={d.at} icon={d.icon} interactive={false} keyboard={false} />
      ))}
    </Pane>
  );
});

/** Icons shared by content and offset: an unchanged label keeps its element across relayouts. */
function divIcon({ className, html, box }: Drawn, anchor: L.Point): L.DivIcon {
  const size: L.PointTuple = [Math.round(box.w), Math.round(box.h)];
  const offset: L.PointTuple = [Math.round(anchor.x - box.x), Math.round(anchor.y - box.y)];
  return templateIcon({ className: `map-label ${className}`, html, iconSize: size, iconAnchor: offset });
}

/** Elements drawn over the map: Leaflet's controls, and whatever the page lays over the map's frame. */
function overlayElements(map: L.Map): Element[] {
  const container = map.getContainer();
  const controls = [...container.querySelectorAll('.leaflet-control')];
  const siblings = [...(container.parentElement?.children ?? [])].filter((el) => el !== container);
  return [...controls, ...siblings];
}

function overlayBoxes(map: L.Map): Box[] {
  const origin = map.getContainer().getBoundingClientRect();
  return overlayElements(map)
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => pad({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }, PAD));
}

function pad(b: Box, p: number): Box {
  return { x: b.x - p, y: b.y - p, w: b.w + 2 * p, h: b.h + 2 * p };
}

let canvas: CanvasRenderingContext2D | null = null;
function textWidth(text: string, style: Style): number {
  canvas ??= document.createElement('canvas').getContext('2d')!;
  canvas.font = style.font;
  const shown = style.upper ? text.toUpperCase() : text;
  return Math.ceil(canvas.measureText(shown).width + style.spacing * shown.length) + 1;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/** Label boxes of width w, height h around point p: centred, then shifted up, down, left and right. */
function aroundCentre(p: L.Point, w: number, h: number): Box[][] {
  const at = (dx: number, dy: number): Box[] => [{ x: p.x - w / 2 + dx, y: p.y - h / 2 + dy, w, h }];
  return [at(0, 0), at(0, -h), at(0, h), at(-w / 2, 0), at(w / 2, 0)];
}

interface Pending {
  request: LabelRequest;
  render: (candidate: number) => Drawn;
}

/** Every label that could be drawn in this view, placed; what is drawn, with its position. */
function layoutLabels(map: L.Map, basemap: Basemap, points: PointObstacle[]): Drawn[] {
  const zoom = map.getZoom();
  const size = map.getSize();
  const viewport: Box = { x: 0, y: 0, w: size.x, h: size.y };
  const px = (ll: L.LatLngExpression) => map.latLngToContainerPoint(ll).round();
  const inView = (p: L.Point, margin = 200) => p.x > -margin && p.y > -margin && p.x < size.x + margin && p.y < size.y + margin;
  const pending: Pending[] = [];

  if (zoom <= 8) {
    for (const f of basemap.countries.features) {
      const name = f.properties?.name as string;
      const ll = toLatLng(f.properties!.label as [number, number]);
      const p = px(ll);
      if (!inView(p)) continue;
      const w = textWidth(name, COUNTRY);
      const candidates = aroundCentre(p, w, COUNTRY.lineHeight);
      pending.push({
        request: { id: `c-${f.properties!.iso2}`, priority: COUNTRY_PRIORITY, candidates },
        render: (i) => ({ key: `c-${f.properties!.iso2}`, at: L.latLng(ll), className: COUNTRY.className, html: escapeHtml(name), box: candidates[i][0] }),
      });
    }
  }
  if (zoom >= 6) {
    for (const f of basemap.admin1.features) {
      if (!f.properties?.label) continue;
      const name = f.properties.name as string;
      const ll = toLatLng(f.properties.label as [number, number]);
      const p = px(ll);
      if (!inView(p)) continue;
      const candidates = aroundCentre(p, textWidth(name, REGION), REGION.lineHeight);
      const key = `a-${f.properties.iso}-${name}`;
      pending.push({
        request: { id: key, priority: REGION_PRIORITY, candidates },
        render: (i) => ({ key, at: L.latLng(ll), className: REGION.className, html: escapeHtml(name), box: candidates[i][0] }),
      });
    }
  }
  for (const f of basemap.towns.features as Feature<Point>[]) {
    const props = f.properties!;
    if (zoom < TOWN_RANK_MIN_ZOOM[props.rank as number]) continue;
    const ll = toLatLng(f.geometry.coordinates);
    const p = px(ll);
    if (!inView(p, 0)) continue;
    const name = props.name as string;
    const w = textWidth(name, TOWN);
    const h = TOWN.lineHeight;
    const dot: Box = { x: p.x - DOT / 2, y: p.y - DOT / 2, w: DOT, h: DOT };
    const gap = DOT / 2 + 2;
    const candidates: Box[][] = [
      [dot, { x: p.x + gap, y: p.y - h / 2, w, h }],
      [dot, { x: p.x - gap - w, y: p.y - h / 2, w, h }],
      [dot, { x: p.x - w / 2, y: p.y - gap - h, w, h }],
      [dot, { x: p.x - w / 2, y: p.y + gap, w, h }],
    ];
    const key = `t-${props.geonamesId}`;
    pending.push({
      request: { id: key, priority: townPriority(props.kind as string, props.population as number), candidates },
      render: (i) => ({
        key,
        at: L.latLng(ll),
        className: TOWN.className,
        // the dot stays on the town, wherever the name goes
        html: `<span class="town-dot" style="left:${Math.round(p.x - DOT / 2 - candidates[i][1].x)}px;top:${Math.round(p.y - DOT / 2 - candidates[i][1].y)}px"></span>${escapeHtml(name)}`,
        box: candidates[i][1],
      }),
    });
  }
  if (zoom >= 6) pending.push(...riverLabels(map, basemap, viewport));

  const obstacles = [
    ...points.map(({ at, size: s }) => {
      const p = map.latLngToContainerPoint(at);
      return pad({ x: p.x - s / 2, y: p.y - s / 2, w: s, h: s }, PAD);
    }),
    ...overlayBoxes(map),
  ];
  const byId = new Map(pending.map((x) => [x.request.id, x]));
  return placeLabels(
    pending.map((x) => x.request),
    obstacles,
    viewport,
  ).map((placed) => byId.get(placed.id)!.render(placed.candidate));
}

/**
 * The border river's names (border.geojson's reaches: Amu Darya, Panj, Pamir), each set along a stretch
 * straight enough for a straight label to follow it, beside the line rather than on it; one label per
 * RIVER_REPEAT_PX of river in view, each preferring the middle of its stretch.
 */
function riverLabels(map: L.Map, basemap: Basemap, viewport: Box): Pending[] {
  const border = basemap.border.features[0] as Feature<LineString | MultiLineString> | undefined;
  const reaches = (border?.properties?.reaches ?? []) as { name: string; west: number; east: number }[];
  if (!border || reaches.length === 0) return [];
  const lines: Position[][] = border.geometry.type === 'LineString' ? [border.geometry.coordinates] : border.geometry.coordinates;
  const h = RIVER.lineHeight;
  const out: Pending[] = [];
  for (const reach of reaches) {
    const w = textWidth(reach.name, RIVER);
    // runs of the line within this reach and within view, in pixels, with their arc length
    const runs: L.Point[][] = [];
    for (const line of lines) {
      let run: L.Point[] = [];
      for (const [lon, lat] of line) {
        const p = map.latLngToContainerPoint([lat, lon]);
        const visible = p.x >= 0 && p.y >= 0 && p.x <= viewport.w && p.y <= viewport.h;
        if (lon >= reach.west && lon < reach.east && visible) run.push(p);
        else if (run.length) (runs.push(run), (run = []));
      }
      if (run.length) runs.push(run);
    }
    let stretch = 0;
    for (const run of runs) {
      const along = cumulative(run);
      const total = along[along.length - 1];
      const pieces = Math.max(1, Math.round(total / RIVER_REPEAT_PX));
      for (let k = 0; k < pieces; k++) {
        const from = (total * k) / pieces;
        const to = (total * (k + 1)) / pieces;
        const middle = (from + to) / 2;
        const starts: number[] = [];
        for (let s = from; s + w + 8 <= to; s += 12) starts.push(s);
        starts.sort((a, b) => Math.abs(a + w / 2 - middle) - Math.abs(b + w / 2 - middle) || a - b);
        const options: { centre: L.Point; angle: number; boxes: Box[] }[] = [];
        for (const s of starts) {
          const chord = straightChord(run, along, s, s + w + 8);
          if (!chord) continue;
          for (const side of [-1, 1]) options.push(alongChord(chord, w, h, side));
          if (options.length >= 40) break;
        }
        if (options.length === 0) continue;
        const id = `r-${reach.name}-${stretch++}`;
        out.push({
          request: { id, priority: RIVER_PRIORITY, candidates: options.map((o) => o.boxes) },
          render: (i) => {
            const o = options[i];
            // the icon is the unrotated text box around the label's centre; the text inside turns along the river
            const box = { x: o.centre.x - w / 2, y: o.centre.y - h / 2, w, h };
            const html = `<span style="transform:rotate(${o.angle.toFixed(1)}deg)">${escapeHtml(reach.name)}</span>`;
            return { key: id, at: map.containerPointToLatLng(o.centre), className: RIVER.className, html, box };
          },
        });
      }
    }
  }
  return out;
}

function cumulative(run: L.Point[]): number[] {
  const out = [0];
  for (let i = 1; i < run.length; i++) out.push(out[i - 1] + run[i].distanceTo(run[i - 1]));
  return out;
}

function pointAt(run: L.Point[], along: number[], s: number): L.Point {
  let i = 1;
  while (i < along.length - 1 && along[i] < s) i++;
  const seg = along[i] - along[i - 1] || 1;
  const t = Math.min(1, Math.max(0, (s - along[i - 1]) / seg));
  return run[i - 1].add(run[i].subtract(run[i - 1]).multiplyBy(t));
}

/** The chord from arc length s0 to s1 when the river between them bends less than RIVER_MAX_BEND_PX from it. */
function straightChord(run: L.Point[], along: number[], s0: number, s1: number): { a: L.Point; b: L.Point } | null {
  const a = pointAt(run, along, s0);
  const b = pointAt(run, along, s1);
  const length = a.distanceTo(b);
  if (length < 0.7 * (s1 - s0)) return null;
  for (let i = 0; i < run.length; i++) {
    if (along[i] <= s0 || along[i] >= s1) continue;
    const cross = Math.abs((b.x - a.x) * (a.y - run[i].y) - (a.x - run[i].x) * (b.y - a.y)) / length;
    if (cross > RIVER_MAX_BEND_PX) return null;
  }
  return { a, b };
}

/** A label of width w set along a chord, upright, offset to one side of the line by half its height and a gap. */
function alongChord({ a, b }: { a: L.Point; b: L.Point }, w: number, h: number, side: number): { centre: L.Point; angle: number; boxes: Box[] } {
  let dx = b.x - a.x;
  let dy = b.y - a.y;
  if (dx < 0) (dx = -dx), (dy = -dy);
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const offset = side * (h / 2 + 3);
  const centre = L.point((a.x + b.x) / 2 - uy * offset, (a.y + b.y) / 2 + ux * offset);
  // the turned text's rectangle, cut into short pieces along its length, each covered by its own box
  const boxes: Box[] = [];
  const pieces = Math.max(1, Math.ceil(w / (h / 2)));
  for (let i = 0; i < pieces; i++) {
    const t0 = -w / 2 + (i * w) / pieces;
    const t1 = -w / 2 + ((i + 1) * w) / pieces;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const t of [t0, t1])
      for (const n of [-h / 2, h / 2]) {
        xs.push(centre.x + ux * t - uy * n);
        ys.push(centre.y + uy * t + ux * n);
      }
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    boxes.push({ x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y });
  }
  return { centre, angle: (Math.atan2(dy, dx) * 180) / Math.PI, boxes };
}
