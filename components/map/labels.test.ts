import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxesIntersect, placeLabels, townPriority, type Box, type LabelRequest } from './labels';

/** A label of width w at (x, y), with the four usual candidates: right, left, above, below its point. */
function town(id: string, priority: number, x: number, y: number, w = 60): LabelRequest {
  const h = 14;
  return {
    id,
    priority,
    candidates: [
      [{ x: x + 4, y: y - h / 2, w, h }],
      [{ x: x - 4 - w, y: y - h / 2, w, h }],
      [{ x: x - w / 2, y: y - 4 - h, w, h }],
      [{ x: x - w / 2, y: y + 4, w, h }],
    ],
  };
}

/** A seeded generator (mulberry32): the same "random" map every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('no two placed labels intersect, nor any label and an obstacle, on a crowded random map', () => {
  const next = random(7);
  const requests = Array.from({ length: 300 }, (_, i) => town(`t${i}`, next() * 50, next() * 800, next() * 600, 30 + next() * 70));
  const obstacles: Box[] = [
    { x: 10, y: 400, w: 180, h: 190 }, // a legend
    ...Array.from({ length: 20 }, () => ({ x: next() * 800, y: next() * 600, w: 16, h: 16 })), // markers
  ];
  const viewport = { x: 0, y: 0, w: 800, h: 600 };
  const placed = placeLabels(requests, obstacles, viewport);
  assert.ok(placed.length > 30, `only ${placed.length} placed`);
  assert.ok(placed.length < requests.length, 'a crowded map must drop some labels');
  const boxes = placed.flatMap((p) => p.boxes);
  for (let i = 0; i < boxes.length; i++) {
    assert.ok(boxes[i].x >= 0 && boxes[i].y >= 0 && boxes[i].x + boxes[i].w <= 800 && boxes[i].y + boxes[i].h <= 600, 'inside the viewport');
    for (const o of obstacles) assert.ok(!boxesIntersect(boxes[i], o), `${JSON.stringify(boxes[i])} under an obstacle`);
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!boxesIntersect(boxes[i], boxes[j]), `boxes ${i} and ${j} intersect`);
  }
});

test('of two labels that can only collide, the higher priority wins whatever the input order', () => {
  const only = (id: string, priority: number, x: number): LabelRequest => ({ id, priority, candidates: [[{ x, y: 0, w: 80, h: 12 }]] });
  const mazar = only('Mazar-e Sharif', townPriority('province-seat', 523_300), 10);
  const balkh = only('Balkh', townPriority('district-seat', 114_883), 0);
  assert.deepEqual(placeLabels([balkh, mazar], []).map((p) => p.id), ['Mazar-e Sharif']);
  assert.deepEqual(placeLabels([mazar, balkh], []).map((p) => p.id), ['Mazar-e Sharif']);
});

test('a lower-priority label moves to its next candidate instead of vanishing', () => {
  const high = town('Bokhtar', 30, 100, 100);
  const low = town('Vakhsh', 20, 240, 100); // its right-hand box is blocked by a marker, its left one is free
  const marker = { x: 245, y: 95, w: 16, h: 16 };
  assert.deepEqual(placeLabels([low, high], [marker]).map((p) => [p.id, p.candidate]), [['Bokhtar', 0], ['Vakhsh', 1]]);
  // moved 60 px left, its left-hand box would touch Bokhtar's, and above and below overlap it too: dropped
  assert.deepEqual(placeLabels([town('Vakhsh', 20, 180, 100), high], [{ ...marker, x: 185 }]).map((p) => p.id), ['Bokhtar']);
});

test('a label under an obstacle is moved or dropped, and ties are broken by id, not input order', () => {
  const legend = { x: 0, y: 0, w: 100, h: 100 };
  assert.deepEqual(placeLabels([{ id: 'Kyrgyzstan', priority: 100, candidates: [[{ x: 20, y: 20, w: 60, h: 14 }]] }], [legend]), []);
  const a = { id: 'a', priority: 1, candidates: [[{ x: 0, y: 200, w: 50, h: 10 }]] };
  const b = { id: 'b', priority: 1, candidates: [[{ x: 10, y: 200, w: 50, h: 10 }]] };
  assert.deepEqual(placeLabels([b, a], []).map((p) => p.id), ['a']);
  assert.deepEqual(placeLabels([a, b], []).map((p) => p.id), ['a']);
});

test('town priority: kind first, then population', () => {
  assert.ok(townPriority('capital', 10_000) > townPriority('province-seat', 2_000_000));
  assert.ok(townPriority('province-seat', 1_000) > townPriority('district-seat', 900_000));
  assert.ok(townPriority('district-seat', 1_000) > townPriority('town', 900_000));
  assert.ok(townPriority('town', 50_000) > townPriority('town', 40_000));
  assert.equal(townPriority('unknown kind', 100), townPriority('town', 100));
});
