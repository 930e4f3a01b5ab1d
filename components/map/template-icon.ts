'use client';
import L from 'leaflet';

/**
 * A DivIcon whose content is parsed once and cloned for each marker that shows it. Leaflet's own DivIcon
 * sets `innerHTML` in every createIcon: each marker added by a zoom (hundreds of symbols, clusters and
 * labels) had its SVG or HTML parsed again, about a tenth of a zoom's main-thread time. Cloning a parsed
 * node gives the same elements (so the same pixels) for less.
 */
class TemplateIcon extends L.DivIcon {
  private readonly template: DocumentFragment;

  constructor(options: L.DivIconOptions & { html: string }) {
    // html: false, so that Leaflet's createIcon leaves the element empty and ours fills it
    super({ ...options, html: false as unknown as string });
    const t = document.createElement('template');
    t.innerHTML = options.html;
    this.template = t.content;
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const el = super.createIcon(oldIcon);
    el.appendChild(this.template.cloneNode(true));
    return el;
  }
}

const icons = new Map<string, L.DivIcon>();
/** Past this many distinct icons the cache starts again (labels at many offsets would otherwise pile up). */
const MAX_ICONS = 4000;

/**
 * The icon for these options, made once and shared: markers that look alike share one icon object (React
 * re-renders then find it unchanged, and Leaflet keeps the element), and its content is cloned, not parsed.
 */
export function templateIcon(options: L.DivIconOptions & { html: string }): L.DivIcon {
  const key = JSON.stringify([options.className, options.html, options.iconSize, options.iconAnchor, options.popupAnchor]);
  let icon = icons.get(key);
  if (!icon) {
    if (icons.size >= MAX_ICONS) icons.clear();
    icons.set(key, (icon = new TemplateIcon(options)));
  }
  return icon;
}
