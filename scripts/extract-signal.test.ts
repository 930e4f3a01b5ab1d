/**
 * `npm run extract` stops promptly on SIGTERM even mid-way through a huge article: npm's shell no longer stands
 * between npm and the extraction (`exec`), and the work runs in worker threads, so the main thread is free to
 * act on the signal. Before, npm died and the extraction went on for minutes in the background.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const alive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

test('npm run extract: SIGTERM mid-way through a huge article ends every process of the run within a few seconds', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-signal-'));
  const file = path.join(dir, 'huge.md');
  const words = ['Kulob', 'guards', 'fired', 'Panj', 'the', 'border', 'near', 'Khorog', 'attack', 'killed', 'two', 'on', 'Monday', 'village', 'district', '.'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % words.length;
  fs.writeFileSync(file, `---\npublished: 2025-01-01\n---\n${Array.from({ length: 60_000 }, () => words[next()]).join(' ')}\n`);
  // its own process group, so that everything it starts can be found (and killed, whatever happens)
  const child = spawn('npm', ['run', '-s', 'extract', '--', file], { detached: true, stdio: 'ignore', env: { ...process.env, GEOBRIEF_CACHE: 'off' } });
  const pgid = child.pid!;
  try {
    await new Promise((r) => setTimeout(r, 4000));
    assert.ok(alive(pgid), 'still extracting after 4 s (the input is large enough to be stopped mid-way)');
    const t0 = Date.now();
    child.kill('SIGTERM'); // to npm only, as `kill <pid>` or `timeout` does
    while (alive(pgid) && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!alive(pgid), `processes of the run still alive ${Date.now() - t0} ms after SIGTERM`);
  } finally {
    if (alive(pgid)) process.kill(-pgid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
