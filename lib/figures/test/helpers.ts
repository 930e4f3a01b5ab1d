import { buildCollection } from '../../pipeline';
import { presentBrief } from '../../present';
import { parseArticle } from '../../article';
import type { Article } from '../../types';

/** Articles written to attack every output: formula-like cells, markup, CDATA ends, control characters. */
export function hostileArticles(): Article[] {
  const text = [
    '---',
    'id: hostile',
    'published: 2025-11-28',
    'source: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"',
    'title: "<script>alert(1)</script>"',
    '---',
    '=HYPERLINK("http://evil.example","click") said a border guard.',
    'On November 26, a drone struck a mining camp in Shamsiddin Shohin district <script>alert(1)</script> & ]]> killing three workers.',
  ].join('\n');
  return [parseArticle(text, 'hostile.md', { requireDate: true })];
}

export function hostileBrief() {
  const articles = hostileArticles();
  const collection = buildCollection(articles);
  return { articles, collection, view: presentBrief(collection, articles) };
}

export const HOSTILE_TITLE = '<script>alert("x")</script> & ]]> <!-- =SUM(A1) \u0007';
