import { loadBrief } from './brief';
import { corpusHash } from './embed/corpus-hash';
import { IMMUTABLE, jsonAnswer, precompressedPayload, servePayload, type Coding, type StaticPayload } from './http/payload';
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

/**
 * The answer to GET /data/<corpus>/map.json in `coding` (gzip: the request was rewritten to map.json.gz
 * and labelled so by next.config.js, see lib/http/payload.ts): the map data, ETag, cached for a year (the
 * hash changes with the data); errors in the same coding, as JSON naming what is wrong.
 */
export function mapDataResponse(request: Request, corpus: string, coding: Coding): Response {
  try {
    if (corpus !== corpusHash()) {
      return jsonAnswer(request, { error: `corpus "${corpus}" is not the one served (now ${corpusHash()}): reload the page` }, 404, coding);
    }
    return servePayload(request, mapDataPayload(), IMMUTABLE, coding);
  } catch (e) {
    // Next's own error page would go out plain, under a gzip label.
    console.error(e);
    return jsonAnswer(request, { error: 'the map data could not be built: see the server log' }, 500, coding);
  }
}

/** One event by id, without scanning the list (event pages and the details route look up by id). */
export function findEvent(id: string): EventView | undefined {
  byId ??= new Map(loadBrief().view.events.map((e) => [e.id, e]));
  return byId.get(id);
}
