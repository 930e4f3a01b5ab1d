/**
 * Uncertainty areas as the canvas draws them: projected to Web Mercator pixels at one zoom and simplified
 * there (Douglas–Peucker at the tolerance Leaflet's own paths use), once per geometry and zoom, then kept.
 * A pan only translates them, and the next zoom to the same level finds them made. Pure: no Leaflet, no DOM.
 */
import type { Geometry, Position } from 'geojson';
import { mercatorPx, simplifyLine } from './simplify';

export interface AreaPath {
  /** Each ring or line as x, y, x, y, … in absolute pixels at the zoom it was made for. */
  parts: Float64Array[];
  /** Polygons: each part is a closed ring, filled. Lines: open, stroked only. */
  closed: boolean;
  /** [minX, minY, maxX, maxY] of every part, px. */
  bbox: [number, number, number, number];
}

function projected(line: Position[], zoom: number, tolerancePx: number, bbox: AreaPath['bbox']): Float64Array {
  const kept = simplifyLine(line, zoom, tolerancePx);
  const out = new Float64Array(kept.length * 2);
  kept.forEach((p, i) => {
    const [x, y] = mercatorPx(p, zoom);
    out[2 * i] = x;
    out[2 * i + 1] = y;
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
  });
  return out;
}

/**
 * A geometry's lines or rings at `zoom`, simplified at `tolerancePx`; null for geometries with neither (points).
 *
 * @example
 * areaPath({ type: 'LineString', coordinates: [[70, 37], [71, 37]] }, 7, 1) // { parts: [Float64Array(4)], closed: false, bbox: […] }
 */
export function areaPath(g: Geometry, zoom: number, tolerancePx: number): AreaPath | null {
  const lines: Position[][] = [];
  let closed = false;
  const collect = (x: Geometry) => {
    switch (x.type) {
      case 'LineString':
        lines.push(x.coordinates);
        break;
      case 'MultiLineString':
        lines.push(...x.coordinates);
        break;
      case 'Polygon':
        closed = true;
        lines.push(...x.coordinates);
        break;
      case 'MultiPolygon':
        closed = true;
        for (const p of x.coordinates) lines.push(...p);
        break;
      case 'GeometryCollection':
        x.geometries.forEach(collect);
        break;
    }
  };
  collect(g);
  if (lines.length === 0) return null;
  const bbox: AreaPath['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  return { parts: lines.map((l) => projected(l, zoom, tolerancePx, bbox)), closed, bbox };
}

const made = new WeakMap<Geometry, Map<number, AreaPath | null>>();

/** areaPath, made once per geometry object and zoom (decoded map data shares one object per distinct area). */
export function areaPathAt(g: Geometry, zoom: number, tolerancePx: number): AreaPath | null {
  let byZoom = made.get(g);
  if (!byZoom) made.set(g, (byZoom = new Map()));
  if (!byZoom.has(zoom)) byZoom.set(zoom, areaPath(g, zoom, tolerancePx));
  return byZoom.get(zoom)!;
}

/** Whether two [minX, minY, maxX, maxY] boxes overlap, `margin` px counted around the first. */
export function overlaps(a: readonly number[], b: readonly number[], margin = 0): boolean {
  return a[0] - margin <= b[2] && a[2] + margin >= b[0] && a[1] - margin <= b[3] && a[3] + margin >= b[1];
}
