import { visibleText } from '@/lib/visible-text';

/**
 * Text quoted from an article: isolated from the surrounding direction (<bdi>), with control and
 * bidi-override characters shown visibly rather than obeyed.
 */
export function Quote({ children }: { children: string }) {
  return <bdi>{visibleText(children)}</bdi>;
}
