'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { BriefView } from '@/lib/present';
import { filterEvents, parseBriefState, serializeBriefState, type BriefState, type MapViewState } from '@/lib/state/brief-state';
import MapView from './MapView';
import { EventList } from './EventList';
import { Filters } from './Filters';
import { EventDetails } from './EventDetails';
import { Legend } from './Legend';
import { FigureAndExportButtons } from './FigureAndExportButtons';
import { ShareButton } from './share/ShareButton';

/** The analyst's page: filters, the event list and the map, all driven by state kept in the URL. */
export function Brief({ view, corpus }: { view: BriefView; corpus?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => parseBriefState(new URLSearchParams(params.toString())), [params]);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  // null until hydrated: CSS decides (open on wide screens, folded on phones and tablets)
  const [legendOpen, setLegendOpen] = useState<boolean | null>(null);
  useEffect(function legendByScreen() {
    setLegendOpen(wideScreen());
  }, []);

  // Patches apply to the URL as it is now, not as it was at render: a popup closing and a new
  // selection, or a map move and a click, can land in the same tick.
  const update = useCallback(
    (patch: Partial<BriefState>) => {
      const current = parseBriefState(new URLSearchParams(window.location.search));
      const next = serializeBriefState({ ...current, ...patch });
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const events = useMemo(() => filterEvents(view.events, state), [view.events, state]);
  // The panel shows the selected event even when a filter hides its marker: the link still says what it is.
  const selected = view.events.find((e) => e.id === state.event) ?? null;
  const onSelect = useCallback((id: string | null) => update({ event: id }), [update]);
  const onDeselect = useCallback(
    (id: string) => {
      if (parseBriefState(new URLSearchParams(window.location.search)).event === id) update({ event: null });
    },
    [update],
  );
  const onViewChange = useCallback((v: MapViewState) => update({ view: v }), [update]);

  // A new selection moves focus to its details (keyboard and screen-reader users land on what they chose);
  // a permalink's selection at load does not steal focus from the page.
  const panelRef = useRef<HTMLElement>(null);
  const shownId = useRef(state.event);
  useEffect(
    function focusDetails() {
      if (state.event && state.event !== shownId.current) panelRef.current?.focus({ preventScroll: false });
      shownId.current = state.event;
    },
    [state.event],
  );

  return (
    <div className={selected ? 'brief has-selection' : 'brief'}>
      <aside className="sidebar" aria-label="Events and filters">
        <Filters events={view.events} state={state} onChange={update} />
        <FigureAndExportButtons state={state} />
        <EventList events={events} total={view.events.length} selectedId={state.event} hoveredId={hoveredId} onSelect={onSelect} onHover={setHoveredId} />
      </aside>
      {selected && (
        <section className="panel" aria-label="Selected event" ref={panelRef} tabIndex={-1}>
          <button type="button" className="panel-close" onClick={() => onSelect(null)} aria-label="Close event details">
            ×
          </button>
          <EventDetails event={selected} headingLevel={2} />
        </section>
      )}
      <section className="map-frame" aria-label="Map of the Tajikistan–Afghanistan border">
        <MapView
          events={events}
          places={view.places.filter((p) => !p.governmentOnly || state.places)}
          showPlaces={state.places}
          selectedId={state.event}
          hoveredId={hoveredId}
          onSelect={onSelect}
          onDeselect={onDeselect}
          onHover={setHoveredId}
          view={state.view}
          onViewChange={onViewChange}
          corpus={corpus}
        />
        <div className={`legend-wrap${legendOpen === null ? '' : legendOpen ? ' is-open' : ' is-closed'}`}>
          <button type="button" className="legend-toggle" aria-expanded={legendOpen ?? undefined} onClick={() => setLegendOpen(!(legendOpen ?? wideScreen()))}>
            Legend
          </button>
          <Legend />
        </div>
        <ShareButton events={view.events} />
      </section>
    </div>
  );
}

const WIDE = '(min-width: 1100px)';
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(WIDE).matches;
}
