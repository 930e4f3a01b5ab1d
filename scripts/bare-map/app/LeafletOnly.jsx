'use client';
import { MapContainer } from 'react-leaflet';

/** Marks itself ready the way the app does (data-map-ready on the container) once Leaflet has a view. */
export default function LeafletOnly() {
  return (
    <MapContainer
      center={[37.5, 69.5]}
      zoom={6}
      style={{ width: '100vw', height: '100vh' }}
      whenReady={(e) => e.target.getContainer().setAttribute('data-map-ready', 'true')}
    />
  );
}
