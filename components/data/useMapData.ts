'use client';
import { useEffect, useState } from 'react';
import type { EventView } from '@/lib/present';
import { decodeMapData, eventDataPath, type MapData, type MapDataWire } from '@/lib/present/summary';
import { measure, stage } from './stages';

/** One fetch per URL per page, shared by every component that asks (the page preloads it with the HTML). */
const mapDataRequests = new Map<string, Promise<MapData>>();
const eventRequests = new Map<string, Promise<EventView>>();

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function once<T>(cache: Map<string, Promise<T>>, url: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = load();
    cache.set(url, p);
    // A failed request may be retried by the next render that asks.
    p.catch(() => cache.delete(url));
  }
  return p;
}

/**
 * The value a URL yields, fetched once per page and shared (see {@link once}); null while it loads, and for
 * no URL. A previous URL's value is never shown for a new one.
 */
function useFetched<T>(url: string | null, cache: Map<string, Promise<T>>, load: (url: string) => Promise<T>): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; value: T | null; error: string | null }>({ url: null, value: null, error: null });
  useEffect(
    function fetchOnce() {
      if (!url) return;
      let cancelled = false;
      once(cache, url, () => load(url)).then(
        (value) => !cancelled && setState({ url, value, error: null }),
        (e: unknown) => !cancelled && setState({ url, value: null, error: String(e) }),
      );
      return () => {
        cancelled = true;
      };
    },
    [url, cache, load],
  );
  return state.url === url ? state : { value: null, error: null };
}

async function loadMapData(url: string): Promise<MapData> {
  const start = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  measure('data-first-byte', start);
  const body = await res.text();
  measure('data-download', start);
  const wire = stage('data-parse', () => JSON.parse(body) as MapDataWire);
  return stage('data-decode', () => decodeMapData(wire));
}
const loadEvent = (url: string) => getJson<EventView>(url);

/** The map's events and places, fetched from the corpus-hashed URL; null while it loads. */
export function useMapData(url: string): { data: MapData | null; error: string | null } {
  const { value, error } = useFetched(url, mapDataRequests, loadMapData);
  return { data: value, error };
}

/** One event's full view model (the details panel), fetched when it is selected; null while it loads. */
export function useEventDetails(url: string | null): { event: EventView | null; error: string | null } {
  const { value, error } = useFetched(url, eventRequests, loadEvent);
  return { event: value, error };
}

/** What a popup reads an event's details through: one fetch per event and page, shared with the details panel. */
export type EventDetailsLoader = (id: string) => Promise<EventView>;

const loaders = new Map<string, EventDetailsLoader>();
/** The details loader of a corpus (one function per corpus, so components given it keep their memo). */
export function corpusDetailsLoader(corpus: string): EventDetailsLoader {
  let load = loaders.get(corpus);
  if (!load) {
    load = (id: string) => {
      const url = eventDataPath(corpus, id);
      return once(eventRequests, url, () => loadEvent(url));
    };
    loaders.set(corpus, load);
  }
  return load;
}
