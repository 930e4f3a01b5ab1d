/**
 * npm run -s generate:corpus -- --count 10000 --out /tmp/corpus-10k [--seed 1] [--from 0]
 * Writes synthetic articles (scripts/lib/synthetic-corpus.ts: ~410 words, one incident each, places of the
 * border provinces from the gazetteer, dates over 2012–2025) into --out, one .md file each, in the front-matter
 * format of data/articles. Deterministic: the same seed gives the same files, and article i does not depend on
 * --count (10k is a prefix of 100k; --from N --count 1 adds article N). Other files in --out are left alone.
 * Build the app on it with GEOBRIEF_ARTICLES_DIR=<dir>.
 */
import fs from 'node:fs';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';
import { writeCorpus } from './lib/synthetic-corpus';

function usage(problem: string): never {
  process.stderr.write(`generate:corpus: ${problem}\nusage: npm run -s generate:corpus -- --count N --out DIR [--seed S] [--from I]\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const options: Record<string, string> = {};
for (let k = 0; k < args.length; k++) {
  const m = /^--(count|out|seed|from)(?:=(.*))?$/.exec(args[k]);
  if (!m) usage(`unknown argument "${args[k]}"`);
  const value = m[2] ?? args[++k];
  if (value === undefined) usage(`--${m[1]} needs a value`);
  options[m[1]] = value;
}
const integer = (name: string, fallback?: number): number => {
  const raw = options[name];
  if (raw === undefined) {
    if (fallback === undefined) usage(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(raw)) usage(`--${name} must be a whole number ≥ 0, got "${raw}"`);
  return Number(raw);
};
const count = integer('count');
const seed = integer('seed', 1);
const from = integer('from', 0);
if (!options.out) usage('--out is required');

const gazetteer = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;
const t0 = performance.now();
const written = writeCorpus(options.out, { seed, count, from, gazetteer });
process.stderr.write(`generate:corpus: wrote ${written.length} articles (seed ${seed}, from ${from}) to ${options.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
