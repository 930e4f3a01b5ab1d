'use client';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { EventSummary } from '@/lib/present/summary';
import { eventDataPath, mapDataPath } from '@/lib/present/summary';
import { filterEvents, parseBriefState, serializeBriefState, type BriefState, type MapViewState } from '@/lib/state/brief-state';
import MapView from './MapView';
import { EventList } from './EventList';
import { Filters } from './Filters';
import { EventDetails } from './EventDetails';
import { Legend } from './Legend';
import { FigureAndExportButtons } from './FigureAndExportButtons';
import { ShareButton } from './share/ShareButton';
import { corpusDetailsLoader, useEventDetails, useMapData } from './data/useMapData';
import { stage } from './data/stages';

const NO_EVENTS: EventSummary[] = [];

/**
 * The analyst's page: filters, the event list and the map, all driven by state kept in the URL. The
 * events arrive as data fetched from the corpus-hashed URL (the HTML does not grow with the corpus);
 * the selected event's details are fetched when it is selected.
 */
export function Brief({ corpus }: { corpus: string }) {
  const params = useSearchParams();
  const { data, error } = useMapData(mapDataPath(corpus));
  // The map view changes at every pan and zoom; the rest of the state does not. Keyed by its own
  // query string, the rest keeps its identity across moves, so the list and filters do not re-render.
  const parsed = parseBriefState(new URLSearchParams(params.toString()));
  const stateKey = serializeBriefState({ ...parsed, view: null });
  const viewKey = parsed.view ? `${parsed.view.lat},${parsed.view.lon},${parsed.view.zoom}` : '';
  const state = useMemo(() => ({ ...parsed, view: null }), [stateKey]);
  const view = useMemo(() => parsed.view, [viewKey]);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  // null until hydrated: CSS decides (open on wide screens, folded on phones and tablets)
  const [legendOpen, setLegendOpen] = useState<boolean | null>(null);
  useEffect(function legendByScreen() {
    setLegendOpen(wideScreen());
  }, []);

  // The URL is written with the browser's history API: Next keeps useSearchParams in step, and
  // nothing goes to the server (state null, as Next's docs show: Next keeps its own). Patches apply to the URL as it is now, not as it was at render:
  // a popup closing and a new selection, or a map move and a click, can land in the same tick.
  const update = useCallback((patch: Partial<BriefState>) => {
    const current = parseBriefState(new URLSearchParams(window.location.search));
    const next = serializeBriefState({ ...current, ...patch });
    const url = `${window.location.pathname}${next ? `?${next}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  }, []);

  const all = data?.events ?? NO_EVENTS;
  const events = useMemo(() => stage('filter', () => filterEvents(all, state)), [all, state]);
  const places = useMemo(() => (data?.places ?? []).filter((p) => !p.governmentOnly || state.places), [data, state.places]);
  // The sidebar (filters, timeline, list) follows the data and the filters one render behind the map: the
  // map is drawn first, and React renders the sidebar after, in the background (at 56,780 events its
  // timeline and type lists are tens of ms the map's first paint need not wait for).
  const sidebar = useDeferredValue(useMemo(() => ({ data, all, events }), [data, all, events]));
  // The panel shows the selected event even when a filter hides its marker: the link still says what it is.
  const { event: selected, error: detailsError } = useEventDetails(state.event && data ? eventDataPath(corpus, state.event) : null);
  const onSelect = useCallback((id: string | null) => update({ event: id }), [update]);
  const onDeselect = useCallback(
    (id: string) => {
      if (parseBriefState(new URLSearchParams(window.location.search)).event === id) update({ event: null });
    },
    [update],
  );
  const onViewChange = useCallback((v: MapViewState | null) => update({ view: v }), [update]);

  // A new selection moves focus to its details (keyboard and screen-reader users land on what they chose);
  // a permalink's selection at load does not steal focus from the page.
  const panelRef = useRef<HTMLElement>(null);
  const shownId = useRef(state.event);
  useEffect(
    function focusDetails() {
      if (!selected) return;
      if (selected.id !== shownId.current) panelRef.current?.focus({ preventScroll: false });
      shownId.current = selected.id;
    },
    [selected],
  );
  useEffect(
    function forgetClearedSelection() {
      if (!state.event) shownId.current = null;
    },
    [state.event],
  );
  const showPanel = selected !== null && selected.id === state.event;

  return (
    <div className={showPanel ? 'brief has-selection' : 'brief'} aria-busy={data ? undefined : true}>
      <aside className="sidebar" aria-label="Events and filters">
        <Filters events={sidebar.all} state={state} onChange={update} />
        <FigureAndExportButtons state={state} />
        {sidebar.data ? (
          <EventList events={sidebar.events} total={sidebar.all.length} selectedId={state.event} hoveredId={hoveredId} onSelect={onSelect} onHover={setHoveredId} />
        ) : (
          <LoadingList error={error} />
        )}
      </aside>
      {showPanel && (
        <section className="panel" aria-label="Selected event" ref={panelRef} tabIndex={-1}>
          <button type="button" className="panel-close" onClick={() => onSelect(null)} aria-label="Close event details">
            ×
          </button>
          <EventDetails event={selected} headingLevel={2} />
        </section>
      )}
      {detailsError && state.event && (
        <p className="panel-error" role="alert">
          The details of {state.event} could not be loaded ({detailsError}).
        </p>
      )}
      <section className="map-frame" aria-label="Map of the Tajikistan–Afghanistan border">
        <MapView
          events={events}
          places={places}
          showPlaces={state.places}
          selectedId={state.event}
          hoveredId={hoveredId}
          onSelect={onSelect}
          onDeselect={onDeselect}
          onHover={setHoveredId}
          view={view}
          onViewChange={onViewChange}
          corpus={corpus}
          details={corpusDetailsLoader(corpus)}
          loading={!data}
          frameSelection={true}
        />
        <MapChrome legendOpen={legendOpen} setLegendOpen={setLegendOpen} events={all} />
      </section>
    </div>
  );
}

/** Legend and Share: they depend on neither the view nor the hover, so a move does not redraw them. */
const MapChrome = memo(function MapChrome({ legendOpen, setLegendOpen, events }: { legendOpen: boolean | null; setLegendOpen: (open: boolean) => void; events: EventSummary[] }) {
  return (
    <>
      <div className={`legend-wrap${legendOpen === null ? '' : legendOpen ? ' is-open' : ' is-closed'}`}>
        <button type="button" className="legend-toggle" aria-expanded={legendOpen ?? undefined} onClick={() => setLegendOpen(!(legendOpen ?? wideScreen()))}>
          Legend
        </button>
        <Legend />
      </div>
      <ShareButton events={events} />
    </>
  );
});

function LoadingList({ error }: { error: string | null }) {
  return (
    <section className="event-list" aria-labelledby="event-list-heading">
      <h2 id="event-list-heading">Events</h2>
      <p className="empty" role="status">
        {error ? `The events could not be loaded (${error}): reload the page.` : 'Loading events…'}
      </p>
    </section>
  );
}

const WIDE = '(min-width: 1100px)';
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(WIDE).matches;
}
