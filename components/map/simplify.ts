/**
 * Basemap geometry simplified for one zoom level: Douglas–Peucker on the points as they land in Web Mercator
 * pixels at that zoom, so that every vertex dropped lies within `tolerancePx` of the line that replaces it.
 * Pure (no Leaflet, no DOM): the map draws zooms 5–9 from these copies (BasemapLayers), so that a zoom does
 * not project, clip and simplify all 44,000 vertices of the basemap only to keep a fraction of them.
 */
import type { Geometry, Position } from 'geojson';

/** [x, y] in Web Mercator pixels at `zoom` (256 px tiles), as Leaflet's EPSG:3857 places a point. */
export function mercatorPx([lon, lat]: Position, zoom: number): [number, number] {
  const size = 256 * 2 ** zoom;
  const sin = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
  return [size * (lon / 360 + 0.5), size * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))];
}

/**
 * The positions of a line Douglas–Peucker keeps at `tolerancePx` (always its first and last), in order.
 * The pixels go into two typed arrays, not an array per point: at load this runs over all 44,000 vertices.
 *
 * @example
 * simplifyLine([[70, 37], [70.0001, 37], [71, 37]], 7, 1) // [[70, 37], [71, 37]]
 */
export function simplifyLine(line: Position[], zoom: number, tolerancePx: number): Position[] {
  const n = line.length;
  if (n <= 2) return line;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) [xs[i], ys[i]] = mercatorPx(line[i], zoom);
  /** Squared distance from point i to the segment a–b. */
  const distance2 = (i: number, a: number, b: number): number => {
    let x = xs[a];
    let y = ys[a];
    let dx = xs[b] - x;
    let dy = ys[b] - y;
    const length2 = dx * dx + dy * dy;
    if (length2 > 0) {
      const t = ((xs[i] - x) * dx + (ys[i] - y) * dy) / length2;
      if (t > 1) (x = xs[b]), (y = ys[b]);
      else if (t > 0) (x += dx * t), (y += dy * t);
    }
    dx = xs[i] - x;
    dy = ys[i] - y;
    return dx * dx + dy * dy;
  };
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tolerance2 = tolerancePx * tolerancePx;
  const spans: number[] = [0, n - 1];
  while (spans.length) {
    const b = spans.pop()!;
    const a = spans.pop()!;
    let farthest = -1;
    let max = tolerance2;
    for (let i = a + 1; i < b; i++) {
      const d = distance2(i, a, b);
      if (d > max) (max = d), (farthest = i);
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    spans.push(a, farthest, farthest, b);
  }
  const kept: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) kept.push(line[i]);
  return kept;
}

/** A polygon ring simplified, closed as before; a ring that would fall under four positions (a tiny island) stays as it is. */
function simplifyRing(ring: Position[], zoom: number, tolerancePx: number): Position[] {
  const kept = simplifyLine(ring, zoom, tolerancePx);
  return kept.length >= 4 ? kept : ring;
}

/**
 * A geometry with its lines and rings simplified for `zoom`; points, and anything else, as they are.
 *
 * @example
 * simplifyGeometry(afghanistan.geometry, 6, 1) // the same outline, a seventh of the vertices
 */
export function simplifyGeometry(g: Geometry, zoom: number, tolerancePx: number): Geometry {
  switch (g.type) {
    case 'LineString':
      return { ...g, coordinates: simplifyLine(g.coordinates, zoom, tolerancePx) };
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map((l) => simplifyLine(l, zoom, tolerancePx)) };
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => simplifyRing(r, zoom, tolerancePx)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => simplifyRing(r, zoom, tolerancePx))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => simplifyGeometry(x, zoom, tolerancePx)) };
    default:
      return g;
  }
}
