import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES_DIR, loadCorpus } from './corpus';

function corpusCopy(mutate: (dir: string, files: string[]) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
  const files = fs.readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.md'));
  for (const f of files) fs.copyFileSync(path.join(ARTICLES_DIR, f), path.join(dir, f));
  mutate(dir, files);
  return dir;
}

test('the shipped corpus loads: five dated articles with distinct ids', () => {
  const articles = loadCorpus();
  assert.equal(articles.length, 5);
  assert.equal(new Set(articles.map((a) => a.id)).size, 5);
  for (const a of articles) {
    assert.match(a.published ?? '', /^2025-1[12]-\d\d$/);
    assert.ok(a.body.trim().length > 1000, `${a.id} has its body`);
  }
});

test('each article body is the seed exactly as received', () => {
  const seeds = path.join(process.cwd(), '..', 'shared', 'seeds');
  if (!fs.existsSync(seeds)) return; // seeds sit beside the repo on the team's machines and in CI
  for (const a of loadCorpus()) {
    assert.equal(a.body, fs.readFileSync(path.join(seeds, `${a.id}.txt`), 'utf8'), a.id);
  }
});

const corruptions: [string, (dir: string, files: string[]) => string, RegExp][] = [
  [
    'broken front matter',
    (dir, files) => {
      const f = path.join(dir, files[1]);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/\n---\n/, '\n'));
      return files[1];
    },
    /no closing "---"/,
  ],
  [
    'an empty body',
    (dir, files) => {
      const f = path.join(dir, files[2]);
      const text = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(f, text.slice(0, text.indexOf('\n---\n') + 5) + '\n  \n');
      return files[2];
    },
    /body is empty/,
  ],
  [
    'a duplicated id',
    (dir, files) => {
      fs.copyFileSync(path.join(dir, files[0]), path.join(dir, 'zz-copy.md'));
      return 'zz-copy.md';
    },
    /duplicate id/,
  ],
  [
    'a missing date',
    (dir, files) => {
      const f = path.join(dir, files[3]);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^published: .*\n/m, ''));
      return files[3];
    },
    /"published" is missing/,
  ],
];

for (const [name, corrupt, message] of corruptions) {
  test(`a corpus with ${name} is refused with the file named`, () => {
    let culprit = '';
    const dir = corpusCopy((d, files) => {
      culprit = corrupt(d, files);
    });
    assert.throws(
      () => loadCorpus(dir),
      (e: unknown) => e instanceof Error && e.message.includes(culprit) && message.test(e.message),
    );
    fs.rmSync(dir, { recursive: true });
  });
}
