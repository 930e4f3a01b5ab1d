import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STATE, filterEvents, parseBriefState, serializeBriefState, type BriefState } from './brief-state';

test('a full state survives a round trip through the URL', () => {
  const s: BriefState = {
    event: 'ev-2025-11-26-abc',
    from: '2025-11-01',
    to: '2025-12-31',
    types: ['Violence against civilians', 'Battles'],
    nationality: 'Chinese',
    places: true,
    view: { lat: 37.84, lon: 70.0486, zoom: 9 },
  };
  const back = parseBriefState(new URLSearchParams(serializeBriefState(s)));
  assert.deepEqual(back, { ...s, types: ['Battles', 'Violence against civilians'] });
});

test('the default state is the empty query string', () => {
  assert.equal(serializeBriefState(DEFAULT_STATE), '');
  assert.deepEqual(parseBriefState(new URLSearchParams('')), DEFAULT_STATE);
});

test('mangled values fall back to defaults', () => {
  const s = parseBriefState(new URLSearchParams('from=yesterday&view=91,70,9&places=yes'));
  assert.equal(s.from, null);
  assert.equal(s.view, null);
  assert.equal(s.places, false);
});

test('filters: date overlap, type, nationality', () => {
  const events = [
    { id: 'a', date: '2024-11-01', dateEnd: '2024-11-30', eventType: 'Battles', nationalities: ['Chinese', 'Tajik'] },
    { id: 'b', date: '2025-11-26', dateEnd: '2025-11-26', eventType: 'Explosions/Remote violence', nationalities: ['Chinese'] },
    { id: 'c', date: '2025-12-23', dateEnd: '2025-12-23', eventType: 'Battles', nationalities: ['Tajik'] },
  ];
  const ids = (s: Partial<BriefState>) => filterEvents(events, { ...DEFAULT_STATE, ...s }).map((e) => e.id);
  assert.deepEqual(ids({}), ['a', 'b', 'c']);
  assert.deepEqual(ids({ from: '2024-11-15', to: '2025-11-30' }), ['a', 'b']);
  assert.deepEqual(ids({ types: ['Battles'] }), ['a', 'c']);
  assert.deepEqual(ids({ nationality: 'Chinese' }), ['a', 'b']);
});

test('an impossible date in a link is ignored', () => {
  assert.equal(parseBriefState(new URLSearchParams('from=2025-99-99&to=2025-02-30')).from, null);
  assert.equal(parseBriefState(new URLSearchParams('to=2025-02-30')).to, null);
});
