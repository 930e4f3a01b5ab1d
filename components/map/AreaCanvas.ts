'use client';
import L from 'leaflet';
import type { Geometry } from 'geojson';
import { areaPathAt, overlaps } from './area-paths';
import { frameQueueOf } from './frame-queue';
import { measure } from '../data/stages';

/** How a canvas area is painted: the options Leaflet's paths take, with the same meaning and defaults. */
export interface AreaStyle {
  color: string;
  weight: number;
  opacity: number;
  lineCap?: CanvasLineCap;
  dashArray?: number[];
  /** Polygons only. */
  fillColor?: string;
  fillOpacity?: number;
}

export interface CanvasArea {
  geometry: Geometry;
  style: AreaStyle;
}

/** The tolerance Leaflet's own paths simplify at (smoothFactor 1). */
const TOLERANCE_PX = 1;
/** Side of a painted tile, px: tiles are aligned on the map's pixel grid, so an area's pixels do not depend on the tile. */
const TILE_PX = 256;
/**
 * Tiles painted per frame. Painting translucent, dashed areas in software costs by the pixel and the dash (at
 * 10k articles, 252 areas over one another: 60–120 ms for a whole 1280×800 view on this machine, 7–10 ms a
 * tile, more under load); two tiles a frame keep each frame short, and a view not seen before at its zoom
 * fills in over several frames, from the tiles already painted.
 */
const TILES_PER_FRAME = 2;
/** Painted tiles kept (256 KB each, four times that on a 2× screen, which keeps a quarter as many): about five views' worth, so zooming back and forth and panning around repaint nothing. */
const MAX_TILES = 120;

/**
 * Many uncertainty areas on one canvas the size of the map, never drawn during a move nor in the task that
 * ends it: once the view has settled, in a frame of its own (frame-queue.ts). The areas are painted once per
 * zoom into tiles kept off screen, and the canvas is put together from those tiles: a pan or a zoom back to a
 * level already seen only copies pixels, and tiles not painted yet are painted a few per frame.
 *
 * Leaflet's canvas renderer, used before, repainted every area over 1.44 maps' worth of pixels in the very
 * task that ended each move, re-projected every area twice per zoom, and forced a layout in its click handler
 * at the end of every drag. Here each area is projected once per zoom and kept (area-paths.ts), a tile paints
 * only the areas that reach it, and the canvas takes no pointer events (nothing on it is interactive). While a
 * zoom waits for its redraw the canvas is hidden, so it never shows the areas at the old scale.
 */
export class AreaCanvas extends L.Layer {
  private areas: CanvasArea[] = [];
  private canvas: HTMLCanvasElement | null = null;
  /** Painted tiles by `zoom/x/y`, oldest use first. */
  private tiles = new Map<string, HTMLCanvasElement>();
  private readonly key = `areas-${L.Util.stamp(this)}`;

  constructor(options?: L.LayerOptions) {
    super(options);
  }

  /** The areas to draw, bottom first; drawn in a coming frame. */
  setAreas(areas: CanvasArea[]): this {
    if (sameAreas(areas, this.areas)) return this;
    this.areas = areas;
    this.tiles.clear();
    this.request();
    return this;
  }

  override onAdd(map: L.Map): this {
    const canvas = (this.canvas = L.DomUtil.create('canvas', 'area-canvas', this.getPane()));
    canvas.style.pointerEvents = 'none';
    map.on('zoomstart', this.hide, this);
    map.on('moveend viewreset resize', this.request, this);
    this.request();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoomstart', this.hide, this);
    map.off('moveend viewreset resize', this.request, this);
    frameQueueOf(map).cancel(this.key);
    this.canvas?.remove();
    this.canvas = null;
    this.tiles.clear();
    return this;
  }

  private hide(): void {
    if (this.canvas) this.canvas.style.visibility = 'hidden';
  }

  private request(): void {
    const map = this._map;
    if (map) frameQueueOf(map).schedule(this.key, () => this.draw());
  }

  /** The view put together from painted tiles, painting at most TILES_PER_FRAME missing ones; the rest in the next frames. */
  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const start = performance.now();
    const size = map.getSize();
    const ratio = window.devicePixelRatio > 1 ? 2 : 1;
    // the map's top-left corner in layer pixels, and in absolute pixels at this zoom (areaPath's)
    const corner = map.containerPointToLayerPoint([0, 0]).round();
    const origin = map.getPixelOrigin();
    const left = corner.x + origin.x;
    const top = corner.y + origin.y;
    L.DomUtil.setPosition(canvas, corner);
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio; // clears it
      canvas.height = size.y * ratio;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const zoom = map.getZoom();
    let painted = 0;
    let missing = false;
    for (let ty = Math.floor(top / TILE_PX); ty * TILE_PX < top + size.y; ty++) {
      for (let tx = Math.floor(left / TILE_PX); tx * TILE_PX < left + size.x; tx++) {
        const id = `${zoom}/${tx}/${ty}`;
        let tile = this.tiles.get(id);
        if (!tile) {
          if (painted === TILES_PER_FRAME) {
            missing = true;
            continue;
          }
          tile = this.paint(zoom, tx, ty, ratio);
          painted++;
        }
        // most recently used last; the least recently used go first
        this.tiles.delete(id);
        this.tiles.set(id, tile);
        ctx.drawImage(tile, (tx * TILE_PX - left) * ratio, (ty * TILE_PX - top) * ratio);
      }
    }
    for (const id of this.tiles.keys()) {
      if (this.tiles.size <= MAX_TILES / (ratio * ratio)) break;
      this.tiles.delete(id);
    }
    canvas.style.visibility = '';
    if (missing) this.request();
    measure('uncertainty-draw', start);
  }

  /** One tile of the areas at `zoom`, painted off screen. */
  private paint(zoom: number, tx: number, ty: number, ratio: number): HTMLCanvasElement {
    const tile = document.createElement('canvas');
    tile.width = tile.height = TILE_PX * ratio;
    const ctx = tile.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const x0 = tx * TILE_PX;
    const y0 = ty * TILE_PX;
    const box = [x0, y0, x0 + TILE_PX, y0 + TILE_PX];
    for (const { geometry, style } of this.areas) {
      const path = areaPathAt(geometry, zoom, TOLERANCE_PX);
      if (!path || !overlaps(path.bbox, box, style.weight)) continue;
      ctx.beginPath();
      for (const part of path.parts) {
        ctx.moveTo(part[0] - x0, part[1] - y0);
        for (let i = 2; i < part.length; i += 2) ctx.lineTo(part[i] - x0, part[i + 1] - y0);
        if (path.closed) ctx.closePath();
      }
      // as Leaflet's canvas renderer paints a path: fill first (polygons), then the stroke
      if (path.closed && style.fillOpacity) {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fillStyle = style.fillColor ?? style.color;
        ctx.fill('evenodd');
      }
      if (style.weight > 0) {
        ctx.setLineDash(style.dashArray ?? []);
        ctx.globalAlpha = style.opacity;
        ctx.lineWidth = style.weight;
        ctx.strokeStyle = style.color;
        ctx.lineCap = style.lineCap ?? 'round';
        ctx.lineJoin = 'round';
        ctx.stroke();
      }
    }
    return tile;
  }
}

/** The same areas in the same order and style (a re-render that rebuilt the list): the painted tiles still hold. */
function sameAreas(a: CanvasArea[], b: CanvasArea[]): boolean {
  if (a.length !== b.length) return false;
  const style = (s: AreaStyle) => JSON.stringify(s);
  return a.every((x, i) => x.geometry === b[i].geometry && style(x.style) === style(b[i].style));
}
