'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import type { EmbedLeafletProps } from './EmbedLeaflet';

/** Leaflet needs `window`: the map renders in the browser only, in its own chunk. */
const EmbedLeaflet = dynamic(() => import('./EmbedLeaflet'), {
  ssr: false,
  loading: () => <div className="map" data-map-ready="false" aria-busy="true" />,
});

const HINT_MS = 1500;

/** The embed's map and its "hold Ctrl to zoom" hint. */
export function EmbedMap(props: Omit<EmbedLeafletProps, 'onWheelWithoutModifier'>) {
  const [hint, setHint] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform)), []);
  const onWheelWithoutModifier = useCallback(() => {
    setHint(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setHint(false), HINT_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <>
      <EmbedLeaflet {...props} onWheelWithoutModifier={onWheelWithoutModifier} />
      <div className="embed-hint" data-visible={hint ? 'true' : 'false'} aria-hidden={!hint} role="status">
        Hold {mac ? '⌘' : 'Ctrl'} and scroll to zoom the map
      </div>
    </>
  );
}
