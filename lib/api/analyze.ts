import { buildCollection } from '../pipeline';
import { presentBrief, type BriefView } from '../present';
import type { BriefCollection } from '../types';
import { parseExtractRequest } from './extract';

export interface AnalyzeResponse {
  status: number;
  body: { collection: BriefCollection; view: BriefView } | { error: string };
}

/**
 * The /analyze page's request: the same input and the same 4xx answers as POST /api/extract, and
 * besides the GeoJSON the view model the map draws (dates and places in words, border distance).
 *
 * @example
 * handleAnalyze('{"text":"Gunfire near Kulob on 3 May 2025."}', 'application/json').body.view.events
 */
export function handleAnalyze(raw: string, contentType: string | null): AnalyzeResponse {
  const parsed = parseExtractRequest(raw, contentType);
  if ('error' in parsed) return parsed.error;
  const collection = buildCollection([parsed.article]);
  return { status: 200, body: { collection, view: presentBrief(collection, [parsed.article]) } };
}
