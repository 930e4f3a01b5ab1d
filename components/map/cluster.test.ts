import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLUSTER_MAX_ZOOM, CLUSTER_THRESHOLD, clusterEvents } from './cluster';

const around = (n: number, lon: number, lat: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${lon}-${i}`, coordinates: [lon + (i % 7) * 0.01, lat + Math.floor(i / 7) * 0.01] as [number, number] }));

test('few events are never clustered', () => {
  assert.equal(clusterEvents(around(CLUSTER_THRESHOLD, 70, 37.8), 5), null);
});

test('many events cluster when zoomed out and come apart when zoomed in, every event accounted for', () => {
  const events = [...around(30, 70.0, 37.8), ...around(30, 68.8, 37.3)];
  const out = clusterEvents(events, 6)!;
  const clusters = out.filter((c) => c.kind === 'cluster');
  assert.equal(clusters.length, 2);
  const counted = out.reduce((n, c) => n + (c.kind === 'cluster' ? c.count : 1), 0);
  assert.equal(counted, events.length);
  const close = clusterEvents(events, 12)!;
  assert.ok(close.every((c) => c.kind === 'event'));
  assert.equal(close.length, events.length);
});

test('events on one spot count as one cluster of them up to the last clustering zoom, and come apart beyond it', () => {
  const spot: [number, number] = [69.5, 37.5];
  const stacked = Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, coordinates: spot }));
  const events = [...stacked, ...around(30, 68.8, 37.3)];
  for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 2; zoom++) {
    const out = clusterEvents(events, zoom)!;
    const counted = out.reduce((n, c) => n + (c.kind === 'cluster' ? c.count : 1), 0);
    assert.equal(counted, events.length, `every event accounted for once at zoom ${zoom}`);
    assert.equal(new Set(out.filter((c) => c.kind === 'cluster').map((c) => c.clusterId)).size, out.filter((c) => c.kind === 'cluster').length, 'cluster ids are unique');
  }
  const near = clusterEvents(events, CLUSTER_MAX_ZOOM)!;
  assert.ok(near.some((c) => c.kind === 'cluster' && c.count === 25 && c.at[0] === spot[0] && c.at[1] === spot[1]), 'the spot is one cluster of its 25 events');
  const beyond = clusterEvents(events, CLUSTER_MAX_ZOOM + 1)!;
  assert.ok(beyond.every((c) => c.kind === 'event'));
  assert.deepEqual(new Set(beyond.map((c) => (c.kind === 'event' ? c.id : ''))), new Set(events.map((e) => e.id)));
  // each single is the event itself, not only its id (the map needs no lookup table)
  const given = new Set(events);
  assert.ok(beyond.every((c) => c.kind === 'event' && given.has(c.event) && c.event.id === c.id));
});
