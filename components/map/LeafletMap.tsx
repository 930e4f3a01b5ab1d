'use client';
import { useEffect, type ReactNode } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import L from 'leaflet';
import { DEFAULT_VIEW, MAX_ZOOM, MIN_ZOOM, REGION_BBOX } from '@/lib/region';
import { ATTRIBUTION } from '@/lib/attribution';
import { BasemapLayers } from './BasemapLayers';
import { useBasemap } from './useBasemap';

/** Optional online tiles for deployments with network; unset (the default) means fully offline. */
const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL;
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? '';

const [W, S, E, N] = REGION_BBOX;
const MAX_BOUNDS = L.latLngBounds([S - 1, W - 1.5], [N + 1, E + 1.5]);

export interface LeafletMapProps {
  center?: [number, number];
  zoom?: number;
  /** Overlays drawn over the basemap, in the same render, so ready means they are drawn too. */
  children?: ReactNode;
}

/**
 * The map: offline basemap, optional tiles, overlays. Animations are off so that screenshots are
 * byte-stable; the container gets data-map-ready="true" once basemap and overlays are drawn
 * (overlays render with the basemap, and effects run after the children's).
 */
export default function LeafletMap({ center = DEFAULT_VIEW.center, zoom = DEFAULT_VIEW.zoom, children }: LeafletMapProps) {
  const { basemap, error } = useBasemap();
  return (
    <MapContainer
      className="map"
      center={center}
      zoom={zoom}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      maxBounds={MAX_BOUNDS}
      zoomAnimation={false}
      fadeAnimation={false}
      markerZoomAnimation={false}
      inertia={false}
      attributionControl={true}
    >
      <Attribution />
      {TILE_URL && <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />}
      {basemap && <BasemapLayers basemap={basemap} />}
      {basemap && children}
      <ReadySignal ready={basemap !== null} error={error} />
    </MapContainer>
  );
}

function Attribution() {
  const map = useMap();
  useEffect(
    function addAttribution() {
      map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      map.attributionControl.addAttribution(ATTRIBUTION);
      return () => {
        map.attributionControl.removeAttribution(ATTRIBUTION);
      };
    },
    [map],
  );
  return null;
}

function ReadySignal({ ready, error }: { ready: boolean; error: string | null }) {
  const map = useMap();
  useEffect(
    function markReady() {
      const el = map.getContainer();
      el.setAttribute('data-map-ready', ready ? 'true' : 'false');
      if (error) el.setAttribute('data-map-error', error);
    },
    [map, ready, error],
  );
  return null;
}
