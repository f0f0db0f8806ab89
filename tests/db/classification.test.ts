import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentResults, auditLog, classificationResults, schoolContexts, type Organisation } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { CATEGORY_NAMES } from '@/lib/classification/classify';
import { overviewOf } from '@/lib/classification/overview';
import * as q from '@/lib/classification/queries';
import { readTableFile } from '@/lib/tabular';
import { addSchools, contextLines, csvFile, resultLines, RESULT_HEADER } from './classification-helpers';
import { createWorld, type World } from './fixtures';

let world: World;
let schools: Organisation[];
let otherSchools: Organisation[];
const analyst = () => world.actor('ministry_analyst', world.region);
const coordinatorA = () => world.actor('municipal_coordinator', world.munA);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const countResults = async (schoolIds: string[]) =>
  Number((await getDb().execute<{ n: string }>(sql`SELECT count(*) AS n FROM assessment_results WHERE school_id IN (${sql.join(schoolIds.map((id) => sql`${id}::uuid`), sql`, `)})`)).rows[0]!.n);

beforeAll(async () => {
  world = await createWorld();
  schools = await addSchools(world.munA, 6);
  otherSchools = await addSchools(world.munB, 3);
});

describe('import of assessment results and contexts', () => {
  it('guesses the mapping from Russian headers, previews and writes nothing on a dry run', async () => {
    const preview = await q.importAssessmentResults(analyst(), { file: csvFile(resultLines(schools)), dryRun: true });
    expect(preview.issues).toEqual([]);
    expect(Object.keys(preview.mapping).sort()).toEqual(['belowMinimum', 'exam', 'grade', 'meanScore', 'ogrn', 'participants', 'subject', 'year'].sort());
    expect(preview.counts).toEqual({ create: 54, update: 0, unchanged: 0 });
    expect(await countResults(schools.map((s) => s.id))).toBe(0);
  });

  it('refuses a file with one bad row whole, naming the row and the column', async () => {
    const lines = resultLines(schools);
    lines[5] = [schools[0]!.ogrn!, 2026, 'ЕГЭ', 'Алхимия', '', 20, 50, 0];
    const error = await rejection(q.importAssessmentResults(analyst(), { file: csvFile(lines), dryRun: false }));
    expect(error.code).toBe('validation');
    expect(error.issues).toContainEqual({ row: 6, column: 'Предмет', message: 'Предмет «Алхимия» не распознан' });
    expect(await countResults(schools.map((s) => s.id))).toBe(0);
  });

  it('commits, matches subject synonyms, and a re-import changes nothing', async () => {
    const first = await q.importAssessmentResults(analyst(), { file: csvFile(resultLines(schools)), dryRun: false });
    expect(first).toMatchObject({ committed: true, counts: { create: 54, update: 0, unchanged: 0 } });
    const [profile] = await getDb().select().from(assessmentResults).where(and(eq(assessmentResults.schoolId, schools[0]!.id), eq(assessmentResults.year, 2026), eq(assessmentResults.exam, 'EGE'), eq(assessmentResults.subject, 'mathematics_profile')));
    expect(profile).toMatchObject({ meanScore: 70, participants: 20, grade: 0, municipalityId: world.munA.id, regionId: world.region.id });
    const again = await q.importAssessmentResults(analyst(), { file: csvFile(resultLines(schools)), dryRun: false });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 54 });
    expect(await countResults(schools.map((s) => s.id))).toBe(54);
    const contexts = await q.importSchoolContexts(analyst(), { file: csvFile(contextLines(schools)), dryRun: false });
    expect(contexts.counts).toEqual({ create: 18, update: 0, unchanged: 0 });
  });

  it('updates a changed value on re-import and audits it', async () => {
    const lines = [RESULT_HEADER, [schools[1]!.ogrn!, 2026, 'ЕГЭ', 'русский', '', 21, 73, 0]];
    const result = await q.importAssessmentResults(analyst(), { file: csvFile(lines), dryRun: false });
    expect(result.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'assessment_result'), eq(auditLog.schoolId, schools[1]!.id)));
    const entry = audits.find((a) => a.action === 'import' && a.before !== null)!;
    // Before and after values of the changed fields, as a form edit records them — not only the fields' names.
    expect(entry.before).toEqual({ meanScore: 74, participants: 20 });
    expect(entry.after).toEqual({ meanScore: 73, participants: 21 });
    expect((await q.dataHistory(analyst(), 'assessment_result', entry.entityId))[0]!.changes).toEqual([
      { field: 'meanScore', before: 74, after: 73 },
      { field: 'participants', before: 20, after: 21 },
    ]);
  });

  it('finds a school by its exact name within scope, and refuses schools outside the coordinator’s municipality', async () => {
    const byName = [['Школа', 'Год', 'Экзамен', 'Предмет', 'Участников', 'Средний балл'], [schools[2]!.name, 2023, 'ОГЭ', 'Математика', 10, 15]];
    expect((await q.importAssessmentResults(coordinatorA(), { file: csvFile(byName), dryRun: true })).counts.create).toBe(1);
    const foreign = [RESULT_HEADER, [otherSchools[0]!.ogrn!, 2026, 'ЕГЭ', 'русский', '', 20, 70, 0]];
    const error = await rejection(q.importAssessmentResults(coordinatorA(), { file: csvFile(foreign), dryRun: false }));
    expect(error.issues[0]!.message).toMatch(/не найдена в справочнике или недоступна/);
  });

  it('edits a result and a context in forms with validation and optimistic versions', async () => {
    const row = await q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[3]!.id, year: 2022, exam: 'OGE', subject: 'Русский язык', participants: '12', meanScore: '25,5' });
    expect(row).toMatchObject({ subject: 'russian', meanScore: 25.5, version: 1 });
    const updated = await q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[3]!.id, year: 2022, exam: 'OGE', subject: 'russian', participants: 12, meanScore: 26, version: 1 });
    expect(updated.version).toBe(2);
    expect((await rejection(q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[3]!.id, year: 2022, exam: 'OGE', subject: 'russian', participants: 12, version: 1 }))).code).toBe('conflict');
    const bad = await rejection(q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[3]!.id, year: 2022, exam: 'VPR', subject: 'russian', participants: 5, belowMinimum: 9 }));
    expect(bad.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['grade', 'belowMinimum']));
    expect((await rejection(q.upsertSchoolContext(coordinatorA(), { schoolId: otherSchools[0]!.id, year: 2026, pupils: 10 }))).code).toBe('forbidden');
    const ctx = await q.upsertSchoolContext(coordinatorA(), { schoolId: schools[3]!.id, year: 2022, pupils: '150', rural: 'true' });
    expect(ctx.version).toBe(1);
    const [stored] = await getDb().select().from(schoolContexts).where(eq(schoolContexts.id, ctx.id));
    expect(stored).toMatchObject({ pupils: 150, rural: true });
  });

  it('shows a record’s change history only to those who may change the school’s data', async () => {
    const created = await q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[4]!.id, year: 2021, exam: 'EGE', subject: 'russian', participants: 20, meanScore: 60 });
    await q.upsertAssessmentResult(coordinatorA(), { schoolId: schools[4]!.id, year: 2021, exam: 'EGE', subject: 'russian', participants: 20, meanScore: 64.5, version: 1 });
    const history = await q.dataHistory(coordinatorA(), 'assessment_result', created.id);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]!.changes).toEqual([{ field: 'meanScore', before: 60, after: 64.5 }]);

    const ctx = await q.upsertSchoolContext(coordinatorA(), { schoolId: schools[4]!.id, year: 2021, internetMbps: 2 });
    await q.upsertSchoolContext(coordinatorA(), { schoolId: schools[4]!.id, year: 2021, internetMbps: 8, version: 1 });
    expect((await q.dataHistory(analyst(), 'school_context', ctx.id))[0]!.changes).toEqual([{ field: 'internetMbps', before: 2, after: 8 }]);

    const coordinatorB = world.actor('municipal_coordinator', world.munB);
    expect((await rejection(q.dataHistory(coordinatorB, 'assessment_result', created.id))).code).toBe('forbidden');
    expect((await rejection(q.dataHistory(world.actor('methodologist', world.munA), 'assessment_result', created.id))).code).toBe('forbidden');
    expect((await rejection(q.dataHistory(coordinatorA(), 'school_context', created.id))).code).toBe('not_found');
    expect((await rejection(q.dataHistory(coordinatorA(), 'assessment_result', 'не-идентификатор'))).code).toBe('not_found');
  });
});

describe('methodologies', () => {
  it('creates version 1 from the defaults on first use, audited, and versions drafts', async () => {
    const active = await q.getActiveMethodology(analyst());
    expect(active).toMatchObject({ versionNumber: 1, status: 'active', regionId: world.region.id });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'methodology'), eq(auditLog.entityId, active.id)));
    expect(audits).toHaveLength(1);
    const draft = await q.createDraftMethodology(analyst(), { name: 'Проект 2027' });
    expect(draft).toMatchObject({ versionNumber: 2, status: 'draft', params: active.params });
    expect((await q.listMethodologies(coordinatorA())).map((m) => m.versionNumber)).toEqual([2, 1]);
  });

  it('opens a methodology by id to its region and to an administrator of another region, to no one else', async () => {
    const active = await q.getActiveMethodology(analyst());
    expect((await q.getMethodology(coordinatorA(), active.id)).id).toBe(active.id);
    const elsewhere = await createWorld();
    expect((await q.getMethodology(elsewhere.actor('admin', elsewhere.region), active.id)).id).toBe(active.id);
    expect((await rejection(q.getMethodology(elsewhere.actor('ministry_analyst', elsewhere.region), active.id))).code).toBe('not_found');
    expect((await rejection(q.getMethodology(analyst(), 'not-an-id'))).code).toBe('not_found');
  });

  it('rejects invalid parameters with field messages, stale versions, and edits of non-drafts', async () => {
    const draft = await q.createDraftMethodology(analyst(), { name: 'Неверная' });
    const params = { ...draft.params, r1: { gapPoints: -1 }, minParticipants: 0 };
    const error = await rejection(q.updateDraftMethodology(analyst(), { id: draft.id, version: draft.version, params }));
    expect(error.issues).toEqual(expect.arrayContaining([
      { field: 'r1.gapPoints', message: 'Поле «R1: отставание от среднего по муниципалитету, баллов»: значение не может быть отрицательным.' },
      expect.objectContaining({ field: 'minParticipants' }),
    ]));
    const ok = await q.updateDraftMethodology(analyst(), { id: draft.id, version: draft.version, params: { ...draft.params, r1: { gapPoints: 10 } } });
    expect(ok.version).toBe(draft.version + 1);
    expect((await rejection(q.updateDraftMethodology(analyst(), { id: draft.id, version: draft.version, params: ok.params }))).code).toBe('conflict');
    const active = await q.getActiveMethodology(analyst());
    expect((await rejection(q.updateDraftMethodology(analyst(), { id: active.id, version: active.version, params: active.params }))).code).toBe('conflict');
    expect((await rejection(q.createDraftMethodology(coordinatorA(), { name: 'x' }))).code).toBe('forbidden');
  });
});

describe('runs', () => {
  it('is reproducible: the same inputs give the same digest and the same results', async () => {
    const first = await q.createRun(analyst(), { year: 2026, municipalityId: world.munA.id });
    const second = await q.createRun(analyst(), { year: 2026, municipalityId: world.munA.id });
    expect(second.inputDigest).toBe(first.inputDigest);
    expect(second.counts).toEqual(first.counts);
    const a = await q.getRun(analyst(), first.id);
    const b = await q.getRun(analyst(), second.id);
    expect(b.schools).toEqual(a.schools);
    if (a.compact) throw new Error('a municipality of seven schools is stored in full');
    expect(a.schools).toHaveLength(7); // six schools with data and the world's school A without any
    const weak = a.schools.find((s) => s.schoolId === schools[5]!.id)!;
    expect(weak.lowResults.decision).toBe('yes');
    expect(weak.rules[0]!.sentence).toMatch(/ниже среднего по муниципалитету/);
    await q.upsertAssessmentResult(analyst(), { schoolId: schools[0]!.id, year: 2026, exam: 'EGE', subject: 'russian', participants: 20, meanScore: 76 });
    expect((await q.createRun(analyst(), { year: 2026, municipalityId: world.munA.id })).inputDigest).not.toBe(first.inputDigest);
  });

  it('gives a municipality’s schools the results of the region’s run: the social index and clusters are the region’s', async () => {
    const whole = await q.getRun(analyst(), (await q.createRun(analyst(), { year: 2026 })).id);
    const municipal = await q.getRun(analyst(), (await q.createRun(coordinatorA(), { year: 2026 })).id);
    expect(municipal.municipalityId).toBe(world.munA.id);
    expect(municipal.schools.length).toBeGreaterThan(0);
    expect(municipal.schools).toEqual(whole.schools.filter((s) => s.municipalityId === world.munA.id));
    expect(whole.schools.length).toBeGreaterThan(municipal.schools.length);
  });

  it('stores every school in one transaction with the methodology id', async () => {
    const run = await q.createRun(coordinatorA(), { year: 2026 });
    expect(run.municipalityId).toBe(world.munA.id);
    expect(run.methodologyVersion).toBe(1);
    const rows = await getDb().select().from(classificationResults).where(eq(classificationResults.runId, run.id));
    expect(rows).toHaveLength(7);
    const detail = await q.getSchoolClassification(coordinatorA(), run.id, schools[5]!.id);
    expect(detail.school!.category).toMatch(/low_results|both/);
    expect(detail.overview).toEqual(overviewOf(detail.school!));
    expect(detail.history[0]).toMatchObject({ year: 2026 });
  });

  it('lets a coordinator run only its municipality, and never an expert', async () => {
    expect((await rejection(q.createRun(coordinatorA(), { year: 2026, municipalityId: world.munB.id }))).code).toBe('forbidden');
    expect((await rejection(q.createRun(world.actor('expert', world.region), { year: 2026 }))).code).toBe('forbidden');
  });

  it('answers a malformed year with a field message and a malformed school id with not_found', async () => {
    const error = await rejection(q.listRuns(analyst(), { year: Number('двадцать') }));
    expect(error).toMatchObject({ code: 'validation', issues: [{ field: 'year', message: expect.stringMatching(/^Год/) }] });
    expect((await q.listRuns(analyst(), { year: 2026 })).every((r) => r.year === 2026)).toBe(true);
    const [run] = await q.listRuns(analyst(), { year: 2026 });
    expect((await rejection(q.getSchoolClassification(analyst(), run!.id, 'not-a-school'))).code).toBe('not_found');
  });

  it('previews a draft against the active methodology', async () => {
    const draft = await q.createDraftMethodology(analyst(), { name: 'Строже' });
    const strict = { ...draft.params, r5: { minOlympiadPercent: 50, years: 3 }, weights: { ...draft.params.weights, R5: 2 } };
    await q.updateDraftMethodology(analyst(), { id: draft.id, version: draft.version, params: strict });
    const diff = await q.previewWhatIf(analyst(), { draftId: draft.id, year: 2026, municipalityId: world.munA.id });
    expect(diff.schoolCount).toBe(7);
    expect(diff.draftSummary.methodologyVersion).toBe(draft.versionNumber);
    const entering = diff.entering.lowResults.map((c) => c.schoolId);
    expect(entering.length).toBeGreaterThan(0);
    expect(entering).not.toContain(schools[5]!.id);
    expect(diff.entering.lowResults[0]!.reasons.join(' ')).toMatch(/R5 \(олимпиады\): не сработало → сработало/);
    expect(diff.entering.lowResults[0]!.changedBy).toMatch(/R5 \(олимпиады\) — «Участие в региональных и всероссийских олимпиадах»/);
  });

  it('shows draft runs to staff only; published runs to every reader and the public', async () => {
    const run = await q.createRun(analyst(), { year: 2026, municipalityId: world.munA.id });
    const expert = world.actor('expert', world.region);
    expect((await rejection(q.getRun(expert, run.id))).code).toBe('not_found');
    expect((await q.listRuns(expert)).map((r) => r.id)).not.toContain(run.id);
    expect((await q.listPublishedCategories(world.region.id)).length).toBe(0);
    expect((await rejection(q.publishRun(expert, run.id))).code).toBe('not_found');
    await q.publishRun(analyst(), run.id);
    expect((await q.getRun(expert, run.id)).status).toBe('published');
    const pub = await q.listPublishedCategories(world.region.id);
    expect(pub.map((p) => p.schoolId).sort()).toEqual([...schools, world.schoolA].map((s) => s.id).sort());
    const coordinatorB = world.actor('municipal_coordinator', world.munB);
    expect((await rejection(q.getRun(coordinatorB, run.id))).code).toBe('not_found');
    expect(await q.availableYears(coordinatorA())).toEqual(expect.arrayContaining([2026, 2025, 2024]));
  });

  it('exports a run as CSV and XLSX, each reader seeing only its own schools', async () => {
    const run = await q.createRun(analyst(), { year: 2026 });
    const csv = await q.exportRun(analyst(), run.id, 'csv');
    expect(csv.fileName).toBe('Классификация школ 2026 — Методика по умолчанию, версия 1.csv');
    const [table, basis] = new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, '').trim().split('\r\n\r\n');
    const lines = table!.split('\r\n');
    expect(lines[0]).toBe('Школа;Муниципалитет;Категория;ШНОР;Сработавшие правила;Сумма весов;Порог ШНОР;Устойчиво низкие;ШНСУ;Социальный индекс;Кластер;Отставание от муниципалитета, баллов;Место в рейтинге муниципалитета;Общее место;Балл рейтинга;Обоснование;Школы-партнёры');
    expect(basis).toContain(run.inputDigest);
    expect(basis).toContain('Версия методики;1');
    expect(lines).toHaveLength(run.schoolCount + 1);
    const weak = lines.find((l) => l.startsWith(`${schools[5]!.shortName ?? schools[5]!.name};`))!;
    expect(weak).toContain(world.munA.shortName ?? world.munA.name);
    const stored = (await q.getRun(analyst(), run.id)).schools.find((x) => x.schoolId === schools[5]!.id)!;
    expect(weak.split(';').slice(2, 4)).toEqual([CATEGORY_NAMES[stored.category], { yes: 'да', no: 'нет', insufficient_data: 'недостаточно данных' }[stored.lowResults.decision]]);

    const xlsx = await q.exportRun(analyst(), run.id, 'xlsx');
    const [sheet, basisSheet] = (await readTableFile({ bytes: xlsx.bytes, filename: xlsx.fileName, mimeType: xlsx.mimeType })).sheets;
    expect(basisSheet!.rows.some((r) => r.includes(run.inputDigest))).toBe(true);
    expect(sheet!.rows).toHaveLength(run.schoolCount + 1);
    expect(sheet!.rows.map((r) => r[0]).slice(1).sort()).toEqual(lines.slice(1).map((l) => l.split(';')[0]).sort());

    const school = world.actor('school_team', schools[5]!);
    // A draft is for staff; once published, a school team gets its own school's row alone.
    expect((await rejection(q.exportRun(school, run.id, 'csv'))).code).toBe('not_found');
    expect((await rejection(q.exportRun(world.actor('expert', world.region), run.id, 'csv'))).code).toBe('not_found');
    await q.publishRun(analyst(), run.id);
    const own = new TextDecoder().decode((await q.exportRun(school, run.id, 'csv')).bytes).trim().split('\r\n\r\n')[0]!.split('\r\n');
    expect(own).toHaveLength(2);
  });
});
