'use client';
import { useEffect, useRef, type ReactNode } from 'react';
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
  /** Fit this box at start instead of center/zoom, [[south, west], [north, east]]. */
  bounds?: L.LatLngBoundsLiteral;
  boundsOptions?: L.FitBoundsOptions;
  /** Pan and zoom by mouse, touch and keyboard; one-finger or mouse dragging; the zoom buttons. All on unless set false. */
  interaction?: { move?: boolean; drag?: boolean; zoomControl?: boolean };
  /** Hash of the data drawn, set as data-corpus on the container for screenshot checks. */
  corpus?: string;
  /** Changes whenever the overlays draw something else: data-map-ready drops until it is drawn. */
  drawKey?: string;
  /** The overlays' data is still on its way: not ready yet. */
  loading?: boolean;
  /** Overlays drawn over the basemap, in the same render, so ready means they are drawn too. */
  children?: ReactNode;
}

/**
 * The map: offline basemap, optional tiles, overlays. Animations are off so that screenshots are
 * byte-stable; the container gets data-map-ready="true" once basemap, overlays and the shipped font
 * are drawn and two frames have passed, and "false" again while the view or the data changes.
 */
export default function LeafletMap({ center, zoom, bounds, boundsOptions, interaction, corpus, drawKey, loading = false, children }: LeafletMapProps) {
  const { basemap, error } = useBasemap();
  const move = interaction?.move !== false;
  const view = bounds && !center ? {} : { center: center ?? DEFAULT_VIEW.center, zoom: zoom ?? DEFAULT_VIEW.zoom };
  return (
    <MapContainer
      className="map"
      {...view}
      bounds={bounds}
      boundsOptions={boundsOptions}
      dragging={move && interaction?.drag !== false}
      touchZoom={move}
      doubleClickZoom={move}
      scrollWheelZoom={move}
      boxZoom={move}
      keyboard={move}
      zoomControl={interaction?.zoomControl !== false}
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
      <ReadySignal ready={basemap !== null && !loading} error={error} corpus={corpus} drawKey={drawKey} />
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

function ReadySignal({ ready, error, corpus, drawKey }: { ready: boolean; error: string | null; corpus?: string; drawKey?: string }) {
  const map = useMap();
  const generation = useRef(0);

  // Each change starts a new generation; only the latest may say "ready", after the font and two frames.
  useEffect(
    function followMoves() {
      const el = map.getContainer();
      const unready = () => {
        generation.current++;
        el.setAttribute('data-map-ready', 'false');
      };
      const settle = () => settleReady(el, generation, ready);
      map.on('movestart', unready);
      map.on('moveend resize', settle);
      return () => {
        map.off('movestart', unready);
        map.off('moveend resize', settle);
      };
    },
    [map, ready],
  );

  useEffect(
    function markReady() {
      const el = map.getContainer();
      if (corpus) el.setAttribute('data-corpus', corpus);
      if (error) el.setAttribute('data-map-error', error);
      settleReady(el, generation, ready);
    },
    [map, ready, error, corpus, drawKey],
  );
  return null;
}

function settleReady(el: HTMLElement, generation: { current: number }, ready: boolean) {
  const mine = ++generation.current;
  el.setAttribute('data-map-ready', 'false');
  if (!ready) return;
  // fonts.ready settles once every font the laid-out text uses has loaded (the shipped Noto Sans).
  document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (generation.current === mine) el.setAttribute('data-map-ready', 'true');
        }),
      ),
    );
}
