import type { ExcerptView } from '@/lib/present';
import { visibleText } from '@/lib/visible-text';

/** A quoted excerpt, exactly as sliced from its article, with the place names in it marked. */
export function Excerpt({ excerpt }: { excerpt: ExcerptView }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
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
  // <bdi>: a right-to-left override in the article cannot reorder the quote or the text around it.
  return (
    <q className="excerpt">
      <bdi>{parts}</bdi>
    </q>
  );
}
