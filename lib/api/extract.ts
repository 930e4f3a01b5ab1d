import { ArticleError, isIsoDate, parseArticle } from '../article';
import { buildCollection } from '../pipeline';
import { parseCollection } from '../schema';
import type { Article, BriefCollection } from '../types';

/** Longest article the preview accepts, in characters (the corpus's longest is ~3,300). */
export const MAX_TEXT_CHARS = 100_000;

export interface ExtractResponse {
  status: number;
  body: BriefCollection | { error: string };
}

/**
 * The analyst's preview: one pasted article (JSON `{ text, published? }` or a text/plain body) → the same
 * FeatureCollection the CLI prints for a file, places and events. Bad input is a 4xx with a message naming
 * the field: 400 for malformed JSON, a missing, non-string or empty `text`, or a `published` that is not a
 * real YYYY-MM-DD day; 413 above {@link MAX_TEXT_CHARS}; 415 for other content types or binary text.
 *
 * @example
 * handleExtract('{"text":"A drone struck a camp in Khatlon province on November 26.","published":"2025-12-01"}', 'application/json')
 * // { status: 200, body: { type: 'FeatureCollection', features: [...] } }
 */
export function handleExtract(raw: string, contentType: string | null): ExtractResponse {
  const parsed = parseExtractRequest(raw, contentType);
  if ('error' in parsed) return parsed.error;
  return { status: 200, body: parseCollection(buildCollection([parsed.article])) as BriefCollection };
}

/** The validation behind {@link handleExtract}: the pasted article, or the 4xx to answer with. */
export function parseExtractRequest(raw: string, contentType: string | null): { article: Article } | { error: ExtractResponse & { body: { error: string } } } {
  const bad = (status: number, error: string) => ({ error: { status, body: { error } } });
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (raw.length > MAX_TEXT_CHARS * 2 + 1000) return bad(413, `body too large: at most ${MAX_TEXT_CHARS} characters of text`);
  let text: unknown;
  let published: unknown;
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return bad(400, 'body is not valid JSON: send { "text": "...", "published": "YYYY-MM-DD" }');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return bad(400, 'body must be a JSON object with a "text" field');
    ({ text, published } = parsed as Record<string, unknown>);
  } else if (type === 'text/plain') {
    text = raw;
  } else {
    return bad(415, `unsupported content type "${type || '(none)'}": send application/json or text/plain`);
  }
  if (text === undefined) return bad(400, '"text" is missing');
  if (typeof text !== 'string') return bad(400, `"text" must be a string, got ${Array.isArray(text) ? 'array' : typeof text}`);
  if (text.trim() === '') return bad(400, '"text" is empty');
  if (text.length > MAX_TEXT_CHARS) return bad(413, `"text" is too large: ${text.length} characters, at most ${MAX_TEXT_CHARS}`);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return bad(415, '"text" is not plain text (it contains control characters)');
  if (published !== undefined && published !== null && published !== '') {
    if (typeof published !== 'string' || !isIsoDate(published)) return bad(400, `"published" must be a real day as YYYY-MM-DD, got ${JSON.stringify(published)}`);
  }
  try {
    const article = { ...parseArticle(text, 'pasted.md'), file: '(pasted)' };
    if (typeof published === 'string' && published) article.published = published;
    return { article };
  } catch (e) {
    if (e instanceof ArticleError) return bad(400, `"text": ${e.problem}`);
    throw e;
  }
}
