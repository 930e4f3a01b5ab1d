import { exportResponse } from '@/lib/export/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(req: Request) {
  return exportResponse(req, 'kml');
}
