'use client';
import type { EventSummary } from '@/lib/present/summary';
import type { BriefState } from '@/lib/state/brief-state';
import { symbolFor } from './symbols';
import { WINDOW_THRESHOLD } from './EventList';

const W = 320;
const H = 44;
const PAD = 10;
const DAY = 86_400_000;

function t(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Every event's date span on one axis (a month-only date is a bar as long as the month); clicking a
 * span sets the date filter to it, clicking the axis clears it.
 */
export function Timeline({ events, from, to, onChange }: { events: EventSummary[]; from: string | null; to: string | null; onChange: (p: Partial<BriefState>) => void }) {
  if (events.length === 0) return null;
  // A loop, not Math.min(...): spreading 100,000 arguments overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    lo = Math.min(lo, t(e.date));
    hi = Math.max(hi, t(e.dateEnd || e.date) + DAY);
  }
  const x = (ms: number) => PAD + ((ms - lo) / Math.max(hi - lo, DAY)) * (W - 2 * PAD);
  const rows = new Map<string, number>();
  return (
    <svg className="timeline" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Timeline from ${iso(lo)} to ${iso(hi - DAY)}`}>
      <line x1={PAD} x2={W - PAD} y1={H - 12} y2={H - 12} stroke="#9aa4ae" onClick={() => onChange({ from: null, to: null })} />
      {from && to && <rect x={x(t(from))} width={Math.max(2, x(t(to) + DAY) - x(t(from)))} y={2} height={H - 16} fill="#1d5fa8" opacity={0.1} />}
      {spans(events).map((e) => {
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
            <title>{e.count > 1 ? `${e.dateText}: ${e.count} events (${symbolFor(e.eventType).label})` : `${e.dateText}: ${e.subEventType}, ${e.location}`}</title>
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
}

type Span = Pick<EventSummary, 'id' | 'date' | 'dateEnd' | 'dateText' | 'eventType' | 'subEventType' | 'location'> & { count: number };

/**
 * The bars to draw: one per event up to WINDOW_THRESHOLD events; beyond, one per distinct span and type
 * (with its count), so years of reporting draw a few thousand bars, not one per event.
 */
function spans(events: EventSummary[]): Span[] {
  if (events.length <= WINDOW_THRESHOLD) return events.map((e) => ({ ...e, count: 1 }));
  const byKey = new Map<string, Span>();
  for (const e of events) {
    const key = `${e.date}|${e.dateEnd}|${e.eventType}`;
    const s = byKey.get(key);
    if (s) s.count++;
    else byKey.set(key, { ...e, count: 1 });
  }
  return [...byKey.values()];
}
