/**
 * What a build costs after one article is added to a corpus whose readings are cached: the prebuild
 * (scripts/check-corpus: fingerprint, readings, incremental merge, snapshot) and, with --build, the whole
 * `npm run build`. Works on a copy of the corpus made of hard links (the corpus itself is left alone), in
 * `--work DIR` (default `$TMPDIR/geobrief-plus-one-<n>`), with the cache of GEOBRIEF_CACHE_DIR (which should hold
 * the corpus's readings already: a cold cache measures the cold run instead). Steps, each a child process in its
 * own group with a deadline: the corpus as it is (settles the snapshot and merge state), one generated article
 * added (the next of seed 1's series), removed again, added again — `--build`: that last one as `npm run build`.
 * Prints each step's wall seconds and the prebuild's own breakdown line; figures, not asserts.
 *
 * Run: GEOBRIEF_CACHE_DIR=/tmp/xs-cache-10k npm run -s bench:extract-plus-one -- --corpus /tmp/geobrief-scale-10000 [--build]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { writeCorpus } from './lib/synthetic-corpus';

const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const corpus = opt('--corpus');
if (!corpus || !process.env.GEOBRIEF_CACHE_DIR) {
  console.error('usage: GEOBRIEF_CACHE_DIR=DIR npm run -s bench:extract-plus-one -- --corpus DIR [--work DIR] [--build]');
  process.exit(2);
}
const MINUTE = 60_000;
const names = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));
const work = opt('--work') ?? path.join(os.tmpdir(), `geobrief-plus-one-${names.length}`);

/** Runs a command in its own process group, killed with the group past the deadline; its output, and the wall seconds. */
function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv, deadlineMs: number): Promise<{ s: number; out: string; status: number | null }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // through time(1) when there is one: the CPU seconds are less at the mercy of other work than the wall's
    const timed = fs.existsSync('/usr/bin/time');
    const child = spawn(timed ? '/usr/bin/time' : cmd, timed ? ['-f', 'child CPU %U s user %S s system', cmd, ...argv] : argv, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, deadlineMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ s: (performance.now() - t0) / 1000, out, status });
    });
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(work)) {
    fs.mkdirSync(work, { recursive: true });
    for (const n of names) fs.linkSync(path.join(corpus!, n), path.join(work, n));
  }
  const gazetteer = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;
  const env = { ...process.env, GEOBRIEF_ARTICLES_DIR: work, NEXT_TELEMETRY_DISABLED: '1', GEOBRIEF_DIST_DIR: process.env.GEOBRIEF_DIST_DIR ?? `.next-plus-one-${names.length}` };
  const added = () => fs.readdirSync(work).filter((f) => !names.includes(f) && f.endsWith('.md'));
  const remove = () => added().forEach((f) => fs.rmSync(path.join(work, f)));
  const add = () => writeCorpus(work, { seed: 1, from: names.length, count: 1, gazetteer });
  const prebuild = () => run('npx', ['tsx', 'scripts/check-corpus.ts'], env, 60 * MINUTE);
  const rows: { step: string; s: number; line: string }[] = [];
  const record = (step: string, r: { s: number; out: string; status: number | null }) => {
    if (r.status !== 0) throw new Error(`${step} failed (${r.status}):\n${r.out}`);
    const lines = r.out.split('\n');
    const line = [lines.find((l) => l.startsWith('brief:') || l.includes('unchanged since')), lines.find((l) => l.startsWith('child CPU'))].filter(Boolean).join('\n          ');
    rows.push({ step, s: r.s, line });
    console.error(`${step}: ${r.s.toFixed(1)} s  ${line}`);
  };
  remove();
  record(`settle (${names.length} articles)`, await prebuild());
  add();
  record('+1 article: prebuild', await prebuild());
  remove();
  record('-1 article: prebuild', await prebuild());
  add();
  if (args.includes('--build')) {
    const r = await run('npm', ['run', '-s', 'build'], env, 60 * MINUTE);
    record('+1 article: npm run build', r);
  } else record('+1 article: prebuild again', await prebuild());
  remove();
  console.log(`+1 article on ${names.length} cached articles (${work}); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (indicative when other work shares them)`);
  for (const r of rows) console.log(`${r.s.toFixed(1).padStart(7)} s  ${r.step}\n          ${r.line}`);
}

main().catch((e: unknown) => {
  console.error(String((e as Error).stack ?? e));
  process.exit(1);
});
