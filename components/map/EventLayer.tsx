'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Marker, Pane, Popup, useMap, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import type { EventView } from '@/lib/present';
import { markerSize, symbolFor, symbolSvg } from '../symbols';
import { toLatLng } from './latlng';
import { clusterEvents } from './cluster';

/** Events within this many pixels of each other are fanned out around their shared spot. */
const OVERLAP_PX = 14;
const FAN_RADIUS_PX = 20;
const CLUSTER_PX = 34;
/** On phones the CSS narrows popups further (globals.css), so that one fits whole inside the map. */
const POPUP_MAX_WIDTH = 340;

export interface EventLayerProps {
  events: EventView[];
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  highlightIds?: readonly string[];
  /** false: markers are not clickable and have no popup. */
  popups?: boolean;
  /** Keep an open popup whole inside the map even while the user pans (small embeds); a popup is always panned into view when it opens. */
  popupKeepInView?: boolean;
  linkTarget?: '_blank';
}

/**
 * Event markers: shape and colour by type, size by casualties. Events at the same spot are fanned
 * out on a fixed circle (deterministic, so screenshots are stable); many events cluster.
 */
export function EventLayer({ events, selectedId, hoveredId, onSelect, onDeselect, onHover, highlightIds, popups = true, popupKeepInView = false, linkTarget }: EventLayerProps) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });

  const clusters = useMemo(() => clusterEvents(events, zoom), [events, zoom]);

  const positions = useMemo(() => fanOut(map, events, zoom), [map, events, zoom]);

  if (clusters) {
    const byId = new Map(events.map((e) => [e.id, e]));
    return (
      <Pane name="events" style={{ zIndex: 620 }}>
        {clusters.map((c) => {
          if (c.kind === 'event') {
            const e = byId.get(c.id)!;
            return <EventMarker key={e.id} event={e} position={positions.get(e.id)!} selected={e.id === selectedId} highlighted={!!highlightIds?.includes(e.id)} hovered={e.id === hoveredId} onSelect={onSelect} onDeselect={onDeselect} onHover={onHover} popup={popups} keepInView={popupKeepInView} linkTarget={linkTarget} />;
          }
          const [lon, lat] = c.at;
          return (
            <Marker
              key={`cluster-${c.clusterId}`}
              position={[lat, lon]}
              icon={L.divIcon({ className: 'event-cluster', html: `<span>${c.count}</span>`, iconSize: [CLUSTER_PX, CLUSTER_PX] })}
              title={`${c.count} events here: zoom in`}
              eventHandlers={{ click: () => map.setView([lat, lon], Math.min(zoom + 2, map.getMaxZoom())) }}
            />
          );
        })}
      </Pane>
    );
  }

  return (
    <Pane name="events" style={{ zIndex: 620 }}>
      {events.map((e) => (
        <EventMarker key={e.id} event={e} position={positions.get(e.id)!} selected={e.id === selectedId} highlighted={!!highlightIds?.includes(e.id)} hovered={e.id === hoveredId} onSelect={onSelect} onDeselect={onDeselect} onHover={onHover} popup={popups} keepInView={popupKeepInView} linkTarget={linkTarget} />
      ))}
    </Pane>
  );
}

/** Where each marker is drawn at `zoom` and how big it is (px): what map labels must keep clear of. */
export function markerFootprints(map: L.Map, events: EventView[], zoom: number): { at: L.LatLngTuple; size: number }[] {
  const clusters = clusterEvents(events, zoom);
  const positions = fanOut(map, events, zoom);
  const byId = new Map(events.map((e) => [e.id, e]));
  const eventFootprint = (e: EventView) => ({ at: positions.get(e.id)!, size: markerSize(e.fatalities, e.injured) });
  if (!clusters) return events.map(eventFootprint);
  return clusters.map((c) => (c.kind === 'event' ? eventFootprint(byId.get(c.id)!) : { at: toLatLng(c.at), size: CLUSTER_PX }));
}

/** Marker positions: true position, or a point on a small circle around it when several events share a spot. */
function fanOut(map: L.Map, events: EventView[], zoom: number): Map<string, L.LatLngTuple> {
  const out = new Map<string, L.LatLngTuple>();
  const groups: { at: L.Point; ids: string[]; latlng: L.LatLngTuple }[] = [];
  for (const e of events) {
    const latlng = toLatLng(e.coordinates);
    const at = map.project(latlng, zoom);
    const g = groups.find((x) => x.at.distanceTo(at) < OVERLAP_PX);
    if (g) g.ids.push(e.id);
    else groups.push({ at, ids: [e.id], latlng });
  }
  for (const g of groups) {
    if (g.ids.length === 1) {
      out.set(g.ids[0], toLatLng(events.find((e) => e.id === g.ids[0])!.coordinates));
      continue;
    }
    g.ids.forEach((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / g.ids.length;
      const p = g.at.add(L.point(FAN_RADIUS_PX * Math.cos(angle), FAN_RADIUS_PX * Math.sin(angle)));
      const ll = map.unproject(p, zoom);
      out.set(id, [ll.lat, ll.lng]);
    });
  }
  return out;
}

interface EventMarkerProps {
  event: EventView;
  position: L.LatLngTuple;
  selected: boolean;
  highlighted: boolean;
  hovered: boolean;
  onSelect: (id: string | null) => void;
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  popup: boolean;
  keepInView: boolean;
  linkTarget?: '_blank';
}

function EventMarker({ event, position, selected: isSelected, highlighted, hovered, onSelect, onDeselect, onHover, popup, keepInView, linkTarget }: EventMarkerProps) {
  const selected = isSelected || highlighted;
  const ref = useRef<L.Marker>(null);
  const size = markerSize(event.fatalities, event.injured);
  const icon = useMemo(
    () =>
      L.divIcon({
        className: `event-marker${selected ? ' is-selected' : ''}${hovered ? ' is-hovered' : ''}`,
        html: symbolSvg(symbolFor(event.eventType), size, selected || hovered, event.geoPrecision === 3),
        iconSize: [size, size],
        iconAnchor: [size / 2, size / 2],
        popupAnchor: [0, -size / 2],
      }),
    [event.eventType, event.geoPrecision, size, selected, hovered],
  );

  useEffect(
    function labelMarkerElement() {
      const el = ref.current?.getElement();
      if (!el) return;
      el.setAttribute('data-event-id', event.id);
      el.setAttribute('aria-label', event.label);
      el.setAttribute('aria-pressed', selected ? 'true' : 'false');
    },
    [event.id, event.label, selected, icon],
  );

  useEffect(
    function openPopupWhenSelected() {
      const m = ref.current;
      if (!m || !m.getPopup()) return;
      if (isSelected && !m.isPopupOpen()) m.openPopup();
      if (!isSelected && m.isPopupOpen()) m.closePopup();
    },
    [isSelected],
  );

  const first = event.sources[0]?.excerpts[0];
  return (
    <Marker
      ref={ref}
      position={position}
      icon={icon}
      keyboard={popup}
      interactive={popup}
      riseOnHover={popup}
      zIndexOffset={selected ? 1000 : 0}
      eventHandlers={{
        click: () => onSelect(event.id),
        mouseover: () => onHover(event.id),
        mouseout: () => onHover(null),
        popupclose: () => onDeselect?.(event.id),
      }}
    >
      {popup && (
      <Popup autoPan keepInView={keepInView} autoPanPaddingTopLeft={[12, 84]} autoPanPaddingBottomRight={[12, 12]} maxWidth={POPUP_MAX_WIDTH}>
        <div className="popup" data-event-id={event.id}>
          <strong>{event.subEventType || event.eventType}</strong>
          <div>{event.dateText}</div>
          <div>{event.placeText}</div>
          <div>
            Killed: {event.fatalitiesText} · Injured: {event.injuredText}
          </div>
          {first && <q className="excerpt">{first.text}</q>}
          <div className="popup-links">
            <a href={`/events/${event.id}`} target={linkTarget} rel={linkTarget ? 'noopener' : undefined}>
              Details and {event.sources.length === 1 ? 'the source' : `all ${event.sources.length} sources`}
            </a>
            {' · '}
            <a href={`/sources/${event.sources[0]?.article}?e=${event.id}`} target={linkTarget} rel={linkTarget ? 'noopener' : undefined}>
              Source
            </a>
          </div>
        </div>
      </Popup>
      )}
    </Marker>
  );
}
