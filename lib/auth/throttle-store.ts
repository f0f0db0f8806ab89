import { eq, inArray } from 'drizzle-orm';
import { loginThrottle } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  registerFailure,
  retryAfterSeconds,
  type ThrottlePolicy,
} from './throttle';

export const accountKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** Seconds the client must wait before trying this login from this address again (0: go ahead). */
export async function loginRetryAfter(login: string, ip: string, now = new Date()): Promise<number> {
  const rows = await getDb()
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [accountKey(login), addressKey(ip)]));
  return Math.max(0, ...rows.map((row) => retryAfterSeconds(row, now)));
}

export async function recordLoginFailure(login: string, ip: string, now = new Date()): Promise<void> {
  await inTransaction(async (tx) => {
    const pairs: [string, ThrottlePolicy][] = [
      [accountKey(login), ACCOUNT_POLICY],
      [addressKey(ip), ADDRESS_POLICY],
    ];
    for (const [key, policy] of pairs) {
      const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const next = registerFailure(row ?? null, now, policy);
      await tx
        .insert(loginThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: loginThrottle.key, set: next });
    }
  });
}

export async function clearLoginFailures(login: string): Promise<void> {
  await getDb().delete(loginThrottle).where(eq(loginThrottle.key, accountKey(login)));
}
