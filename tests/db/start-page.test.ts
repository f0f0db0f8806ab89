import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { loadStartPage } from '@/lib/home/queries';
import { createItem, createRoadmap, createSection, getRoadmap, submitRoadmap } from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

/** «Мои задачи»: each role sees its own view, and only what its scope lets it read. */
let world: World;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
let mapA: string;
let mapB: string;
const today = new Date('2026-03-10T12:00:00Z');

async function schoolMap(coordinator: Actor, schoolId: string, title: string): Promise<string> {
  const roadmap = await createRoadmap(coordinator, { level: 'school', ownerOrganisationId: schoolId, title, periodStartYear: 2025, periodEndYear: 2026 });
  const section = await createSection(coordinator, { roadmapId: roadmap.id, title: 'Раздел' });
  const item = (activity: string, periodStart: string, periodEnd: string, status?: 'in_progress' | 'done') =>
    createItem(coordinator, { roadmapId: roadmap.id, sectionId: section.id, activity, deadlineText: 'вручную', periodStart, periodEnd, status });
  await item('Просроченное', '2025-09-01', '2025-12-31');
  await item('Начатое без отчёта', '2026-01-01', '2026-12-31');
  await item('Ещё не начатое', '2026-09-01', '2026-12-31');
  await item('Выполненное', '2025-09-01', '2025-12-31', 'done');
  return roadmap.id;
}

beforeAll(async () => {
  world = await createWorld();
  coordinatorA = world.actor('municipal_coordinator', world.munA);
  coordinatorB = world.actor('municipal_coordinator', world.munB);
  schoolTeamA = world.actor('school_team', world.schoolA);
  mapA = await schoolMap(coordinatorA, world.schoolA.id, 'Карта школы А');
  mapB = await schoolMap(coordinatorB, world.schoolB.id, 'Карта школы Б');
  const { roadmap } = await getRoadmap(schoolTeamA, mapA);
  await submitRoadmap(schoolTeamA, mapA, roadmap.version);
});

describe('start page', () => {
  it('a school team sees its overdue items and the begun items awaiting a report', async () => {
    const data = await loadStartPage(schoolTeamA, today);
    if (data.view !== 'school') throw new Error(data.view);
    expect(data.roadmaps.map((r) => r.roadmap.id)).toEqual([mapA]);
    expect(data.roadmaps[0]!.overdue.map((i) => i.activity)).toEqual(['Просроченное']);
    expect(data.roadmaps[0]!.awaitingReport.map((i) => i.activity)).toEqual(['Начатое без отчёта']);
  });

  it('a curator sees the maps awaiting review in its municipality only', async () => {
    const data = await loadStartPage(world.actor('methodologist', world.centerA), today);
    if (data.view !== 'review') throw new Error(data.view);
    expect(data.summary.onReview.map((r) => r.id)).toEqual([mapA]);
  });

  it('a municipal coordinator sees overdue items by school of its own municipality', async () => {
    const data = await loadStartPage(coordinatorB, today);
    if (data.view !== 'municipal') throw new Error(data.view);
    expect(data.overdueBySchool).toEqual([expect.objectContaining({ roadmapId: mapB, ownerName: world.schoolB.name, overdue: 1 })]);
    expect(data.summary.onReview).toEqual([]);
  });

  it('the ministry sees the region: both schools, the map on review, the school count', async () => {
    const data = await loadStartPage(world.actor('ministry_analyst', world.region), today);
    if (data.view !== 'region') throw new Error(data.view);
    expect(data.overdueBySchool.map((r) => r.roadmapId).sort()).toEqual([mapA, mapB].sort());
    expect(data.summary).toMatchObject({ overdueItems: 2, withOverdue: 2 });
    expect(data.summary.byStatus.on_review).toBe(1);
    expect(data.schoolCount).toBe(2);
  });
});
