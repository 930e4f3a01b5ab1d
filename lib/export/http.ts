import { loadBrief } from '../brief';
import { parseBriefState } from '../state/brief-state';
import { CONTENT_TYPES, exportEvents, type ExportFormat } from './index';
import { parseScope, selectEvents } from './select';

export function refuse(param: string, message: string): Response {
  return Response.json({ error: message, param }, { status: 400 });
}

function origin(req: Request): string {
  const url = new URL(req.url);
  return url.origin;
}

/**
 * GET /api/events.{geojson,csv,kml}: what the map shows for the same parameters (or, with
 * scope=event, only the event in `e`). Bad parameters get 400 naming the parameter.
 */
export function exportResponse(req: Request, format: ExportFormat): Response {
  const q = new URL(req.url).searchParams;
  const scope = parseScope(q);
  if (!scope.ok) return refuse(scope.param, scope.message);
  const { view, collection, articles } = loadBrief();
  const events = selectEvents(view.events, parseBriefState(q), scope.value);
  if (!events.ok) return refuse(events.param, events.message);
  const body = exportEvents(format, events.value, collection, articles, origin(req));
  const name = scope.value === 'event' ? `geobrief-${q.get('e')}` : 'geobrief-events';
  return new Response(body, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
