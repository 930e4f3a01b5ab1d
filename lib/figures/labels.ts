import { textWidth, type Weight } from './fonts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Anchor {
  /** Offset of the text's baseline point from the labelled point, px. */
  dx: number;
  dy: number;
  align: 'start' | 'middle' | 'end';
}

export interface LabelCandidate {
  text: string;
  /** The labelled point, px. */
  at: [number, number];
  size: number;
  weight: Weight;
  letterSpacing: number;
  fill: string;
  /** Lower goes first. */
  priority: number;
  /** Radius of a dot drawn at `at` when the label is placed (towns). */
  dot?: number;
  /** Positions to try, in order of preference. */
  anchors: Anchor[];
}

export interface PlacedLabel extends LabelCandidate {
  x: number;
  y: number;
  align: Anchor['align'];
  box: Box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, frame: Box): boolean {
  return a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1;
}

/** The box a label's glyphs cover, with a little room for its halo. */
export function labelBox(c: Pick<LabelCandidate, 'text' | 'size' | 'weight' | 'letterSpacing'>, x: number, y: number, align: Anchor['align']): Box {
  const w = textWidth(c.text, c.size, c.weight, c.letterSpacing);
  const x0 = align === 'start' ? x : align === 'middle' ? x - w / 2 : x - w;
  const pad = c.size * 0.15;
  return { x0: x0 - pad, y0: y - c.size * 0.78 - pad, x1: x0 + w + pad, y1: y + c.size * 0.24 + pad };
}

/**
 * Greedy label placement: by priority, each label takes the first of its anchors where it stays in
 * `frame` and touches neither an obstacle (markers, inset, scale bar) nor a label placed before it.
 * A label with no free anchor is left out rather than drawn over something. A town's dot counts as
 * an obstacle for the labels after it. Deterministic: ties keep input order.
 *
 * @example
 * placeLabels([{ text: 'Kulob', at: [100, 100], …, anchors: [{ dx: 6, dy: 4, align: 'start' }] }], [], frame)
 */
export function placeLabels(candidates: LabelCandidate[], obstacles: Box[], frame: Box): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  for (const { c } of order) {
    if (!Number.isFinite(c.at[0]) || !Number.isFinite(c.at[1])) continue;
    const dot: Box | null = c.dot ? { x0: c.at[0] - c.dot, y0: c.at[1] - c.dot, x1: c.at[0] + c.dot, y1: c.at[1] + c.dot } : null;
    if (dot && (!inside(dot, frame) || taken.some((t) => overlaps(t, dot)))) continue;
    for (const a of c.anchors) {
      const x = c.at[0] + a.dx;
      const y = c.at[1] + a.dy;
      const box = labelBox(c, x, y, a.align);
      if (!inside(box, frame) || taken.some((t) => overlaps(t, box))) continue;
      placed.push({ ...c, x, y, align: a.align, box });
      taken.push(box);
      if (dot) taken.push(dot);
      break;
    }
  }
  return placed;
}

/** True when no two placed labels overlap: what the tests assert of every figure. */
export function noCollisions(labels: PlacedLabel[]): boolean {
  return labels.every((a, i) => labels.every((b, j) => j <= i || !overlaps(a.box, b.box)));
}
