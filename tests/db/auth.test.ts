import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor-store';
import { verifyCredentials } from '@/lib/auth/credentials';
import { getDb } from '@/lib/db/client';
import { createUser, listUsers, setUserActive, updateUser } from '@/lib/users/queries';
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

  it('locks an account after five failures, even for the right password, from any address', async () => {
    const login = `locked-${randomUUID().slice(0, 8)}@test`;
    await newUser(login);
    for (let i = 0; i < 5; i += 1) expect(await verifyCredentials(login, 'wrong', ip())).toMatchObject({ reason: 'invalid' });
    const locked = await verifyCredentials(login, 'Correct-horse-1', ip());
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    expect((locked as { retryAfter: number }).retryAfter).toBeGreaterThan(800);
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
