import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roadmapReviewEvents } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import {
  approveRoadmap,
  commentOnReview,
  createItem,
  createRoadmap,
  createSection,
  getRoadmap,
  importRoadmapTable,
  listRoadmaps,
  returnRoadmap,
  roadmapHistory,
  submitRoadmap,
  updateRoadmap,
} from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.code : String(error)));
const schoolRoadmap = (schoolId: string, actor = world.actor('school_team', world.schoolA)) =>
  createRoadmap(actor, { level: 'school', ownerOrganisationId: schoolId, title: 'Программа школы', periodStartYear: 2025, periodEndYear: 2026 });

describe('road map authorisation', () => {
  it('lets a school team edit only its own school road map', async () => {
    const teamA = world.actor('school_team', world.schoolA);
    const own = await schoolRoadmap(world.schoolA.id, teamA);
    expect(own.schoolId).toBe(world.schoolA.id);
    expect(await code(schoolRoadmap(world.schoolB.id, teamA))).toBe('forbidden');
    const foreign = await schoolRoadmap(world.schoolB.id, world.actor('school_team', world.schoolB));
    expect(await code(updateRoadmap(teamA, { id: foreign.id, version: 1, title: 'Чужая' }))).toBe('not_found');
    expect(await code(getRoadmap(teamA, foreign.id))).toBe('not_found');
    expect((await listRoadmaps(teamA)).map((row) => row.id)).toEqual([own.id]);
    const municipal = await createRoadmap(world.actor('municipal_coordinator', world.munA), { level: 'municipality', ownerOrganisationId: world.munA.id, title: 'Район', periodStartYear: 2021, periodEndYear: 2023 });
    expect(await code(updateRoadmap(teamA, { id: municipal.id, version: 1, title: 'Правка школы' }))).toBe('not_found');
  });

  it('lets a municipal coordinator edit only road maps of its municipality', async () => {
    const coordinatorA = world.actor('municipal_coordinator', world.munA);
    const inA = await schoolRoadmap(world.schoolA.id);
    expect(await code(updateRoadmap(coordinatorA, { id: inA.id, version: 1, title: 'Правка района' }))).toBe('ok');
    expect(await code(createRoadmap(coordinatorA, { level: 'municipality', ownerOrganisationId: world.munB.id, title: 'Чужой район', periodStartYear: 2021, periodEndYear: 2023 }))).toBe('forbidden');
    const inB = await schoolRoadmap(world.schoolB.id, world.actor('school_team', world.schoolB));
    expect(await code(updateRoadmap(coordinatorA, { id: inB.id, version: 1, title: 'x' }))).toBe('not_found');
  });

  it('lets a methodologist edit road maps of its own organisation only, and an expert edit nothing', async () => {
    const methodologist = world.actor('methodologist', world.centerA);
    const own = await createRoadmap(methodologist, { level: 'municipality', ownerOrganisationId: world.centerA.id, title: 'План УМЦ', periodStartYear: 2021, periodEndYear: 2021 });
    expect(own.municipalityId).toBe(world.munA.id);
    const school = await schoolRoadmap(world.schoolA.id);
    expect(await code(updateRoadmap(methodologist, { id: school.id, version: 1, title: 'x' }))).toBe('forbidden');
    const expert = world.actor('expert', world.region);
    expect(await code(getRoadmap(expert, own.id))).toBe('ok');
    expect(await code(updateRoadmap(expert, { id: own.id, version: 1, title: 'x' }))).toBe('forbidden');
    const section = await createSection(methodologist, { roadmapId: own.id, title: 'Раздел' });
    expect(await code(createItem(expert, { roadmapId: own.id, sectionId: section.id, activity: 'x' }))).toBe('forbidden');
    expect((await getRoadmap(expert, own.id)).permissions).toMatchObject({ canEdit: false, canReview: false });
  });

  it('shows history and takes imports only where the actor has the right, before reading the table', async () => {
    const coordinatorA = world.actor('municipal_coordinator', world.munA);
    const roadmap = await schoolRoadmap(world.schoolA.id);
    await updateRoadmap(coordinatorA, { id: roadmap.id, version: 1, title: 'Программа школы (ред.)' });
    expect((await roadmapHistory(coordinatorA, roadmap.id)).map((row) => row.action)).toEqual(['update', 'create']);
    const coordinatorB = world.actor('municipal_coordinator', world.munB);
    expect(await code(roadmapHistory(coordinatorB, roadmap.id))).toBe('not_found');
    expect(await code(importRoadmapTable(coordinatorB, roadmap.id, { text: '', dryRun: true }))).toBe('not_found');
    expect(await code(importRoadmapTable(world.actor('expert', world.region), roadmap.id, { text: '', dryRun: false }))).toBe('forbidden');
    expect(await code(importRoadmapTable(coordinatorA, roadmap.id, { text: '', dryRun: true }))).toBe('validation');
  });
});

describe('school road map review', () => {
  it('keeps the whole conversation: submit, comments, return, resubmit, approve; status changes audited', async () => {
    const team = world.actor('school_team', world.schoolA);
    const methodologist = world.actor('methodologist', world.centerA);
    const expert = world.actor('expert', world.region);
    const roadmap = await schoolRoadmap(world.schoolA.id, team);
    const section = await createSection(team, { roadmapId: roadmap.id, title: 'Раздел' });
    const item = await createItem(team, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Педсовет' });
    expect((await getRoadmap(team, roadmap.id)).permissions).toMatchObject({ canSubmit: true, canReview: false });
    expect(await code(approveRoadmap(methodologist, roadmap.id, 1))).toBe('conflict');
    await submitRoadmap(team, roadmap.id, 1, 'Просим согласовать');
    expect(await code(submitRoadmap(team, roadmap.id, 2))).toBe('conflict');
    expect(await code(approveRoadmap(team, roadmap.id, 2))).toBe('forbidden');
    expect(await code(approveRoadmap(expert, roadmap.id, 2))).toBe('forbidden');
    expect((await getRoadmap(methodologist, roadmap.id)).permissions.canReview).toBe(true);
    await commentOnReview(methodologist, { roadmapId: roadmap.id, itemId: item.id, text: 'Уточните сроки' });
    await returnRoadmap(methodologist, roadmap.id, 2, 'Доработать сроки');
    await commentOnReview(team, { roadmapId: roadmap.id, text: 'Сроки уточнены' });
    await submitRoadmap(team, roadmap.id, 3);
    await approveRoadmap(methodologist, roadmap.id, 4, 'Утверждено');
    const detail = await getRoadmap(team, roadmap.id);
    expect(detail.roadmap.status).toBe('approved');
    expect(detail.review.map((event) => event.kind)).toEqual(['submit', 'comment', 'return', 'comment', 'submit', 'approve']);
    expect(detail.sections[0]!.items[0]!.reviewComments.map((event) => event.text)).toEqual(['Уточните сроки']);
    const events = await getDb().select().from(roadmapReviewEvents).where(eq(roadmapReviewEvents.roadmapId, roadmap.id));
    expect(events).toHaveLength(6);
    const statuses = (await getDb().select().from(auditLog).where(eq(auditLog.entityId, roadmap.id)))
      .map((entry) => (entry.after as { status?: string } | null)?.status)
      .filter(Boolean);
    expect(statuses).toEqual(['draft', 'on_review', 'needs_revision', 'on_review', 'approved']);
    expect(await code(returnRoadmap(methodologist, roadmap.id, 5, ''))).toBe('validation');
    expect(await code(updateRoadmap(team, { id: roadmap.id, version: 5, status: 'draft' }))).toBe('validation');
  });
});
