import { figureResponse } from '@/lib/figures/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(req: Request) {
  return figureResponse(req, 'svg');
}
