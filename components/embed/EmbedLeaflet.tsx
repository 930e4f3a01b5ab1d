'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type L from 'leaflet';
import BriefMap from '../map/BriefMap';
import type { EventSummary } from '@/lib/present/summary';
import type { EmbedOptions } from '@/lib/embed/options';
import { embedEvents } from '@/lib/embed/model';
import { mapDataPath } from '@/lib/present/summary';
import { corpusDetailsLoader, useMapData } from '../data/useMapData';

export interface EmbedLeafletProps {
  options: EmbedOptions;
  /** [west, south, east, north] to fit when the options give no view. */
  fit: [number, number, number, number] | null;
  corpus: string;
  /** Shown for a moment when the wheel turns without Ctrl/⌘: the page scrolls, the map does not zoom. */
  onWheelWithoutModifier: () => void;
}

const noop = () => undefined;
const NO_EVENTS: EventSummary[] = [];

/** The shared map (components/map) with the embed's options; client-only, loaded by EmbedMap. */
export default function EmbedLeaflet({ options, fit, corpus, onWheelWithoutModifier }: EmbedLeafletProps) {
  const { data } = useMapData(mapDataPath(corpus));
  const events = useMemo(() => (data ? embedEvents(data.events, options) : NO_EVENTS), [data, options]);
  const places = useMemo(() => (data && options.filters.places ? data.places : []), [data, options.filters.places]);
  const single = options.events.length === 1 ? options.events[0] : null;
  const [selectedId, setSelectedId] = useState<string | null>(single);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const popups = !options.static;
  const view = useMemo(() => (options.view?.kind === 'center' ? { lat: options.view.lat, lon: options.view.lon, zoom: options.view.zoom } : null), [options.view]);
  const box = options.view?.kind === 'bbox' ? options.view.bbox : view ? null : fit;
  const bounds = useMemo<L.LatLngBoundsLiteral | undefined>(() => (box ? [[box[1], box[0]], [box[3], box[2]]] : undefined), [box]);
  const boundsOptions = useMemo<L.FitBoundsOptions>(() => {
    // Narrow frames spend less on margins: the whole border then fits one zoom level closer.
    const pad = Math.round(Math.min(28, window.innerWidth * 0.03));
    return { padding: [pad, pad], maxZoom: options.view?.kind === 'bbox' ? undefined : 9 };
  }, [options.view]);
  const touch = typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches;
  const highlightIds = options.events.length > 1 ? options.events : undefined;

  return (
    <BriefMap
      events={events}
      places={places}
      showPlaces={options.filters.places}
      selectedId={selectedId}
      hoveredId={popups ? hoveredId : null}
      onSelect={popups ? setSelectedId : noop}
      onDeselect={(id) => setSelectedId((s) => (s === id ? null : s))}
      onHover={popups ? setHoveredId : noop}
      view={view}
      onViewChange={noop}
      bounds={bounds}
      boundsOptions={boundsOptions}
      // On touch screens one finger scrolls the page; two fingers move and zoom the map.
      interaction={{ move: options.interactive, drag: options.interactive && !touch, zoomControl: options.controls }}
      corpus={corpus}
      loading={!data}
      highlightIds={highlightIds}
      popups={popups}
      details={corpusDetailsLoader(corpus)}
      popupKeepInView={true}
      linkTarget="_blank"
    >
      {bounds && <RefitOnResize bounds={bounds} options={boundsOptions} />}
      {options.interactive && <WheelNeedsModifier onBlocked={onWheelWithoutModifier} />}
    </BriefMap>
  );
}

/** When the frame is resized (the loader sizing it, a print layout), fit the box again unless the reader has moved the map. */
function RefitOnResize({ bounds, options }: { bounds: L.LatLngBoundsLiteral; options: L.FitBoundsOptions }) {
  const map = useMap();
  const moved = useRef(false);
  useEffect(
    function refitUntilMoved() {
      let fitting = false;
      // Only the reader's own moves count: a popup keeping itself in view pans the map too.
      const onMoveStart = () => {
        if (!fitting) moved.current = true;
      };
      const onResize = () => {
        if (moved.current) return;
        fitting = true;
        map.fitBounds(bounds, { ...options, animate: false });
        fitting = false;
      };
      map.on('dragstart zoomstart', onMoveStart);
      map.on('resize', onResize);
      return () => {
        map.off('dragstart zoomstart', onMoveStart);
        map.off('resize', onResize);
      };
    },
    [map, bounds, options],
  );
  return null;
}

/**
 * No scroll trap: the wheel zooms the map only with Ctrl or ⌘ held (a trackpad pinch sends Ctrl too);
 * otherwise the event never reaches Leaflet and the host page scrolls.
 */
function WheelNeedsModifier({ onBlocked }: { onBlocked: () => void }) {
  const map = useMap();
  useEffect(
    function guardWheel() {
      const el = map.getContainer();
      const guard = (e: WheelEvent) => {
        if (e.ctrlKey || e.metaKey) return;
        // Immediate: on the empty map the target is the container itself, where Leaflet listens too.
        e.stopImmediatePropagation();
        onBlocked();
      };
      el.addEventListener('wheel', guard, { capture: true, passive: true });
      return () => el.removeEventListener('wheel', guard, { capture: true });
    },
    [map, onBlocked],
  );
  return null;
}
