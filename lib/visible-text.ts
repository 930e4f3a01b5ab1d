/** Characters that can hide or reorder text: C0/C1 controls (not tab/newline) and bidi embeddings, overrides, isolates and marks. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from an article as displayed: every control or bidi-formatting character shown as a visible
 * code (⟨U+202E⟩) instead of acting, so a right-to-left override cannot show a quote reversed.
 * Render the result inside <bdi> (see components/Quote.tsx) so it cannot reorder what surrounds it.
 *
 * @example
 * visibleText('killed \u202Eowt') // 'killed ⟨U+202E⟩owt'
 */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** The largest casualty count believed; a larger or non-finite figure is treated as not reported. */
export const MAX_PLAUSIBLE_COUNT = 100_000;

/** A count as shown and exported: the number, or null with the reason when it is absurd. */
export function plausibleCount(n: number | null | undefined): { n: number | null; reason: string | null } {
  if (n === null || n === undefined) return { n: null, reason: null };
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > MAX_PLAUSIBLE_COUNT || !Number.isInteger(n)) {
    const shown = typeof n === 'number' && Number.isFinite(n) ? String(n).slice(0, 12) + (String(n).length > 12 ? '…' : '') : 'a number too large to write';
    return { n: null, reason: `not reported (the text's figure, ${shown}, is not a plausible count)` };
  }
  return { n, reason: null };
}
