/** The school hub (`/schools/[id]`) reads through its domains' queries: a malformed or foreign id is not found. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { listOrganisations } from '@/lib/organisations/queries';
import { getSchoolHub, municipalityNamesOf } from '@/lib/schools/hub';
import { createWorld, type World } from './fixtures';

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe('getSchoolHub', () => {
  it('answers not_found for a malformed id before it reaches the database', async () => {
    const admin = world.actor('admin', world.region);
    for (const bad of ['abc', "1' or '1'='1", '00000000-0000-0000-0000-00000000000z']) {
      const caught = await getSchoolHub(admin, bad).catch((e: unknown) => e);
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('not_found');
    }
  });

  it('answers not_found for an organisation that is not a school', async () => {
    const admin = world.actor('admin', world.region);
    await expect(getSchoolHub(admin, world.munA.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows the school and its municipality; another municipality’s coordinator may not open it', async () => {
    const admin = world.actor('admin', world.region);
    const hub = await getSchoolHub(admin, world.schoolA.id);
    expect(hub.school.id).toBe(world.schoolA.id);
    expect(hub.municipalityName).toBe(world.munA.shortName ?? world.munA.name);
    await expect(getSchoolHub(world.actor('municipal_coordinator', world.munB), world.schoolA.id)).rejects.toBeInstanceOf(AppError);
  });

  it('gives the school’s own team the same municipality name as the administrator', async () => {
    const own = await getSchoolHub(world.actor('school_team', world.schoolA), world.schoolA.id);
    expect(own.municipalityName).toBe(world.munA.shortName ?? world.munA.name);
  });

  it('names the municipality’s methodical services to the school’s own team as to the administrator', async () => {
    const admin = await getSchoolHub(world.actor('admin', world.region), world.schoolA.id);
    const own = await getSchoolHub(world.actor('school_team', world.schoolA), world.schoolA.id);
    expect(admin.methodicalCentres.map((c) => c.name)).toEqual([expect.stringMatching(/^УМЦ района А/)]);
    expect(own.methodicalCentres).toEqual(admin.methodicalCentres);
  });
});

describe('the schools list', () => {
  it('names each school’s municipality for every viewer, a school team too', async () => {
    for (const actor of [world.actor('admin', world.region), world.actor('municipal_coordinator', world.munA), world.actor('school_team', world.schoolA)]) {
      const schools = (await listOrganisations(actor, { kind: 'school' })).filter((s) => s.id === world.schoolA.id);
      expect(schools).toHaveLength(1);
      expect((await municipalityNamesOf(schools)).get(world.munA.id)).toBe(world.munA.shortName ?? world.munA.name);
    }
  });
});
