import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  setOrganisationActive,
  updateOrganisation,
} from '@/lib/organisations/queries';
import { createOrganisationSchema, updateOrganisationSchema } from '@/lib/organisations/schemas';
import { createWorld, uniqueOgrn, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const auditOf = (entityId: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.entityId, entityId)));

describe('organisations', () => {
  it('creates a school under a municipality with its scope and an audit entry in the same transaction', async () => {
    const admin = world.actor('admin', world.region);
    const input = createOrganisationSchema.parse({
      kind: 'school',
      parentId: world.munA.id,
      name: 'МБОУ «Средняя школа № 7»',
      ogrn: uniqueOgrn(),
      settlement: 'urban',
      distanceKm: '2,5',
      pupils: '640',
    });
    const school = await createOrganisation(admin, input);
    expect(school.regionId).toBe(world.region.id);
    expect(school.municipalityId).toBe(world.munA.id);
    expect(school.distanceKm).toBe(2.5);
    const entries = await auditOf(school.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actorName: admin.name, municipalityId: world.munA.id });
    expect((entries[0]!.after as { name: string }).name).toBe('МБОУ «Средняя школа № 7»');
  });

  it('refuses a stale version with a conflict and leaves the newer data untouched', async () => {
    const coordinator = world.actor('municipal_coordinator', world.munA);
    const current = await getOrganisation(coordinator, world.schoolA.id);
    const first = updateOrganisationSchema.parse({ id: current.id, version: current.version, name: 'Школа А — новое имя', pupils: '120' });
    const updated = await updateOrganisation(coordinator, first);
    expect(updated.version).toBe(current.version + 1);
    const stale = updateOrganisationSchema.parse({ id: current.id, version: current.version, name: 'Устаревшая правка' });
    await expect(updateOrganisation(coordinator, stale)).rejects.toMatchObject({ code: 'conflict' });
    const after = await getOrganisation(coordinator, world.schoolA.id);
    expect(after.name).toBe('Школа А — новое имя');
    expect(after.pupils).toBe(120);
    const entries = await auditOf(world.schoolA.id);
    expect(entries.map((e) => e.action)).toEqual(['update']);
    expect(entries[0]!.before).toMatchObject({ pupils: null });
    expect(entries[0]!.after).toMatchObject({ pupils: 120 });
  });

  it('writes nothing, audit included, when the write fails inside the transaction', async () => {
    const admin = world.actor('admin', world.region);
    const ogrn = uniqueOgrn();
    const input = createOrganisationSchema.parse({ kind: 'school', parentId: world.munA.id, name: 'Школа-дубль', ogrn });
    await createOrganisation(admin, input);
    const auditBefore = await getDb().select().from(auditLog);
    await expect(createOrganisation(admin, { ...input, name: 'Другая школа' })).rejects.toBeInstanceOf(AppError);
    const auditAfter = await getDb().select().from(auditLog);
    expect(auditAfter).toHaveLength(auditBefore.length);
    const withOgrn = await getDb().select().from(organisations).where(eq(organisations.ogrn, ogrn));
    expect(withOgrn).toHaveLength(1);
  });

  it('deactivation hides the organisation from lists but keeps it', async () => {
    const coordinator = world.actor('municipal_coordinator', world.munA);
    const input = createOrganisationSchema.parse({ kind: 'school', parentId: world.munA.id, name: 'Закрываемая школа', ogrn: uniqueOgrn() });
    const school = await createOrganisation(coordinator, input);
    await setOrganisationActive(coordinator, school.id, false, school.version);
    const active = await listOrganisations(coordinator, { kind: 'school' });
    expect(active.map((o) => o.id)).not.toContain(school.id);
    const all = await listOrganisations(coordinator, { kind: 'school', includeInactive: true });
    expect(all.map((o) => o.id)).toContain(school.id);
    expect((await auditOf(school.id)).map((e) => e.action)).toEqual(['create', 'deactivate']);
  });

  it('checks the parent: a school only inside a municipality', async () => {
    const admin = world.actor('admin', world.region);
    const input = createOrganisationSchema.parse({ kind: 'school', parentId: world.region.id, name: 'Школа без района', ogrn: uniqueOgrn() });
    await expect(createOrganisation(admin, input)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'parentId', message: 'Школа создаётся внутри муниципалитета' }],
    });
  });

  it('gives Russian messages naming the field for bad input', () => {
    const result = createOrganisationSchema.safeParse({ kind: 'school', parentId: '', name: 'Ш', ogrn: '123', pupils: 'много' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name: Полное наименование: не короче 3 символов',
        'ogrn: ОГРН: 13 цифр',
        'pupils: Численность обучающихся: ожидается число',
        'parentId: Выберите вышестоящую организацию',
      ]),
    );
  });
});
