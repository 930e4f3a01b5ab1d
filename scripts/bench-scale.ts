/**
 * Scale figures of the map page, per corpus size, next to a bare Next + react-leaflet page measured in
 * the same run (scripts/bare-map: one empty map, built and started the same way).
 *
 *   npm run bench:scale -- [sizes, default 100,1000] [--reuse]
 *
 * --reuse: a size whose corpus and cache are already in $TMPDIR/geobrief-scale-<n>(-cache) (from an earlier
 * run, or `generate:corpus` and `extract` there) is not generated nor extracted again: its extraction
 * columns print '–' and only the build and the page are measured (100,000 articles take most of an hour
 * to extract cold on this machine).
 *
 * Per size: a generated corpus (scripts/lib/synthetic-corpus.ts, seed 1) in a temp dir with its own
 * extraction cache; extraction time with the cache cold; again after adding one article (cache hits for
 * all the others); `next build` into .next-bench-<n>; then `next start` and, in Debian's chromium:
 * bytes on the wire (as sent, compressed) of `/` and of its map data, time to data-map-ready (median of
 * 3 loads), JS heap after GC, and the p95 frame time over a scripted series of drags and wheel zooms.
 * Every child (extraction, build, server) runs in its own process group with a deadline and is killed with it.
 * Figures measured while other work loads the machine are indicative.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchMove, stampMapReady, mapReadyAt } from './lib/map-ready';
import { killGroup, warmMapData, withServer } from './lib/next-server';
import { type Page } from '@playwright/test';
import { launchChromium, median, quantile } from './lib/bench';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { writeCorpus } from './lib/synthetic-corpus';

/** BENCH_PORT: where the servers it starts listen (one at a time), so that runs from several checkouts do not collide. */
const PORT = Number(process.env.BENCH_PORT ?? 3410);
/** Run from the repository's root (npm run sets it). */
const ROOT = process.cwd();
const MINUTE = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  ms: number;
}

/** Runs a command in its own process group; past the deadline the whole group is killed. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, deadlineMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => killGroup(child.pid), deadlineMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, ms: performance.now() - t0 });
    });
  });
}

/** In a child process (`--extract`): the corpus through the pipeline, as the server does at its first request. */
async function extractOnly() {
  const { loadBrief } = await import('../lib/brief');
  const t0 = performance.now();
  const { view } = loadBrief();
  console.log(JSON.stringify({ ms: performance.now() - t0, events: view.events.length }));
}

async function extract(env: NodeJS.ProcessEnv): Promise<{ s: number; events: number }> {
  const r = await run('npx', ['tsx', 'scripts/bench-scale.ts', '--extract'], env, 60 * MINUTE);
  if (r.status !== 0) throw new Error(`extraction failed (${r.status})`);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; events: number };
  return { s: out.ms / 1000, events: out.events };
}

interface PageFigures {
  /** Events in the page's list (null on the bare page). */
  events: number | null;
  htmlKB: number;
  dataKB: number;
  readyMs: number;
  heapMB: number;
  p95Ms: number;
}

interface Row extends PageFigures {
  warm: WarmUp;
  name: string;
  articles: number | null;
  events: number | null;
  buildS: number;
  extractS: number | null;
  plusOneS: number | null;
}

/** The page at `/` of the running server: three loads (median ready time), the first also panned and zoomed. */
async function measurePage(): Promise<PageFigures> {
  const browser = await launchChromium(['--enable-precise-memory-info']);
  try {
    const ready: number[] = [];
    let htmlKB = 0;
    let dataKB = 0;
    let heapMB = 0;
    let frames: number[] = [];
    let events: number | null = null;
    for (let load = 0; load < 3; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Body bytes as received (encoded), per path.
      const wire = new Map<string, Promise<number>>();
      page.on('requestfinished', (r) => wire.set(new URL(r.url()).pathname, r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
      await stampMapReady(page);
      await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
      ready.push(await mapReadyAt(page, 5 * MINUTE));
      await page.waitForTimeout(300);
      htmlKB = ((await wire.get('/')) ?? 0) / 1024;
      const data = [...wire].find(([p]) => p.endsWith('/map.json'));
      dataKB = (data ? await data[1] : 0) / 1024;
      if (load === 0) {
        const count = page.locator('.event-list .count');
        events = (await count.count()) ? Number((await count.innerText()).replace(/\D/g, '')) : null;
        frames = await panAndZoom(page);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        heapMB = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
      }
      await context.close();
    }
    return { events, htmlKB, dataKB, readyMs: median(ready), heapMB, p95Ms: quantile(frames, 0.95) };
  } finally {
    await browser.close();
  }
}

/** Drags and wheel-zooms over the map, recording every animation frame's duration meanwhile. */
async function panAndZoom(page: Page): Promise<number[]> {
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`
    window.__frames = [];
    window.__last = performance.now();
    requestAnimationFrame(function tick(t) {
      window.__frames.push(t - window.__last);
      window.__last = t;
      requestAnimationFrame(tick);
    });
  `);
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 6; i++) await benchMove(page, cx, cy, i);
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
}

/** What the server did before the page was measured (not counted in ready): start and first `/`, first map data request. */
interface WarmUp {
  firstAnswerS: number;
  mapDataS: number | null;
}

async function withWarmServer<T>(args: string[], env: NodeJS.ProcessEnv, measure: () => Promise<T>): Promise<T & { warm: WarmUp }> {
  // The first `/` builds the brief (all of extraction and merging, from the cache) and the first map data
  // request serialises and gzips it: both done here, timed and printed, so a measured load finds a warm server.
  const result = await withServer(PORT, args, env, { startMs: 20 * MINUTE, killAfterMs: 40 * MINUTE }, async ({ firstAnswerMs }) => {
    const data = await warmMapData(PORT);
    const warm = { firstAnswerS: firstAnswerMs / 1000, mapDataS: data && data.ms / 1000 };
    console.error(`  server warm-up (not counted in ready): start and first / ${warm.firstAnswerS.toFixed(1)} s, first map data ${warm.mapDataS?.toFixed(2) ?? '–'} s`);
    // The server's own start-up work (the extraction worker warming, instrumentation.ts) is not measured.
    await new Promise((r) => setTimeout(r, 8000));
    return { ...(await measure()), warm };
  });
  await new Promise((r) => setTimeout(r, 500));
  return result;
}

async function measureBare(): Promise<Row> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const build = await run('npx', ['next', 'build', 'scripts/bare-map'], env, 30 * MINUTE);
  if (build.status !== 0) throw new Error(`build of the bare page failed (${build.status})`);
  const page = await withWarmServer(['scripts/bare-map'], env, measurePage);
  return { name: 'bare react-leaflet', articles: null, buildS: build.ms / 1000, extractS: null, plusOneS: null, ...page };
}

async function measureApp(size: number, gazetteer: Gazetteer): Promise<Row> {
  const dir = path.join(os.tmpdir(), `geobrief-scale-${size}`);
  const cacheDir = `${dir}-cache`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GEOBRIEF_ARTICLES_DIR: dir, GEOBRIEF_CACHE_DIR: cacheDir, GEOBRIEF_DIST_DIR: `.next-bench-${size}` };
  let cold: { s: number; events: number } | null = null;
  let plusOne: { s: number; events: number } | null = null;
  if (!(process.argv.includes('--reuse') && fs.existsSync(dir) && fs.existsSync(cacheDir))) {
    for (const d of [dir, cacheDir]) fs.rmSync(d, { recursive: true, force: true });
    writeCorpus(dir, { seed: 1, count: size, gazetteer });
    cold = await extract(env);
    // One more article (the next of the same generated series): every other reading comes from the cache.
    writeCorpus(dir, { seed: 1, from: size, count: 1, gazetteer });
    plusOne = await extract(env);
  }
  const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).length;
  const build = await run('npx', ['next', 'build'], env, 60 * MINUTE);
  if (build.status !== 0) throw new Error(`build of ${size} failed (${build.status})`);
  const page = await withWarmServer([], env, measurePage);
  return { name: 'geobrief', articles, buildS: build.ms / 1000, extractS: cold?.s ?? null, plusOneS: plusOne?.s ?? null, ...page };
}

function table(rows: Row[]): string {
  const bare = rows.find((r) => r.articles === null)!;
  const first = rows.find((r) => r.articles !== null)!;
  const n = (x: number | null, d = 0) => (x === null ? '–' : x.toFixed(d));
  const ratio = (x: number, b: number) => `${(x / b).toFixed(1)}×`;
  const lines = [
    `| page | articles | events | build s | extract s (cold) | +1 article s | / KB | data KB | ready ms | heap MB | p95 move ms | / ×bare | ready ×bare | heap ×bare | p95 ×bare | ready ×${first.articles} |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${n(r.articles)} | ${n(r.events)} | ${n(r.buildS, 1)} | ${n(r.extractS, 1)} | ${n(r.plusOneS, 1)} | ${n(r.htmlKB, 1)} | ${n(r.dataKB, 1)} | ${n(r.readyMs)} | ${n(r.heapMB, 1)} | ${n(r.p95Ms, 1)} | ${ratio(r.htmlKB, bare.htmlKB)} | ${ratio(r.readyMs, bare.readyMs)} | ${ratio(r.heapMB, bare.heapMB)} | ${ratio(r.p95Ms, bare.p95Ms)} | ${r.articles === null ? '–' : ratio(r.readyMs, first.readyMs)} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (process.argv.includes('--extract')) return extractOnly();
  // `next build` into another distDir adds that dir's types to tsconfig.json's include: put it back after.
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  try {
    await benchmark();
  } finally {
    fs.writeFileSync('tsconfig.json', tsconfig);
  }
}

async function benchmark() {
  const sizes = (process.argv.slice(2).find((a) => /^\d+(,\d+)*$/.test(a)) ?? '100,1000').split(',').map(Number);
  const gazetteer = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;
  console.error('… bare react-leaflet page');
  const rows = [await measureBare()];
  for (const size of sizes) {
    console.error(`… ${size} articles`);
    rows.push(await measureApp(size, gazetteer));
  }
  console.log(`bench:scale ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end`);
  console.log(table(rows));
  console.log('\nServer warm-up before each page was measured (not in ready): start and first / (builds the brief), first map data request (serialises and gzips it):');
  for (const r of rows) console.log(`- ${r.name} ${r.articles ?? ''}: ${r.warm.firstAnswerS.toFixed(1)} s, ${r.warm.mapDataS === null ? '–' : `${r.warm.mapDataS.toFixed(2)} s`}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
