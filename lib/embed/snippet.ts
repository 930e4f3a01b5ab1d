/**
 * The HTML a host page pastes: an iframe that looks right at a fixed aspect ratio on its own, the
 * loader that sizes it to its content, and a <noscript> fallback. Pure string functions, shared by
 * the Share dialog and the tests.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The marker the loader looks for; also namespaces the height messages. */
export const EMBED_ATTRIBUTE = 'data-geobrief';
export const HEIGHT_MESSAGE = 'geobrief:height';
export const HEIGHT_REQUEST = 'geobrief:request-height';

/** Size of the fallback image: the iframe's own 3:2 shape. */
export const FALLBACK_IMAGE = { width: 1200, height: 800 };

/**
 * What a page without scripts shows in place of the map: a server-rendered figure of the same view
 * (/figures/map.png), linked to the same view on the main site.
 *
 * @example
 * noscriptFallback('https://geobrief.example/?e=ev-1', 'Map: Drone strike', 'https://geobrief.example/figures/map.png?e=ev-1&width=1200&height=800')
 * // '<noscript><a href="https://geobrief.example/?e=ev-1"><img src="…/figures/map.png?e=ev-1&amp;width=1200&amp;height=800" alt="Map: Drone strike" width="1200" height="800" style="max-width:100%;height:auto"></a></noscript>'
 */
export function noscriptFallback(permalink: string, title: string, image: string): string {
  const { width, height } = FALLBACK_IMAGE;
  return `<noscript><a href="${escapeHtml(permalink)}"><img src="${escapeHtml(image)}" alt="${escapeHtml(title)}" width="${width}" height="${height}" style="max-width:100%;height:auto"></a></noscript>`;
}

export interface SnippetInput {
  /** The app's origin, e.g. https://geobrief.example */
  origin: string;
  /** serializeEmbedOptions(...) */
  embedQuery: string;
  /** The main page's query for the same view (the permalink). */
  briefQuery: string;
  /** Read by screen readers as the frame's name. */
  title: string;
}

/** Without the loader the frame keeps this shape; with it, the frame takes its content's height. */
export const FALLBACK_ASPECT = '3 / 2';

/**
 * @example
 * embedSnippet({ origin: 'https://g.example', embedQuery: 'event=ev-1', briefQuery: 'e=ev-1', title: 'Drone strike' })
 * // '<iframe data-geobrief src="https://g.example/embed?event=ev-1" title="Drone strike" …></iframe>\n<script …></script>\n<noscript>…</noscript>'
 */
export function embedSnippet({ origin, embedQuery, briefQuery, title }: SnippetInput): string {
  const src = `${origin}/embed${embedQuery ? `?${embedQuery}` : ''}`;
  const permalink = `${origin}/${briefQuery ? `?${briefQuery}` : ''}`;
  return [
    `<iframe ${EMBED_ATTRIBUTE} src="${escapeHtml(src)}" title="${escapeHtml(title)}" style="display:block;width:100%;aspect-ratio:${FALLBACK_ASPECT};min-height:320px;border:0" allow="fullscreen"></iframe>`,
    `<script src="${escapeHtml(origin)}/embed.js" async></script>`,
    noscriptFallback(permalink, title, `${origin}/figures/map.png?${briefQuery ? `${briefQuery}&` : ''}width=${FALLBACK_IMAGE.width}&height=${FALLBACK_IMAGE.height}`),
  ].join('\n');
}
