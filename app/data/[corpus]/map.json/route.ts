import { corpusHash } from '@/lib/embed/corpus-hash';
import { IMMUTABLE, precompressedJson, servePayload } from '@/lib/http/payload';
import { mapDataPayload } from '@/lib/map-data';

export const dynamic = 'force-dynamic';

/**
 * The map's events and places for one corpus hash: ETag, cached for a year (the hash changes with the
 * data), gzip'd once per server process. Listed in PRECOMPRESSED (next.config.js), so every answer,
 * errors included, goes out gzip'd when the request accepts it (see lib/http/payload.ts).
 */
export async function GET(request: Request, ctx: { params: Promise<{ corpus: string }> }) {
  const { corpus } = await ctx.params;
  try {
    if (corpus !== corpusHash()) {
      return precompressedJson(request, { error: `corpus "${corpus}" is not the one served (now ${corpusHash()}): reload the page` }, 404);
    }
    return servePayload(request, mapDataPayload(), IMMUTABLE);
  } catch (e) {
    // Next's own error page would go out plain under a gzip label.
    console.error(e);
    return precompressedJson(request, { error: 'the map data could not be built: see the server log' }, 500);
  }
}
