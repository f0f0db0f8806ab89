import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { CROSS_SITE_MESSAGE, isCrossSiteRequest } from '@/lib/api/origin';
import { clientAddress, authOptions, THROTTLED_ERROR } from '@/lib/auth/options';
import { throttleMessage } from '@/lib/auth/throttle';
import { loginRetryAfter } from '@/lib/auth/throttle-store';

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

/**
 * Sign-in attempts on a locked account or address are answered 429 before NextAuth sees them. The body carries
 * the `url` field NextAuth's client reads, so `signIn()` reports the TooManyAttempts error to the form.
 */
export async function POST(request: Request, context: RouteContext) {
  // Sign-in and sign-out carry NextAuth's CSRF token already; a foreign page is refused before that, too.
  if (isCrossSiteRequest(request.method, request.headers)) {
    return NextResponse.json({ error: { code: 'forbidden', message: CROSS_SITE_MESSAGE, issues: [] } }, { status: 403 });
  }
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const form = await request.clone().formData().catch(() => null);
    const login = String(form?.get('login') ?? '');
    const retryAfter = await loginRetryAfter(login, clientAddress(request.headers));
    if (retryAfter > 0) {
      const url = new URL(`/login?error=${THROTTLED_ERROR}`, request.url).toString();
      return NextResponse.json(
        { url, error: { code: 'rate_limited', message: throttleMessage(retryAfter) } },
        { status: 429, headers: { 'Retry-After': String(retryAfter) } },
      );
    }
  }
  return handler(request, context);
}
