import { loadBrief } from './brief';
import { precompressedPayload, type StaticPayload } from './http/payload';
import type { EventView } from './present';
import { encodeMapData } from './present/summary';

let mapPayload: StaticPayload | null = null;
let byId: Map<string, EventView> | null = null;

/** The map's data (event summaries, shared areas, places), serialised, hashed and gzip'd once per server process. */
export function mapDataPayload(): StaticPayload {
  const { view } = loadBrief();
  mapPayload ??= precompressedPayload(JSON.stringify(encodeMapData(view.events, view.places)), 'application/json; charset=utf-8');
  return mapPayload;
}

/** One event by id, without scanning the list (event pages and the details route look up by id). */
export function findEvent(id: string): EventView | undefined {
  byId ??= new Map(loadBrief().view.events.map((e) => [e.id, e]));
  return byId.get(id);
}
