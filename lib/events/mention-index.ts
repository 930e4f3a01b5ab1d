import type { ResolvedMention } from '../geocode/types';

/** Mentions sorted by start (stable: ties keep their order), built once per mentions array. */
const sortedIndex = new WeakMap<readonly ResolvedMention[], { length: number; sorted: ResolvedMention[] }>();

/**
 * The mentions lying wholly inside [start, end), ordered by start (ties in their original order) — the same as
 * `mentions.filter(inside).sort(byStart)`, but by binary search over an index built once per array, so that
 * asking for every clause of an article costs time in proportion to the article, not to its square.
 */
export function mentionsWithin(mentions: readonly ResolvedMention[], start: number, end: number): ResolvedMention[] {
  let entry = sortedIndex.get(mentions);
  if (!entry || entry.length !== mentions.length) {
    entry = { length: mentions.length, sorted: [...mentions].sort((a, b) => a.start - b.start) };
    sortedIndex.set(mentions, entry);
  }
  const xs = entry.sorted;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: ResolvedMention[] = [];
  for (let k = lo; k < xs.length && xs[k].start < end; k++) if (xs[k].end <= end) out.push(xs[k]);
  return out;
}

const positions = new WeakMap<readonly ResolvedMention[], Map<ResolvedMention, number>>();

/**
 * The mentions lying wholly inside any of the ranges, in the order of the array — the same as
 * `mentions.filter((m) => ranges.some((r) => m.start >= r.start && m.end <= r.end))`, by binary search.
 */
export function mentionsInRanges(mentions: readonly ResolvedMention[], ranges: ReadonlyArray<{ start: number; end: number }>): ResolvedMention[] {
  const found = new Set<ResolvedMention>();
  for (const r of ranges) for (const m of mentionsWithin(mentions, r.start, r.end)) found.add(m);
  let position = positions.get(mentions);
  if (!position || position.size !== mentions.length) {
    position = new Map(mentions.map((m, i) => [m, i]));
    positions.set(mentions, position);
  }
  const at = position;
  return [...found].sort((a, b) => at.get(a)! - at.get(b)!);
}
