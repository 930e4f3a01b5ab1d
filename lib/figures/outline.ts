import type { Element, ElementContent } from 'xast';
import { glyphRun, type Weight } from './fonts';

const KEEP = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-linejoin', 'paint-order'];
const r = (v: number) => String(Math.round(v * 100) / 100);
const r4 = (v: number) => String(Math.round(v * 100000) / 100000);

/**
 * Replaces every <text> of a figure with its glyph outlines (same place, fill and halo): the SVG
 * handed out and the PNG rendered from it need no font, so text can neither go blank nor change
 * face in another viewer (browser, Inkscape, a slide deck). Each glyph's outline is defined once in
 * <defs> (font units) and placed with <use>, which keeps the file small. Text a reader needs as text
 * stays in <title> and <desc>.
 */
export function outlineText(svg: Element): Element {
  const defs = new Map<string, string>();
  const children = svg.children.map((c) => outlineChild(c, defs));
  const glyphDefs: Element = {
    type: 'element',
    name: 'defs',
    attributes: {},
    children: [...defs].sort(([a], [b]) => a.localeCompare(b)).map(([key, d]) => ({ type: 'element', name: 'path', attributes: { id: `g-${key}`, d }, children: [] })),
  };
  return { ...svg, attributes: { ...svg.attributes, 'xmlns:xlink': 'http://www.w3.org/1999/xlink' }, children: [glyphDefs, ...children] };
}

function outlineChild(child: ElementContent, defs: Map<string, string>): ElementContent {
  if (child.type !== 'element') return child;
  if (child.name !== 'text') return { ...child, children: child.children.map((c) => outlineChild(c, defs)) };
  const a = child.attributes;
  const content = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  const weight: Weight = a['font-weight'] === '700' ? 'bold' : 'regular';
  const align = (a['text-anchor'] ?? 'start') as 'start' | 'middle' | 'end';
  const run = glyphRun(content, Number(a['font-size']), weight, Number(a['letter-spacing'] ?? 0), Number(a.x) + Number(a.dx ?? 0), align);
  const attributes: Record<string, string> = { transform: `translate(${r(run.x)} ${r(Number(a.y))}) scale(${r4(run.k)} ${r4(-run.k)})` };
  for (const k of KEEP) if (a[k] !== undefined && a[k] !== null) attributes[k] = String(a[k]);
  // The halo's width is in px; inside the scaled group it is in font units.
  if (a['stroke-width'] !== undefined && a['stroke-width'] !== null) attributes['stroke-width'] = r(Number(a['stroke-width']) / run.k);
  const uses: Element[] = run.glyphs.map((g) => {
    defs.set(g.key, g.d);
    return { type: 'element', name: 'use', attributes: { 'xlink:href': `#g-${g.key}`, x: String(g.x), ...(g.y ? { y: String(g.y) } : {}) }, children: [] };
  });
  return { type: 'element', name: 'g', attributes: { ...attributes, 'aria-label': content }, children: uses };
}
