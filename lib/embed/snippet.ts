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

/**
 * What a page without scripts shows in place of the map. Today a link to the same view on the main
 * site; once server-rendered figures exist, an <img> of the same view goes here (one place to change).
 *
 * @example
 * noscriptFallback('https://geobrief.example/?e=ev-1', 'Map: Drone strike, 27 Nov 2025')
 * // '<noscript><a href="https://geobrief.example/?e=ev-1">Map: Drone strike, 27 Nov 2025 (geobrief)</a></noscript>'
 */
export function noscriptFallback(permalink: string, title: string): string {
  return `<noscript><a href="${escapeHtml(permalink)}">${escapeHtml(title)} (geobrief)</a></noscript>`;
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
    noscriptFallback(permalink, title),
  ].join('\n');
}
