/**
 * Map label placement without collisions: a greedy pass in priority order, as cartographers do it by hand.
 * Pure (no Leaflet, no DOM): boxes are in screen pixels, so the same view always gives the same labels.
 */

/** An axis-aligned box in screen pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One label to place. Each candidate is one way of drawing it (to the right of its point, to the left,
 * above…), tried in order; a candidate is a list of boxes so that a label bent along a river can be
 * covered by several small boxes instead of one large one.
 */
export interface LabelRequest {
  id: string;
  priority: number;
  candidates: Box[][];
}

export interface PlacedLabel {
  id: string;
  /** Index into the request's candidates. */
  candidate: number;
  boxes: Box[];
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(a: Box, area: Box): boolean {
  return a.x >= area.x && a.y >= area.y && a.x + a.w <= area.x + area.w && a.y + a.h <= area.y + area.h;
}

/**
 * Places labels highest priority first (ties broken by id, so the result never depends on input order).
 * A label takes its first candidate that touches no obstacle (event markers, the legend, map controls),
 * no label already placed, and stays within `viewport` if given; a label with no such candidate is left out.
 *
 * @example
 * placeLabels(
 *   [{ id: 'Balkh', priority: 10, candidates: [[{ x: 0, y: 0, w: 40, h: 12 }]] },
 *    { id: 'Mazar-e Sharif', priority: 20, candidates: [[{ x: 10, y: 4, w: 80, h: 12 }]] }],
 *   [],
 * ) // [{ id: 'Mazar-e Sharif', candidate: 0, … }]: Balkh has nowhere else to go
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], viewport?: Box): PlacedLabel[] {
  const order = [...requests].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  const free = (box: Box) =>
    (!viewport || inside(box, viewport)) && !obstacles.some((o) => boxesIntersect(box, o)) && !taken.some((t) => boxesIntersect(box, t));
  for (const request of order) {
    const candidate = request.candidates.findIndex((boxes) => boxes.length > 0 && boxes.every(free));
    if (candidate < 0) continue;
    const boxes = request.candidates[candidate];
    taken.push(...boxes);
    placed.push({ id: request.id, candidate, boxes });
  }
  return placed;
}

/** What a town is, most important first; the basemap builder writes it from the GeoNames feature code. */
export const TOWN_KINDS = ['capital', 'province-seat', 'district-seat', 'town'] as const;
export type TownKind = (typeof TOWN_KINDS)[number];

/**
 * A town's label priority: its kind first (a capital beats any province seat, which beats any district
 * seat, which beats any other town), then population within a kind.
 *
 * @example
 * townPriority('province-seat', 110_800) > townPriority('district-seat', 400_000) // true
 */
export function townPriority(kind: string, population: number): number {
  const rank = TOWN_KINDS.indexOf(kind as TownKind);
  const kindScore = TOWN_KINDS.length - (rank < 0 ? TOWN_KINDS.length - 1 : rank);
  // log10 of a population is below 8 here, so it orders towns within a kind and never across kinds
  return kindScore * 10 + Math.min(Math.log10(Math.max(population, 1)), 9.99);
}
