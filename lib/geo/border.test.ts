import { test } from 'node:test';
import assert from 'node:assert/strict';
import { borderRelation } from './border';

test('towns on each bank of the Panj are on their own side, a few km from the border', () => {
  const panj = borderRelation([69.0991, 37.2363]); // Panj, Tajikistan (GeoNames)
  assert.equal(panj.side, 'TJ');
  assert.ok(panj.distanceKm < 6, `Panj is ${panj.distanceKm} km from the border`);
  const khwahan = borderRelation([70.2188, 37.8897]); // Deh Khwahan, Afghanistan (GeoNames)
  assert.equal(khwahan.side, 'AF');
  assert.ok(khwahan.distanceKm < 5, `Khwahan is ${khwahan.distanceKm} km from the border`);
});

test('Dushanbe is far from the border, in Tajikistan', () => {
  const r = borderRelation([68.7791, 38.5358]);
  assert.equal(r.side, 'TJ');
  assert.equal(r.sideName, 'Tajikistan');
  assert.ok(r.distanceKm > 100 && r.distanceKm < 160, `${r.distanceKm} km`);
});
