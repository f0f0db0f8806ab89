import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, roadmapItemResponsibles, roadmapItems, roadmaps } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import {
  createItem,
  createRoadmap,
  createSection,
  deleteItem,
  deleteRoadmap,
  getRoadmap,
  itemHistory,
  listRoadmaps,
  setItemsStatus,
  updateItem,
  updateRoadmap,
  updateSection,
} from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

let world: World;
let coordinatorA: Actor;
beforeAll(async () => {
  world = await createWorld();
  coordinatorA = world.actor('municipal_coordinator', world.munA);
  await getDb().update(organisations).set({ aliases: ['УМЦ'] }).where(eq(organisations.id, world.centerA.id));
});

const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

async function municipalRoadmap(title = 'Муниципальная дорожная карта') {
  return createRoadmap(coordinatorA, { level: 'municipality', ownerOrganisationId: world.munA.id, title, periodStartYear: 2021, periodEndYear: 2023, approvalDocument: 'Приказ № 17 от 21.01.2019' });
}

describe('road map CRUD', () => {
  it('creates a road map in the owner scope, a section and an item with a normalised deadline and recognised parties', async () => {
    const roadmap = await municipalRoadmap();
    expect(roadmap).toMatchObject({ regionId: world.region.id, municipalityId: world.munA.id, schoolId: null, status: 'draft', version: 1 });
    const section = await createSection(coordinatorA, { roadmapId: roadmap.id, number: 'I', title: 'Организационные мероприятия' });
    const item = await createItem(coordinatorA, {
      roadmapId: roadmap.id,
      sectionId: section.id,
      number: '1.1',
      activity: 'Семинар для директоров',
      deadlineText: 'Март – август 2021',
      responsibleText: 'УМЦ, Иванова И.И.',
      plannedResult: 'Аналитический отчет',
    });
    expect(item).toMatchObject({ deadlineKind: 'months', periodStart: '2021-03-01', periodEnd: '2021-08-31', canBeOverdue: true, periodOverridden: false });
    const parties = await getDb().select().from(roadmapItemResponsibles).where(eq(roadmapItemResponsibles.itemId, item.id)).orderBy(roadmapItemResponsibles.position);
    expect(parties.map((p) => [p.name, p.organisationId])).toEqual([['УМЦ', world.centerA.id], ['Иванова И.И.', null]]);

    const detail = await getRoadmap(coordinatorA, roadmap.id, new Date('2022-01-10'));
    expect(detail.sections).toHaveLength(1);
    expect(detail.sections[0]!.items[0]).toMatchObject({ id: item.id, overdue: true, responsibles: [{ name: 'УМЦ', organisationId: world.centerA.id }, { name: 'Иванова И.И.', organisationId: null }] });
    expect(detail.progress).toMatchObject({ total: 1, overdue: 1 });
    expect((await getRoadmap(coordinatorA, roadmap.id, new Date('2021-05-01'))).sections[0]!.items[0]!.overdue).toBe(false);

    const rows = await listRoadmaps(coordinatorA, { year: 2022 });
    expect(rows.find((row) => row.id === roadmap.id)).toMatchObject({ itemCount: 1, overdueCount: expect.any(Number), ownerName: world.munA.name });
    expect((await listRoadmaps(coordinatorA, { year: 2030 })).some((row) => row.id === roadmap.id)).toBe(false);

    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit.map((entry) => [entry.entityType, entry.action])).toEqual([['roadmap_item', 'create']]);
  });

  it('overrides the period by hand, keeps it on text edits, and drops it on request', async () => {
    const roadmap = await municipalRoadmap('Ручной период');
    const section = await createSection(coordinatorA, { roadmapId: roadmap.id, title: 'Раздел' });
    const item = await createItem(coordinatorA, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Совещание', deadlineText: 'по согласованию' });
    expect(item).toMatchObject({ deadlineKind: 'none', periodEnd: null, canBeOverdue: false });
    const manual = await updateItem(coordinatorA, { id: item.id, version: item.version, periodStart: '2022-02-01', periodEnd: '2022-02-28' });
    expect(manual).toMatchObject({ deadlineKind: 'manual', periodStart: '2022-02-01', periodEnd: '2022-02-28', periodOverridden: true, version: 2 });
    const edited = await updateItem(coordinatorA, { id: item.id, version: 2, deadlineText: '2023 год' });
    expect(edited).toMatchObject({ deadlineKind: 'manual', periodEnd: '2022-02-28', deadlineText: '2023 год' });
    const cleared = await updateItem(coordinatorA, { id: item.id, version: 3, clearOverride: true });
    expect(cleared).toMatchObject({ deadlineKind: 'year', periodStart: '2023-01-01', periodEnd: '2023-12-31', periodOverridden: false });
    await expect(updateItem(coordinatorA, { id: item.id, version: 4, periodStart: '2022-03-01', periodEnd: '2022-02-01' })).rejects.toMatchObject({ code: 'validation' });
    expect((await itemHistory(coordinatorA, item.id)).length).toBe(4);
  });

  it('refuses a stale version with 409 and leaves the newer data untouched', async () => {
    const roadmap = await municipalRoadmap('Версии');
    const updated = await updateRoadmap(coordinatorA, { id: roadmap.id, version: 1, title: 'Новое название' });
    expect(updated.version).toBe(2);
    expect(await code(updateRoadmap(coordinatorA, { id: roadmap.id, version: 1, title: 'Старая правка' }))).toBe('conflict');
    const [stored] = await getDb().select().from(roadmaps).where(eq(roadmaps.id, roadmap.id));
    expect(stored).toMatchObject({ title: 'Новое название', version: 2 });

    const section = await createSection(coordinatorA, { roadmapId: roadmap.id, title: 'Раздел' });
    expect(await code(updateSection(coordinatorA, { id: section.id, version: 5, title: 'x' }))).toBe('conflict');
    const item = await createItem(coordinatorA, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Мероприятие' });
    await updateItem(coordinatorA, { id: item.id, version: 1, activity: 'Правка 1' });
    expect(await code(updateItem(coordinatorA, { id: item.id, version: 1, activity: 'Правка 0' }))).toBe('conflict');
    expect(await code(deleteItem(coordinatorA, item.id, 1))).toBe('conflict');
    const [storedItem] = await getDb().select().from(roadmapItems).where(eq(roadmapItems.id, item.id));
    expect(storedItem).toMatchObject({ activity: 'Правка 1', version: 2, deletedAt: null });
    expect(await code(deleteRoadmap(coordinatorA, roadmap.id, 1))).toBe('conflict');
  });

  it('changes the status of several items all-or-nothing', async () => {
    const roadmap = await municipalRoadmap('Статусы');
    const section = await createSection(coordinatorA, { roadmapId: roadmap.id, title: 'Раздел' });
    const a = await createItem(coordinatorA, { roadmapId: roadmap.id, sectionId: section.id, activity: 'А' });
    const b = await createItem(coordinatorA, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Б' });
    expect(await code(setItemsStatus(coordinatorA, { roadmapId: roadmap.id, status: 'done', items: [{ id: a.id, version: 1 }, { id: b.id, version: 7 }] }))).toBe('conflict');
    const statuses = async () => (await getDb().select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id))).map((row) => row.status).sort();
    expect(await statuses()).toEqual(['planned', 'planned']);
    expect(await setItemsStatus(coordinatorA, { roadmapId: roadmap.id, status: 'done', items: [{ id: a.id, version: 1 }, { id: b.id, version: 1 }] })).toBe(2);
    expect(await statuses()).toEqual(['done', 'done']);
    expect((await getRoadmap(coordinatorA, roadmap.id)).progress.doneShare).toBe(1);
  });

  it('soft-deletes items and road maps', async () => {
    const roadmap = await municipalRoadmap('Удаление');
    const section = await createSection(coordinatorA, { roadmapId: roadmap.id, title: 'Раздел' });
    const item = await createItem(coordinatorA, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Удаляемое' });
    await deleteItem(coordinatorA, item.id, 1);
    expect((await getRoadmap(coordinatorA, roadmap.id)).sections[0]!.items).toHaveLength(0);
    await deleteRoadmap(coordinatorA, roadmap.id, 1);
    expect(await code(getRoadmap(coordinatorA, roadmap.id))).toBe('not_found');
    expect((await listRoadmaps(coordinatorA)).some((row) => row.id === roadmap.id)).toBe(false);
    const [stored] = await getDb().select().from(roadmaps).where(and(eq(roadmaps.id, roadmap.id)));
    expect(stored!.deletedAt).not.toBeNull();
  });

  it('validates inputs with Russian messages naming the field', async () => {
    const error = await createRoadmap(coordinatorA, { level: 'municipality', ownerOrganisationId: world.munA.id, title: '', periodStartYear: 2024, periodEndYear: 2021 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const issues = (error as AppError).issues;
    expect(issues.find((issue) => issue.field === 'title')?.message).toMatch(/Название/);
    expect(issues.find((issue) => issue.field === 'periodEndYear')?.message).toMatch(/Окончание периода/);
    expect(await code(createRoadmap(coordinatorA, { level: 'school', ownerOrganisationId: world.munA.id, title: 'Школа?', periodStartYear: 2024, periodEndYear: 2025 }))).toBe('validation');
  });
});
