/**
 * npm run bench:figures — prints how long figures and exports take (median of runs, one process).
 * Latest figures are in the README's Figures table.
 */
import { performance } from 'node:perf_hooks';
import { buildFigure, figurePng, figureSvg } from '../lib/figures';
import { loadBrief } from '../lib/brief';
import { exportEvents } from '../lib/export';
import { median } from './lib/bench';

const RUNS = Number(process.env.RUNS ?? 9);

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function bench(label: string, fn: () => unknown) {
  const ts = Array.from({ length: RUNS }, () => time(fn));
  console.log(`${label.padEnd(46)} median ${median(ts).toFixed(0).padStart(5)} ms  (min ${Math.min(...ts).toFixed(0)}, max ${Math.max(...ts).toFixed(0)}, ${RUNS} runs)`);
}

const fig = (q: string, cache = false) => {
  const f = buildFigure(new URLSearchParams(q), { cache });
  if (!f.ok) throw new Error(f.message);
  return f.value.source;
};

const cold = time(() => figurePng(fig(''), 1));
console.log(`${'first figure in a process (corpus, basemap, fonts)'.padEnd(46)} ${cold.toFixed(0).padStart(12)} ms`);
bench('whole border, SVG 1600×900', () => figureSvg(fig('')));
bench('whole border, PNG 1600×900', () => figurePng(fig(''), 1));
bench('whole border, PNG 3200×1800 (scale=2)', () => figurePng(fig(''), 2));
bench('same URL again (layout cached), SVG', () => figureSvg(fig('', true)));
bench('one incident, SVG 1600×900', () => figureSvg(fig('e=ev-2025-11-26-09d30c07')));
bench('one incident, PNG 1600×900', () => figurePng(fig('e=ev-2025-11-26-09d30c07'), 1));
console.log(`${'sizes: whole border SVG / PNG / PNG ×2'.padEnd(46)} ${(figureSvg(fig('')).length / 1024).toFixed(0)} KB / ${(figurePng(fig(''), 1).length / 1024).toFixed(0)} KB / ${(figurePng(fig(''), 2).length / 1024).toFixed(0)} KB`);
const { view, collection, articles } = loadBrief();
for (const f of ['csv', 'kml', 'geojson'] as const) bench(`export ${f}, all ${view.events.length} events`, () => exportEvents(f, view.events, collection, articles, ''));
