/** A CSP source the frame-ancestors directive accepts: a scheme, or scheme://host[:port] with * wildcards. */
const SOURCE = /^(?:[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?:\d{1,5}|\*))?)$/i;

/**
 * The Content-Security-Policy value for /embed from GEOBRIEF_EMBED_ORIGINS (space- or
 * comma-separated origins): null when unset (any page may frame it); otherwise the app itself plus
 * the listed origins. Malformed entries are dropped and reported, never widened to "any".
 *
 * @example
 * embedFrameAncestors('https://news.example, https://*.intranet.example')
 * // { header: "frame-ancestors 'self' https://news.example https://*.intranet.example", rejected: [] }
 */
export function embedFrameAncestors(env: string | undefined): { header: string | null; rejected: string[] } {
  const entries = (env ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { header: null, rejected: [] };
  const ok = entries.filter((e) => e !== "'self'" && SOURCE.test(e));
  const rejected = entries.filter((e) => e !== "'self'" && !SOURCE.test(e));
  return { header: ["frame-ancestors 'self'", ...ok].join(' '), rejected };
}
