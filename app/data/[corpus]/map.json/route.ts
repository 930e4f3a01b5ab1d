import { corpusHash } from '@/lib/embed/corpus-hash';
import { IMMUTABLE, servePayload } from '@/lib/http/payload';
import { mapDataPayload } from '@/lib/map-data';

export const dynamic = 'force-dynamic';

/** The map's events and places for one corpus hash: ETag, cached for a year (the hash changes with the data). */
export async function GET(request: Request, ctx: { params: Promise<{ corpus: string }> }) {
  const { corpus } = await ctx.params;
  if (corpus !== corpusHash()) {
    return Response.json({ error: `corpus "${corpus}" is not the one served (now ${corpusHash()}): reload the page` }, { status: 404 });
  }
  // Compressed by `next start` (gzip): see lib/http/payload.ts.
  return servePayload(request, mapDataPayload(), IMMUTABLE);
}
