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
import { geocodeArticle } from '../geocode';
import { detectIncidents } from './incidents';

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
      ...(d.anchor ? { anchor: d.anchor.kind === 'stated' ? `${d.anchor.date} ← "${d.anchor.text}"` : `published ${d.anchor.date}` } : {}),
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

/** `incidents-<case>.txt`: a first line `published: YYYY-MM-DD`, then an article body; out: the incidents and aggregate claims it tells (the body geocoded as the pipeline does, so acts at different places stay apart). */
function runIncidents(input: string): unknown {
  const [first, ...rest] = input.split('\n');
  const published = first.replace(/^published:\s*/, '').trim() || undefined;
  const body = rest.join('\n');
  const article = { id: 'fixture', file: 'fixture.txt', published, body };
  const { incidents, aggregates } = detectIncidents(article, { mentions: geocodeArticle(article) });
  const total = (t: (typeof incidents)[number]['killed']) => (t ? `${t.value}${t.vague ? ' (vague)' : ''} = ${t.parts.map((p) => `${p.span.text} (${p.role})`).join(' + ')}` : null);
  return {
    incidents: incidents.map((i) => ({
      date: i.date ? { start: i.date.start, end: i.date.end, timePrecision: i.date.timePrecision, text: i.date.span.text, basis: i.date.basis, ...(i.date.anchor ? { anchor: i.date.anchor } : {}) } : null,
      type: `${i.type.eventType} / ${i.type.subEventType}`,
      weapons: i.weapons.map((w) => w.value),
      killed: total(i.killed),
      injured: total(i.injured),
      excerpts: i.excerpts.map((e) => e.text),
    })),
    aggregates: aggregates.map((a) => ({ text: a.excerpt.text, count: a.count, killed: a.killed?.value ?? null, injured: a.injured?.value ?? null, ...(a.covers ? { covers: a.covers } : {}) })),
  };
}

for (const file of fs.readdirSync(path.join(DIR, 'in')).sort()) {
  const name = file.replace(/\.txt$/, '');
  const run = name.startsWith('dates-') ? runDates : name.startsWith('casualties-') ? runCasualties : name.startsWith('incidents-') ? runIncidents : null;
  if (!run) continue;
  test(`golden ${name}`, () => {
    const actual = JSON.stringify(run(fs.readFileSync(path.join(DIR, 'in', file), 'utf8')), null, 2) + '\n';
    const out = path.join(DIR, 'out', `${name}.json`);
    if (process.env.REGEN) fs.writeFileSync(out, actual);
    assert.ok(fs.existsSync(out), `${out} is missing: run with REGEN=1 and review it`);
    assert.equal(actual, fs.readFileSync(out, 'utf8'));
  });
}
