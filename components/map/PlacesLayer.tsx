'use client';
import { CircleMarker, Pane, Tooltip } from 'react-leaflet';
import type { PlaceSummary } from '@/lib/present/summary';
import { toLatLng } from './latlng';

/** The other places the articles mention: small grey dots, named on hover. */
export function PlacesLayer({ places }: { places: PlaceSummary[] }) {
  return (
    <Pane name="places" style={{ zIndex: 610 }}>
      {places.map((p) => (
        <CircleMarker
          key={p.id}
          center={toLatLng(p.coordinates)}
          radius={4}
          pathOptions={{ color: '#fff', weight: 1, fillColor: p.governmentOnly ? '#8a96a3' : '#3b4a59', fillOpacity: 0.9 }}
        >
          <Tooltip direction="top">
            {p.name}
            {p.admin1 && p.admin1 !== p.name ? `, ${p.admin1}` : ''} ({p.country}) — mentioned {p.mentionCount}× in {p.articleCount} article
            {p.articleCount === 1 ? '' : 's'}
            {p.governmentOnly ? '; named only as a government' : ''}
          </Tooltip>
        </CircleMarker>
      ))}
    </Pane>
  );
}
