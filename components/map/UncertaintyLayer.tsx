'use client';
import { memo, useEffect, useMemo, useState } from 'react';
import { GeoJSON, Pane, useMap } from 'react-leaflet';
import type { PathOptions } from 'leaflet';
import type { Geometry } from 'geojson';
import { AreaCanvas, type AreaStyle } from './AreaCanvas';
import type { EventSummary } from '@/lib/present/summary';
import { symbolFor } from '../symbols';
import { CLUSTER_THRESHOLD } from './cluster';
import { stage } from '../data/stages';

interface Area {
  key: string;
  geometry: Geometry;
  eventType: string;
  selected: boolean;
}

/**
 * Where each event may have been: a district-sized area is drawn as a dashed area, a stretch of
 * border as a wide translucent band. A point-precise event draws nothing here.
 *
 * Up to CLUSTER_THRESHOLD events, each event draws its own area (two events on one stretch of border
 * look twice as strong). Beyond that, each distinct area is drawn once per event type, on a canvas:
 * a thousand stacked translucent copies would only be opaque, and a thousand SVG paths slow every move.
 */
export const UncertaintyLayer = memo(function UncertaintyLayer({ events, selectedId, highlightIds }: { events: EventSummary[]; selectedId: string | null; highlightIds?: readonly string[] }) {
  const many = events.length > CLUSTER_THRESHOLD;
  const areas = useMemo(() => stage('uncertainty-areas', () => (many ? distinctAreas(events, selectedId, highlightIds) : eachArea(events, selectedId, highlightIds))), [many, events, selectedId, highlightIds]);
  return (
    <Pane name="uncertainty" style={{ zIndex: 400 }}>
      {many ? (
        <CanvasAreas areas={areas} />
      ) : (
        areas.map((a) => <GeoJSON key={a.key} data={a.geometry} interactive={false} style={areaStyle(a)} />)
      )}
    </Pane>
  );
});

/** How an area looks: a stretch of border as a wide translucent band, a district as a dashed, lightly filled outline; stronger when selected. */
function areaStyle({ geometry, eventType, selected }: Area): AreaStyle & PathOptions {
  const color = symbolFor(eventType).color;
  const isLine = geometry.type === 'LineString' || geometry.type === 'MultiLineString';
  return isLine
    ? { color, weight: selected ? 14 : 10, opacity: selected ? 0.45 : 0.3, lineCap: 'round' }
    : { color, weight: selected ? 2.5 : 1.5, opacity: 1, dashArray: [6, 4], fillColor: color, fillOpacity: selected ? 0.18 : 0.08 };
}

/** The areas on one canvas (AreaCanvas): put together from painted tiles once the view settles, in frames of their own. */
function CanvasAreas({ areas }: { areas: Area[] }) {
  const map = useMap();
  const [layer] = useState(() => new AreaCanvas({ pane: 'uncertainty' }));
  useEffect(
    function addCanvas() {
      layer.addTo(map);
      return () => void layer.remove();
    },
    [map, layer],
  );
  useEffect(() => void layer.setAreas(areas.map((a) => ({ geometry: a.geometry, style: areaStyle(a) }))), [layer, areas]);
  return null;
}

function eachArea(events: EventSummary[], selectedId: string | null, highlightIds?: readonly string[]): Area[] {
  return events
    .filter((e) => e.uncertainty)
    .map((e) => {
      const selected = e.id === selectedId || !!highlightIds?.includes(e.id);
      return { key: `${e.id}-${selected}`, geometry: e.uncertainty!, eventType: e.eventType, selected };
    });
}

const geometryIds = new WeakMap<Geometry, number>();
let nextGeometryId = 0;

/** One area per distinct geometry and event type (decoded map data shares geometry objects), the selected ones on top. */
function distinctAreas(events: EventSummary[], selectedId: string | null, highlightIds?: readonly string[]): Area[] {
  const plain = new Map<string, Area>();
  const selected: Area[] = [];
  for (const e of events) {
    if (!e.uncertainty) continue;
    let gid = geometryIds.get(e.uncertainty);
    if (gid === undefined) geometryIds.set(e.uncertainty, (gid = nextGeometryId++));
    if (e.id === selectedId || highlightIds?.includes(e.id)) {
      selected.push({ key: `selected-${e.id}`, geometry: e.uncertainty, eventType: e.eventType, selected: true });
      continue;
    }
    const key = `${gid}-${e.eventType}`;
    if (!plain.has(key)) plain.set(key, { key, geometry: e.uncertainty, eventType: e.eventType, selected: false });
  }
  return [...plain.values(), ...selected];
}
