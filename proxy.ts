import { NextResponse, type NextRequest } from 'next/server';
import { embedFrameAncestors } from './lib/embed/frame-ancestors';
import { contentSecurityPolicy, originAllowed, pathDecodes, tileOrigin } from './lib/security/headers';

const policy = embedFrameAncestors(process.env.GEOBRIEF_EMBED_ORIGINS);
if (policy.rejected.length) console.warn(`GEOBRIEF_EMBED_ORIGINS: ignored ${policy.rejected.join(', ')} (not a CSP source)`);
const apiOrigins = process.env.GEOBRIEF_API_ORIGINS ?? '';
const tiles = tileOrigin(process.env.NEXT_PUBLIC_TILE_URL);
const dev = process.env.NODE_ENV === 'development';

/**
 * Every request but Next's static files: a Content-Security-Policy with a fresh nonce (Next applies it
 * to its scripts; pages render per request for that), frame-ancestors 'self' except on /embed (whose
 * framers are read from GEOBRIEF_EMBED_ORIGINS at start-up, so one build serves any deployment),
 * cross-site POSTs to the API refused (403), malformed percent-encoding answered 400.
 * X-Frame-Options, nosniff and Referrer-Policy are in next.config.js (they cover static files too).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!pathDecodes(pathname)) {
    return new NextResponse('Bad request: malformed percent-encoding in the path\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (pathname.startsWith('/api/') && request.method !== 'GET' && request.method !== 'HEAD') {
    const ok = originAllowed({
      origin: request.headers.get('origin'),
      host: request.headers.get('host'),
      secFetchSite: request.headers.get('sec-fetch-site'),
      allowed: apiOrigins,
    });
    if (!ok) {
      return NextResponse.json(
        { error: `cross-site request refused: origin ${request.headers.get('origin') ?? '(none, sec-fetch-site cross-site)'} is not this site nor listed in GEOBRIEF_API_ORIGINS` },
        { status: 403 },
      );
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const embed = pathname === '/embed';
  const csp = contentSecurityPolicy({ nonce, dev, tileOrigin: tiles, frameAncestors: embed ? policy.header : "frame-ancestors 'self'" });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
