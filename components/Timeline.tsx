'use client';
import { memo, useMemo } from 'react';
import type { EventSummary } from '@/lib/present/summary';
import type { BriefState } from '@/lib/state/brief-state';
import { symbolFor } from './symbols';
import { WINDOW_THRESHOLD } from './EventList';
import { stage } from './data/stages';

const W = 320;
const H = 44;
const PAD = 10;
const DAY = 86_400_000;

/** Parsed dates, each once: at 56,780 events the dates are a few thousand distinct strings read three times over. */
const parsed = new Map<string, number>();
function t(iso: string): number {
  let ms = parsed.get(iso);
  if (ms === undefined) parsed.set(iso, (ms = Date.parse(`${iso}T00:00:00Z`)));
  return ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Every event's date span on one axis (a month-only date is a bar as long as the month); clicking a
 * span sets the date filter to it, clicking the axis clears it. Beyond WINDOW_THRESHOLD events the axis
 * is binned instead ({@link Histogram}): a few hundred bars whatever the corpus, not one per event.
 */
export const Timeline = memo(function Timeline({ events, from, to, onChange }: { events: EventSummary[]; from: string | null; to: string | null; onChange: (p: Partial<BriefState>) => void }) {
  const range = useMemo(() => stage('timeline-range', () => dateRange(events)), [events]);
  const histogram = useMemo(() => (events.length > WINDOW_THRESHOLD && range ? stage('timeline-histogram', () => binned(events, range)) : null), [events, range]);
  if (!range) return null;
  const [lo, hi] = range;
  const x = (ms: number) => PAD + ((ms - lo) / Math.max(hi - lo, DAY)) * (W - 2 * PAD);
  const rows = new Map<string, number>();
  return (
    <svg className="timeline" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Timeline from ${iso(lo)} to ${iso(hi - DAY)}`}>
      <line x1={PAD} x2={W - PAD} y1={H - 12} y2={H - 12} stroke="#9aa4ae" onClick={() => onChange({ from: null, to: null })} />
      {from && to && <rect x={x(t(from))} width={Math.max(2, x(t(to) + DAY) - x(t(from)))} y={2} height={H - 16} fill="#1d5fa8" opacity={0.1} />}
      {histogram
        ? histogram.map((b) => (
            <rect key={`${b.from}-${b.eventType}`} x={b.x} width={BIN_PX - 0.5} y={b.y} height={b.h} fill={symbolFor(b.eventType).color} onClick={() => onChange({ from: b.from, to: b.to })}>
              <title>{`${b.from} – ${b.to}: ${b.count} event${b.count === 1 ? '' : 's'} (${symbolFor(b.eventType).label})`}</title>
            </rect>
          ))
        : events.map((e) => {
            const row = rows.get(e.date) ?? 0;
            rows.set(e.date, row + 1);
            const x1 = x(t(e.date));
            const x2 = Math.max(x1 + 3, x(t(e.dateEnd || e.date) + DAY));
            return (
              <rect
                key={e.id}
                x={x1}
                width={x2 - x1}
                y={H - 20 - row * 7}
                height={5}
                fill={symbolFor(e.eventType).color}
                onClick={() => onChange({ from: e.date, to: e.dateEnd || e.date })}
              >
                <title>{`${e.dateText}: ${e.subEventType}, ${e.location}`}</title>
              </rect>
            );
          })}
      <text x={PAD} y={H - 1} fontSize="9" fill="#5b6b7a">
        {iso(lo)}
      </text>
      <text x={W - PAD} y={H - 1} fontSize="9" fill="#5b6b7a" textAnchor="end">
        {iso(hi - DAY)}
      </text>
    </svg>
  );
});

/** The first day and the day after the last, in ms; null for no events. A loop: Math.min(...100,000 values) overflows the stack. */
function dateRange(events: EventSummary[]): [number, number] | null {
  if (events.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    lo = Math.min(lo, t(e.date));
    hi = Math.max(hi, t(e.dateEnd || e.date) + DAY);
  }
  return [lo, hi];
}

/** Width of one bin of the histogram, in the timeline's units (its viewBox is W wide). */
const BIN_PX = 3;
/** Height of the tallest bin, px. */
const BAR_MAX = H - 20;

interface Bar {
  x: number;
  y: number;
  h: number;
  eventType: string;
  count: number;
  /** The days the bin covers, as the date filter takes them. */
  from: string;
  to: string;
}

/**
 * A histogram of start dates: the axis cut into bins BIN_PX wide, each a stack of one bar per event type,
 * as tall as its share of the fullest bin. Clicking a bar filters to the bin's days.
 */
function binned(events: EventSummary[], [lo, hi]: [number, number]): Bar[] {
  const n = Math.floor((W - 2 * PAD) / BIN_PX);
  const days = Math.max(1, Math.round((hi - lo) / DAY));
  const binOf = (ms: number) => Math.min(n - 1, Math.floor((((ms - lo) / DAY) * n) / days));
  const counts: Map<string, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of events) {
    const c = counts[binOf(t(e.date))];
    c.set(e.eventType, (c.get(e.eventType) ?? 0) + 1);
  }
  const fullest = Math.max(1, ...counts.map((c) => [...c.values()].reduce((a, b) => a + b, 0)));
  const bars: Bar[] = [];
  counts.forEach((c, i) => {
    // the days of bin i: from the first day whose bin is i to the day before bin i + 1 starts
    const from = lo + Math.ceil((i * days) / n) * DAY;
    const to = lo + Math.ceil(((i + 1) * days) / n) * DAY - DAY;
    let y = H - 14;
    for (const [eventType, count] of [...c].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const h = Math.max(1, (count / fullest) * BAR_MAX);
      y -= h;
      bars.push({ x: PAD + i * BIN_PX, y, h, eventType, count, from: iso(from), to: iso(Math.max(from, to)) });
    }
  });
  return bars;
}
