'use client';
import { useCallback, useEffect, useRef } from 'react';
import { drawVersion } from './draw-version';
import L from 'leaflet';
import { bbox } from '@turf/turf';
import { useMap, useMapEvents } from 'react-leaflet';
import type { EventSummary, PlaceSummary } from '@/lib/present/summary';
import type { MapViewState } from '@/lib/state/brief-state';
import LeafletMap, { type LeafletMapProps } from './LeafletMap';
import { EventLayer, markerFootprints, type EventLayerProps } from './EventLayer';
import { toLatLng } from './latlng';
import { PlacesLayer } from './PlacesLayer';
import { UncertaintyLayer } from './UncertaintyLayer';

export interface BriefMapProps {
  events: EventSummary[];
  places: PlaceSummary[];
  showPlaces: boolean;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  /** A popup was closed: clear the selection if it is still this event. */
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  /** The view the analyst chose (kept in the URL); null: the default extent, or the selection's frame. */
  view: MapViewState | null;
  /** The analyst moved the map (a view), or the map framed the selection (null: the selection decides the view). */
  onViewChange: (view: MapViewState | null) => void;
  /** For the embed: start by fitting a box, lock interaction, hide controls; see LeafletMapProps. */
  bounds?: LeafletMapProps['bounds'];
  boundsOptions?: LeafletMapProps['boundsOptions'];
  interaction?: LeafletMapProps['interaction'];
  corpus?: string;
  /** Events drawn as selected besides selectedId (an embed can frame several); only selectedId opens its popup. */
  highlightIds?: readonly string[];
  /** false: markers are not clickable and have no popup (static renders). */
  popups?: boolean;
  /** Where the selected event's popup reads its first excerpt and source (they are not in the map data). */
  details?: EventLayerProps['details'];
  popupKeepInView?: boolean;
  /** Where popup links open: the embed opens the main site in a new tab, not inside the frame. */
  linkTarget?: '_blank';
  /** Frame the selected event and its uncertainty area whenever the selection changes (the analyst's page). */
  frameSelection?: boolean;
  /** The events are still being fetched: the map is not ready (data-map-ready stays false) until they are drawn. */
  loading?: boolean;
  /** Extra children inside the map (the embed's own helpers). */
  children?: React.ReactNode;
}

/** PlacesLayer's dots: radius 4 and a 1 px outline. */
const PLACE_DOT_PX = 10;

/** The analyst's map: basemap, uncertainty areas, event markers, optionally the other places named. */
export default function BriefMap(props: BriefMapProps) {
  const { view } = props;
  const { events, places, showPlaces } = props;
  const labelObstacles = useCallback(
    (map: L.Map, zoom: number) => [
      ...markerFootprints(map, events, zoom),
      ...(showPlaces ? places.map((p) => ({ at: toLatLng(p.coordinates), size: PLACE_DOT_PX })) : []),
    ],
    [events, places, showPlaces],
  );
  // True while FrameSelected moves the map: that move is not the analyst's, so it is not written as a view.
  const framing = useRef(false);
  const drawKey = [props.selectedId, ...(props.highlightIds ?? []), '|', props.showPlaces, props.loading, drawVersion(props.events)].join(',');
  return (
    <LeafletMap
      center={view ? [view.lat, view.lon] : undefined}
      zoom={view?.zoom}
      bounds={props.bounds}
      boundsOptions={props.boundsOptions}
      interaction={props.interaction}
      corpus={props.corpus}
      drawKey={drawKey}
      labelObstacles={labelObstacles}
      loading={props.loading}
    >
      <UncertaintyLayer events={props.events} selectedId={props.selectedId} highlightIds={props.highlightIds} />
      {props.showPlaces && <PlacesLayer places={props.places} />}
      <EventLayer
        events={props.events}
        selectedId={props.selectedId}
        hoveredId={props.hoveredId}
        onSelect={props.onSelect}
        onDeselect={props.onDeselect}
        onHover={props.onHover}
        highlightIds={props.highlightIds}
        popups={props.popups}
        details={props.details}
        popupKeepInView={props.popupKeepInView}
        linkTarget={props.linkTarget}
      />
      <ViewSync view={view} onViewChange={props.onViewChange} framing={framing} />
      {props.frameSelection && <FrameSelected events={props.events} selectedId={props.selectedId} view={view} onViewChange={props.onViewChange} framing={framing} />}
      {props.children}
    </LeafletMap>
  );
}

type Framing = React.RefObject<boolean>;

/**
 * How long the map stays still before its view is written into the URL. Writing it (history.replaceState,
 * which Next follows with a render of the page) costs about as much as redrawing the map: done at once, both
 * would land in the frame that ends the move; a wheel turned several notches writes once.
 */
const VIEW_WRITE_DELAY_MS = 150;

/** Keeps the map and the URL's view in step in both directions, without loops. */
function ViewSync({ view, onViewChange, framing }: { view: MapViewState | null; onViewChange: (v: MapViewState | null) => void; framing: Framing }) {
  const map = useMap();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // the latest view and callback, read when the delayed write runs
  const latest = useRef({ view, onViewChange });
  latest.current = { view, onViewChange };
  useEffect(() => () => clearTimeout(pending.current), []);
  useMapEvents({
    moveend: () => {
      clearTimeout(pending.current);
      // a frame of the selection replaces any move the analyst had made just before it
      if (framing.current) return;
      pending.current = setTimeout(() => {
        const c = map.getCenter();
        const next = { lat: +c.lat.toFixed(4), lon: +c.lng.toFixed(4), zoom: map.getZoom() };
        const { view: shown, onViewChange: write } = latest.current;
        if (!shown || next.lat !== shown.lat || next.lon !== shown.lon || next.zoom !== shown.zoom) write(next);
      }, VIEW_WRITE_DELAY_MS);
    },
  });
  useEffect(
    function followUrlView() {
      if (!view) return;
      const c = map.getCenter();
      if (Math.abs(c.lat - view.lat) > 1e-4 || Math.abs(c.lng - view.lon) > 1e-4 || map.getZoom() !== view.zoom) {
        map.setView([view.lat, view.lon], view.zoom, { animate: false });
      }
    },
    [map, view],
  );
  return null;
}

/**
 * Brings the selected event into view with its uncertainty area when the selection changes: from the
 * list, the map, the keyboard or a permalink. A link that carries its own view keeps it at load. No
 * animation: the map has none (screenshots, reduced motion). A filter change does not re-frame.
 *
 * The frame follows from the selection, so it is not written as a view: the URL keeps `?e=<id>` alone
 * (opened again, it frames the same way) and any view the analyst had chosen before is dropped.
 */
function FrameSelected(props: { events: EventSummary[]; selectedId: string | null; view: MapViewState | null; onViewChange: (v: MapViewState | null) => void; framing: Framing }) {
  const { events, selectedId, view, onViewChange, framing } = props;
  const urlView = view !== null;
  const map = useMap();
  // The selection the page was opened with (a permalink's); a view in that link wins over framing it.
  const opened = useRef(selectedId);
  const framed = useRef<string | null>(null);
  useEffect(
    function frameSelected() {
      const e = selectedId ? events.find((x) => x.id === selectedId) : null;
      if (!selectedId) framed.current = opened.current = null;
      // Framed once per selection, when its event is there (the data may still be loading).
      if (!e || framed.current === selectedId) return;
      framed.current = selectedId;
      const fromLink = selectedId === opened.current;
      opened.current = null;
      if (fromLink && urlView) return;
      framing.current = true;
      try {
        // the details panel opening beside the map narrows it in the same render: measure it first, so the
        // frame does not depend on whether Leaflet has noticed yet
        map.invalidateSize({ pan: false, animate: false });
        // animate: false makes the move synchronous: its moveend fires inside this block.
        map.fitBounds(frameOf(e), { paddingTopLeft: [40, 170], paddingBottomRight: [40, 40], maxZoom: 10, animate: false });
      } finally {
        framing.current = false;
      }
      if (urlView) onViewChange(null);
    },
    // Not on view changes: a selection is framed once, and the view at that moment decides the rest.
    [map, events, selectedId],
  );
  return null;
}

/** The event's point with a margin, extended by its uncertainty area; room above it for the popup comes from the padding. */
function frameOf(e: EventSummary): L.LatLngBounds {
  const [lon, lat] = e.coordinates;
  const box = L.latLngBounds([lat - 0.05, lon - 0.07], [lat + 0.05, lon + 0.07]);
  if (e.uncertainty) {
    const [w, s, east, n] = bbox(e.uncertainty);
    box.extend(L.latLngBounds([s, w], [n, east]));
  }
  return box;
}
