'use client';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EventSummary } from '@/lib/present/summary';
import { symbolFor, symbolSvg } from './symbols';

interface Props {
  events: EventSummary[];
  total: number;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
}

/** Up to this many items the whole list is in the page; beyond, only the rows in sight (and a margin) are. */
export const WINDOW_THRESHOLD = 200;
const OVERSCAN = 20;
const ROW_GUESS_PX = 52;

/**
 * Events in date order; arrow keys move between them, Enter or click selects and opens one. A long
 * list is windowed: rows outside the scrolled view are replaced by spacers of the same height.
 * Memoised: a pan or zoom of the map changes none of its props.
 */
export const EventList = memo(function EventList({ events, total, selectedId, hoveredId, onSelect, onHover }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const windowed = events.length > WINDOW_THRESHOLD;
  const [range, setRange] = useState<[number, number]>([0, windowed ? OVERSCAN * 2 : events.length]);
  const rowPx = useRef(ROW_GUESS_PX);
  const pendingFocus = useRef<number | null>(null);

  const measure = useCallback(() => {
    const ol = listRef.current;
    if (!ol || !windowed) return;
    const row = ol.querySelector<HTMLElement>('li[data-index]');
    if (row && row.offsetHeight > 0) rowPx.current = row.offsetHeight;
    const top = ol.getBoundingClientRect().top;
    const viewport = window.innerHeight;
    const first = Math.max(0, Math.floor(-top / rowPx.current) - OVERSCAN);
    const last = Math.min(events.length, Math.ceil((viewport - top) / rowPx.current) + OVERSCAN);
    setRange((r) => (r[0] === first && r[1] === Math.max(first, last) ? r : [first, Math.max(first, last)]));
  }, [windowed, events.length]);

  useLayoutEffect(() => measure(), [measure]);
  useEffect(
    function followScroll() {
      if (!windowed) return;
      // Capture: the sidebar scrolls on wide screens, the page on phones.
      window.addEventListener('scroll', measure, { capture: true, passive: true });
      window.addEventListener('resize', measure);
      return () => {
        window.removeEventListener('scroll', measure, { capture: true });
        window.removeEventListener('resize', measure);
      };
    },
    [windowed, measure],
  );
  useEffect(function focusAfterScroll() {
    const i = pendingFocus.current;
    if (i === null) return;
    const b = listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${i}"] button`);
    if (b) {
      pendingFocus.current = null;
      b.focus();
    }
  });

  const moveFocus = useCallback(
    (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
      if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
      e.preventDefault();
      const next = Math.max(0, Math.min(events.length - 1, e.key === 'Home' ? 0 : e.key === 'End' ? events.length - 1 : index + (e.key === 'ArrowDown' ? 1 : -1)));
      const b = listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${next}"] button`);
      if (b) return b.focus();
      // Not in the page yet: bring its row into view, then focus it once drawn.
      pendingFocus.current = next;
      const ol = listRef.current!;
      const scroller = scrollParent(ol);
      const delta = ol.getBoundingClientRect().top + next * rowPx.current - window.innerHeight / 2;
      if (scroller) scroller.scrollTop += delta;
      else window.scrollBy(0, delta);
      measure();
    },
    [events.length, measure],
  );

  const [from, to] = windowed ? range : [0, events.length];
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <h2 id="event-list-heading">
        Events <span className="count">{events.length === total ? total : `${events.length} of ${total}`}</span>
      </h2>
      {events.length === 0 && <p className="empty">No event matches these filters.</p>}
      <ol ref={listRef}>
        {from > 0 && <li aria-hidden="true" className="spacer" style={{ height: from * rowPx.current }} />}
        {events.slice(from, to).map((e, i) => (
          <EventItem key={e.id} event={e} index={from + i} selected={e.id === selectedId} hovered={e.id === hoveredId} onSelect={onSelect} onHover={onHover} onKey={moveFocus} />
        ))}
        {to < events.length && <li aria-hidden="true" className="spacer" style={{ height: (events.length - to) * rowPx.current }} />}
      </ol>
    </section>
  );
});

interface ItemProps {
  event: EventSummary;
  index: number;
  selected: boolean;
  hovered: boolean;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
  onKey: (e: KeyboardEvent<HTMLButtonElement>, index: number) => void;
}

/** One row; unchanged rows are not re-rendered when the hover or the selection moves elsewhere. */
const EventItem = memo(function EventItem({ event: e, index, selected, hovered, onSelect, onHover, onKey }: ItemProps) {
  return (
    <li className={hovered ? 'is-hovered' : undefined} data-index={index}>
      <button
        type="button"
        data-event-id={e.id}
        aria-pressed={selected}
        aria-label={e.label}
        className={selected ? 'is-selected' : undefined}
        onClick={() => onSelect(selected ? null : e.id)}
        onMouseEnter={() => onHover(e.id)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(e.id)}
        onBlur={() => onHover(null)}
        onKeyDown={(k) => onKey(k, index)}
      >
        <span className="symbol" dangerouslySetInnerHTML={{ __html: symbolSvg(symbolFor(e.eventType), 16) }} />
        <span className="item-main">
          <span className="item-date">{e.dateShort}</span>
          <span className="item-title">{e.subEventType || e.eventType}</span>
          <span className="item-place">{e.location}</span>
        </span>
        <span className="item-count">{countLabel(e)}</span>
      </button>
    </li>
  );
});

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** "3 killed · 1 injured"; a figure no source gives is left out (not reported is not zero), "no figures" when neither is given. */
function countLabel(e: EventSummary): string {
  const parts = [e.fatalities !== null ? `${e.fatalities} killed` : null, e.injured !== null ? `${e.injured} injured` : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no figures';
}
