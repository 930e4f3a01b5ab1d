'use client';
import dynamic from 'next/dynamic';
import type { LeafletMapProps } from './map/LeafletMap';

/** Leaflet needs `window`, so the map renders in the browser only. */
const LeafletMap = dynamic(() => import('./map/LeafletMap'), {
  ssr: false,
  loading: () => <div className="map" data-map-ready="false" aria-busy="true" />,
});

export default function MapView(props: LeafletMapProps) {
  return <LeafletMap {...props} />;
}
