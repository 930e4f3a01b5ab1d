/**
 * Prints how fast extraction is: gazetteer load time (median of fresh loads), then articles per second
 * over generated ~400-word articles (the corpus and the test articles, cut and recombined) for the
 * geocoder alone and for the whole pipeline (places + events, as `extract` runs it). Figures, not
 * asserts. Run: npm run bench:extract. Latest figures are in the README.
 */
import { execFileSync } from 'node:child_process';
import { loadCorpus, readArticles } from '../lib/corpus';
import { geocodeArticle } from '../lib/geocode';
import { buildCollection } from '../lib/pipeline';
import { loadGazetteer, GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Article } from '../lib/types';
import fs from 'node:fs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Load time in fresh processes, as a server cold start sees it (in-process reloads are warmed by the JIT).
const loads = Array.from({ length: 7 }, () =>
  Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', `process.stdout.write(String(require('./lib/geocode/gazetteer').loadGazetteer().loadMs))`], { encoding: 'utf8' })),
);

const g = loadGazetteer(GAZETTEER_FILE);
const sources = [...loadCorpus(), ...readArticles(fs.readdirSync('data/test-articles').filter((f) => f.endsWith('.md')).map((f) => `data/test-articles/${f}`))];
const paragraphs = sources.flatMap((a) => a.body.split(/\n+/).filter((p) => p.trim().length > 40));
const articles: Article[] = [];
for (let n = 0; n < 500; n++) {
  let body = '';
  for (let k = 0; body.split(/\s+/).length < 400; k++) body += paragraphs[(n * 7 + k * 13) % paragraphs.length] + '\n\n';
  articles.push({ id: `bench-${n}`, file: '(generated)', body });
}
const words = articles.reduce((s, a) => s + a.body.split(/\s+/).length, 0) / articles.length;

for (const a of articles.slice(0, 50)) geocodeArticle(a, g); // warm-up
const rates: number[] = [];
let mentions = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  mentions = 0;
  for (const a of articles) mentions += geocodeArticle(a, g).length;
  rates.push(articles.length / ((performance.now() - t0) / 1000));
}
console.log(`gazetteer: ${g.entries.length} entries, ${(fs.statSync(GAZETTEER_FILE).size / 1024).toFixed(0)} KB, load median ${median(loads).toFixed(0)} ms (cold process, ${loads.length} runs)`);
console.log(`geocode: ${articles.length} articles of ~${Math.round(words)} words, ${(mentions / articles.length).toFixed(1)} mentions each: median ${median(rates).toFixed(0)} articles/s (5 runs, one core)`);

const pipelineRates: number[] = [];
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  // One article per call, as /api/extract runs it; events are merged within each call only.
  for (const a of articles) buildCollection([a]);
  pipelineRates.push(articles.length / ((performance.now() - t0) / 1000));
}
console.log(`whole pipeline (places + events): median ${median(pipelineRates).toFixed(0)} articles/s (5 runs, one core)`);
