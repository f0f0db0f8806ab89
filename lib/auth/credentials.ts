import { eq } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { inTransaction } from '@/lib/db/transaction';
import { organisationScope } from '@/lib/organisations/scope';
import type { Actor } from './actor';
import { scopeOf } from './actor-store';
import { burnPasswordCheck, verifyPassword } from './password';
import { admitSignIn, signInSucceeded } from './throttle-store';

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
 * Checks a login and password. The attempt is counted (throttle-store.ts) before the password is checked; a
 * throttled attempt reaches neither the password nor the journal. An unknown login, a wrong password and a
 * deactivated account give the same answer and take the same time. Every checked attempt is journalled with the
 * login, the client address and the outcome — never the password.
 */
export async function verifyCredentials(login: string, password: string, ip: string): Promise<SignInOutcome> {
  const normalised = login.trim().toLowerCase();
  const admission = await admitSignIn(normalised, ip);
  if (!admission.allowed) return { ok: false, reason: 'throttled', retryAfter: admission.retryAfter };

  // Each step in its own short transaction: the embedded database serialises whole transactions between
  // connections, while loose statements of parallel sign-ins could interleave there.
  const [row] = await inTransaction((tx) =>
    tx
      .select({ user: users, organisation: organisations })
      .from(users)
      .innerJoin(organisations, eq(users.organisationId, organisations.id))
      .where(eq(users.login, normalised))
      .limit(1),
  );
  const user = row?.user;
  const valid = user ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);
  const ok = Boolean(user && valid && user.isActive);
  const actor: Actor | null = row && ok ? { id: row.user.id, name: row.user.name, role: row.user.role, scope: scopeOf(row.organisation) } : null;
  await inTransaction((tx) =>
    recordAudit(tx, actor, {
      action: 'login',
      entityType: 'user',
      entityId: user?.id ?? normalised.slice(0, 100),
      scope: row ? organisationScope(row.organisation) : { regionId: null, municipalityId: null, schoolId: null },
      after: { login: normalised.slice(0, 200), clientAddress: ip, outcome: ok ? 'success' : 'failure' },
    }),
  );
  if (!user || !ok) return { ok: false, reason: 'invalid' };
  await signInSucceeded(normalised, ip);
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
