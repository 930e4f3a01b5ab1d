import type { ExcerptView } from '@/lib/present';

/** A quoted excerpt, exactly as sliced from its article, with the place names in it marked. */
export function Excerpt({ excerpt }: { excerpt: ExcerptView }) {
  const parts: React.ReactNode[] = [];
  let at = excerpt.meta;
  const marks = [...excerpt.highlights].sort((a, b) => a.start - b.start);
  for (const h of marks) {
    if (h.start < at) continue;
    parts.push(excerpt.text.slice(at, h.start));
    parts.push(
      <mark key={h.start} className="place-mark" data-place-id={h.placeId}>
        {excerpt.text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(excerpt.text.slice(at));
  const meta = excerpt.text.slice(0, excerpt.meta).trim();
  return (
    <>
      {meta && <span className="excerpt-meta">{meta}</span>} <q className="excerpt">{parts}</q>
    </>
  );
}
