import { handleExtract } from '@/lib/api/extract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST { text, published? } (or a text/plain body) → the article's places and events as GeoJSON. */
export async function POST(request: Request) {
  const { status, body } = handleExtract(await request.text(), request.headers.get('content-type'));
  return Response.json(body, { status });
}
