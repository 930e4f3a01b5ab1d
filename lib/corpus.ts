import fs from 'node:fs';
import path from 'node:path';
import { ArticleError, parseArticle } from './article';
import type { Article } from './types';

/**
 * The corpus directory: data/articles/, or GEOBRIEF_ARTICLES_DIR when set (the hostile-corpus browser
 * test points a server at a temporary directory this way; the real corpus is never touched).
 */
export const ARTICLES_DIR = process.env.GEOBRIEF_ARTICLES_DIR
  ? path.resolve(/*turbopackIgnore: true*/ process.env.GEOBRIEF_ARTICLES_DIR)
  : path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'articles');

/**
 * Largest article file the corpus accepts, in bytes. The corpus's longest is ~3,300 characters and
 * POST /api/extract takes at most 100,000; a 50 MB file would otherwise hang the build for minutes.
 */
export const MAX_ARTICLE_BYTES = 400_000;

/**
 * Reads and validates the whole corpus. Any bad file stops everything with a message naming it:
 * a map built from a silently shortened corpus would mislead. Files above {@link MAX_ARTICLE_BYTES},
 * anything but a regular file, and symlinks leading out of the directory are refused before reading.
 */
export function loadCorpus(dir: string = ARTICLES_DIR): Article[] {
  return readArticles(corpusFiles(dir), { corpus: true });
}

/** The corpus's article files in name order, each checked by {@link checkCorpusFile} (not yet read). */
export function corpusFiles(dir: string = ARTICLES_DIR): string[] {
  const root = fs.realpathSync(/*turbopackIgnore: true*/ dir);
  const files = fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => /\.(md|markdown|txt)$/i.test(name))
    .sort()
    .map((name) => path.join(/*turbopackIgnore: true*/ dir, name));
  for (const file of files) checkCorpusFile(file, root);
  return files;
}

/** Throws an ArticleError naming the file when it may not be read as part of the corpus. */
export function checkCorpusFile(file: string, root: string): void {
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(/*turbopackIgnore: true*/ file);
    stat = fs.statSync(/*turbopackIgnore: true*/ real);
  } catch (e) {
    throw new ArticleError(relative(file), `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const inside = path.relative(root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ArticleError(relative(file), `is a link to ${real}, outside the articles directory: refused`);
  }
  if (!stat.isFile()) throw new ArticleError(relative(file), 'is not a regular file');
  if (stat.size > MAX_ARTICLE_BYTES) {
    throw new ArticleError(relative(file), `is too large: ${stat.size.toLocaleString('en-GB')} bytes, at most ${MAX_ARTICLE_BYTES.toLocaleString('en-GB')}`);
  }
}

/**
 * Reads the given files as articles. In corpus mode every article needs a published date and a
 * non-empty body; either way ids must be unique.
 */
export function readArticles(files: string[], options: { corpus?: boolean } = {}): Article[] {
  const seen = new Map<string, string>();
  return files.map((file) => {
    const article = readArticleFile(file, options);
    checkUniqueId(article, seen);
    return article;
  });
}

/** Reads one file as an article; in corpus mode it needs a published date and a non-empty body. */
export function readArticleFile(file: string, options: { corpus?: boolean } = {}): Article {
  let text: string;
  try {
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  } catch (e) {
    throw new ArticleError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return articleFromText(text, file, options);
}

/** The corpus rules {@link articleFromText} applies to an article already parsed: a published date and a non-empty body. */
export function meetsCorpusRules(article: Article): boolean {
  return !!article.published && article.body.trim() !== '';
}

/** The article in a file's text (read already); in corpus mode it needs a published date and a non-empty body. */
export function articleFromText(text: string, file: string, options: { corpus?: boolean } = {}): Article {
  const article = parseArticle(text, relative(file), { requireDate: options.corpus });
  if (options.corpus && article.body.trim() === '') throw new ArticleError(article.file, 'body is empty');
  return article;
}

/** Throws when another article already read (`seen`: id → file) has the same id; else records this one. */
export function checkUniqueId(article: Article, seen: Map<string, string>): void {
  const other = seen.get(article.id);
  if (other) throw new ArticleError(article.file, `duplicate id "${article.id}" (also used by ${other})`);
  seen.set(article.id, article.file);
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** A file's path as articles name it: relative to the working directory when inside it. */
export { relative as displayPath };
