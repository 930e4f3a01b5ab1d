import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { isIsoDate } from './iso-date';
import type { Article } from './types';

export { isIsoDate };

/** Thrown for any article that cannot be read as one: the message always names the file. */
export class ArticleError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ArticleError';
  }
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KNOWN_FIELDS = new Set(['id', 'published', 'published_basis', 'title', 'url', 'source']);
const FIELD_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function optionalString(fm: Record<string, unknown>, key: string, file: string): string | undefined {
  const v = fm[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    throw new ArticleError(file, `front matter field "${key}" must be a non-empty string`);
  }
  return v;
}

/**
 * Reads one article: optional YAML front matter between `---` lines, then the body exactly as received.
 * The id is the front matter's `id`, else the file's base name.
 *
 * @example
 * parseArticle('---\nid: a1\npublished: 2025-12-01\n---\nShots were fired.', 'a1.md')
 * // { id: 'a1', published: '2025-12-01', body: 'Shots were fired.', file: 'a1.md' }
 */
export function parseArticle(text: string, file: string, options: { requireDate?: boolean } = {}): Article {
  if (text.includes('\u0000')) throw new ArticleError(file, 'is not text (contains NUL bytes)');
  let fm: Record<string, unknown> = {};
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^---[ \t]*\r?\n/.test(body)) {
    const m = FRONT_MATTER.exec(body);
    if (!m) throw new ArticleError(file, 'front matter starts with "---" but has no closing "---" line');
    let parsed: unknown;
    try {
      parsed = parseYaml(m[1]);
    } catch (e) {
      const detail = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
      throw new ArticleError(file, `front matter is not valid YAML: ${detail}`);
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new ArticleError(file, 'front matter must be a YAML mapping of field: value');
    }
    fm = (parsed ?? {}) as Record<string, unknown>;
    body = body.slice(m[0].length);
    for (const key of Object.keys(fm)) {
      if (!KNOWN_FIELDS.has(key)) {
        throw new ArticleError(file, `front matter has unknown field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
      }
      // YAML escapes ("\0", "\x1b", "\u202e") would otherwise put characters in a field that the file
      // itself cannot show: control characters are refused (tabs and newlines kept; bidi marks are shown visibly where rendered).
      const v = fm[key];
      const bad = typeof v === 'string' ? FIELD_CONTROL.exec(v) : null;
      if (bad) {
        throw new ArticleError(file, `front matter field "${key}" contains the control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    }
  }

  const fallbackId = path.basename(file).replace(/\.(md|markdown|txt)$/i, '');
  const id = optionalString(fm, 'id', file) ?? fallbackId;
  if (!ID_PATTERN.test(id)) {
    throw new ArticleError(file, `id "${id}" may hold only letters, digits, "_", "-" and "."`);
  }

  const rawDate = fm.published;
  let published: string | undefined;
  if (rawDate instanceof Date) {
    published = rawDate.toISOString().slice(0, 10);
  } else if (rawDate !== undefined && rawDate !== null) {
    if (typeof rawDate !== 'string' || !isIsoDate(rawDate)) {
      throw new ArticleError(file, `front matter field "published" must be a date as YYYY-MM-DD, got ${JSON.stringify(rawDate)}`);
    }
    published = rawDate;
  }
  if (options.requireDate && !published) {
    throw new ArticleError(file, 'front matter field "published" is missing (YYYY-MM-DD)');
  }

  return {
    id,
    file,
    published,
    publishedBasis: optionalString(fm, 'published_basis', file),
    title: optionalString(fm, 'title', file),
    url: optionalString(fm, 'url', file),
    source: optionalString(fm, 'source', file),
    body,
  };
}
