import fs from 'node:fs';
import path from 'node:path';
import { ArticleError, parseArticle } from './article';
import type { Article } from './types';

export const ARTICLES_DIR = path.join(process.cwd(), 'data', 'articles');

/**
 * Reads and validates the whole corpus. Any bad file stops everything with a message naming it:
 * a map built from a silently shortened corpus would mislead.
 */
export function loadCorpus(dir: string = ARTICLES_DIR): Article[] {
  return readArticles(
    fs
      .readdirSync(/*turbopackIgnore: true*/ dir)
      .filter((name) => /\.(md|markdown|txt)$/i.test(name))
      .sort()
      .map((name) => path.join(/*turbopackIgnore: true*/ dir, name)),
    { corpus: true },
  );
}

/**
 * Reads the given files as articles. In corpus mode every article needs a published date and a
 * non-empty body; either way ids must be unique.
 */
export function readArticles(files: string[], options: { corpus?: boolean } = {}): Article[] {
  const seen = new Map<string, string>();
  return files.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    } catch (e) {
      throw new ArticleError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    const article = parseArticle(text, relative(file), { requireDate: options.corpus });
    if (options.corpus && article.body.trim() === '') throw new ArticleError(article.file, 'body is empty');
    const other = seen.get(article.id);
    if (other) throw new ArticleError(article.file, `duplicate id "${article.id}" (also used by ${other})`);
    seen.set(article.id, article.file);
    return article;
  });
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
