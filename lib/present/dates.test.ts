import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateSpan, shortDate } from './dates';

test('a day, a span within a month, across months, across years', () => {
  assert.equal(formatDateSpan('2025-11-26', '2025-11-26', 1), '26 November 2025');
  assert.equal(formatDateSpan('2025-11-17', '2025-11-23', 2), 'between 17 and 23 November 2025');
  assert.equal(formatDateSpan('2025-11-28', '2025-12-04', 2), 'between 28 November and 4 December 2025');
  assert.equal(formatDateSpan('2025-12-29', '2026-01-04', 2), 'between 29 December 2025 and 4 January 2026');
});

test('a month-only date never shows a day', () => {
  assert.equal(formatDateSpan('2024-11-01', '2024-11-30', 3), 'November 2024 (day not reported)');
  assert.equal(shortDate('2024-11-01', 3), 'Nov 2024');
  assert.equal(shortDate('2025-11-26', 1), '26 Nov 2025');
});
