import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { makeValidOgrn } from '@/lib/organisations/identifiers';
import { guessMapping, type ImportMapping } from '@/lib/schools/import';
import { importSchools } from '@/lib/schools/import/commit';
import { createWorld, type World } from './fixtures';

const MOSCOW = path.resolve(__dirname, '../../../shared/data/moscow-ege-2015-2016/data-9722-2016-10-31.csv');
const moscowBytes = new Uint8Array(fs.readFileSync(MOSCOW));
const moscowFile = { bytes: moscowBytes, filename: 'data-9722-2016-10-31.csv', mimeType: 'text/csv' };

function moscowMapping(): ImportMapping {
  const header = new TextDecoder().decode(moscowBytes).split('\n')[0]!.split(';').map((h) => h.replaceAll('"', ''));
  return { ...guessMapping(header), region: { value: 'Москва' } };
}

const schoolsInMoscow = async () =>
  Number(
    (
      await getDb().execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM organisations s JOIN organisations r ON r.id = s.region_id WHERE s.kind = 'school' AND r.name = 'Москва'`,
      )
    ).rows[0]!.n,
  );

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe('school directory import', () => {
  it('previews the Moscow file without writing anything', async () => {
    const admin = world.actor('admin', world.region);
    const preview = await importSchools(admin, { file: moscowFile, mapping: moscowMapping(), dryRun: true });
    expect(preview.issues).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 626, update: 0, unchanged: 0, newRegions: 1, newMunicipalities: 125 });
    expect(preview.committed).toBe(false);
    expect(await schoolsInMoscow()).toBe(0);
  });

  it('refuses the whole file when one row is bad, naming the row and column, and writes nothing', async () => {
    const admin = world.actor('admin', world.region);
    const text = new TextDecoder().decode(moscowBytes).replace('"1027739314734"', '"12345"');
    const file = { ...moscowFile, bytes: new TextEncoder().encode(text) };
    const failure = await importSchools(admin, { file, mapping: moscowMapping(), dryRun: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).issues).toEqual([
      expect.objectContaining({ row: 3, column: 'OGRN', message: expect.stringContaining('13 цифр') }),
    ]);
    expect(await schoolsInMoscow()).toBe(0);
    const regions = await getDb().select().from(organisations).where(and(eq(organisations.kind, 'region'), eq(organisations.name, 'Москва')));
    expect(regions).toEqual([]);
  });

  it('imports all 626 Moscow schools into 125 districts, and a second import changes nothing', async () => {
    const admin = world.actor('admin', world.region);
    const first = await importSchools(admin, { file: moscowFile, mapping: moscowMapping(), dryRun: false });
    expect(first.committed).toBe(true);
    expect(first.counts).toMatchObject({ create: 626, newMunicipalities: 125 });
    expect(await schoolsInMoscow()).toBe(626);
    const audits = await getDb().select({ n: sql<number>`count(*)` }).from(auditLog).where(and(eq(auditLog.action, 'import'), eq(auditLog.entityType, 'organisation')));
    // Every created record is journaled: 626 schools, 125 districts and the region.
    expect(Number(audits[0]!.n)).toBe(626 + 125 + 1);

    const second = await importSchools(admin, { file: moscowFile, mapping: moscowMapping(), dryRun: false });
    expect(second.counts).toMatchObject({ create: 0, update: 0, unchanged: 626, newMunicipalities: 0, newRegions: 0 });
    expect(await schoolsInMoscow()).toBe(626);
    const [school179] = await getDb().select().from(organisations).where(eq(organisations.ogrn, '1027700566761'));
    expect(school179).toMatchObject({ kind: 'school', schoolKind: 'school' });
  });

  it('lets a municipal coordinator import only into its own municipality', async () => {
    const coordinator = world.actor('municipal_coordinator', world.munA);
    const csv = ['ОГРН;Полное наименование;Муниципалитет', `${makeValidOgrn('102770000000')};МБОУ «Школа № 1»;${world.munB.name}`].join('\n');
    const file = { bytes: new TextEncoder().encode(csv), filename: 'schools.csv' };
    const preview = await importSchools(coordinator, { file, dryRun: true });
    expect(preview.issues).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('Нет прав на импорт') })]);
    await expect(importSchools(coordinator, { file, dryRun: false })).rejects.toMatchObject({ code: 'validation' });
  });

  it('three parallel imports creating the same new municipality create it once and place every school there', async () => {
    const admin = world.actor('admin', world.region);
    const name = `Новый район ${world.region.id.slice(0, 8)}`;
    const spellings = [name, `  ${name.toUpperCase()} `, name.replace('Новый', 'новый  ')];
    const files = spellings.map((spelling, n) => {
      const csv = ['ОГРН;Полное наименование;Регион;Муниципалитет', `${makeValidOgrn(`10277100000${n}`)};МБОУ «Школа гонки № ${n + 1}»;${world.region.name};${spelling}`].join('\n');
      return { bytes: new TextEncoder().encode(csv), filename: `race-${n}.csv` };
    });
    const outcomes = await Promise.allSettled(files.map((file) => importSchools(admin, { file, dryRun: false })));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const municipalities = await getDb().select().from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), eq(organisations.regionId, world.region.id), sql`${organisations.name} ILIKE ${'%' + name.slice(6)}`));
    expect(municipalities).toHaveLength(1);
    const schools = await getDb().select().from(organisations).where(and(eq(organisations.kind, 'school'), eq(organisations.municipalityId, municipalities[0]!.id)));
    expect(schools).toHaveLength(3);
    const created = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.entityId, municipalities[0]!.id)));
    expect(created).toHaveLength(1);
  });

  it('refuses a second municipality of the same normalised name in a region at the database', async () => {
    const insert = (name: string) => getDb().insert(organisations).values({ id: crypto.randomUUID(), kind: 'municipality', name, parentId: world.region.id, regionId: world.region.id });
    await insert('Ёлкинский район');
    await expect(insert(' ЕЛКИНСКИЙ   район')).rejects.toThrow();
  });
});
