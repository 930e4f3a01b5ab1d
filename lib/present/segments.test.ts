import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentBody } from './segments';

test('segments cover the body exactly, in order, with nesting and overlap kept', () => {
  const body = 'First. A drone hit the camp in Panj district. Gunfire near Kulob followed.';
  const s1 = body.indexOf('A drone');
  const s2 = body.indexOf('Gunfire');
  const segs = segmentBody(
    body,
    [
      { start: s1, end: s2 - 1, event: 'e1' },
      { start: s1, end: body.length, event: 'e2' },
    ],
    [
      { start: body.indexOf('Panj'), end: body.indexOf('Panj') + 4, place: 'panj' },
      { start: body.indexOf('Kulob'), end: body.indexOf('Kulob') + 5, place: 'kulob' },
    ],
  );
  assert.equal(segs.map((s) => s.text).join(''), body);
  const panj = segs.find((s) => s.text === 'Panj')!;
  assert.deepEqual(panj.events, ['e1', 'e2']);
  assert.equal(panj.place, 'panj');
  const kulob = segs.find((s) => s.text === 'Kulob')!;
  assert.deepEqual(kulob.events, ['e2']);
  assert.deepEqual(segs.find((s) => s.start === s1)!.excerptStarts, ['e1', 'e2']);
  assert.deepEqual(segs[0].events, []);
});
