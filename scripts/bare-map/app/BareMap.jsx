'use client';
import dynamic from 'next/dynamic';

// Leaflet needs `window`: loaded in the browser only, as the app does (components/MapView.tsx).
const LeafletOnly = dynamic(() => import('./LeafletOnly'), { ssr: false });

export default function BareMap() {
  return <LeafletOnly />;
}
