import { randomUUID } from 'node:crypto';
import { type Organisation, organisations } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/actor-store';
import { getDb } from '@/lib/db/client';

let counter = 0;

/** A 13-digit ОГРН unique within the test run (check digit not needed below the import layer). */
export function uniqueOgrn(): string {
  counter += 1;
  return `1${String(Date.now() % 1e8).padStart(8, '0')}${String(counter).padStart(4, '0')}`.slice(0, 13);
}

export interface World {
  region: Organisation;
  munA: Organisation;
  munB: Organisation;
  schoolA: Organisation;
  schoolB: Organisation;
  centerA: Organisation;
  actor(role: Role, org: Organisation): Actor;
}

/** A fresh region with municipalities A and B, a school and a methodical centre in each, unique to this call. */
export async function createWorld(label = randomUUID().slice(0, 8)): Promise<World> {
  const db = getDb();
  const regionId = randomUUID();
  const [region] = await db
    .insert(organisations)
    .values({ id: regionId, kind: 'region', name: `Тестовая область ${label}`, regionId })
    .returning();
  const municipality = async (name: string) => {
    const id = randomUUID();
    const [row] = await db
      .insert(organisations)
      .values({ id, kind: 'municipality', name, parentId: regionId, regionId, municipalityId: id })
      .returning();
    return row!;
  };
  const munA = await municipality(`Район А ${label}`);
  const munB = await municipality(`Район Б ${label}`);
  const school = async (mun: Organisation, name: string) => {
    const [row] = await db
      .insert(organisations)
      .values({ kind: 'school', name, ogrn: uniqueOgrn(), parentId: mun.id, regionId, municipalityId: mun.id, settlement: 'rural' })
      .returning();
    return row!;
  };
  const schoolA = await school(munA, `Школа А ${label}`);
  const schoolB = await school(munB, `Школа Б ${label}`);
  const [centerA] = await db
    .insert(organisations)
    .values({ kind: 'methodical_center', name: `УМЦ района А ${label}`, parentId: munA.id, regionId, municipalityId: munA.id })
    .returning();
  return {
    region: region!,
    munA,
    munB,
    schoolA,
    schoolB,
    centerA: centerA!,
    actor: (role, org) => ({ id: randomUUID(), name: `Тест ${role}`, role, scope: scopeOf(org) }),
  };
}
