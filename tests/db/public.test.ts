/**
 * The public side reads only what is public: categories of published runs (a run taken back to draft disappears),
 * indicator values of approved periods, no staff fields; the school search tolerates typos, «ё/е» and numbers.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationRuns, indicatorApprovals, indicators, indicatorValues, organisations, type Organisation } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import * as q from '@/lib/classification/queries';
import { datasetCsv, loadDataset } from '@/lib/public/opendata';
import { approvedIndicators, getPublicMunicipality, getPublicSchool, searchSchools } from '@/lib/public/queries';
import { addSchools, contextLines, csvFile, resultLines } from './classification-helpers';
import { createWorld, type World } from './fixtures';

let world: World;
let schools: Organisation[];
let label: string;
let runId: string;
const analyst = () => world.actor('ministry_analyst', world.region);

beforeAll(async () => {
  // Letters only: a digit in the label could itself read as a school number («e48f» in a search for «школа 48»).
  label = randomUUID().slice(0, 6).replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);
  world = await createWorld(label);
  schools = await addSchools(world.munA, 6, label);
  // The weak school (the last one) gets a name to search for.
  await getDb().update(organisations).set({ name: `МКОУ «Берёзовская СОШ № 47» ${label}`, shortName: `Берёзовская СОШ № 47 ${label}`, address: `с. Берёзовка ${label}, ул. Школьная, 1`, pupils: 8 })
    .where(eq(organisations.id, schools[5]!.id));
  await q.importAssessmentResults(analyst(), { file: csvFile(resultLines(schools)), dryRun: false });
  await q.importSchoolContexts(analyst(), { file: csvFile(contextLines(schools)), dryRun: false });
  runId = (await q.createRun(analyst(), { year: 2026, municipalityId: world.munA.id })).id;
});

describe('public school search', () => {
  it('finds a school with a typo, with «е» for «ё», by number and by address', async () => {
    const weak = schools[5]!.id;
    expect((await searchSchools(`Березовская ${label}`)).map((h) => h.id)).toContain(weak);
    expect((await searchSchools(`Берзовская ${label}`)).map((h) => h.id)).toContain(weak);
    // Other test files' schools share the database: the school is the best hit among those numbered 47.
    expect((await searchSchools(`школа 47 ${label}`)).map((h) => h.id)[0]).toBe(weak);
    expect((await searchSchools(`№ 47 ${label}`)).map((h) => h.id)[0]).toBe(weak);
    expect((await searchSchools(`школа 48 ${label}`)).map((h) => h.id)).not.toContain(weak);
    expect((await searchSchools(`березовка ${label} школьная`)).map((h) => h.id)).toContain(weak);
    // A number inside a word or code is not the school's number.
    await getDb().update(organisations).set({ name: `Гимназия «Код e48f» ${label}`, shortName: null }).where(eq(organisations.id, schools[4]!.id));
    expect((await searchSchools(`школа 48 ${label}`)).map((h) => h.id)).not.toContain(schools[4]!.id);
    expect((await searchSchools(`Гимназия код ${label}`)).map((h) => h.id)).toContain(schools[4]!.id);
    expect(await searchSchools('   ')).toEqual([]);
  });
});

describe('only published runs are public', () => {
  it('a draft run shows no status; publishing shows it with reasons; taking it back to draft removes it', async () => {
    const weak = schools[5]!.id;
    expect((await getPublicSchool(weak)).status).toBeNull();
    expect((await searchSchools(`Берёзовская ${label}`))[0]!.category).toBeNull();

    await q.publishRun(analyst(), runId);
    const page = await getPublicSchool(weak);
    expect(page.status).not.toBeNull();
    expect(page.status!.year).toBe(2026);
    expect(['low_results', 'both']).toContain(page.status!.category);
    expect(page.status!.headline).toContain('региональную программу поддержки');
    expect(page.status!.reasons.length).toBeGreaterThan(0);
    expect(page.status!.exit).toMatch(/Чтобы выйти из списка/);
    // Eight pupils: the size of the school is itself a group under ten.
    expect(page.pupils).toEqual({ shown: false, reason: 'small_group' });
    expect(page.results.length).toBeGreaterThan(0);
    const municipality = await getPublicMunicipality(world.munA.id);
    expect(municipality.schools.find((s) => s.id === weak)!.category).toBe(page.status!.category);

    await getDb().update(classificationRuns).set({ status: 'draft', publishedAt: null }).where(eq(classificationRuns.id, runId));
    expect((await getPublicSchool(weak)).status).toBeNull();
    expect((await getPublicMunicipality(world.munA.id)).schools.find((s) => s.id === weak)!.category).toBeNull();
    const csv = datasetCsv((await loadDataset('categories'))!, false);
    expect(csv).not.toContain(label);
    await q.publishRun(analyst(), runId);
    expect(datasetCsv((await loadDataset('categories'))!, false)).toContain(`Берёзовская СОШ № 47 ${label}`);
  });

  it('answers not_found for a malformed, unknown or non-school id', async () => {
    for (const id of ['abc', randomUUID(), world.munA.id]) await expect(getPublicSchool(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPublicMunicipality('1; drop table')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('only approved indicator values are public', () => {
  it('a submitted value is hidden, an approved one shown; staff comments never leave', async () => {
    const db = getDb();
    const [indicator] = await db.insert(indicators).values({
      regionId: world.region.id, ownerOrganisationId: world.region.id, code: `P-${label}`, name: `Доля выпускников ${label}`,
      unit: 'percent', level: 'school', kind: 'entered', status: 'active',
    }).returning();
    const school = schools[0]!;
    await db.insert(indicatorValues).values({
      indicatorId: indicator!.id, organisationId: school.id, regionId: world.region.id, municipalityId: world.munA.id, schoolId: school.id,
      year: 2026, value: 80, numerator: 40, denominator: 50, comment: 'служебный комментарий', enteredByName: 'Иванов И. И.',
    });
    const [approval] = await db.insert(indicatorApprovals).values({
      organisationId: school.id, regionId: world.region.id, municipalityId: world.munA.id, schoolId: school.id, year: 2026, state: 'submitted',
    }).returning();
    expect(await approvedIndicators([school.id])).toEqual([]);
    expect((await getPublicSchool(school.id)).indicators).toEqual([]);

    await db.update(indicatorApprovals).set({ state: 'approved' }).where(eq(indicatorApprovals.id, approval!.id));
    const shown = await approvedIndicators([school.id]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ name: `Доля выпускников ${label}`, year: 2026, value: { shown: true, value: 80 } });
    const page = JSON.stringify(await getPublicSchool(school.id));
    expect(page).not.toContain('служебный комментарий');
    expect(page).not.toContain('Иванов');

    // A share over fewer than ten is suppressed like any other figure.
    await db.execute(sql`UPDATE indicator_values SET numerator = 4, denominator = 5 WHERE indicator_id = ${indicator!.id}`);
    expect((await approvedIndicators([school.id]))[0]!.value).toEqual({ shown: false, reason: 'small_group' });
  });
});

describe('open data', () => {
  it('suppresses small groups in the files and keeps Cyrillic', async () => {
    const schoolsData = (await loadDataset('schools'))!;
    const row = schoolsData.rows.find((r) => r.id === schools[5]!.id)!;
    expect(row.pupils).toBe('меньше 10 участников — не публикуется');
    const csv = datasetCsv(schoolsData, true);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(`Берёзовская СОШ № 47 ${label}`);
    const results = (await loadDataset('results'))!;
    const mine = results.rows.filter((r) => schools.some((s) => s.id === r.school_id));
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      if (typeof r.participants === 'number') expect(r.participants).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('one suppression decision for every public view', () => {
  it('a small group hidden on the school page is hidden in the municipality table and the open data too', async () => {
    const weak = schools[5]!.id;
    await getDb().execute(sql`UPDATE assessment_results SET participants = 6 WHERE school_id = ${weak} AND year = 2026 AND exam = 'EGE' AND subject = 'russian'`);
    const page = await getPublicSchool(weak);
    const russian = page.results.find((r) => r.key === 'EGE-russian')!;
    const at2026 = russian.years.indexOf(2026);
    expect(russian.school[at2026]).toEqual({ shown: false, reason: 'small_group' });
    // The municipal mean stays published, so another school of the municipality is hidden with it.
    expect(russian.municipality[at2026]!.shown).toBe(true);
    const data = (await loadDataset('results'))!.rows.filter((r) => r.year === 2026 && r.exam === 'ЕГЭ' && r.subject === 'Русский язык' && schools.some((s) => s.id === r.school_id));
    const hidden = data.filter((r) => typeof r.mean_score === 'string');
    expect(hidden.map((r) => r.school_id)).toContain(weak);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const other of hidden) {
      const otherPage = await getPublicSchool(other.school_id as string);
      const series = otherPage.results.find((r) => r.key === 'EGE-russian')!;
      expect(series.school[series.years.indexOf(2026)]!.shown).toBe(false);
    }
    const municipality = await getPublicMunicipality(world.munA.id);
    expect(municipality.schools.find((s) => s.id === weak)!.meanScore!.shown).toBe(false);
  });
});
