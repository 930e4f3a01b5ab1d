import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates';

test('a dateline dates the report; the weekday in the same sentence dates the incident', () => {
  const text = 'DUSHANBE, June 18 — Two Tajik border guards were killed late on Monday when gunmen opened fire on a post in Darvoz district.';
  const dates = findDates(text, '2025-06-18');
  const dateline = dates.find((d) => d.span.text.includes('June 18'))!;
  assert.equal(dateline.reporting, true);
  const monday = dates.find((d) => !d.reporting)!;
  assert.equal(monday.start, '2025-06-16');
});

test('a date after a comma mid-sentence is not a dateline', () => {
  const text = 'The post was attacked on Friday, June 13 - the third time this year.';
  assert.ok(findDates(text, '2025-06-18').some((d) => !d.reporting && d.start === '2025-06-13'));
});
