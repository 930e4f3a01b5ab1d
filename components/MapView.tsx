'use client';
import dynamic from 'next/dynamic';
import type { BriefMapProps } from './map/BriefMap';

/** Leaflet needs `window`, so the map renders in the browser only, in its own chunk. */
const BriefMap = dynamic(() => import('./map/BriefMap'), {
  ssr: false,
  loading: () => <div className="map" data-map-ready="false" aria-busy="true" />,
});

export default function MapView(props: BriefMapProps) {
  return <BriefMap {...props} />;
}
