/**
 * Time from navigation to data-map-ready="true" on the home page (or another path, e.g. /embed), in a
 * fresh browser context each run (no cache), against the production build. Prints every run and the median.
 * Run: npm run build && npm run bench:map [-- runs [path]]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { stampMapReady, mapReadyAt } from './lib/map-ready';
import { chromium } from '@playwright/test';

const RUNS = Number(process.argv[2] ?? 9);
const PORT = 3291;
const URL_ = `http://127.0.0.1:${PORT}${process.argv[3] ?? '/'}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer on ${URL_}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const server = spawn('npx', ['next', 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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
    process.kill(-server.pid!);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
