export interface Mark {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Ids of the event excerpts covering this segment (excerpts may overlap: one sentence, two events). */
  events: string[];
  /** The place mention covering it, if any. */
  place: string | null;
  /** True on the first segment of an excerpt: where its anchor goes. */
  excerptStarts: string[];
}

/**
 * Cuts an article body into runs that share the same event excerpts and place mention, so a page can
 * highlight incident sentences and place names even where they nest or overlap.
 *
 * @example
 * segmentBody('A drone hit Panj.', [{ start: 0, end: 17, event: 'e1' }], [{ start: 12, end: 16, place: 'p1' }])
 * // [{ text: 'A drone hit ', events: ['e1'], place: null, … }, { text: 'Panj', events: ['e1'], place: 'p1', … }, { text: '.', … }]
 */
export function segmentBody(body: string, excerpts: (Mark & { event: string })[], places: (Mark & { place: string })[]): Segment[] {
  const cuts = new Set<number>([0, body.length]);
  for (const m of [...excerpts, ...places]) {
    cuts.add(Math.max(0, Math.min(body.length, m.start)));
    cuts.add(Math.max(0, Math.min(body.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const events = [...new Set(excerpts.filter((x) => x.start <= start && x.end >= end).map((x) => x.event))].sort();
    const place = places.find((p) => p.start <= start && p.end >= end)?.place ?? null;
    const excerptStarts = [...new Set(excerpts.filter((x) => x.start === start).map((x) => x.event))].sort();
    out.push({ start, end, text: body.slice(start, end), events, place, excerptStarts });
  }
  return out;
}
