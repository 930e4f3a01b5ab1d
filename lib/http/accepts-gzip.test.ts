import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCEPTS_GZIP } from './accepts-gzip';

test('Accept-Encoding: gzip is accepted when listed without q=0, in any position; anything else gets plain bytes', () => {
  // As Next matches a `has` value: anchored at both ends.
  const accepts = (v: string) => new RegExp(`^${ACCEPTS_GZIP}$`).test(v);
  for (const yes of ['gzip', 'gzip, deflate, br, zstd', 'br, gzip', 'deflate,gzip;q=0.5', 'gzip;q=1.0', 'x-gzip', 'br;q=1, gzip ; q=0.01, *;q=0']) {
    assert.equal(accepts(yes), true, yes);
  }
  for (const no of ['', 'identity', 'br', 'deflate', '*', 'gzip;q=0', 'gzip; q=0.000', 'br, gzip;q=0, deflate', 'gzipped', 'nogzip']) {
    assert.equal(accepts(no), false, no);
  }
});
