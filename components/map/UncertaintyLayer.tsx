'use client';
import { GeoJSON, Pane } from 'react-leaflet';
import type { EventView } from '@/lib/present';
import { symbolFor } from '../symbols';

/**
 * Where each event may have been: a district-sized area is drawn as a dashed area, a stretch of
 * border as a wide translucent band. A point-precise event draws nothing here.
 */
export function UncertaintyLayer({ events, selectedId, highlightIds }: { events: EventView[]; selectedId: string | null; highlightIds?: readonly string[] }) {
  return (
    <Pane name="uncertainty" style={{ zIndex: 400 }}>
      {events
        .filter((e) => e.uncertainty)
        .map((e) => {
          const color = symbolFor(e.eventType).color;
          const isLine = e.uncertainty!.type === 'LineString' || e.uncertainty!.type === 'MultiLineString';
          const selected = e.id === selectedId || !!highlightIds?.includes(e.id);
          return (
            <GeoJSON
              key={`${e.id}-${selected}`}
              data={e.uncertainty!}
              interactive={false}
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
}
