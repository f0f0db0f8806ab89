import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema/users';
import { listAudit } from '@/lib/audit/queries';
import { createOrganisation, getOrganisation, listOrganisations, setOrganisationActive, updateOrganisation } from '@/lib/organisations/queries';
import { createOrganisationSchema, updateOrganisationSchema } from '@/lib/organisations/schemas';
import { createWorld, uniqueOgrn, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  // One write in each municipality, so that each has journal entries of its own.
  const admin = world.actor('admin', world.region);
  for (const school of [world.schoolA, world.schoolB]) {
    await updateOrganisation(admin, updateOrganisationSchema.parse({ id: school.id, version: school.version, name: school.name, pupils: '100' }));
  }
});

/** The data layer, not the pages, refuses foreign records: by id, in lists, and for writes. */
describe('authorisation in the data layer', () => {
  it('a coordinator of A neither reads nor writes B’s school by its id', async () => {
    const coordinatorA = world.actor('municipal_coordinator', world.munA);
    await expect(getOrganisation(coordinatorA, world.schoolB.id)).rejects.toMatchObject({ code: 'forbidden' });
    const current = await getOrganisation(world.actor('admin', world.region), world.schoolB.id);
    await expect(
      updateOrganisation(coordinatorA, updateOrganisationSchema.parse({ id: current.id, version: current.version, name: 'Захват' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setOrganisationActive(coordinatorA, current.id, false, current.version)).rejects.toMatchObject({ code: 'forbidden' });
    const input = createOrganisationSchema.parse({ kind: 'school', parentId: world.munB.id, name: 'Чужая школа', ogrn: uniqueOgrn() });
    await expect(createOrganisation(coordinatorA, input)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getOrganisation(world.actor('admin', world.region), world.schoolB.id)).name).toBe(current.name);
  });

  it('lists hold only records of the actor’s own scope', async () => {
    const ids = async (role: Role, org = world.munA) => (await listOrganisations(world.actor(role, org), {})).map((o) => o.id);
    expect(await ids('municipal_coordinator')).toEqual(expect.arrayContaining([world.schoolA.id, world.munA.id, world.centerA.id]));
    expect(await ids('municipal_coordinator')).not.toContain(world.schoolB.id);
    expect(await ids('school_team', world.schoolA)).toEqual([world.schoolA.id]);
    expect(await ids('ministry_analyst', world.region)).toEqual(expect.arrayContaining([world.schoolA.id, world.schoolB.id]));
  });

  it('the audit log of B is invisible to A, visible to the region', async () => {
    const fromA = await listAudit(world.actor('municipal_coordinator', world.munA), { entityType: 'organisation' });
    expect(fromA.map((e) => e.entityId)).toContain(world.schoolA.id);
    expect(fromA.map((e) => e.entityId)).not.toContain(world.schoolB.id);
    const fromRegion = await listAudit(world.actor('ministry_analyst', world.region), { entityType: 'organisation' });
    expect(fromRegion.map((e) => e.entityId)).toEqual(expect.arrayContaining([world.schoolA.id, world.schoolB.id]));
  });

  it('an expert and a school team may not change the directory at all', async () => {
    const current = await getOrganisation(world.actor('admin', world.region), world.schoolA.id);
    const change = updateOrganisationSchema.parse({ id: current.id, version: current.version, name: 'Правка' });
    await expect(updateOrganisation(world.actor('expert', world.region), change)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateOrganisation(world.actor('school_team', world.schoolA), change)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
