import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from './actor';
import { authOptions } from './options';
import { loginUrl, REQUESTED_PATH_HEADER } from './redirect';

/** The signed-in actor of this request, or null. Deduplicated per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
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
