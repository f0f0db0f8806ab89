import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from './actor';
import { authOptions } from './options';
import { loginUrl, REQUESTED_PATH_HEADER } from './redirect';

/** NextAuth's session cookie (`next-auth.session-token`, `__Secure-…` over HTTPS, `.0`, `.1`… when chunked). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * The signed-in actor of this request, or null. Deduplicated per request. A request without a session cookie
 * (a parent on a public page, a page prerendered at build time) is anonymous without asking NextAuth.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  if (!(await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
});

/**
 * For staff pages: the actor, or a redirect to the login page that brings the user back to the page it asked
 * for (the proxy passes its path). Permissions are still checked in the data layer.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(loginUrl((await headers()).get(REQUESTED_PATH_HEADER)));
  return actor;
}
