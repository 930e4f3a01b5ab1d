'use client';
import { memo, useMemo } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import L from 'leaflet';
import type { Geometry } from 'geojson';
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
  // Leaflet's own padding (a tenth of the map beyond each edge): the canvas is redrawn whole, in software, at
  // every zoom and at the end of every pan, and half a map of padding made it 4 maps' worth of pixels, not 1.44.
  const renderer = useMemo(() => (many ? L.canvas({ padding: 0.1 }) : undefined), [many]);
  return (
    <Pane name="uncertainty" style={{ zIndex: 400 }}>
      {areas.map((a) => {
        const color = symbolFor(a.eventType).color;
        const isLine = a.geometry.type === 'LineString' || a.geometry.type === 'MultiLineString';
        const selected = a.selected;
        return (
          <GeoJSON
            key={a.key}
            data={a.geometry}
            interactive={false}
            {...(renderer ? { renderer } : {})}
            style={
              isLine
                ? { color, weight: selected ? 14 : 10, opacity: selected ? 0.45 : 0.3, lineCap: 'round' }
                : { color, weight: selected ? 2.5 : 1.5, dashArray: '6 4', fillColor: color, fillOpacity: selected ? 0.18 : 0.08 }
            }
          />
        );
      })}
    </Pane>
  );
});

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
