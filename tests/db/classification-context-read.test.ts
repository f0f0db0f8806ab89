import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { getSchoolContext, upsertSchoolContext } from '@/lib/classification/queries';
import { createWorld, type World } from './fixtures';

let world: World;
const analyst = () => world.actor('ministry_analyst', world.region);

beforeAll(async () => {
  world = await createWorld();
  await upsertSchoolContext(analyst(), { schoolId: world.schoolA.id, year: 2026, pupils: 240, internetMbps: '12,5', hasPsychologist: 'true' });
});

describe('getSchoolContext', () => {
  it('reads the stored context of a school and year with its version', async () => {
    const row = await getSchoolContext(analyst(), world.schoolA.id, 2026);
    expect(row).toMatchObject({ schoolId: world.schoolA.id, year: 2026, pupils: 240, internetMbps: 12.5, hasPsychologist: true, version: 1 });
    expect(await getSchoolContext(analyst(), world.schoolA.id, 2025)).toBeNull();
  });

  it('answers null outside the actor scope, the same as for a school without data', async () => {
    expect(await getSchoolContext(world.actor('municipal_coordinator', world.munB), world.schoolA.id, 2026)).toBeNull();
    expect(await getSchoolContext(world.actor('school_team', world.schoolB), world.schoolA.id, 2026)).toBeNull();
    expect(await getSchoolContext(world.actor('municipal_coordinator', world.munA), world.schoolA.id, 2026)).not.toBeNull();
    expect(await getSchoolContext(world.actor('school_team', world.schoolA), world.schoolA.id, 2026)).not.toBeNull();
  });

  it('rejects a malformed school id with a validation error', async () => {
    const error = await getSchoolContext(analyst(), 'not-an-id', 2026).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation' });
  });
});
