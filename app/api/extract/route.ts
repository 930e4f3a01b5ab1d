import { extractResponse } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST { text, published? } (or a text/plain body) → the article's places and events as GeoJSON. */
export function POST(request: Request) {
  return extractResponse(request, 'extract');
}
