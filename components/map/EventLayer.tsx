'use client';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Marker, Pane, Popup, useMap, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import type { EventSummary } from '@/lib/present/summary';
import type { EventView } from '@/lib/present';
import type { EventDetailsLoader } from '../data/useMapData';
import { markerSize, symbolFor, symbolSvg } from '../symbols';
import { toLatLng } from './latlng';
import { templateIcon } from './template-icon';
import { clusterIndex, clustersIn, type ClusterIndex } from './cluster';
import { stage } from '../data/stages';

/** Events within this many pixels of each other are fanned out around their shared spot. */
const OVERLAP_PX = 14;
const FAN_RADIUS_PX = 20;
const CLUSTER_PX = 34;
/** On phones the CSS narrows popups further (globals.css), so that one fits whole inside the map. */
const POPUP_MAX_WIDTH = 340;

export interface EventLayerProps {
  events: EventSummary[];
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (id: string | null) => void;
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  highlightIds?: readonly string[];
  /** false: markers are not clickable and have no popup. */
  popups?: boolean;
  /** Where a popup reads what the map data leaves out (the first excerpt, the source): the selected event's details. */
  details?: EventDetailsLoader;
  /** Keep an open popup whole inside the map even while the user pans (small embeds); a popup is always panned into view when it opens. */
  popupKeepInView?: boolean;
  linkTarget?: '_blank';
}

/**
 * Event markers: shape and colour by type, size by casualties. Events at the same spot are fanned
 * out on a fixed circle (deterministic, so screenshots are stable); many events cluster, and then only
 * what lies in the view (plus a margin) is drawn, re-queried after each move.
 */
export const EventLayer = memo(function EventLayer({ events, selectedId, hoveredId, onSelect, onDeselect, onHover, highlightIds, popups = true, details, popupKeepInView = false, linkTarget }: EventLayerProps) {
  const map = useMap();
  const [frame, setFrame] = useState(() => viewFrame(map));
  useMapEvents({ moveend: () => setFrame((f) => (coversView(f, map) ? f : viewFrame(map))) });
  const { zoom } = frame;

  const index = useMemo(() => sharedIndex(events), [events]);
  // Without clusters every event is drawn; with them, only the view's clusters and single events.
  const items = useMemo(() => (index ? stage('cluster-query', () => clustersIn(index, frame.bbox, zoom)) : null), [index, frame, zoom]);
  const singles = useMemo(() => (items ? items.flatMap((c) => (c.kind === 'event' ? [c.event] : [])) : events), [items, events]);
  const positions = useMemo(() => fanOut(map, singles, zoom), [map, singles, zoom]);

  const marker = (e: EventSummary) => (
    <EventMarker key={e.id} event={e} position={positions.get(e.id)!} selected={e.id === selectedId} highlighted={!!highlightIds?.includes(e.id)} hovered={e.id === hoveredId} onSelect={onSelect} onDeselect={onDeselect} onHover={onHover} popup={popups} details={details} keepInView={popupKeepInView} linkTarget={linkTarget} />
  );
  return (
    <Pane name="events" style={{ zIndex: 620 }}>
      {items
        ? items.map((c) => {
            if (c.kind === 'event') return marker(c.event);
            const [lon, lat] = c.at;
            return (
              <Marker
                key={`cluster-${c.clusterId}`}
                position={[lat, lon]}
                icon={clusterIcon(c.count)}
                title={`${c.count} events here: zoom in`}
                eventHandlers={{ click: () => map.setView([lat, lon], Math.min(zoom + 2, map.getMaxZoom())) }}
              />
            );
          })
        : events.map(marker)}
    </Pane>
  );
});

/** One icon per count, reused across moves (Leaflet only swaps the element when the icon object changes). */
function clusterIcon(count: number): L.DivIcon {
  return templateIcon({ className: 'event-cluster', html: `<span>${count}</span>`, iconSize: [CLUSTER_PX, CLUSTER_PX] });
}

/** The clustering index of an events array, built once per array (labels and markers share it). */
const indexes = new WeakMap<readonly EventSummary[], ClusterIndex<EventSummary> | null>();
function sharedIndex(events: readonly EventSummary[]): ClusterIndex<EventSummary> | null {
  if (!indexes.has(events)) indexes.set(events, stage('cluster-index', () => clusterIndex(events)));
  return indexes.get(events)!;
}

/** Where each marker in the view is drawn at `zoom` and how big it is (px): what map labels must keep clear of. */
export function markerFootprints(map: L.Map, events: EventSummary[], zoom: number): { at: L.LatLngTuple; size: number }[] {
  const index = sharedIndex(events);
  const items = index ? clustersIn(index, viewFrame(map).bbox, zoom) : null;
  const singles = items ? items.flatMap((c) => (c.kind === 'event' ? [c.event] : [])) : events;
  const positions = fanOut(map, singles, zoom);
  const eventFootprint = (e: EventSummary) => ({ at: positions.get(e.id)!, size: markerSize(e.fatalities, e.injured) });
  if (!items) return events.map(eventFootprint);
  return items.map((c) => (c.kind === 'event' ? eventFootprint(c.event) : { at: toLatLng(c.at), size: CLUSTER_PX }));
}

interface ViewFrame {
  zoom: number;
  /** The view padded by a quarter of its size each way, so a short pan needs no new markers. [west, south, east, north] */
  bbox: [number, number, number, number];
}

/**
 * How far beyond the view markers are drawn, as a share of its size each way: a pan within it needs no new
 * markers, and a zoom (which replaces them all) makes 2.25 views' worth of markers, not 4 as half a view did.
 */
const FRAME_PAD = 0.25;

function viewFrame(map: L.Map): ViewFrame {
  const b = map.getBounds().pad(FRAME_PAD);
  return { zoom: map.getZoom(), bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
}

/** The markers drawn for frame `f` still cover the map's view: same zoom, and the view inside the padded frame. */
function coversView(f: ViewFrame, map: L.Map): boolean {
  const v = map.getBounds();
  return f.zoom === map.getZoom() && v.getWest() >= f.bbox[0] && v.getSouth() >= f.bbox[1] && v.getEast() <= f.bbox[2] && v.getNorth() <= f.bbox[3];
}

const latLngs = new WeakMap<readonly number[], L.LatLngTuple>();
/**
 * An event's point as Leaflet's [lat, lng], one array per point (decoded map data shares points): a marker
 * whose position did not move gets the very same array, so a zoom does not re-render it.
 */
function eventLatLng(coordinates: readonly [number, number]): L.LatLngTuple {
  let ll = latLngs.get(coordinates);
  if (!ll) latLngs.set(coordinates, (ll = toLatLng(coordinates)));
  return ll;
}

/**
 * Marker positions: true position, or a point on a small circle around it when several events share a
 * spot. Events are bucketed on a pixel grid, so the work grows with the number drawn, not its square.
 */
function fanOut(map: L.Map, events: EventSummary[], zoom: number): Map<string, L.LatLngTuple> {
  const out = new Map<string, L.LatLngTuple>();
  const groups: { at: L.Point; ids: string[]; latlng: L.LatLngTuple; n: number }[] = [];
  const grid = new Map<string, typeof groups>();
  const cell = (x: number, y: number) => `${x},${y}`;
  for (const e of events) {
    const latlng = eventLatLng(e.coordinates);
    const at = map.project(latlng, zoom);
    const cx = Math.floor(at.x / OVERLAP_PX);
    const cy = Math.floor(at.y / OVERLAP_PX);
    // The earliest group within reach, as a scan of every group in order would find.
    let g: (typeof groups)[number] | undefined;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const x of grid.get(cell(cx + dx, cy + dy)) ?? []) if (x.at.distanceTo(at) < OVERLAP_PX && (!g || x.n < g.n)) g = x;
    if (g) g.ids.push(e.id);
    else {
      const ng = { at, ids: [e.id], latlng, n: groups.length };
      groups.push(ng);
      const k = cell(cx, cy);
      grid.set(k, [...(grid.get(k) ?? []), ng]);
    }
  }
  for (const g of groups) {
    if (g.ids.length === 1) {
      out.set(g.ids[0], g.latlng);
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
  event: EventSummary;
  position: L.LatLngTuple;
  selected: boolean;
  highlighted: boolean;
  hovered: boolean;
  onSelect: (id: string | null) => void;
  onDeselect?: (id: string) => void;
  onHover: (id: string | null) => void;
  popup: boolean;
  details?: EventDetailsLoader;
  keepInView: boolean;
  linkTarget?: '_blank';
}

const EventMarker = memo(function EventMarker({ event, position, selected: isSelected, highlighted, hovered, onSelect, onDeselect, onHover, popup, details: loadDetails, keepInView, linkTarget }: EventMarkerProps) {
  const selected = isSelected || highlighted;
  const ref = useRef<L.Marker>(null);
  const size = markerSize(event.fatalities, event.injured);
  const icon = useMemo(
    () =>
      templateIcon({
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

  // The popup is made once the selected event's details are in, so that it opens whole (and pans the map once).
  const details = useDetails(popup && isSelected ? event.id : null, loadDetails);
  useEffect(
    function openPopupWhenSelected() {
      const m = ref.current;
      if (!m || !m.getPopup()) return;
      if (isSelected && !m.isPopupOpen()) m.openPopup();
      if (!isSelected && m.isPopupOpen()) m.closePopup();
    },
    [isSelected, details],
  );

  const first = details?.sources[0];
  const excerpt = first?.excerpts[0]?.text;
  const sourceCount = details?.sources.length ?? 0;
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
      {details && (
      <Popup autoPan keepInView={keepInView} autoPanPaddingTopLeft={[12, 84]} autoPanPaddingBottomRight={[12, 12]} maxWidth={POPUP_MAX_WIDTH}>
        <div className="popup" data-event-id={event.id}>
          <strong>{event.subEventType || event.eventType}</strong>
          <div>{event.dateText}</div>
          <div>{event.placeText}</div>
          <div>
            Killed: {event.fatalitiesText} · Injured: {event.injuredText}
          </div>
          {excerpt && <q className="excerpt">{excerpt}</q>}
          <div className="popup-links">
            <a href={`/events/${event.id}`} target={linkTarget} rel={linkTarget ? 'noopener' : undefined}>
              Details and {sourceCount === 1 ? 'the source' : `all ${sourceCount} sources`}
            </a>
            {' · '}
            <a href={`/sources/${first?.article}?e=${event.id}`} target={linkTarget} rel={linkTarget ? 'noopener' : undefined}>
              Source
            </a>
          </div>
        </div>
      </Popup>
      )}
    </Marker>
  );
});

/** The details of the event `id` (null while they load, for no id, or if they cannot be loaded: the panel says why). */
function useDetails(id: string | null, load: EventDetailsLoader | undefined): EventView | null {
  const [details, setDetails] = useState<EventView | null>(null);
  useEffect(
    function loadWhenAsked() {
      if (!id || !load) return;
      let live = true;
      load(id).then(
        (d) => live && setDetails(d),
        () => live && setDetails(null),
      );
      return () => {
        live = false;
      };
    },
    [id, load],
  );
  return details && details.id === id ? details : null;
}
