/**
 * Golden fixtures for date and casualty parsing: `test/in/<case>.txt` → `test/out/<case>.json`.
 * Rewrite the outputs with `REGEN=1 npm run test:unit` and review them as a diff.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findDates } from './dates';
import { findCasualties, sumCasualties } from './casualties';

const DIR = path.join(__dirname, 'test');

function runDates(input: string): unknown {
  const [first, ...lines] = input.split('\n');
  const published = first.replace(/^published:\s*/, '').trim() || undefined;
  return lines.filter((l) => l.trim()).map((line) => ({
    line,
    dates: findDates(line, published).map((d) => ({
      text: d.span.text,
      start: d.start,
      end: d.end,
      timePrecision: d.timePrecision,
      ...(d.partOfDay ? { partOfDay: d.partOfDay } : {}),
      ...(d.reporting ? { reporting: true } : {}),
      basis: d.basis,
    })),
  }));
}

function runCasualties(input: string): unknown {
  return input.split('\n').filter((l) => l.trim()).map((line) => {
    const found = findCasualties(line);
    for (const c of found) if (c.count) assert.equal(line.slice(c.count.span.start, c.count.span.end), c.count.span.text);
    return {
      line,
      casualties: found.map((c) => ({
        outcome: c.outcome,
        count: c.count ? `${c.count.value}${c.count.vague ? ' (vague)' : ''} ← "${c.count.span.text}"` : null,
        victims: c.victims.text,
        role: c.role,
        nationality: c.nationality,
        ...(c.anaphoric ? { anaphoric: true } : {}),
      })),
      total: summarize(sumCasualties([line])),
    };
  });
}

function summarize(t: ReturnType<typeof sumCasualties>) {
  const one = (x: ReturnType<typeof sumCasualties>['killed']) => (x ? `${x.value}${x.vague ? ' (vague)' : ''} = ${x.parts.map((p) => p.span.text).join(' + ')}` : null);
  return { killed: one(t.killed), injured: one(t.injured) };
}

for (const file of fs.readdirSync(path.join(DIR, 'in')).sort()) {
  const name = file.replace(/\.txt$/, '');
  const run = name.startsWith('dates-') ? runDates : name.startsWith('casualties-') ? runCasualties : null;
  if (!run) continue;
  test(`golden ${name}`, () => {
    const actual = JSON.stringify(run(fs.readFileSync(path.join(DIR, 'in', file), 'utf8')), null, 2) + '\n';
    const out = path.join(DIR, 'out', `${name}.json`);
    if (process.env.REGEN) fs.writeFileSync(out, actual);
    assert.ok(fs.existsSync(out), `${out} is missing: run with REGEN=1 and review it`);
    assert.equal(actual, fs.readFileSync(out, 'utf8'));
  });
}
