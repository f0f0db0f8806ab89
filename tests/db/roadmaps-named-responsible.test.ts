import { beforeAll, describe, expect, it } from 'vitest';
import { roadmapItemResponsibles } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createItem, createRoadmap, createSection, getRoadmap, listRoadmaps, updateRoadmap } from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe('a coordinator named responsible in the regional road map', () => {
  it('reads the map (page and list) but cannot change it; a coordinator not named still cannot see it', async () => {
    const admin = world.actor('admin', world.region);
    const regional = await createRoadmap(admin, { level: 'region', ownerOrganisationId: world.region.id, title: 'Региональная карта', periodStartYear: 2025, periodEndYear: 2026 });
    const section = await createSection(admin, { roadmapId: regional.id, title: 'Организационные мероприятия' });
    const item = await createItem(admin, { roadmapId: regional.id, sectionId: section.id, activity: 'Семинар для директоров', responsibleText: 'Органы местного самоуправления' });
    const coordinatorA = world.actor('municipal_coordinator', world.munA);
    const coordinatorB = world.actor('municipal_coordinator', world.munB);
    expect(await code(getRoadmap(coordinatorA, regional.id))).toBe('not_found');

    await getDb().insert(roadmapItemResponsibles).values({ itemId: item.id, position: 1, name: world.munA.name, organisationId: world.munA.id });

    const detail = await getRoadmap(coordinatorA, regional.id);
    expect(detail.permissions.canEdit).toBe(false);
    expect((await listRoadmaps(coordinatorA)).map((r) => r.id)).toContain(regional.id);
    expect(await code(updateRoadmap(coordinatorA, { id: regional.id, version: regional.version, title: 'Правка района' }))).toBe('forbidden');
    expect(await code(getRoadmap(coordinatorB, regional.id))).toBe('not_found');
    expect((await listRoadmaps(coordinatorB)).map((r) => r.id)).not.toContain(regional.id);
    // The methodical centre of the named municipality is named too (an organisation in it).
    expect(await code(getRoadmap(world.actor('methodologist', world.centerA), regional.id))).toBe('ok');
  });
});
