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

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: [number, number], a: [number, number], b: [number, number]): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  const length2 = dx * dx + dy * dy;
  if (length2 > 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / length2;
    if (t > 1) [x, y] = b;
    else if (t > 0) (x += dx * t), (y += dy * t);
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/**
 * The positions of a line Douglas–Peucker keeps at `tolerancePx` (always its first and last), in order.
 *
 * @example
 * simplifyLine([[70, 37], [70.0001, 37], [71, 37]], 7, 1) // [[70, 37], [71, 37]]
 */
export function simplifyLine(line: Position[], zoom: number, tolerancePx: number): Position[] {
  if (line.length <= 2) return line;
  const px = line.map((p) => mercatorPx(p, zoom));
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const tolerance2 = tolerancePx * tolerancePx;
  const spans: [number, number][] = [[0, line.length - 1]];
  while (spans.length) {
    const [a, b] = spans.pop()!;
    let farthest = -1;
    let max = tolerance2;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(px[i], px[a], px[b]);
      if (d > max) (max = d), (farthest = i);
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    spans.push([a, farthest], [farthest, b]);
  }
  return line.filter((_, i) => keep[i]);
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
