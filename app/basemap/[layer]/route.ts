import { BASEMAP_LAYERS, basemapPayload, isBasemapLayer } from '@/lib/basemap';
import { servePayload } from '@/lib/http/payload';

/** Served by this handler (not prerendered) so that an unchanged layer is answered 304 (ETag). */
export const dynamic = 'force-dynamic';

export async function GET(request: Request, ctx: { params: Promise<{ layer: string }> }) {
  const { layer } = await ctx.params;
  if (!isBasemapLayer(layer)) {
    return Response.json({ error: `unknown basemap layer "${layer}" (known: ${BASEMAP_LAYERS.join(', ')})` }, { status: 404 });
  }
  // Not immutable: the URL stays the same when `npm run basemap` regenerates a layer, so clients revalidate after an hour.
  return servePayload(request, basemapPayload(layer), 'public, max-age=3600');
}
