import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areaPath, areaPathAt, overlaps } from './area-paths';
import { mercatorPx } from './simplify';

test('a polygon is projected to pixels at the zoom asked for, closed, with its bounding box', () => {
  const ring = [[70, 37], [71, 37], [71, 38], [70, 38], [70, 37]];
  const p = areaPath({ type: 'Polygon', coordinates: [ring] }, 8, 1)!;
  assert.equal(p.closed, true);
  assert.equal(p.parts.length, 1);
  assert.deepEqual([...p.parts[0].slice(0, 2)], mercatorPx([70, 37], 8));
  const [x0, y1] = mercatorPx([70, 37], 8);
  const [x1, y0] = mercatorPx([71, 38], 8);
  assert.deepEqual(p.bbox, [x0, y0, x1, y1]);
  // one zoom more: twice the pixels
  assert.ok(Math.abs(areaPath({ type: 'Polygon', coordinates: [ring] }, 9, 1)!.bbox[2] - 2 * x1) < 1e-6);
});

test('vertices within the tolerance of the line are dropped; lines stay open; points draw nothing', () => {
  const line = { type: 'MultiLineString' as const, coordinates: [[[70, 37], [70.5, 37.00001], [71, 37]], [[72, 37], [72, 38]]] };
  const p = areaPath(line, 7, 1)!;
  assert.equal(p.closed, false);
  assert.deepEqual(p.parts.map((x) => x.length / 2), [2, 2]);
  assert.equal(areaPath({ type: 'Point', coordinates: [70, 37] }, 7, 1), null);
});

test('made once per geometry object and zoom', () => {
  const g = { type: 'LineString' as const, coordinates: [[70, 37], [71, 37]] };
  assert.equal(areaPathAt(g, 7, 1), areaPathAt(g, 7, 1));
  assert.notEqual(areaPathAt(g, 7, 1), areaPathAt(g, 8, 1));
});

test('boxes overlap when they share a point, or come within the margin', () => {
  assert.equal(overlaps([0, 0, 10, 10], [10, 10, 20, 20]), true);
  assert.equal(overlaps([0, 0, 10, 10], [12, 0, 20, 10]), false);
  assert.equal(overlaps([0, 0, 10, 10], [12, 0, 20, 10], 3), true);
});
