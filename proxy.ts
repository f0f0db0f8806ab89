import { type NextRequest, NextResponse } from 'next/server';
import { EVIDENCE_REQUEST_MAX_BYTES, REQUEST_TOO_LARGE_TEXT } from '@/lib/roadmaps/evidence-limits';

/**
 * Page Content-Security-Policy with a fresh nonce per request (Next.js puts it on its own scripts). Only headers
 * are set here: authentication and permissions are checked in the data layer, never in the proxy.
 */
export function proxy(request: NextRequest) {
  // A body larger than the proxy may buffer (next.config.js) would reach the server action cut short: refuse it whole.
  if (Number(request.headers.get('content-length') ?? 0) > EVIDENCE_REQUEST_MAX_BYTES) {
    return new NextResponse(REQUEST_TOO_LARGE_TEXT, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes are needed for computed widths (progress bars, timelines); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
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
