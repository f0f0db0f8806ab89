import { type NextRequest, NextResponse } from 'next/server';
import { EVIDENCE_REQUEST_MAX_BYTES, REQUEST_TOO_LARGE_TEXT } from '@/lib/roadmaps/evidence-limits';
import { CROSS_SITE_MESSAGE, isCrossSiteRequest, mediaType } from '@/lib/api/origin';
import { REQUESTED_PATH_HEADER, requestedPath } from '@/lib/auth/redirect';
import { databaseAvailable } from '@/lib/db/health';
import { OUTAGE_HTML } from '@/lib/db/outage-page';
import { isPublicPath, publicPolicy, staffPolicy } from '@/lib/security/csp';

/**
 * A POST to a page is a server action (the `Next-Action` header, or a form posted without JavaScript). Next.js
 * refuses one from a foreign origin with a bare 500; it is refused here first, with 403 and a Russian message.
 */
function isServerActionPost(request: NextRequest): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  const type = mediaType(request.headers.get('content-type'));
  return type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded' || type === 'text/plain';
}

/**
 * Page Content-Security-Policy (lib/security/csp.ts: a fresh nonce per request on staff pages, one fixed policy
 * on the cached public pages), the cross-site refusal
 * of server actions, and the outage page (503) while the database is unreachable.
 * Authentication and permissions are checked in the data layer, never here.
 */
export async function proxy(request: NextRequest) {
  // A body larger than the proxy may buffer (next.config.js) would reach the server action cut short: refuse it whole.
  if (Number(request.headers.get('content-length') ?? 0) > EVIDENCE_REQUEST_MAX_BYTES) {
    return new NextResponse(REQUEST_TOO_LARGE_TEXT, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  if (isServerActionPost(request) && isCrossSiteRequest(request.method, request.headers)) {
    return new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // Every page reads the database: while it is unreachable, answer 503 with the outage page at once.
  if (!(await databaseAvailable())) {
    return new NextResponse(OUTAGE_HTML, {
      status: 503,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Retry-After': '30',
        'Cache-Control': 'no-store',
      },
    });
  }
  const dev = process.env.NODE_ENV === 'development';
  const { pathname, searchParams } = request.nextUrl;
  if (isPublicPath(pathname)) {
    // Public pages come from the page cache: one policy for all, no nonce, nothing request-specific passed on.
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', publicPolicy(dev));
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = staffPolicy(nonce, dev);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(REQUESTED_PATH_HEADER, requestedPath(pathname, searchParams));
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
