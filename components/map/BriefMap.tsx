'use client';
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { EventView, PlaceView } from '@/lib/present';
import type { MapViewState } from '@/lib/state/brief-state';
import LeafletMap from './LeafletMap';
import { EventLayer } from './EventLayer';
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
}

/** The analyst's map: basemap, uncertainty areas, event markers, optionally the other places named. */
export default function BriefMap(props: BriefMapProps) {
  const { view } = props;
  return (
    <LeafletMap center={view ? [view.lat, view.lon] : undefined} zoom={view?.zoom}>
      <UncertaintyLayer events={props.events} selectedId={props.selectedId} />
      {props.showPlaces && <PlacesLayer places={props.places} />}
      <EventLayer events={props.events} selectedId={props.selectedId} hoveredId={props.hoveredId} onSelect={props.onSelect} onDeselect={props.onDeselect} onHover={props.onHover} />
      <ViewSync view={view} onViewChange={props.onViewChange} />
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
