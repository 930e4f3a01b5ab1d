/**
 * One-core extraction on a generated corpus, optionally profiled: writes N generated articles
 * (scripts/lib/synthetic-corpus.ts, seed 1), reads each one on the main thread, one after another (no cache, no
 * workers, no merge across articles: `readArticle`, the per-article step that the cache and the workers
 * spread), and prints articles per second, the median of the runs. With --profile, V8's sampling profiler
 * (node:inspector) runs through the timed runs and the script prints the functions with the most self time,
 * the most total time (with callees), and the source lines with the most self time. Figures, not asserts.
 *
 * Run: npm run -s bench:extract-profile [-- --count 1000 --runs 3 --profile --top 30]
 * Self time by source line needs the code's own line numbers (tsx's transform puts each module on few lines):
 *   npx esbuild scripts/bench-extract-profile.ts --bundle --platform=node --outfile=/tmp/p.cjs && node /tmp/p.cjs --profile
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session, type Profiler } from 'node:inspector/promises';
import { readArticles } from '../lib/corpus';
import { readArticle } from '../lib/extract-cache';
import { loadGazetteer, GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { writeCorpus } from './lib/synthetic-corpus';

const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string, fallback: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] ? args[k + 1] : fallback;
};
const count = Number(opt('count', '1000'));
const runs = Number(opt('runs', '3'));
const top = Number(opt('top', '30'));
const profile = args.includes('--profile');

const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;

function printProfile(p: Profiler.Profile): void {
  const hits = new Map<number, number>();
  for (const id of p.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = p.samples?.length || 1;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const nameOf = (n: Profiler.ProfileNode) => n.callFrame.functionName || '(anonymous)';

  const self = new Map<string, number>();
  const lines = new Map<string, number>();
  for (const node of p.nodes) {
    const f = node.callFrame;
    const where = `${nameOf(node)} ${f.url.replace(/^file:\/\//, '')}:${f.lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + (hits.get(node.id) ?? 0));
    for (const t of node.positionTicks ?? []) lines.set(`${f.url}:${t.line}`, (lines.get(`${f.url}:${t.line}`) ?? 0) + t.ticks);
  }
  // each sample counted once per function however deep the recursion
  const inclusive = new Map<string, number>();
  for (const [id, n] of hits) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + n), seen.add(name);
    }
  }
  const sources = new Map<string, string[]>();
  const sourceLine = (url: string, line: number) => {
    const file = url.replace(/^file:\/\//, '');
    if (!sources.has(url)) sources.set(url, file.startsWith('/') && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : []);
    return (sources.get(url)![line - 1] ?? '').trim().slice(0, 140);
  };
  const best = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);

  console.log(`\nself time, top ${top} (of ${total} samples):`);
  for (const [where, n] of best(self)) console.log(`${pct(n, total)}  ${where}`);
  console.log(`\ntotal time (with callees), top ${top}:`);
  for (const [name, n] of best(inclusive)) console.log(`${pct(n, total)}  ${name}`);
  console.log(`\nself time by source line, top ${top}:`);
  for (const [key, n] of best(lines)) {
    const at = key.lastIndexOf(':');
    const url = key.slice(0, at);
    console.log(`${pct(n, total)}  ${url.slice(url.lastIndexOf('/') + 1)}:${key.slice(at + 1)}  ${sourceLine(url, Number(key.slice(at + 1)))}`);
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-extract-profile-'));
  try {
    const files = writeCorpus(dir, { seed: 1, count, gazetteer: JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer });
    const articles = readArticles(files, { corpus: true });
    const gazetteer = loadGazetteer();
    const words = articles.reduce((s, a) => s + a.body.split(/\s+/).length, 0) / articles.length;
    for (const a of articles.slice(0, 50)) readArticle(a, gazetteer); // warm-up

    const session = new Session();
    if (profile) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    // wall time, and CPU time of the process (other sessions on the machine take turns on the cores: CPU time is
    // what one core needs when it is not shared)
    const rates: number[] = [];
    const cpuRates: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const a of articles) readArticle(a, gazetteer);
      const cpu = process.cpuUsage(c0);
      rates.push(articles.length / ((performance.now() - t0) / 1000));
      cpuRates.push(articles.length / ((cpu.user + cpu.system) / 1e6));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
    const load = os.loadavg()[0].toFixed(1);
    console.log(`one core: ${articles.length} generated articles of ~${Math.round(words)} words read one by one, median of ${runs} runs: ${median(rates)} articles/s wall (${rates.map((r) => r.toFixed(0)).join(', ')}), ${median(cpuRates)} articles per CPU second (${cpuRates.map((r) => r.toFixed(0)).join(', ')}); load average ${load} on ${os.availableParallelism()} cores${profile ? '; profiler on' : ''}`);
    if (profile) {
      const { profile: p } = await session.post('Profiler.stop');
      session.disconnect();
      printProfile(p);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
