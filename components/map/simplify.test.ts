import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Polygon, Position } from 'geojson';
import { mercatorPx, simplifyGeometry, simplifyLine } from './simplify';

test('mercatorPx puts lon 0, lat 0 in the middle of the world and doubles with each zoom', () => {
  assert.deepEqual(mercatorPx([0, 0], 0), [128, 128]);
  const [x7, y7] = mercatorPx([70.9, 37.95], 7);
  const [x8, y8] = mercatorPx([70.9, 37.95], 8);
  assert.ok(Math.abs(x8 - 2 * x7) < 1e-6 && Math.abs(y8 - 2 * y7) < 1e-6);
  // north is up: a larger latitude has a smaller y
  assert.ok(mercatorPx([70.9, 38], 7)[1] < y7);
});

test('points on a straight line go; the ends stay', () => {
  const line: Position[] = Array.from({ length: 50 }, (_, i) => [70 + i * 0.01, 37 + i * 0.01]);
  assert.deepEqual(simplifyLine(line, 7, 1), [line[0], line[49]]);
});

test('a bend farther than the tolerance stays, a smaller one goes, at the zoom asked', () => {
  // at zoom 7 a degree of longitude is about 91 px: 0.05° is ~4.6 px, 0.005° ~0.5 px
  const big: Position[] = [[70, 37], [70.5, 37.05], [71, 37]];
  const small: Position[] = [[70, 37], [70.5, 37.005], [71, 37]];
  assert.equal(simplifyLine(big, 7, 1).length, 3);
  assert.equal(simplifyLine(small, 7, 1).length, 2);
  // the same half-pixel bend is 4 px at zoom 10: kept there
  assert.equal(simplifyLine(small, 10, 1).length, 3);
});

test('tolerance 0 keeps every vertex that is off the line', () => {
  const zigzag: Position[] = Array.from({ length: 20 }, (_, i) => [70 + i * 0.1, 37 + (i % 2) * 0.1]);
  assert.deepEqual(simplifyLine(zigzag, 6, 0), zigzag);
});

test('polygon rings stay closed; a ring that would collapse stays whole', () => {
  const square: Position[] = [[70, 37], [70.5, 37], [71, 37], [71, 38], [70, 38], [70, 37.5], [70, 37]];
  const tiny: Position[] = [[70, 37], [70.0001, 37], [70.0001, 37.0001], [70, 37]];
  const g = simplifyGeometry({ type: 'Polygon', coordinates: [square, tiny] }, 7, 1) as Polygon;
  assert.deepEqual(g.coordinates[0], [[70, 37], [71, 37], [71, 38], [70, 38], [70, 37]]);
  assert.deepEqual(g.coordinates[1], tiny);
});
