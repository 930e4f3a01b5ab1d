/**
 * Where the home page's time to `data-map-ready` goes, on an already built app.
 *
 *   GEOBRIEF_DIST_DIR=.next-bench-100000 GEOBRIEF_ARTICLES_DIR=/tmp/geobrief-scale-100000 \
 *   GEOBRIEF_CACHE_DIR=/tmp/geobrief-scale-100000-cache BENCH_PORT=3411 npx tsx scripts/profile-ready.ts [--loads 3]
 *
 * Starts `next start` (own process group, killed at the end or after a deadline) and warms it first: the
 * first `/` builds the brief, the first map data request serialises and gzips it; both are timed and
 * printed, and not counted in the loads. Then loads `/` in Debian's chromium (1280×800, a fresh context
 * each time) and prints, as medians over the loads (ms since navigation start):
 *   - the network: HTML, scripts, basemap layers and map data (first byte, last byte, bytes);
 *   - the page's own stages (User Timing measures `geobrief:*`, components/data/stages.ts): download,
 *     JSON parse, decoding, filters, histogram, cluster index and queries, labels, uncertainty areas;
 *   - long tasks (main thread busy > 50 ms) and data-map-ready;
 * then, from one more load with the JS CPU profiler on, the functions with the most self time.
 * Figures taken while other work loads the machine are indicative.
 */
import os from 'node:os';
import { type Page } from '@playwright/test';
import { launchChromium, median } from './lib/bench';
import { mapReadyAt, stampMapReady } from './lib/map-ready';
import { warmMapData, withServer } from './lib/next-server';

const args = process.argv.slice(2);
const LOADS = Number(args[args.indexOf('--loads') + 1] || 3) || 3;
const PORT = Number(process.env.BENCH_PORT ?? 3411);
const MINUTE = 60_000;

interface Span {
  start: number;
  end: number;
}

interface LoadFigures {
  ready: number;
  /** By resource kind: when its first request started, its last byte arrived, and bytes on the wire. */
  network: Map<string, Span & { bytes: number; decoded: number; firstByte: number }>;
  /** By stage: summed duration, first start, last end. */
  stages: Map<string, { ms: number; count: number } & Span>;
  longTasks: { count: number; ms: number; beforeReady: number };
}

/** Which kind of resource a URL is, for the network lines. */
function kindOf(url: string): string {
  const p = new URL(url).pathname;
  if (p.endsWith('/map.json')) return 'map data';
  if (p.startsWith('/basemap/')) return 'basemap layers';
  if (p.endsWith('.js')) return 'scripts';
  if (p.endsWith('.css')) return 'styles';
  if (/\.(woff2?|ttf)$/.test(p)) return 'fonts';
  return 'other';
}

async function loadOnce(page: Page): Promise<LoadFigures> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; ms: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no long task timing */
    }
  });
  await stampMapReady(page);
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
  const ready = await mapReadyAt(page, 5 * MINUTE);
  await page.waitForTimeout(200);
  const raw = (await page.evaluate(`(() => ({
    nav: performance.getEntriesByType('navigation').map((e) => ({ url: e.name, start: e.startTime, firstByte: e.responseStart, end: e.responseEnd, bytes: e.transferSize, decoded: e.decodedBodySize })),
    resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, firstByte: e.responseStart, end: e.responseEnd, bytes: e.transferSize, decoded: e.decodedBodySize })),
    measures: performance.getEntriesByType('measure').filter((e) => e.name.startsWith('geobrief:')).map((e) => ({ name: e.name.slice(9), start: e.startTime, ms: e.duration })),
    longTasks: window.__longTasks,
  }))()`)) as {
    nav: { url: string; start: number; firstByte: number; end: number; bytes: number; decoded: number }[];
    resources: { url: string; start: number; firstByte: number; end: number; bytes: number; decoded: number }[];
    measures: { name: string; start: number; ms: number }[];
    longTasks: { start: number; ms: number }[];
  };
  const network: LoadFigures['network'] = new Map();
  for (const r of raw.nav.map((n) => ({ ...n, kind: 'HTML' })).concat(raw.resources.map((r) => ({ ...r, kind: kindOf(r.url) })))) {
    const n = network.get(r.kind) ?? { start: Infinity, end: 0, firstByte: Infinity, bytes: 0, decoded: 0 };
    network.set(r.kind, { start: Math.min(n.start, r.start), firstByte: Math.min(n.firstByte, r.firstByte), end: Math.max(n.end, r.end), bytes: n.bytes + r.bytes, decoded: n.decoded + r.decoded });
  }
  const stages: LoadFigures['stages'] = new Map();
  for (const m of raw.measures) {
    if (m.start > ready) continue;
    const s = stages.get(m.name) ?? { ms: 0, count: 0, start: Infinity, end: 0 };
    stages.set(m.name, { ms: s.ms + m.ms, count: s.count + 1, start: Math.min(s.start, m.start), end: Math.max(s.end, m.start + m.ms) });
  }
  const before = raw.longTasks.filter((t) => t.start < ready);
  return { ready, network, stages, longTasks: { count: before.length, ms: before.reduce((a, t) => a + t.ms, 0), beforeReady: before.length } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** The JS functions with the most self time from navigation to ready, from a sampled CPU profile. */
async function profiledLoad(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await stampMapReady(page);
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
  await mapReadyAt(page, 5 * MINUTE);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  await withServer(PORT, [], env, { startMs: 10 * MINUTE, killAfterMs: 20 * MINUTE }, async ({ firstAnswerMs }) => {
    const browser = await launchChromium();
    try {
      const warm = await warmMapData(PORT);
      console.log(`server warm-up (not counted below): start and first / ${(firstAnswerMs / 1000).toFixed(1)} s (builds the brief); first map data request ${warm ? `${(warm.ms / 1000).toFixed(2)} s (${warm.path}, serialised and gzip'd once)` : 'none'}`);
      const loads: LoadFigures[] = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        loads.push(await loadOnce(await context.newPage()));
        await context.close();
      }
      const med = (f: (l: LoadFigures) => number | undefined) => median(loads.map(f).filter((x): x is number => x !== undefined));
      const ms = (x: number) => `${Math.round(x)}`.padStart(6);
      console.log(`\n${LOADS} loads of /, medians, ms since navigation start; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
      console.log(`data-map-ready ${ms(med((l) => l.ready))}   (each load: ${loads.map((l) => Math.round(l.ready)).join(', ')})`);
      console.log('\nnetwork            start  1st byte  last byte   KB wire   KB decoded');
      for (const kind of loads[0].network.keys()) {
        const n = (f: (s: Span & { bytes: number; decoded: number; firstByte: number }) => number) => med((l) => (l.network.has(kind) ? f(l.network.get(kind)!) : undefined));
        console.log(`${kind.padEnd(16)} ${ms(n((s) => s.start))}  ${ms(n((s) => s.firstByte))}    ${ms(n((s) => s.end))}  ${(n((s) => s.bytes) / 1024).toFixed(1).padStart(8)}  ${(n((s) => s.decoded) / 1024).toFixed(1).padStart(10)}`);
      }
      console.log('\npage stages (before ready)   start    end   total ms  times');
      const names = [...new Set(loads.flatMap((l) => [...l.stages.keys()]))];
      const rows = names.map((name) => {
        const s = (f: (x: { ms: number; count: number } & Span) => number) => med((l) => (l.stages.has(name) ? f(l.stages.get(name)!) : undefined));
        return { name, start: s((x) => x.start), end: s((x) => x.end), total: s((x) => x.ms), count: s((x) => x.count) };
      });
      for (const r of rows.sort((a, b) => a.start - b.start)) console.log(`${r.name.padEnd(26)} ${ms(r.start)} ${ms(r.end)}   ${r.total.toFixed(1).padStart(8)}  ${r.count}`);
      console.log(`\nlong tasks before ready: ${med((l) => l.longTasks.count)}, ${Math.round(med((l) => l.longTasks.ms))} ms in all`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      console.log('\nJS self time from navigation to ready, by function (one more load, CPU profiler on, so slower):');
      console.log((await profiledLoad(await context.newPage())).join('\n'));
      await context.close();
    } finally {
      await browser.close();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
