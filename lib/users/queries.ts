import 'server-only';
import { eq } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { authorize } from '@/lib/auth/policy';
import { clearSignInLocks, signInLockedUntil } from '@/lib/auth/throttle-store';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb, type Executor } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { findOrganisation } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import type { CreateUserInput, UpdateUserInput } from './schemas';

export interface UserListRow {
  id: string;
  login: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  isActive: boolean;
  version: number;
  organisationId: string;
  organisationName: string;
}

const USER_COLUMNS = {
  id: users.id,
  login: users.login,
  name: users.name,
  role: users.role,
  isActive: users.isActive,
  version: users.version,
  organisationId: users.organisationId,
  organisationName: organisations.name,
};

/** Users bound to organisations inside the actor's scope. Never returns password hashes. */
export async function listUsers(actor: Actor): Promise<UserListRow[]> {
  authorize(actor, 'user.read');
  return getDb()
    .select(USER_COLUMNS)
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(
      scopeFilter(actor, 'user.read', {
        regionId: organisations.regionId,
        municipalityId: organisations.municipalityId,
        schoolId: organisations.id,
      }),
    )
    .orderBy(ruOrder(users.name));
}

export async function getUser(actor: Actor, id: string): Promise<UserListRow> {
  const row = await findUser(getDb(), id);
  authorize(actor, 'user.read', row.scope);
  return row.user;
}

export async function createUser(actor: Actor, input: CreateUserInput) {
  return inTransaction(async (tx) => {
    const organisation = await findOrganisation(tx, input.organisationId);
    const scope = organisationScope(organisation);
    authorize(actor, 'user.write', scope);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.login, input.login));
    if (existing) {
      throw new AppError('validation', 'Пользователь с таким логином уже есть', [
        { field: 'login', message: 'Пользователь с таким логином уже есть' },
      ]);
    }
    const { password, ...rest } = input;
    const [created] = await tx
      .insert(users)
      .values({ ...rest, passwordHash: await hashPassword(password) })
      .returning();
    if (!created) throw new AppError('internal');
    await recordAudit(tx, actor, { action: 'create', entityType: 'user', entityId: created.id, scope, after: snapshot(created) });
    return created.id;
  });
}

export async function updateUser(actor: Actor, input: UpdateUserInput) {
  return inTransaction(async (tx) => {
    const { user: before, raw, scope } = await findUser(tx, input.id, true);
    authorize(actor, 'user.write', scope);
    if (before.version !== input.version) throw new AppError('conflict');
    const organisation = await findOrganisation(tx, input.organisationId);
    authorize(actor, 'user.write', organisationScope(organisation));
    const passwordChanged = input.password !== undefined;
    const after = await updateVersioned(tx, users, input.id, input.version, {
      name: input.name,
      role: input.role,
      organisationId: input.organisationId,
      ...(passwordChanged ? { passwordHash: await hashPassword(input.password!), sessionVersion: raw.sessionVersion + 1 } : {}),
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: after.id,
      scope: organisationScope(organisation),
      before: snapshot(raw),
      after: { ...snapshot(after), ...(passwordChanged ? { password: 'изменён' } : {}) },
    });
  });
}

/** Deactivation also ends the user's sessions: its session version moves on, so its token is refused. */
export async function setUserActive(actor: Actor, id: string, active: boolean, version: number) {
  return inTransaction(async (tx) => {
    const { raw, scope } = await findUser(tx, id, true);
    authorize(actor, 'user.write', scope);
    if (raw.id === actor.id && !active) throw new AppError('validation', 'Нельзя отключить собственную учётную запись.');
    if (raw.version !== version) throw new AppError('conflict');
    const after = await updateVersioned(tx, users, id, version, { isActive: active, sessionVersion: raw.sessionVersion + 1 });
    await recordAudit(tx, actor, {
      action: active ? 'activate' : 'deactivate',
      entityType: 'user',
      entityId: id,
      scope,
      before: snapshot(raw),
      after: snapshot(after),
    });
  });
}

/** Until when the user's sign-in is locked (from one address) or slowed down (from any); null when it is free. */
export async function getSignInLock(actor: Actor, id: string): Promise<Date | null> {
  const { raw, scope } = await findUser(getDb(), id);
  authorize(actor, 'user.write', scope);
  return signInLockedUntil(raw.login);
}

/**
 * Clears every sign-in counter of the user (every address), so that its owner can sign in at once — for an
 * account that someone has been guessing at. Journalled.
 */
export async function unlockSignIn(actor: Actor, id: string): Promise<void> {
  const lockedUntil = await getSignInLock(actor, id);
  await inTransaction(async (tx) => {
    const { raw, scope } = await findUser(tx, id, true);
    authorize(actor, 'user.write', scope);
    await clearSignInLocks(tx, raw.login);
    await recordAudit(tx, actor, {
      action: 'unlock',
      entityType: 'user',
      entityId: id,
      scope,
      before: { signInLockedUntil: lockedUntil },
      after: { signInLockedUntil: null },
    });
  });
}

async function findUser(executor: Executor, id: string, forUpdate = false) {
  const query = executor
    .select({ raw: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, id))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: users }) : await query;
  if (!row) throw new AppError('not_found', 'Пользователь не найден.');
  const scope: ResourceScope = organisationScope(row.organisation);
  const user: UserListRow = {
    id: row.raw.id,
    login: row.raw.login,
    name: row.raw.name,
    role: row.raw.role,
    isActive: row.raw.isActive,
    version: row.raw.version,
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
  };
  return { user, raw: row.raw, scope };
}

function snapshot(user: typeof users.$inferSelect) {
  const { passwordHash: _hash, createdAt: _c, updatedAt: _u, ...rest } = user;
  return rest;
}
