'use client';
import { useCallback, useEffect, useRef } from 'react';
import L from 'leaflet';
import { bbox } from '@turf/turf';
import { useMap, useMapEvents } from 'react-leaflet';
import type { EventView, PlaceView } from '@/lib/present';
import type { MapViewState } from '@/lib/state/brief-state';
import LeafletMap, { type LeafletMapProps } from './LeafletMap';
import { EventLayer, markerFootprints } from './EventLayer';
import { toLatLng } from './latlng';
import { PlacesLayer } from './PlacesLayer';
import { UncertaintyLayer } from './UncertaintyLayer';

export interface BriefMapProps {
  events: EventView[];
  places: PlaceView[];
  showPlaces: boolean;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  /** A popup was closed: clear the selection if it is still this event. */
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  view: MapViewState | null;
  onViewChange: (view: MapViewState) => void;
  /** For the embed: start by fitting a box, lock interaction, hide controls; see LeafletMapProps. */
  bounds?: LeafletMapProps['bounds'];
  boundsOptions?: LeafletMapProps['boundsOptions'];
  interaction?: LeafletMapProps['interaction'];
  corpus?: string;
  /** Events drawn as selected besides selectedId (an embed can frame several); only selectedId opens its popup. */
  highlightIds?: readonly string[];
  /** false: markers are not clickable and have no popup (static renders). */
  popups?: boolean;
  popupKeepInView?: boolean;
  /** Where popup links open: the embed opens the main site in a new tab, not inside the frame. */
  linkTarget?: '_blank';
  /** Frame the selected event and its uncertainty area whenever the selection changes (the analyst's page). */
  frameSelection?: boolean;
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
  const drawKey = [props.selectedId, ...(props.highlightIds ?? []), '|', props.showPlaces, ...props.events.map((e) => e.id)].join(',');
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
        popupKeepInView={props.popupKeepInView}
        linkTarget={props.linkTarget}
      />
      <ViewSync view={view} onViewChange={props.onViewChange} />
      {props.frameSelection && <FrameSelected events={props.events} selectedId={props.selectedId} urlView={view !== null} />}
      {props.children}
    </LeafletMap>
  );
}

/** Keeps the map and the URL's view in step in both directions, without loops. */
function ViewSync({ view, onViewChange }: { view: MapViewState | null; onViewChange: (v: MapViewState) => void }) {
  const map = useMap();
  useMapEvents({
    moveend: () => {
      const c = map.getCenter();
      const next = { lat: +c.lat.toFixed(4), lon: +c.lng.toFixed(4), zoom: map.getZoom() };
      if (!view || next.lat !== view.lat || next.lon !== view.lon || next.zoom !== view.zoom) onViewChange(next);
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
 * Brings the selected event into view with its uncertainty area: from the list, the map, the keyboard or a
 * permalink. A link that carries its own view keeps it at load. No animation: the map has none (screenshots,
 * reduced motion).
 */
function FrameSelected({ events, selectedId, urlView }: { events: EventView[]; selectedId: string | null; urlView: boolean }) {
  const map = useMap();
  const first = useRef(true);
  // Read, not depended on: the list is rebuilt on every URL change (a pan, a popup panning into view), and
  // re-framing then would undo the move. Only a new selection frames.
  const latest = useRef({ events, urlView });
  latest.current = { events, urlView };
  useEffect(
    function frameSelected() {
      const skip = first.current && latest.current.urlView;
      first.current = false;
      const e = selectedId ? latest.current.events.find((x) => x.id === selectedId) : null;
      if (!e || skip) return;
      const [lon, lat] = e.coordinates;
      let box = L.latLngBounds([lat - 0.05, lon - 0.07], [lat + 0.05, lon + 0.07]);
      if (e.uncertainty) {
        const [w, s, east, n] = bbox(e.uncertainty);
        box = box.extend(L.latLngBounds([s, w], [n, east]));
      }
      // room for the popup above the marker
      map.fitBounds(box, { paddingTopLeft: [40, 170], paddingBottomRight: [40, 40], maxZoom: 10, animate: false });
    },
    [map, selectedId],
  );
  return null;
}
