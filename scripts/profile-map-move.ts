/**
 * Where a pan and a wheel zoom of the home page spend their time, from a Chrome trace and a JS CPU profile.
 *
 *   GEOBRIEF_DIST_DIR=.next-bench-1000 GEOBRIEF_ARTICLES_DIR=… GEOBRIEF_CACHE_DIR=… \
 *     npx tsx scripts/profile-map-move.ts [--port 3611] [--repeat 6]
 *
 * Starts `next start` on an already built app (its own process group, killed at the end or after a deadline),
 * opens `/` in Debian's chromium at 1280×800, waits for data-map-ready, then for each kind of move (wheel zoom
 * in/out, mouse drag) records:
 *   - every animation frame's duration (p50, p95, max), as bench:scale does;
 *   - the main thread's self time by trace event (script, style, layout, paint, …), per move;
 *   - the JS functions with the most self time (CPU profile), per move;
 *   - for the longest tasks, the functions with the most total time (self and callees) inside each.
 * `--moves bench` records bench:scale's own series instead (a drag, then at once a wheel notch, 250 ms apart,
 * repeated), the one whose p95 it prints; `--moves drag,zoom` (the default) records the two kinds apart.
 * `--long 40`: every task longer than this many ms (wall) is listed with its events and functions.
 * Figures taken while other work loads the machine are indicative: read thread time (tdur) over wall time.
 */
import { type CDPSession, type Page } from '@playwright/test';
import { launchChromium, quantile } from './lib/bench';
import { withServer } from './lib/next-server';
import { benchMove } from './lib/map-ready';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PORT = opt('port', 3611);
const REPEAT = opt('repeat', 6);
const LONG_MS = opt('long', 40);
const MOVES = (args[args.indexOf('--moves') + 1] && args.includes('--moves') ? args[args.indexOf('--moves') + 1] : 'drag,zoom').split(',');
const DEADLINE_MS = 10 * 60_000;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread time: what the thread actually ran, without the time it waited for a core */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time (ms) by event name on the renderer's main thread: each complete event minus its children. */
function mainThreadEvents(events: TraceEvent[]): TraceEvent[] {
  const threadName = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && threadName && e.pid === threadName.pid && e.tid === threadName.tid)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

/** The longest top-level tasks of the main thread (µs timestamps). */
function longestTasks(main: TraceEvent[], n: number): TraceEvent[] {
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of main) {
    if (e.ts >= end) {
      top.push(e);
      end = e.ts + e.dur!;
    }
  }
  return top.sort((a, b) => b.dur! - a.dur!).slice(0, n);
}

function mainThreadSelfTimes(main: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return self;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Time (ms) by JS function from a CPU profile's samples between `from` and `to`: its own time (`self`), or with its
 * callees included (`total`: each function counted once per sample, up the call stack).
 */
function functionTimes(profile: CpuProfile, mode: 'self' | 'total', from = -Infinity, to = Infinity): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const key = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  const times = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (mode === 'self') {
      const k = key(byId.get(profile.samples[i])!.callFrame);
      times.set(k, (times.get(k) ?? 0) + ms);
      continue;
    }
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!f.url || seen.has(key(f))) continue;
      seen.add(key(f));
      times.set(key(f), (times.get(key(f)) ?? 0) + ms);
    }
  }
  return times;
}

function top(m: Map<string, number>, n: number, per: number): string[] {
  return [...m]
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `    ${(ms / per).toFixed(1).padStart(7)} ms  ${k}`);
}

async function record(page: Page, cdp: CDPSession, label: string, move: (i: number) => Promise<void>) {
  const chunks: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void chunks.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(`
    window.__frames = [];
    window.__last = performance.now();
    window.__tick = function tick(t) { window.__frames.push(t - window.__last); window.__last = t; requestAnimationFrame(window.__tick); };
    requestAnimationFrame(window.__tick);
  `);
  for (let i = 0; i < REPEAT; i++) await move(i);
  const frames = ((await page.evaluate('window.__frames')) as number[]).slice(1);
  await page.evaluate('window.__tick = function () {}');
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  console.log(`\n${label}: ${REPEAT} moves, ${frames.length} frames; frame ms p50 ${quantile(frames, 0.5).toFixed(1)}, p95 ${quantile(frames, 0.95).toFixed(1)}, max ${Math.max(...frames).toFixed(1)}`);
  console.log('  main thread self time per move, by trace event:');
  const main = mainThreadEvents(chunks);
  const tasks = longestTasks(main, Infinity).filter((t) => t.tdur !== undefined);
  const cpu = tasks.map((t) => t.tdur! / 1000);
  const sum = cpu.reduce((a, b) => a + b, 0);
  console.log(`  main thread CPU (thread time, so waiting for a core under load is left out): ${(sum / REPEAT).toFixed(1)} ms per move; longest tasks ${cpu.sort((a, b) => b - a).slice(0, 6).map((x) => x.toFixed(1)).join(', ')} ms`);
  console.log(top(mainThreadSelfTimes(main), 12, REPEAT).join('\n'));
  console.log('  JS self time per move, by function:');
  console.log(top(functionTimes(profile as CpuProfile, 'self'), 15, REPEAT).join('\n'));
  const long = longestTasks(main, Infinity).filter((t) => t.dur! / 1000 > LONG_MS);
  console.log(`  frames over 50 ms: ${frames.filter((f) => f > 50).length} of ${frames.length}; tasks over ${LONG_MS} ms (wall): ${long.length}`);
  for (const task of long.length ? long.sort((a, b) => a.ts - b.ts) : longestTasks(main, 3)) {
    const inside = main.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    console.log(`  a long task: ${task.name}, ${(task.dur! / 1000).toFixed(1)} ms wall, ${((task.tdur ?? 0) / 1000).toFixed(1)} ms thread; by event, JS self time, JS total time:`);
    console.log(top(mainThreadSelfTimes(inside), 6, 1).join('\n'));
    console.log(top(functionTimes(profile as CpuProfile, 'self', task.ts, task.ts + task.dur!), 8, 1).join('\n'));
    console.log(top(functionTimes(profile as CpuProfile, 'total', task.ts, task.ts + task.dur!), 14, 1).join('\n'));
  }
}

async function main() {
  await withServer(PORT, [], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, { startMs: 5 * 60_000, killAfterMs: DEADLINE_MS }, async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.locator('.leaflet-container[data-map-ready="true"]').waitFor({ timeout: 5 * 60_000 });
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      const box = (await page.locator('.leaflet-container').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.mouse.move(cx, cy);
      if (MOVES.includes('bench'))
        await record(page, cdp, "bench:scale's series (a drag, then a wheel notch)", (i) => benchMove(page, cx, cy, i));
      if (MOVES.includes('zoom'))
      await record(page, cdp, 'wheel zoom (in and out in turn)', async (i) => {
        await page.mouse.wheel(0, i % 2 ? 200 : -200);
        await page.waitForTimeout(400);
      });
      if (MOVES.includes('drag'))
      await record(page, cdp, 'drag (150 px, 10 steps)', async (i) => {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx + (i % 2 ? 150 : -150), cy + (i % 3 ? 60 : -60), { steps: 10 });
        await page.mouse.up();
        await page.waitForTimeout(400);
      });
    } finally {
      await browser.close();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
