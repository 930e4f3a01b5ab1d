import { handleAnalyze } from '@/lib/api/analyze';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST { text, published? } → the article's GeoJSON and the view model /analyze draws. */
export async function POST(request: Request) {
  const { status, body } = handleAnalyze(await request.text(), request.headers.get('content-type'));
  return Response.json(body, { status });
}
