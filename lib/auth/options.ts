import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { Actor } from './actor';
import { CLIENT_ADDRESS_HEADER, clientAddressStamped } from './client-address-stamp';
import { safeReturnPath, startPage } from './redirect';
import { loadActor } from './actor-store';
import { verifyCredentials } from './credentials';

export const THROTTLED_ERROR = 'TooManyAttempts';
const REVOKED = 'SessionRevoked';

const credentialsSchema = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) });

/**
 * The client address of a request, as the server resolved it from the connection and the trusted proxies
 * (client-address-stamp.ts). Forwarded headers sent by the client itself are never read here. Without the stamp
 * (a process started without instrumentation) every request counts as one unknown address.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  if (!headers || !clientAddressStamped()) return 'unknown';
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value)?.trim() || 'unknown';
}

/** Secure cookies whenever the portal is served over HTTPS, and in production unless it runs on this machine. */
export function wantsSecureCookies(publicUrl: string, nodeEnv: string | undefined): boolean {
  if (publicUrl.startsWith('https://')) return true;
  if (nodeEnv !== 'production') return false;
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(publicUrl);
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  useSecureCookies: wantsSecureCookies(process.env.NEXTAUTH_URL ?? '', process.env.NODE_ENV),
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Учётная запись',
      credentials: { login: { label: 'Логин', type: 'text' }, password: { label: 'Пароль', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await verifyCredentials(parsed.data.login, parsed.data.password, clientAddress(req.headers));
        if (outcome.ok) return { id: outcome.user.id, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
        if (outcome.reason === 'throttled') throw new Error(THROTTLED_ERROR);
        return null;
      },
    }),
  ],
  callbacks: {
    // Runs on sign-in and on every session read: the actor (role, scope) is reloaded from the database each
    // time, so a deactivated user or one whose sessions were ended is signed out at its next request.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      if (!token.sub || typeof token.sv !== 'number') throw new Error(REVOKED);
      let actor: Actor | null;
      try {
        actor = await loadActor(token.sub, token.sv);
      } catch {
        // Database unreachable: keep the session; the data layer will report the outage on its own.
        return token;
      }
      if (!actor) throw new Error(REVOKED);
      token.actor = actor;
      token.name = actor.name;
      return token;
    },
    // NextAuth's own redirects (sign-in, sign-out) stay on the portal: a same-origin path or the start page.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeReturnPath(url, new URL(baseUrl).origin) ?? startPage()}`;
    },
    session({ session, token }) {
      return { user: token.actor, expires: session.expires };
    },
  },
  logger: {
    error(code, metadata) {
      const message = metadata instanceof Error ? metadata.message : String((metadata as { message?: string })?.message ?? '');
      if (code === 'JWT_SESSION_ERROR' && message.includes(REVOKED)) return;
      console.error(`[auth] ${code}`, message);
    },
    warn(code) {
      if (code !== 'DEBUG_ENABLED') console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
};
