import { extractResponse } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST { text, published? } → the article's GeoJSON and the view model /analyze draws. */
export function POST(request: Request) {
  return extractResponse(request, 'analyze');
}
