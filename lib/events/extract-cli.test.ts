import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from './sentences';

test('npm run extract prints one Feature per event with the contract properties and valid excerpts', () => {
  const files = fs.readdirSync('data/articles').map((f) => `data/articles/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const fc = JSON.parse(r.stdout);
  const events = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'event');
  assert.ok(events.length > 0);
  const bodies = new Map(files.map((f) => [fs.readFileSync(f, 'utf8').match(/^id: (.+)$/m)![1], fs.readFileSync(f, 'utf8').replace(/^---[\s\S]*?\n---\n/, '')]));
  for (const e of events) {
    assert.equal(e.geometry.type, 'Point');
    const [lon, lat] = e.geometry.coordinates;
    assert.ok(lon > 60 && lon < 80 && lat > 30 && lat < 45, `${e.properties.id} at ${lon},${lat}`);
    for (const k of ['id', 'date', 'dateEnd', 'timePrecision', 'eventType', 'subEventType', 'fatalities', 'injured', 'location', 'country', 'admin1', 'admin2', 'geoPrecision', 'sources', 'disagreements']) assert.ok(k in e.properties, `${e.properties.id} lacks ${k}`);
    assert.match(e.properties.date, /^\d{4}-\d{2}-\d{2}$/);
    for (const s of e.properties.sources) for (const x of s.excerpts) assert.equal(bodies.get(s.article)!.slice(x.start, x.end), x.text);
  }
});

test('sentences: curly quotes stay with their sentence, datelines and abbreviations do not split', () => {
  const body = 'DUSHANBE -- Three were killed, officials said. “It was an attack,” the statement said. Gen. Rahimov met U.S. envoys.\nNext paragraph';
  const s = splitSentences(body);
  assert.deepEqual(s.map((x) => x.text), ['DUSHANBE -- Three were killed, officials said.', '“It was an attack,” the statement said.', 'Gen. Rahimov met U.S. envoys.', 'Next paragraph']);
  assert.deepEqual(s.map((x) => x.paragraph), [0, 0, 0, 1]);
  for (const x of s) assert.equal(body.slice(x.start, x.end), x.text);
});
