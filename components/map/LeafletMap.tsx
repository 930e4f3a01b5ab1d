'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import L from 'leaflet';
import { BASEMAP_BBOX, DEFAULT_VIEW, MAX_ZOOM, MIN_ZOOM } from '@/lib/region';
import { ATTRIBUTION } from '@/lib/attribution';
import { BasemapLayers } from './BasemapLayers';
import { LABEL_FONTS, MapLabels, type ObstaclesAt } from './MapLabels';
import { useBasemap } from './useBasemap';
import { frameQueueOf } from './frame-queue';

/** Optional online tiles for deployments with network; unset (the default) means fully offline. */
const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL;
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? '';

const [W, S, E, N] = BASEMAP_BBOX;
/** The view never leaves the basemap: beyond it there is nothing drawn, only an empty band. */
const MAX_BOUNDS = L.latLngBounds([S, W], [N, E]);

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
  /** What map labels must not cover, besides the controls and overlays (event markers, place dots). */
  labelObstacles?: ObstaclesAt;
  /** The overlays' data is still on its way: not ready yet. */
  loading?: boolean;
  /** Overlays drawn over the basemap, in the same render, so ready means they are drawn too. */
  children?: ReactNode;
}

/**
 * The map: offline basemap, optional tiles, overlays. Animations are off so that screenshots are
 * byte-stable; the container gets data-map-ready="true" once basemap, overlays and the shipped font
 * are drawn and the work that follows a move is done and painted (frame-queue.ts), and "false" again while the
 * view or the data changes.
 */
export default function LeafletMap({ center, zoom, bounds, boundsOptions, interaction, corpus, drawKey, labelObstacles, loading = false, children }: LeafletMapProps) {
  const { basemap, error } = useBasemap();
  const fonts = useLabelFonts();
  const drawn = basemap !== null && fonts;
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
      maxBoundsViscosity={1}
      zoomAnimation={false}
      fadeAnimation={false}
      markerZoomAnimation={false}
      inertia={false}
      attributionControl={true}
    >
      <Attribution />
      {TILE_URL && <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />}
      <KeepBasemapFilled />
      {basemap && <BasemapLayers basemap={basemap} />}
      {drawn && <MapLabels basemap={basemap} obstacles={labelObstacles} />}
      {basemap && children}
      <ReadySignal ready={drawn && !loading} error={error} corpus={corpus} drawKey={drawKey} />
    </MapContainer>
  );
}

/** The label fonts, loaded before labels are measured: a width measured in a fallback font would move labels. */
function useLabelFonts(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(function loadLabelFonts() {
    let live = true;
    Promise.all(LABEL_FONTS.map((f) => document.fonts.load(f)))
      .catch(() => undefined)
      .then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/** The least zoom at which the basemap fills the whole map, kept up to date as the map is resized. */
function KeepBasemapFilled() {
  const map = useMap();
  useEffect(
    function boundMinZoom() {
      const fit = () => map.setMinZoom(Math.max(MIN_ZOOM, map.getBoundsZoom(MAX_BOUNDS, true)));
      fit();
      map.on('resize', fit);
      return () => {
        map.off('resize', fit);
      };
    },
    [map],
  );
  return null;
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
      const settle = () => settleReady(map, generation, ready);
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
      settleReady(map, generation, ready);
    },
    [map, ready, error, corpus, drawKey],
  );
  return null;
}

function settleReady(map: L.Map, generation: { current: number }, ready: boolean) {
  const el = map.getContainer();
  const mine = ++generation.current;
  el.setAttribute('data-map-ready', 'false');
  if (!ready) return;
  // Once the work that follows a move or a change is done and painted (frame-queue.ts: the uncertainty areas'
  // canvas, the labels' layout, each in a frame of its own); two frames first, so that whatever the move's
  // handlers queued is in the queue. Then fonts.ready, which settles once every font the laid-out text uses
  // has loaded (the shipped Noto Sans, including a subset a new label may have needed). Asked for after the
  // frames, not at the move's end: there its getter recalculated the style of everything the move had just
  // changed (5–25 ms of each move), and it came before the labels it is there for.
  // A font still loading then gets one more frame after it arrives, to be drawn with.
  const say = () => {
    if (generation.current === mine) el.setAttribute('data-map-ready', 'true');
  };
  const queue = frameQueueOf(map);
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      queue.whenIdle(() => {
        if (generation.current !== mine) return;
        if (document.fonts.status === 'loaded') say();
        else document.fonts.ready.then(() => requestAnimationFrame(say));
      }),
    ),
  );
}
