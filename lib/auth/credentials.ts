import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { burnPasswordCheck, verifyPassword } from './password';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './throttle-store';

export interface VerifiedUser {
  id: string;
  name: string;
  sessionVersion: number;
}

export type SignInOutcome =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number };

/**
 * Checks a login and password. An unknown login, a wrong password and a deactivated account give the same
 * answer and take the same time; every failure counts against the account and the client address.
 */
export async function verifyCredentials(login: string, password: string, ip: string): Promise<SignInOutcome> {
  const normalised = login.trim().toLowerCase();
  const retryAfter = await loginRetryAfter(normalised, ip);
  if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter };

  const [user] = await getDb().select().from(users).where(eq(users.login, normalised)).limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);
  if (!user || !valid || !user.isActive) {
    await recordLoginFailure(normalised, ip);
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(normalised);
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
