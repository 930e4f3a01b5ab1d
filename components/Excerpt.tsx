import type { ExcerptView } from '@/lib/present';
import { visibleText } from '@/lib/visible-text';

/** A quoted excerpt, exactly as sliced from its article, with the place names in it marked. */
export function Excerpt({ excerpt }: { excerpt: ExcerptView }) {
  const parts: React.ReactNode[] = [];
  let at = excerpt.meta;
  const marks = [...excerpt.highlights].sort((a, b) => a.start - b.start);
  for (const h of marks) {
    if (h.start < at) continue;
    parts.push(visibleText(excerpt.text.slice(at, h.start)));
    parts.push(
      <mark key={h.start} className="place-mark" data-place-id={h.placeId}>
        {visibleText(excerpt.text.slice(h.start, h.end))}
      </mark>,
    );
    at = h.end;
  }
  parts.push(visibleText(excerpt.text.slice(at)));
  // a leading metadata line ("date 2025-12-02") is shown as metadata, not as the first words of the quote
  const meta = excerpt.text.slice(0, excerpt.meta).trim();
  // <bdi>: a right-to-left override in the article cannot reorder the quote or the text around it.
  return (
    <>
      {meta && <span className="excerpt-meta">{visibleText(meta)}</span>}{' '}
      <q className="excerpt">
        <bdi>{parts}</bdi>
      </q>
    </>
  );
}
