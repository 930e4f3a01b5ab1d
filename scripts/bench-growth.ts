/**
 * Prints how extraction time grows with an article's length: one generated article of the region's
 * reporting (the development set's paragraphs, recombined) at 1×, 2×, 4× and 8× its length, and one made of
 * a single place name repeated — for the geocoder and the whole pipeline, median of 3 runs each, with the
 * ratio to the previous length (2.0 is linear, 4.0 quadratic). Figures, not asserts.
 * Run: npm run bench:growth. Latest figures are in the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readArticles } from '../lib/corpus';
import { geocodeArticle, loadGazetteer } from '../lib/geocode';
import { buildCollection } from '../lib/pipeline';
import type { Article } from '../lib/types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = path.join('data', 'devset');
const paragraphs = readArticles(fs.readdirSync(dir).filter((f) => /^dev-.*\.md$/.test(f)).map((f) => path.join(dir, f)))
  .flatMap((a) => a.body.split(/\n+/))
  .filter((p) => p.trim().length > 60);
const base = paragraphs.slice(0, 60).join("\n\n"); // about 11 KB, 1,800 words
const g = loadGazetteer();

function time(run: () => unknown): number {
  return median([0, 1, 2].map(() => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  }));
}

for (const [label, unit] of [['reporting', base], ['one name repeated', 'Kulob. '.repeat(1500)]] as const) {
  console.log(`${label}:`);
  let prev: [number, number] | null = null;
  for (const k of [1, 2, 4, 8]) {
    const body = Array.from({ length: k }, () => unit).join('\n\n');
    const article: Article = { id: 'bench', file: '(generated)', body, published: '2025-12-01' };
    geocodeArticle(article, g); // warm
    const geo = time(() => geocodeArticle(article, g));
    const all = time(() => buildCollection([article]));
    const ratio = prev ? `  (×${(geo / prev[0]).toFixed(1)} / ×${(all / prev[1]).toFixed(1)})` : '';
    console.log(`  ${k}× ${(body.length / 1000).toFixed(0).padStart(4)} KB   geocode ${geo.toFixed(0).padStart(6)} ms   whole pipeline ${all.toFixed(0).padStart(6)} ms${ratio}`);
    prev = [geo, all];
  }
}
