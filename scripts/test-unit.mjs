// Runs every *.test.ts under lib/, scripts/ and components/ with node's test runner (Node 20 has no --test globs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : find(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const files = ['lib', 'scripts', 'components'].flatMap(find).sort();
if (files.length === 0) {
  console.error('no unit test files found');
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
