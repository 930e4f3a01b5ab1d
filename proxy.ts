import { NextResponse } from 'next/server';
import { embedFrameAncestors } from './lib/embed/frame-ancestors';

const policy = embedFrameAncestors(process.env.GEOBRIEF_EMBED_ORIGINS);
if (policy.rejected.length) console.warn(`GEOBRIEF_EMBED_ORIGINS: ignored ${policy.rejected.join(', ')} (not a CSP source)`);

/**
 * Who may frame /embed is read at start-up, not at build (next.config headers are fixed at build):
 * one build serves any deployment. The other pages' frame-ancestors 'self' is in next.config.js.
 */
export function proxy() {
  const res = NextResponse.next();
  if (policy.header) res.headers.set('Content-Security-Policy', policy.header);
  return res;
}

export const config = { matcher: '/embed' };
