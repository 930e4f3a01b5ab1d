import { mapDataResponse } from '@/lib/map-data';

export const dynamic = 'force-dynamic';

/** The map's events and places for one corpus hash, plain: for clients that do not accept gzip (the others are rewritten to map.json.gz). */
export async function GET(request: Request, ctx: { params: Promise<{ corpus: string }> }) {
  const { corpus } = await ctx.params;
  return mapDataResponse(request, corpus, 'identity');
}
