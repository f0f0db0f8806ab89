import { and, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { loginThrottle } from '@/db/schema';
import { type Executor, getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  admitAttempt,
  PAIR_POLICY,
  refundAttempt,
  retryAfterSeconds,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle';

const normalise = (login: string) => login.trim().toLowerCase();
export const accountKey = (login: string) => `login:${normalise(login)}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const pairKey = (login: string, ip: string) => `pair:${normalise(login)}|${ip}`;
/** LIKE pattern of every pair key of an account (its `%` and `_` escaped). */
const pairPattern = (login: string) => `pair:${normalise(login).replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;

function keysOf(login: string, ip: string): [string, ThrottlePolicy][] {
  return [
    [pairKey(login, ip), PAIR_POLICY],
    [accountKey(login), ACCOUNT_POLICY],
    [addressKey(ip), ADDRESS_POLICY],
  ];
}

/** After this long without attempts, and once its lock has run out, a counter row decides exactly as no row. */
const FORGOTTEN_AFTER_MS = Math.max(PAIR_POLICY.windowMs, ACCOUNT_POLICY.windowMs, ADDRESS_POLICY.windowMs);

/**
 * Deletes the counter rows that no longer decide anything, so that guesses at made-up logins from many addresses
 * do not grow the table without bound. Rows a parallel attempt holds are skipped, never waited for.
 */
async function forgetExpiredCounters(now: Date): Promise<void> {
  const stale = new Date(now.getTime() - FORGOTTEN_AFTER_MS).toISOString();
  const t = loginThrottle;
  // Its own short transaction: the embedded database serialises transactions, not loose statements.
  await inTransaction((tx) =>
    tx.execute(
      sql`delete from ${t} where ${t.key} in (select ${t.key} from ${t} where ${t.windowStartedAt} <= ${stale}::timestamptz and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${now.toISOString()}::timestamptz) for update skip locked)`,
    ),
  );
}

export type SignInAdmission = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * Counts one sign-in attempt for the account from this address, atomically, before its password is checked: the
 * three counter rows are created if missing and locked (in key order, so that parallel attempts queue instead of
 * deadlocking), each policy decides, and the attempt is written only when all admit it. Thirty parallel guesses
 * therefore reach the password check at most as often as the policies allow.
 */
export async function admitSignIn(login: string, ip: string, now = new Date()): Promise<SignInAdmission> {
  await forgetExpiredCounters(now);
  const pairs = keysOf(login, ip).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return inTransaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values(pairs.map(([key]) => ({ key, failures: 0, windowStartedAt: now, lockedUntil: null })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, pairs.map(([key]) => key)))
      .orderBy(loginThrottle.key)
      .for('update');
    const byKey = new Map(rows.map((row) => [row.key, row as ThrottleState]));
    const decisions = pairs.map(([key, policy]) => ({ key, admission: admitAttempt(byKey.get(key) ?? null, now, policy) }));
    const refused = decisions.flatMap(({ admission }) => (admission.allowed ? [] : [admission.retryAfter]));
    if (refused.length > 0) return { allowed: false, retryAfter: Math.max(...refused) };
    for (const { key, admission } of decisions) {
      if (admission.allowed) await tx.update(loginThrottle).set(admission.next).where(eq(loginThrottle.key, key));
    }
    return { allowed: true };
  });
}

/** A successful sign-in: the account's counters are cleared and the address gets its attempt back. */
export async function signInSucceeded(login: string, ip: string): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.delete(loginThrottle).where(inArray(loginThrottle.key, [pairKey(login, ip), accountKey(login)]));
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, addressKey(ip))).for('update');
    if (row) await tx.update(loginThrottle).set(refundAttempt(row, ADDRESS_POLICY)).where(eq(loginThrottle.key, row.key));
  });
}

/** Seconds the client must wait before trying this login from this address again (0: go ahead). Read only. */
export async function loginRetryAfter(login: string, ip: string, now = new Date()): Promise<number> {
  const rows = await getDb()
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keysOf(login, ip).map(([key]) => key)));
  return Math.max(0, ...rows.map((row) => retryAfterSeconds(row, now)));
}

/** Until when the account is locked or slowed down from any address (null: it is not). */
export async function signInLockedUntil(login: string, now = new Date()): Promise<Date | null> {
  const rows = await getDb()
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(or(eq(loginThrottle.key, accountKey(login)), like(loginThrottle.key, pairPattern(login))), gt(loginThrottle.lockedUntil, now)));
  const times = rows.flatMap((row) => (row.lockedUntil ? [row.lockedUntil.getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Clears every sign-in counter of an account (all addresses). The caller checks the right and audits. */
export async function clearSignInLocks(executor: Executor, login: string): Promise<number> {
  const removed = await executor
    .delete(loginThrottle)
    .where(or(eq(loginThrottle.key, accountKey(login)), like(loginThrottle.key, pairPattern(login))))
    .returning({ key: loginThrottle.key });
  return removed.length;
}
