import { mapDataResponse } from '@/lib/map-data';

export const dynamic = 'force-dynamic';

/**
 * The map's events and places, gzip'd once per server process: where next.config.js (PRECOMPRESSED) sends
 * a request for map.json that accepts gzip, labelling the answer `Content-Encoding: gzip`. Asked for by
 * this name, it is a gzip file.
 */
export async function GET(request: Request, ctx: { params: Promise<{ corpus: string }> }) {
  const { corpus } = await ctx.params;
  return mapDataResponse(request, corpus, 'gzip');
}
