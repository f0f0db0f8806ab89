import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roadmapItems, roadmaps, roadmapSections, users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { createDecision, deleteDecision, getDecision, listDecisions, updateDecision } from '@/lib/reports/decisions/queries';
import { reportTables } from '@/lib/reports/document/model';
import { buildMonitoring } from '@/lib/reports/monitoring/queries';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let itemId: string;
let otherItemId: string;

async function person(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  return a;
}

async function roadmapItem(org: Organisation, level: 'municipality' | 'region'): Promise<string> {
  const [map] = await getDb().insert(roadmaps).values({
    level, ownerOrganisationId: org.id, regionId: org.regionId, municipalityId: level === 'municipality' ? org.id : null, title: `Карта ${org.name}`, periodStartYear: 2025, periodEndYear: 2027,
  }).returning();
  const [section] = await getDb().insert(roadmapSections).values({ roadmapId: map!.id, position: 1, title: 'Раздел' }).returning();
  const [item] = await getDb().insert(roadmapItems).values({ roadmapId: map!.id, sectionId: section!.id, position: 1, number: '1.1', activity: 'Методический десант в школы' }).returning();
  return item!.id;
}

beforeAll(async () => {
  world = await createWorld();
  analyst = await person('ministry_analyst', world.region);
  itemId = await roadmapItem(world.munA, 'municipality');
  otherItemId = await roadmapItem(world.munB, 'municipality');
});

const base = () => ({
  organisationId: world.munA.id,
  decidedOn: '2026-03-15',
  title: 'Закрепить куратора за школой',
  document: 'Приказ № 12 от 15.03.2026',
  responsible: 'Отдел общего образования',
  dueDate: '2026-06-01',
  finding: 'Школа второй год в перечне ШНОР',
  findingSchoolId: world.schoolA.id,
  concernedIds: [world.schoolA.id],
  itemIds: [itemId],
});

describe('management decisions register', () => {
  it('creates a decision with its links, audited with names instead of ids, and the monitoring report lists it', async () => {
    const created = await createDecision(analyst, base());
    const detail = await getDecision(analyst, created.id);
    expect(detail).toMatchObject({ organisationName: world.munA.name, findingSchoolName: world.schoolA.name, municipalityId: world.munA.id, version: 1 });
    expect(detail.concerned.map((c) => c.name)).toEqual([world.schoolA.name]);
    expect(detail.items.map((i) => i.label)).toEqual([`Карта ${world.munA.name}: 1.1 Методический десант в школы`]);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'management_decision'), eq(auditLog.entityId, created.id)));
    expect(entry).toMatchObject({ action: 'create', actorName: analyst.name, municipalityId: world.munA.id });
    expect(entry!.after).toMatchObject({ organisation: world.munA.name, findingSchool: world.schoolA.name, concerned: [world.schoolA.name] });
    expect(JSON.stringify(entry!.after)).not.toContain(world.schoolA.id);

    const doc = await buildMonitoring(analyst, { organisationId: world.munA.id, year: 2026 });
    const decisions = reportTables(doc).find((t) => t.id === 'decisions')!;
    expect(decisions.rows).toHaveLength(1);
    expect(decisions.rows[0]).toMatchObject({ title: 'Закрепить куратора за школой', concerned: world.schoolA.name, responsible: 'Отдел общего образования' });
    const other = await buildMonitoring(analyst, { organisationId: world.munB.id, year: 2026 });
    expect(reportTables(other).find((t) => t.id === 'decisions')!.rows).toHaveLength(0);
  });

  it('updates with the version read; a stale version is a conflict and changes nothing', async () => {
    const created = await createDecision(analyst, base());
    const updated = await updateDecision(analyst, { ...base(), id: created.id, version: 1, responsible: 'Управление образования', itemIds: [] });
    expect(updated.version).toBe(2);
    await expect(updateDecision(analyst, { ...base(), id: created.id, version: 1, title: 'Другое' })).rejects.toMatchObject({ code: 'conflict' });
    const detail = await getDecision(analyst, created.id);
    expect(detail).toMatchObject({ title: 'Закрепить куратора за школой', responsible: 'Управление образования', version: 2 });
    expect(detail.items).toEqual([]);
    const entries = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'management_decision'), eq(auditLog.entityId, created.id)));
    const update = entries.find((e) => e.action === 'update')!;
    expect(update.before).toMatchObject({ responsible: 'Отдел общего образования' });
    expect(update.after).toMatchObject({ responsible: 'Управление образования', items: [] });
    await expect(deleteDecision(analyst, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await deleteDecision(analyst, { id: created.id, version: 2 });
    await expect(getDecision(analyst, created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names the bad field: due date before the decision, an item or a school of another municipality, an empty decision', async () => {
    await expect(createDecision(analyst, { ...base(), dueDate: '2026-01-01' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'dueDate', message: 'Срок исполнения: не раньше даты решения' }] });
    await expect(createDecision(analyst, { ...base(), itemIds: [otherItemId] })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'itemIds' }] });
    await expect(createDecision(analyst, { ...base(), findingSchoolId: world.schoolB.id })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'findingSchoolId' }] });
    await expect(createDecision(analyst, { ...base(), title: '  ' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'title', message: 'Решение: заполните поле' }] });
    await expect(createDecision(analyst, { ...base(), decidedOn: '2026-02-30' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'decidedOn' }] });
  });

  it('a coordinator keeps its own municipality’s register only; a school has none; a hidden or malformed id is not found', async () => {
    const coordinatorA = await person('municipal_coordinator', world.munA);
    const coordinatorB = await person('municipal_coordinator', world.munB);
    const created = await createDecision(coordinatorA, base());
    await expect(createDecision(coordinatorA, { ...base(), organisationId: world.region.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createDecision(coordinatorB, base())).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listDecisions(coordinatorA)).map((d) => d.id)).toContain(created.id);
    expect((await listDecisions(coordinatorB)).map((d) => d.id)).not.toContain(created.id);
    await expect(getDecision(coordinatorB, created.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateDecision(coordinatorB, { ...base(), organisationId: world.munB.id, id: created.id, version: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listDecisions(await person('school_team', world.schoolA))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getDecision(analyst, 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
    expect((await listDecisions(analyst, { year: 2026 })).map((d) => d.id)).toContain(created.id);
    expect((await listDecisions(analyst, { year: 2025 })).map((d) => d.id)).not.toContain(created.id);
  });
});
