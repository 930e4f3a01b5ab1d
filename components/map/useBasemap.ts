'use client';
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_LAYER_NAMES, basemapPath } from './basemap-path';

export type Basemap = Record<(typeof BASEMAP_LAYER_NAMES)[number], FeatureCollection>;

/**
 * Fetches the basemap layers from this app's own /basemap route; nothing leaves the origin. A plain fetch()
 * (mode cors, same-origin credentials), so that the home page's `<link rel=preload as=fetch crossorigin>`
 * matches it and the browser uses the preloaded response instead of asking again.
 */
export function useBasemap(): { basemap: Basemap | null; error: string | null } {
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    function loadBasemap() {
      let cancelled = false;
      Promise.all(
        BASEMAP_LAYER_NAMES.map(async (name) => {
          const res = await fetch(basemapPath(name));
          if (!res.ok) throw new Error(`basemap layer ${name}: HTTP ${res.status}`);
          return [name, (await res.json()) as FeatureCollection] as const;
        }),
      )
        .then((layers) => !cancelled && setBasemap(Object.fromEntries(layers) as Basemap))
        .catch((e: unknown) => !cancelled && setError(String(e)));
      return () => {
        cancelled = true;
      };
    },
    [],
  );
  return { basemap, error };
}
