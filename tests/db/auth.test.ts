import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginThrottle, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor-store';
import { verifyCredentials } from '@/lib/auth/credentials';
import { admitSignIn } from '@/lib/auth/throttle-store';
import { getDb } from '@/lib/db/client';
import { createUser, getSignInLock, listUsers, setUserActive, unlockSignIn, updateUser } from '@/lib/users/queries';
import { createWorld, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function newUser(login: string) {
  const admin = world.actor('admin', world.region);
  const id = await createUser(admin, { login, name: 'Проверка Входа', password: 'Correct-horse-1', role: 'expert', organisationId: world.munA.id });
  return { admin, id };
}

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

describe('sign-in', () => {
  it('accepts the right password and gives the same answer for an unknown login and a wrong password', async () => {
    const login = `user-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    const address = ip();
    expect(await verifyCredentials(login, 'Correct-horse-1', address)).toMatchObject({ ok: true });
    expect(await verifyCredentials(login, 'wrong', address)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(`nobody-${login}`, 'wrong', address)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks the account from one address after five failures, even for the right password', async () => {
    const login = `locked-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    const address = ip();
    for (let i = 0; i < 5; i += 1) expect(await verifyCredentials(login, 'wrong', address)).toMatchObject({ reason: 'invalid' });
    const locked = await verifyCredentials(login, 'Correct-horse-1', address);
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    expect((locked as { retryAfter: number }).retryAfter).toBeGreaterThan(800);
  });

  it('failures from elsewhere only slow the account down: its owner still signs in from its own address', async () => {
    const login = `admin-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    const attacker = '203.0.113.66';
    for (let i = 0; i < 5; i += 1) expect(await verifyCredentials(login, 'wrong', attacker)).toMatchObject({ reason: 'invalid' });
    expect(await verifyCredentials(login, 'wrong', attacker)).toMatchObject({ reason: 'throttled' });
    // Another address is slowed down (seconds), never locked for a quarter of an hour.
    const owner = '192.0.2.200';
    const slowed = await verifyCredentials(login, 'Correct-horse-1', owner);
    expect(slowed).toMatchObject({ ok: false, reason: 'throttled' });
    expect((slowed as { retryAfter: number }).retryAfter).toBeLessThanOrEqual(60);
    await new Promise((resolve) => setTimeout(resolve, (slowed as { retryAfter: number }).retryAfter * 1000));
    expect(await verifyCredentials(login, 'Correct-horse-1', owner)).toMatchObject({ ok: true });
    // The attacker's own address stays locked.
    expect(await verifyCredentials(login, 'Correct-horse-1', attacker)).toMatchObject({ reason: 'throttled' });
  });

  it('counts each attempt before its password is checked: 30 parallel guesses, at most 5 password checks', async () => {
    const login = `burst-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    const address = ip();
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => verifyCredentials(login, 'wrong', address)));
    // «invalid» is only answered after the password was checked; «throttled» before any check.
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'throttled')).toHaveLength(25);
    const checked = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login'), sql`${auditLog.after}->>'login' = ${login}`));
    expect(checked).toHaveLength(5);
  });

  it('30 parallel guesses from 30 different addresses still reach the password at most 5 times', async () => {
    const login = `spread-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => verifyCredentials(login, 'wrong', `198.18.0.${i + 1}`)));
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid').length).toBeLessThanOrEqual(5);
  });

  it('forgets counters that no longer decide anything, so made-up logins do not grow the table without bound', async () => {
    const tag = randomUUID().slice(0, 8);
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await getDb().insert(loginThrottle).values([
      { key: `login:stale-${tag}`, failures: 3, windowStartedAt: ago(16), lockedUntil: null },
      { key: `ip:stale-${tag}`, failures: 20, windowStartedAt: ago(40), lockedUntil: ago(10) },
      { key: `login:recent-${tag}`, failures: 3, windowStartedAt: ago(5), lockedUntil: null },
      { key: `ip:locked-${tag}`, failures: 20, windowStartedAt: ago(20), lockedUntil: new Date(now.getTime() + 60_000) },
    ]);
    expect(await admitSignIn(`other-${tag}@test`, ip(), now)).toEqual({ allowed: true });
    const left = await getDb().select({ key: loginThrottle.key }).from(loginThrottle).where(sql`${loginThrottle.key} like ${`%-${tag}`}`);
    expect(left.map((row) => row.key).sort()).toEqual([`ip:locked-${tag}`, `login:recent-${tag}`]);
  });

  it('an administrator unlocks the account for every address, and the unlock is journalled', async () => {
    const login = `unlock-${randomUUID().slice(0, 8)}@test`;
    const { admin, id } = await newUser(login);
    const address = ip();
    for (let i = 0; i < 5; i += 1) await verifyCredentials(login, 'wrong', address);
    expect(await getSignInLock(admin, id)).toBeInstanceOf(Date);
    const coordinator = world.actor('municipal_coordinator', world.munA);
    await expect(unlockSignIn(coordinator, id)).rejects.toMatchObject({ code: 'forbidden' });
    await unlockSignIn(admin, id);
    expect(await getSignInLock(admin, id)).toBeNull();
    expect(await verifyCredentials(login, 'Correct-horse-1', address)).toMatchObject({ ok: true });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'unlock')));
    expect(entry).toMatchObject({ actorId: admin.id, after: { signInLockedUntil: null } });
  });

  it('journals successful and failed sign-ins with login, address and outcome, never the password', async () => {
    const login = `audit-${randomUUID().slice(0, 8)}@test`;
    const { id } = await newUser(login);
    await verifyCredentials(login, 'Wrong-horse-9', '192.0.2.31');
    await verifyCredentials(login, 'Correct-horse-1', '192.0.2.32');
    await verifyCredentials(`ghost-${login}`, 'Ghost-horse-7', '192.0.2.33');
    const rows = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login'), sql`${auditLog.after}->>'login' in (${login}, ${`ghost-${login}`})`))
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.entityId, r.actorId, r.after])).toEqual([
      [id, null, { login, clientAddress: '192.0.2.31', outcome: 'failure' }],
      [id, id, { login, clientAddress: '192.0.2.32', outcome: 'success' }],
      [`ghost-${login}`, null, { login: `ghost-${login}`, clientAddress: '192.0.2.33', outcome: 'failure' }],
    ]);
    expect(rows[1]!.municipalityId).toBe(world.munA.id);
    expect(JSON.stringify(rows)).not.toMatch(/horse/);
  });

  it('never stores the password in clear and hashes it with argon2id', async () => {
    const login = `hash-${randomUUID().slice(0, 8)}@test`;
    const { id } = await newUser(login);
    const [row] = await getDb().select().from(users).where(eq(users.id, id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain('Correct-horse-1');
  });
});

describe('sessions', () => {
  it('deactivation ends the user’s sessions: the token’s actor no longer loads, and sign-in is refused', async () => {
    const login = `deact-${randomUUID().slice(0, 8)}@test`;
    const { admin, id } = await newUser(login);
    const [before] = await getDb().select().from(users).where(eq(users.id, id));
    expect(await loadActor(id, before!.sessionVersion)).toMatchObject({ role: 'expert', scope: { level: 'municipality' } });
    await setUserActive(admin, id, false, before!.version);
    expect(await loadActor(id, before!.sessionVersion)).toBeNull();
    const [after] = await getDb().select().from(users).where(eq(users.id, id));
    expect(await loadActor(id, after!.sessionVersion)).toBeNull();
    expect(await verifyCredentials(login, 'Correct-horse-1', ip())).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a password change ends the other sessions too', async () => {
    const login = `pw-${randomUUID().slice(0, 8)}@test`;
    const { admin, id } = await newUser(login);
    const [before] = await getDb().select().from(users).where(eq(users.id, id));
    await updateUser(admin, { id, version: before!.version, name: before!.name, role: 'expert', organisationId: world.munA.id, password: 'Another-horse-2' });
    expect(await loadActor(id, before!.sessionVersion)).toBeNull();
    expect(await verifyCredentials(login, 'Another-horse-2', ip())).toMatchObject({ ok: true });
  });
});

describe('user administration is scoped', () => {
  it('a coordinator lists users of its municipality only and cannot create users', async () => {
    const { id } = await newUser(`scope-${randomUUID().slice(0, 8)}@test`);
    const coordinatorA = world.actor('municipal_coordinator', world.munA);
    const coordinatorB = world.actor('municipal_coordinator', world.munB);
    expect((await listUsers(coordinatorA)).map((u) => u.id)).toContain(id);
    expect((await listUsers(coordinatorB)).map((u) => u.id)).not.toContain(id);
    await expect(
      createUser(coordinatorA, { login: 'x@test', name: 'Ххх Ххх', password: 'Correct-horse-1', role: 'admin', organisationId: world.munA.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
