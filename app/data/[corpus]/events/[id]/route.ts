import { corpusHash } from '@/lib/embed/corpus-hash';
import { IMMUTABLE } from '@/lib/http/payload';
import { findEvent } from '@/lib/map-data';

export const dynamic = 'force-dynamic';

/** One event's full view model (sources, excerpts, disagreements) for the details panel; immutable per corpus hash. */
export async function GET(_request: Request, ctx: { params: Promise<{ corpus: string; id: string }> }) {
  const { corpus, id } = await ctx.params;
  if (corpus !== corpusHash()) {
    return Response.json({ error: `corpus "${corpus}" is not the one served (now ${corpusHash()}): reload the page` }, { status: 404 });
  }
  const event = findEvent(id);
  if (!event) return Response.json({ error: `no event with id "${id}"` }, { status: 404 });
  return Response.json(event, { headers: { 'cache-control': IMMUTABLE } });
}
