/**
 * The Content-Security-Policy every page and API answer carries (set per request in proxy.ts, with a
 * fresh nonce that Next puts on its own scripts). No inline script runs without that nonce: a hostile
 * article's <script>, event handler or javascript: link is inert even if some component ever rendered
 * it as HTML. Styles may be inline (Leaflet positions tiles and markers with style attributes).
 *
 * `frameAncestors`: null means any page may frame this one (only /embed without GEOBRIEF_EMBED_ORIGINS).
 */
export function contentSecurityPolicy(opts: { nonce: string; frameAncestors: string | null; dev?: boolean; tileOrigin?: string | null }): string {
  const { nonce, frameAncestors, dev = false, tileOrigin = null } = opts;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (frameAncestors) directives.push(frameAncestors);
  return directives.join('; ');
}

/** The origin of NEXT_PUBLIC_TILE_URL (a tile template), or null when unset or not http(s). */
export function tileOrigin(template: string | undefined): string | null {
  if (!template) return null;
  try {
    const u = new URL(template.replace(/\{[a-z]\}/gi, '0'));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request (POST to /api/*) may proceed: same origin, or an origin listed in
 * GEOBRIEF_API_ORIGINS (space- or comma-separated, e.g. "https://intranet.example"). A request with no
 * Origin (curl, the CLI, a server) is allowed unless the browser marks it cross-site (Sec-Fetch-Site).
 * Any web page the analyst opens could otherwise send a text/plain POST, which needs no preflight.
 *
 * @example
 * originAllowed({ origin: 'https://evil.example', host: 'localhost:3000', allowed: '' }) // false
 */
export function originAllowed(req: { origin: string | null; host: string | null; secFetchSite?: string | null; allowed?: string }): boolean {
  const { origin, host, secFetchSite } = req;
  if (!origin || origin === 'null') {
    if (origin === 'null') return false;
    return secFetchSite !== 'cross-site' && secFetchSite !== 'same-site';
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host.toLowerCase() === host.toLowerCase()) return true;
  const list = (req.allowed ?? '').split(/[\s,]+/).filter(Boolean).map((o) => o.replace(/\/+$/, '').toLowerCase());
  return list.includes(parsed.origin.toLowerCase());
}

/** Whether a URL path's percent-encoding is well formed (a malformed one answers 400, never 500). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
