import { refuse } from '../export/http';
import { buildFigure, figurePng, figureSvg, type FigureFormat } from './index';

/** GET /figures/map.{svg,png}: the figure for the map's parameters; bad parameters get 400 naming the parameter. */
export function figureResponse(req: Request, format: FigureFormat): Response {
  const q = new URL(req.url).searchParams;
  const fig = buildFigure(q);
  if (!fig.ok) return refuse(fig.param, fig.message);
  const download: Record<string, string> = q.get('download') === '1' ? { 'content-disposition': `attachment; filename="geobrief-map.${format}"` } : {};
  if (format === 'svg') {
    return new Response(figureSvg(fig.value.source), { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600', ...download } });
  }
  return new Response(new Uint8Array(figurePng(fig.value.source, fig.value.scale)), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600', ...download } });
}
