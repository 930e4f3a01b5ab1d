/**
 * Prints how extraction scales with the size of the corpus: generated corpora (scripts/lib/synthetic-corpus.ts,
 * ~410 words and one incident per article) of 1k, 10k and 100k articles, each extracted by the CLI
 * (`scripts/extract.ts --stats`) three times: cold (empty cache), warm (every reading cached) and after adding
 * one article; then, after the addition, the build's corpus check (scripts/check-corpus.ts) and the server's first
 * loadBrief() (corpus read through the cache, merged, presented). Per size: wall time, articles per second, peak RSS of the process (worker threads included) and
 * peak JS heap of its main thread; then the ratio of time per article from one decade to the next (1.0 is
 * linear; the goal is within ×1.5). Figures, not asserts.
 *
 * First, the one-core figure: scripts/bench-extract-profile.ts on 1,000 generated articles (each article read on
 * the main thread, no cache, no workers: articles/s wall and per CPU second; goal ≥ 200).
 * Each run is a child process in its own process group with a deadline; a run over it is killed with its group
 * and shown as such. Run: npm run bench:extract-scale [-- --sizes 1000,10000 --jobs 2 --deadline-min 20 --no-one-core]
 * Corpora and caches go to a temporary directory, removed at the end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { generateArticle, regionPlaces, writeCorpus } from './lib/synthetic-corpus';

const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string, fallback: string) => {
  const k = args.findIndex((a) => a === `--${name}`);
  return k >= 0 && args[k + 1] ? args[k + 1] : fallback;
};
const sizes = opt('sizes', '1000,10000,100000').split(',').map(Number);
const jobs = opt('jobs', String(os.availableParallelism()));
const deadlineMin = Number(opt('deadline-min', '20'));
const SEED = 1;

interface Figures {
  articles: number;
  ms: number;
  readMs: number;
  mergeMs: number;
  cache: { hits: number; misses: number } | null;
  maxRssMB: number;
  peakHeapMB: number;
}

/** A child process in its own process group with the deadline: its stdout, or null when it failed or was killed. */
/** A node child in its own process group, killed with the group at the deadline: its exit, output and timing. */
function spawnInGroup(args: string[], env: NodeJS.ProcessEnv, keepStdout = true): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean; wallMs: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // (the CLI's collection on stdout is not kept: at 100k articles it is hundreds of megabytes)
    const p = spawn(process.execPath, args, { detached: true, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    p.stdout?.on('data', (d) => (stdout += d));
    p.stderr!.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, deadlineMin * 60_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, wallMs: performance.now() - t0 });
    });
  });
}

/** A helper script's standard output, or null when it failed (its errors go to ours). */
async function child(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const r = await spawnInGroup(args, env);
  if (r.stderr) process.stderr.write(r.stderr);
  return r.code === 0 ? r.stdout : null;
}

/** One CLI run in its own process group: its --stats figures, or why there are none. */
async function run(dir: string, cacheDir: string): Promise<{ wallMs: number; figures: Figures | null; problem?: string }> {
  const { code, stderr, timedOut, wallMs } = await spawnInGroup(['--import', 'tsx', 'scripts/extract.ts', '--stats', '--jobs', jobs, dir], { ...process.env, GEOBRIEF_CACHE_DIR: cacheDir }, false);
  const line = /extract-stats (.*)/.exec(stderr);
  if (timedOut) return { wallMs, figures: null, problem: `over the ${deadlineMin}-minute deadline: killed` };
  if (code !== 0 || !line) return { wallMs, figures: null, problem: `exit ${code}: ${stderr.trim().split('\n').pop()}` };
  return { wallMs, figures: JSON.parse(line[1]) as Figures };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-extract-scale-'));
const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
process.on('SIGINT', () => (cleanup(), process.exit(130)));
const gazetteer = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;
const places = regionPlaces(gazetteer);

type Row = { n: number; cold?: number; warm?: number; added?: number; check?: number; serve?: number; serveRss?: number; rss: number; heap: number; notes: string[] };

// The server's first request after the article was added: the corpus read through the cache, merged and presented.
const SERVE = `const t0 = performance.now();
const { loadBrief } = require('./lib/brief');
const b = loadBrief();
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, events: b.view.events.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));`;

/** The build's corpus check (scripts/check-corpus.ts) and the server's first loadBrief() on the corpus and its cache. */
async function afterAdding(row: Row, dir: string, cacheDir: string): Promise<void> {
  const env = { ...process.env, GEOBRIEF_ARTICLES_DIR: dir, GEOBRIEF_CACHE_DIR: cacheDir };
  const t0 = performance.now();
  const check = await child(['--import', 'tsx', 'scripts/check-corpus.ts'], env);
  if (check === null) return void row.notes.push('corpus check failed');
  row.check = performance.now() - t0;
  console.error(`${String(row.n).padStart(6)} check ${(row.check / 1000).toFixed(1).padStart(7)} s  (${check.trim().split('\n').pop()})`);
  const serve = await child(['--import', 'tsx', '-e', SERVE], env);
  if (serve === null) return void row.notes.push('loadBrief failed');
  const f = JSON.parse(serve) as { ms: number; events: number; maxRssMB: number };
  row.serve = f.ms;
  row.serveRss = f.maxRssMB;
  console.error(`${String(row.n).padStart(6)} serve ${(f.ms / 1000).toFixed(1).padStart(7)} s  (loadBrief: ${f.events} events; RSS ${f.maxRssMB} MB)`);
}
const rows: Row[] = [];

let oneCore = '';

async function measure(): Promise<void> {
  if (!args.includes('--no-one-core')) {
    oneCore = (await child(['--import', 'tsx', 'scripts/bench-extract-profile.ts', '--count', '1000', '--runs', '3']))?.trim() ?? 'one core: failed';
    console.error(oneCore);
  }
  for (const n of sizes) {
    const dir = path.join(root, `corpus-${n}`);
    const cacheDir = path.join(root, `cache-${n}`);
    writeCorpus(dir, { seed: SEED, count: n, gazetteer });
    const row: Row = { n, rss: 0, heap: 0, notes: [] };
    rows.push(row);
    for (const phase of ['cold', 'warm', 'added'] as const) {
      if (phase === 'added') {
        const a = generateArticle(SEED, n, places);
        fs.writeFileSync(path.join(dir, a.fileName), a.text);
      }
      const { wallMs, figures, problem } = await run(dir, cacheDir);
      if (!figures) {
        row.notes.push(`${phase}: ${problem}`);
        console.error(`${n} ${phase}: ${problem}`);
        break;
      }
      row[phase] = wallMs;
      row.rss = Math.max(row.rss, figures.maxRssMB);
      row.heap = Math.max(row.heap, figures.peakHeapMB);
      const c = figures.cache;
      console.error(`${String(n).padStart(6)} ${phase.padEnd(5)} ${(wallMs / 1000).toFixed(1).padStart(7)} s  (read ${(figures.readMs / 1000).toFixed(1)} s, merge ${(figures.mergeMs / 1000).toFixed(1)} s; cache ${c ? `${c.hits} hits, ${c.misses} misses` : 'off'}; RSS ${figures.maxRssMB} MB, heap ${figures.peakHeapMB} MB)`);
    }
    if (row.added !== undefined) await afterAdding(row, dir, cacheDir);
  }
}

function report(): void {
  const s = (ms?: number) => (ms === undefined ? '—' : (ms / 1000).toFixed(1));
  const rate = (n: number, ms?: number) => (ms === undefined ? '—' : String(Math.round(n / (ms / 1000))));
  if (oneCore) console.log(`\n${oneCore}`);
  console.log(`\nextraction at scale (${jobs} worker threads, ${os.cpus().length} cores; wall time of the CLI process, startup included)`);
  console.log('articles | cold s | cold art/s | warm s | warm art/s | +1 article s | peak RSS MB | peak heap MB (main thread) | +1: corpus check s | +1: server loadBrief s (RSS MB)');
  for (const r of rows) console.log(`${String(r.n).padStart(8)} | ${s(r.cold).padStart(6)} | ${rate(r.n, r.cold).padStart(10)} | ${s(r.warm).padStart(6)} | ${rate(r.n, r.warm).padStart(10)} | ${s(r.added).padStart(12)} | ${String(r.rss).padStart(11)} | ${String(r.heap).padStart(5)} | ${s(r.check).padStart(6)} | ${s(r.serve).padStart(6)} (${r.serveRss ?? '—'})${r.notes.length ? `   (${r.notes.join('; ')})` : ''}`);
  for (let k = 1; k < rows.length; k++) {
    const [a, b] = [rows[k - 1], rows[k]];
    const per = (r: typeof a, ms?: number) => (ms === undefined ? null : ms / r.n);
    const ratio = (x: number | null, y: number | null) => (x && y ? `×${(y / x).toFixed(2)}` : '—');
    console.log(`${a.n} → ${b.n}: time per article cold ${ratio(per(a, a.cold), per(b, b.cold))}, warm ${ratio(per(a, a.warm), per(b, b.warm))}, +1 article (whole run) ×${a.added && b.added ? (b.added / a.added).toFixed(2) : '—'}`);
  }
}

measure()
  .then(report)
  .finally(cleanup);
