import type { TimePrecision } from '../types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

/**
 * A date span in words, never more precise than its precision allows.
 *
 * @example
 * formatDateSpan('2025-11-26', '2025-11-26', 1) // "26 November 2025"
 * formatDateSpan('2025-11-17', '2025-11-23', 2) // "between 17 and 23 November 2025"
 * formatDateSpan('2025-10-01', '2025-10-31', 3) // "October 2025 (day not reported)"
 */
export function formatDateSpan(start: string, end: string, precision: TimePrecision): string {
  const [y1, m1, d1] = parts(start);
  const [y2, m2, d2] = parts(end || start);
  if (precision === 3) {
    if (y1 === y2 && m1 === m2) return `${MONTHS[m1 - 1]} ${y1} (day not reported)`;
    return `between ${MONTHS[m1 - 1]} ${y1} and ${MONTHS[m2 - 1]} ${y2} (day not reported)`;
  }
  if (start === end || !end) return `${d1} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2 && m1 === m2) return `between ${d1} and ${d2} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2) return `between ${d1} ${MONTHS[m1 - 1]} and ${d2} ${MONTHS[m2 - 1]} ${y1}`;
  return `between ${d1} ${MONTHS[m1 - 1]} ${y1} and ${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

export const TIME_PRECISION_WORDS: Record<TimePrecision, string> = {
  1: 'exact day reported',
  2: 'within a week or similar span',
  3: 'month only',
};

/** "26 Nov" style short label for lists and timelines. */
export function shortDate(iso: string, precision: TimePrecision): string {
  const [y, m, d] = parts(iso);
  return precision === 3 ? `${MONTHS[m - 1].slice(0, 3)} ${y}` : `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
}
