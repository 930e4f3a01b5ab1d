/**
 * Time from navigation to data-map-ready="true" on the home page (or another path, e.g. /embed), in a
 * fresh browser context each run (no cache), against the production build. Prints every run and the median.
 * Run: npm run build && npm run bench:map [-- runs [path]]
 */
import { stampMapReady, mapReadyAt } from './lib/map-ready';
import { launchChromium, median } from './lib/bench';
import { killGroup, startServer } from './lib/next-server';

const RUNS = Number(process.argv[2] ?? 9);
const PORT = Number(process.env.BENCH_PORT ?? 3291);
const URL_ = `http://127.0.0.1:${PORT}${process.argv[3] ?? '/'}`;

async function main() {
  const { pid } = await startServer(PORT, [], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, 2 * 60_000);
  // the server is killed with its group at the end, or past a deadline if the run hangs
  const killer = setTimeout(() => killGroup(pid), 15 * 60_000);
  try {
    const browser = await launchChromium();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await stampMapReady(page);
      await page.goto(URL_, { waitUntil: 'commit' });
      const ms = await mapReadyAt(page, 30_000);
      times.push(ms);
      console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
      await context.close();
    }
    await browser.close();
    console.log(`navigation → data-map-ready: median ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
  } finally {
    clearTimeout(killer);
    killGroup(pid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
