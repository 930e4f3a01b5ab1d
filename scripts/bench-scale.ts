/**
 * Scale figures for the map page, per corpus size: build time, bytes of `/` and of its map data,
 * time to data-map-ready, JS heap, and p95 frame time of a scripted series of pans and zooms.
 * Run: npm run bench:scale -- [sizes, default 100,1000] (a build per size, into .next-bench-<n>).
 * Corpora are generated into a temp dir (one incident per article, towns of the region); each server
 * runs in its own process group with a deadline and is killed with its group.
 * Not yet measured here: extraction and cache-hit rebuild times, and the bare react-leaflet page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const SIZES = (process.argv[2] ?? '100,1000').split(',').map(Number);
const PORT = 3411;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOWNS = ['Khorog', 'Kulob', 'Panj', 'Ishkashim', 'Rushon', 'Vanj', 'Farkhor', 'Hamadoni', 'Kunduz', 'Faizabad', 'Taloqan', 'Termez', 'Darvoz', 'Shuroobod', 'Jaloliddini Balkhi'];
const WHAT = ['a drone struck a mining camp near', 'gunmen fired on a border post near', 'a clash broke out between border guards and smugglers near', 'an explosion hit a market in'];

/** A deterministic corpus of `n` short articles, each about one incident in a town of the region. */
function generateCorpus(n: number, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const words = day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const town = TOWNS[i % TOWNS.length];
    const text = `On ${words}, ${WHAT[i % WHAT.length]} ${town}, killing ${1 + (i % 5)} people and injuring ${i % 4}, local officials said.\nThe authorities opened an investigation.`;
    fs.writeFileSync(path.join(dir, `g${String(i).padStart(6, '0')}.md`), `---\nid: g${String(i).padStart(6, '0')}\npublished: ${iso}\n---\n${text}\n`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const server = spawn('npx', ['next', 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], { stdio: 'ignore', env, detached: true });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop(server);
  throw new Error('next start did not answer within 60 s');
}
function stop(p: ChildProcess) {
  if (p.pid) {
    try {
      process.kill(-p.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

interface Row {
  size: number;
  buildS: number;
  htmlKB: number;
  dataKB: number;
  readyMs: number;
  heapMB: number;
  p95Ms: number;
}

async function measure(size: number): Promise<Row> {
  const dir = path.join(os.tmpdir(), `geobrief-scale-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  generateCorpus(size, dir);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GEOBRIEF_ARTICLES_DIR: dir, GEOBRIEF_DIST_DIR: `.next-bench-${size}` };
  const t0 = performance.now();
  const build = spawnSync('npx', ['next', 'build'], { env, stdio: 'ignore', timeout: 30 * 60_000 });
  if (build.status !== 0) throw new Error(`build of ${size} failed (${build.status ?? build.signal})`);
  const buildS = (performance.now() - t0) / 1000;
  const server = await startServer(env);
  const killer = setTimeout(() => stop(server), 10 * 60_000);
  try {
    const browser = await chromium.launch({
      executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
    });
    const ready: number[] = [];
    let htmlKB = 0;
    let dataKB = 0;
    let heapMB = 0;
    let frames: number[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const sizes = new Map<string, number>();
      page.on('requestfinished', async (r) => sizes.set(new URL(r.url()).pathname, (await r.sizes()).responseBodySize + (await r.sizes()).responseHeadersSize));
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('.leaflet-container[data-map-ready="true"]')) {
            (window as unknown as { __readyAt: number }).__readyAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'], childList: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
      await page.locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 120_000 });
      ready.push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
      await page.waitForTimeout(300);
      htmlKB = (sizes.get('/') ?? 0) / 1024;
      dataKB = ([...sizes].find(([p]) => p.endsWith('/map.json'))?.[1] ?? 0) / 1024;
      if (run === 0) {
        frames = await panAndZoom(page);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        heapMB = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
      }
      await context.close();
    }
    await browser.close();
    return { size, buildS, htmlKB, dataKB, readyMs: median(ready), heapMB, p95Ms: p95(frames) };
  } finally {
    clearTimeout(killer);
    stop(server);
  }
}

/** Drags and wheel-zooms over the map, recording every animation frame's duration meanwhile. */
async function panAndZoom(page: import('@playwright/test').Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __last: number };
    w.__frames = [];
    w.__last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - w.__last);
      w.__last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + (i % 2 ? 150 : -150), cy + (i % 3 ? 60 : -60), { steps: 10 });
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 ? 200 : -200);
    await page.waitForTimeout(250);
  }
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
}

async function main() {
  const rows: Row[] = [];
  for (const size of SIZES) {
    console.error(`… ${size} articles`);
    rows.push(await measure(size));
  }
  const base = rows[0];
  const f = (x: number, d = 0) => x.toFixed(d);
  const r = (x: number, b: number) => `${(x / b).toFixed(2)}×`;
  console.log(`| articles | build s | / KB (wire) | data KB (wire) | ready ms | heap MB | p95 move ms | ready vs ${base.size} |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of rows) console.log(`| ${x.size} | ${f(x.buildS, 1)} | ${f(x.htmlKB, 1)} | ${f(x.dataKB, 1)} | ${f(x.readyMs)} | ${f(x.heapMB, 1)} | ${f(x.p95Ms, 1)} | ${r(x.readyMs, base.readyMs)} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
