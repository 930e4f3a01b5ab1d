/** Small planar helpers for uncertainty areas, exact enough at district scale (tens of km). */
import type { MultiLineString, Polygon, Position } from 'geojson';

const KM_PER_DEG = 111.32;

/** Great-circle distance in km. */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Radius in km of a circle with the given area in km². */
export const radiusForArea = (areaKm2: number) => Math.sqrt(areaKm2 / Math.PI);

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** A 48-sided polygon approximating a circle of `radiusKm` around `center`. */
export function circlePolygon(center: Position, radiusKm: number, steps = 48): Polygon {
  const ring: Position[] = [];
  const kx = KM_PER_DEG * Math.cos((center[1] * Math.PI) / 180);
  for (let k = 0; k <= steps; k++) {
    const a = (2 * Math.PI * (k % steps)) / steps;
    ring.push([r5(center[0] + (radiusKm * Math.cos(a)) / kx), r5(center[1] + (radiusKm * Math.sin(a)) / KM_PER_DEG)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The parts of a line inside a circle, cut exactly where segments cross the circle
 * (locally projected to km around the centre).
 */
export function clipLinesToCircle(lines: Position[][], center: Position, radiusKm: number): MultiLineString {
  const kx = KM_PER_DEG * Math.cos((center[1] * Math.PI) / 180);
  const toKm = (p: Position): [number, number] => [(p[0] - center[0]) * kx, (p[1] - center[1]) * KM_PER_DEG];
  const toLonLat = (q: [number, number]): Position => [r5(center[0] + q[0] / kx), r5(center[1] + q[1] / KM_PER_DEG)];
  const inside = (q: [number, number]) => q[0] * q[0] + q[1] * q[1] <= radiusKm * radiusKm;
  const out: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    for (let k = 0; k + 1 < line.length; k++) {
      const a = toKm(line[k]);
      const b = toKm(line[k + 1]);
      // Solve |a + t(b-a)| = r for t in [0, 1].
      const d: [number, number] = [b[0] - a[0], b[1] - a[1]];
      const A = d[0] * d[0] + d[1] * d[1];
      const B = 2 * (a[0] * d[0] + a[1] * d[1]);
      const C = a[0] * a[0] + a[1] * a[1] - radiusKm * radiusKm;
      const disc = B * B - 4 * A * C;
      if (A === 0) continue;
      let t0 = 0;
      let t1 = 1;
      if (disc < 0) {
        if (!inside(a)) continue;
      } else {
        const s = Math.sqrt(disc);
        t0 = Math.max(0, (-B - s) / (2 * A));
        t1 = Math.min(1, (-B + s) / (2 * A));
        if (t0 > t1) {
          if (current.length > 1) out.push(current);
          current = [];
          continue;
        }
      }
      const p0 = toLonLat([a[0] + t0 * d[0], a[1] + t0 * d[1]]);
      const p1 = toLonLat([a[0] + t1 * d[0], a[1] + t1 * d[1]]);
      if (!current.length) current.push(p0);
      current.push(p1);
      if (t1 < 1) {
        if (current.length > 1) out.push(current);
        current = [];
      }
    }
    if (current.length > 1) out.push(current);
  }
  return { type: 'MultiLineString', coordinates: out };
}

/** Length of a multi-line in km. */
export function lengthKm(g: MultiLineString): number {
  let km = 0;
  for (const line of g.coordinates) for (let k = 0; k + 1 < line.length; k++) km += distanceKm(line[k], line[k + 1]);
  return km;
}

/** Shortest distance in km from a point to the vertices of some lines (lines are densely drawn). */
export function nearestVertexKm(lines: Position[][], p: Position): number {
  let best = Infinity;
  for (const line of lines) for (const q of line) best = Math.min(best, distanceKm(p, q));
  return best;
}

/** Ray-casting point-in-polygon over MultiPolygon coordinates. */
export function inMultiPolygon(p: Position, polys: Position[][][]): boolean {
  let inside = false;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
