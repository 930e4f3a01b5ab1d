/**
 * The border two countries share, as the runs of A's outline that lie within `toleranceKm` of B's.
 * A topological mesh of shared arcs is not enough with the OSM-derived outlines: they do not share
 * every vertex along the rivers, and the mesh leaves gaps of tens of kilometres along the Panj.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const CELL_DEG = 0.05;

type Segment = readonly [Position, Position];

function rings(g: Polygon | MultiPolygon): Position[][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
}

/** Segments of B's outline bucketed on a grid, so each of A's vertices checks only its neighbourhood. */
function segmentGrid(g: Polygon | MultiPolygon): Map<string, Segment[]> {
  const grid = new Map<string, Segment[]>();
  for (const ring of rings(g)) {
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1], ring[i]];
      const [x0, x1] = [Math.floor(Math.min(a[0], b[0]) / CELL_DEG), Math.floor(Math.max(a[0], b[0]) / CELL_DEG)];
      const [y0, y1] = [Math.floor(Math.min(a[1], b[1]) / CELL_DEG), Math.floor(Math.max(a[1], b[1]) / CELL_DEG)];
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${x},${y}`;
          const list = grid.get(key);
          if (list) list.push([a, b]);
          else grid.set(key, [[a, b]]);
        }
      }
    }
  }
  return grid;
}

/** Distance from p to segment ab in km, on a local equirectangular projection (exact enough below a few km). */
export function segmentDistanceKm(p: Position, a: Position, b: Position): number {
  const kx = 111.32 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110.57;
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * ky;
  const dx = (b[0] - a[0]) * kx;
  const dy = (b[1] - a[1]) * ky;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * @example
 * sharedEdge(tajikistan.geometry, afghanistan.geometry, 0.4) // [[lon, lat], …] runs along the Panj
 */
export function sharedEdge(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon, toleranceKm: number): Position[][] {
  const grid = segmentGrid(b);
  const near = (p: Position) => {
    const cx = Math.floor(p[0] / CELL_DEG);
    const cy = Math.floor(p[1] / CELL_DEG);
    for (let x = cx - 1; x <= cx + 1; x++) {
      for (let y = cy - 1; y <= cy + 1; y++) {
        for (const [s, e] of grid.get(`${x},${y}`) ?? []) if (segmentDistanceKm(p, s, e) <= toleranceKm) return true;
      }
    }
    return false;
  };
  const lines: Position[][] = [];
  for (const ring of rings(a)) {
    let run: Position[] = [];
    for (const p of ring) {
      if (near(p)) run.push(p);
      else {
        if (run.length > 1) lines.push(run);
        run = [];
      }
    }
    if (run.length > 1) lines.push(run);
    // A ring is closed: a run that reaches its end continues at its start.
    if (lines.length > 1 && run.length > 1 && near(ring[0]) && lines[lines.length - 1] === run) {
      const first = lines.findIndex((l) => l[0] === ring[0]);
      if (first >= 0 && first !== lines.length - 1) {
        lines[first] = [...run, ...lines[first].slice(1)];
        lines.pop();
      }
    }
  }
  return lines;
}
