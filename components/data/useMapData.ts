'use client';
import { useEffect, useState } from 'react';
import type { EventView } from '@/lib/present';
import { decodeMapData, type MapData, type MapDataWire } from '@/lib/present/summary';

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

/** The map's events and places, fetched from the corpus-hashed URL; null while it loads. */
export function useMapData(url: string): { data: MapData | null; error: string | null } {
  const [state, setState] = useState<{ url: string; data: MapData | null; error: string | null }>({ url, data: null, error: null });
  useEffect(
    function loadMapData() {
      let cancelled = false;
      once(mapDataRequests, url, () => getJson<MapDataWire>(url).then(decodeMapData)).then(
        (data) => !cancelled && setState({ url, data, error: null }),
        (e: unknown) => !cancelled && setState({ url, data: null, error: String(e) }),
      );
      return () => {
        cancelled = true;
      };
    },
    [url],
  );
  return state.url === url ? state : { data: null, error: null };
}

/** One event's full view model (the details panel), fetched when it is selected; null while it loads. */
export function useEventDetails(url: string | null): { event: EventView | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; event: EventView | null; error: string | null }>({ url: null, event: null, error: null });
  useEffect(
    function loadEventDetails() {
      if (!url) return;
      let cancelled = false;
      once(eventRequests, url, () => getJson<EventView>(url)).then(
        (event) => !cancelled && setState({ url, event, error: null }),
        (e: unknown) => !cancelled && setState({ url, event: null, error: String(e) }),
      );
      return () => {
        cancelled = true;
      };
    },
    [url],
  );
  return state.url === url ? state : { event: null, error: null };
}
