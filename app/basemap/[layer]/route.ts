import { BASEMAP_LAYERS, isBasemapLayer, readBasemapLayer } from '@/lib/basemap';

export const dynamic = 'force-static';
/** Only the layers built at build time: any other name is a 404 and writes nothing to the cache. */
export const dynamicParams = false;

export function generateStaticParams() {
  return BASEMAP_LAYERS.map((layer) => ({ layer }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ layer: string }> }) {
  const { layer } = await ctx.params;
  if (!isBasemapLayer(layer)) {
    return Response.json({ error: `unknown basemap layer "${layer}" (known: ${BASEMAP_LAYERS.join(', ')})` }, { status: 404 });
  }
  return new Response(readBasemapLayer(layer), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
