import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLUSTER_THRESHOLD, clusterEvents } from './cluster';

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
