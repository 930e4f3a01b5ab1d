'use client';
import { useRef, type KeyboardEvent } from 'react';
import type { EventView } from '@/lib/present';
import { symbolFor, symbolSvg } from './symbols';

interface Props {
  events: EventView[];
  total: number;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
}

/** Events in date order; arrow keys move between them, Enter or click selects and opens one. */
export function EventList({ events, total, selectedId, hoveredId, onSelect, onHover }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  function moveFocus(e: KeyboardEvent<HTMLButtonElement>) {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-event-id]') ?? [])];
    const i = buttons.indexOf(e.currentTarget);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : i + (e.key === 'ArrowDown' ? 1 : -1);
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <h2 id="event-list-heading">
        Events <span className="count">{events.length === total ? total : `${events.length} of ${total}`}</span>
      </h2>
      {events.length === 0 && <p className="empty">No event matches these filters.</p>}
      <ol ref={listRef}>
        {events.map((e) => {
          const sym = symbolFor(e.eventType);
          return (
            <li key={e.id} className={e.id === hoveredId ? 'is-hovered' : undefined}>
              <button
                type="button"
                data-event-id={e.id}
                aria-pressed={e.id === selectedId}
                aria-label={e.label}
                className={e.id === selectedId ? 'is-selected' : undefined}
                onClick={() => onSelect(e.id === selectedId ? null : e.id)}
                onMouseEnter={() => onHover(e.id)}
                onMouseLeave={() => onHover(null)}
                onFocus={() => onHover(e.id)}
                onBlur={() => onHover(null)}
                onKeyDown={moveFocus}
              >
                <span className="symbol" dangerouslySetInnerHTML={{ __html: symbolSvg(sym, 16) }} />
                <span className="item-main">
                  <span className="item-date">{e.dateShort}</span>
                  <span className="item-title">{e.subEventType || e.eventType}</span>
                  <span className="item-place">{e.location}</span>
                </span>
                <span className="item-count">{countLabel(e)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "3 killed · 1 injured"; a figure no source gives is left out (not reported is not zero), "no figures" when neither is given. */
function countLabel(e: EventView): string {
  const parts = [e.fatalities !== null ? `${e.fatalities} killed` : null, e.injured !== null ? `${e.injured} injured` : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no figures';
}
