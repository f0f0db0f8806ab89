import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorValueFiles, indicatorValues, users, type Indicator, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createCampaign, getCampaign } from '@/lib/indicators/campaigns/queries';
import { loadEntryGrid, loadEntryMatrix } from '@/lib/indicators/entry';
import { importIndicatorValues } from '@/lib/indicators/import/queries';
import type { ValueMapping } from '@/lib/indicators/import/plan';
import { cellTexts, matrixCells, onMatrixCells } from '@/lib/indicators/matrix-form';
import { approvalAction, createIndicator, listValues, openValueFile, saveValues, setValueFile, updateIndicator } from '@/lib/indicators/queries';
import { loadScorecard } from '@/lib/indicators/scorecard';
import type { ImportUpload } from '@/lib/api/upload';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
let expert: Actor;
let schoolShare: Indicator;
let schoolCount: Indicator;
let quarterly: Indicator;
let quarterlySum: Indicator;

async function actor(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  return a;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'ok', message: '', issues: [] as AppError['issues'] }),
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message, issues: error.issues } : { code: String(error), message: '', issues: [] }),
  );

const PDF = new TextEncoder().encode('%PDF-1.4\n% акт сверки\n%%EOF\n');
const pdf = (filename = 'акт сверки.pdf') => ({ bytes: PDF, filename, mimeType: 'application/pdf' });
/** An executable renamed to .pdf: refused by its content. */
const fake = { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), filename: 'отчёт.pdf', mimeType: 'application/pdf' };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const valuesOf = async (ind: Indicator, org: Organisation) =>
  (await getDb().select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, ind.id), eq(indicatorValues.organisationId, org.id)))).sort((a, b) => a.year - b.year || a.quarter - b.quarter);

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  coordinatorB = await actor('municipal_coordinator', world.munB);
  schoolTeamA = await actor('school_team', world.schoolA);
  expert = await actor('expert', world.region);
  schoolShare = await createIndicator(analyst, { code: 'Д1', name: 'Доля учителей с повышением квалификации', unit: 'percent', level: 'school', kind: 'entered', status: 'active' });
  schoolCount = await createIndicator(analyst, { code: 'Д2', name: 'Число педагогов-наставников', unit: 'count', level: 'school', kind: 'entered', status: 'active' });
  quarterly = await createIndicator(analyst, { code: 'К1', name: 'Доля учащихся, посещающих кружки', unit: 'percent', level: 'school', kind: 'entered', status: 'active', periodicity: 'quarter', quarterRule: 'last' });
  quarterlySum = await createIndicator(analyst, { code: 'К2', name: 'Число проведённых методических дней', unit: 'count', level: 'municipality', kind: 'entered', status: 'active', periodicity: 'quarter', quarterRule: 'sum' });
});

describe('evidence file of a value', () => {
  it('is saved with the value, shown beside it, downloaded by readers with safe headers and audited; a stranger gets 404', async () => {
    const [saved] = await saveValues(schoolTeamA, { values: [{ indicatorId: schoolShare.id, organisationId: world.schoolA.id, year: 2024, numerator: 3, denominator: 4, comment: 'по ОО-1', file: pdf() }] });
    expect(saved).toMatchObject({ value: 75, numerator: 3, denominator: 4, comment: 'по ОО-1' });
    const listed = (await listValues(coordinatorA, schoolShare.id)).find((v) => v.id === saved!.id)!;
    expect(listed.evidenceFile).toMatchObject({ fileName: 'акт сверки.pdf', sizeBytes: PDF.length });
    const grid = await loadEntryGrid(schoolTeamA, world.schoolA.id, 2024);
    expect(grid.rows.find((r) => r.indicator.id === schoolShare.id)!.file).toMatchObject({ fileName: 'акт сверки.pdf' });

    for (const reader of [schoolTeamA, coordinatorA, expert]) {
      const file = await openValueFile(reader, saved!.id);
      expect(file).toMatchObject({ fileName: 'акт сверки.pdf', mimeType: 'application/pdf', size: PDF.length });
      expect(Buffer.from(await readAll(file.stream)).equals(Buffer.from(PDF))).toBe(true);
    }
    expect((await failure(openValueFile(coordinatorB, saved!.id))).code).toBe('not_found');
    expect((await failure(openValueFile(coordinatorA, randomUUID()))).code).toBe('not_found');
    expect((await failure(openValueFile(coordinatorA, 'не-id'))).code).toBe('not_found');

    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, saved!.id));
    expect(audit.find((a) => a.action === 'create')!.after).toMatchObject({ evidenceFile: 'акт сверки.pdf' });
    expect(audit.filter((a) => a.action === 'download')).toHaveLength(3);
  });

  it('a bad file is a Russian error on its cell naming the indicator and organisation; nothing of the batch is saved', async () => {
    const refused = await failure(
      saveValues(schoolTeamA, {
        values: [
          { indicatorId: schoolCount.id, organisationId: world.schoolA.id, year: 2024, value: 4 },
          { indicatorId: schoolShare.id, organisationId: world.schoolA.id, year: 2023, value: 50, file: fake },
          { indicatorId: schoolShare.id, organisationId: world.schoolA.id, year: 2022, value: 50, file: { ...pdf(), filename: 'программа.exe' } },
        ],
      }),
    );
    expect(refused.code).toBe('validation');
    expect(refused.issues).toEqual([
      { field: 'values.1.file', message: `Показатель Д1, ${world.schoolA.name}, 2023 год: Файл «отчёт.pdf»: содержимое не соответствует расширению .pdf.` },
      { field: 'values.2.file', message: `Показатель Д1, ${world.schoolA.name}, 2022 год: Файл «программа.exe»: допустимы PDF, DOCX, XLSX, JPG, PNG и TXT.` },
    ]);
    expect(await valuesOf(schoolCount, world.schoolA)).toEqual([]);
  });

  it('an approved value keeps its file: neither replaced nor removed until unlock; then replaced, with audit', async () => {
    const [value] = await saveValues(schoolTeamA, { values: [{ indicatorId: schoolCount.id, organisationId: world.schoolA.id, year: 2021, value: 2, file: pdf('приказ.pdf') }] });
    await approvalAction(schoolTeamA, { organisationId: world.schoolA.id, year: 2021, action: 'submit' });
    const approved = await approvalAction(coordinatorA, { organisationId: world.schoolA.id, year: 2021, action: 'approve' });
    const replace = await failure(setValueFile(schoolTeamA, { valueId: value!.id, version: value!.version, file: pdf('другой.pdf') }));
    expect(replace.code).toBe('conflict');
    expect(replace.message).toContain('утверждены и заблокированы');
    expect((await failure(setValueFile(coordinatorA, { valueId: value!.id, file: null }))).code).toBe('conflict');
    expect((await failure(saveValues(schoolTeamA, { values: [{ indicatorId: schoolCount.id, organisationId: world.schoolA.id, year: 2021, value: 2, version: value!.version, file: pdf('третий.pdf') }] }))).code).toBe('conflict');
    expect((await getDb().select({ name: indicatorValueFiles.fileName }).from(indicatorValueFiles).where(eq(indicatorValueFiles.valueId, value!.id)))[0]!.name).toBe('приказ.pdf');

    await approvalAction(coordinatorA, { organisationId: world.schoolA.id, year: 2021, action: 'unlock', comment: 'Заменить приказ', version: approved.version });
    // Another municipality, an expert: no right to write.
    expect((await failure(setValueFile(coordinatorB, { valueId: value!.id, file: pdf('чужой.pdf') }))).code).toBe('forbidden');
    expect((await failure(setValueFile(expert, { valueId: value!.id, file: pdf('чужой.pdf') }))).code).toBe('forbidden');
    // A stale version is a conflict.
    expect((await failure(setValueFile(schoolTeamA, { valueId: value!.id, version: value!.version - 1 || 99, file: pdf('другой.pdf') }))).code).toBe('conflict');
    const after = await setValueFile(schoolTeamA, { valueId: value!.id, version: value!.version, file: pdf('другой.pdf') });
    expect(after.version).toBe(value!.version + 1);
    expect(after.value).toBe(2);
    expect((await openValueFile(coordinatorA, value!.id)).fileName).toBe('другой.pdf');
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, value!.id), eq(auditLog.action, 'update')));
    expect(audit.map((a) => [a.before, a.after])).toContainEqual([{ evidenceFile: 'приказ.pdf' }, { evidenceFile: 'другой.pdf' }]);
    await setValueFile(schoolTeamA, { valueId: value!.id, file: null });
    expect((await failure(openValueFile(coordinatorA, value!.id))).code).toBe('not_found');
  });
});

describe('quarterly indicators', () => {
  it('take quarters only; the year figure is derived by the rule (latest quarter; sum) and stored with audit', async () => {
    const year = await failure(saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, value: 40 }] }));
    expect(year.code).toBe('validation');
    expect(year.issues[0]!.message).toBe(`Показатель К1, ${world.schoolA.name}, 2025 год: показатель собирается по кварталам — введите значения кварталов, годовое рассчитывается (последний введённый квартал)`);
    const wrong = await failure(saveValues(schoolTeamA, { values: [{ indicatorId: schoolShare.id, organisationId: world.schoolA.id, year: 2025, quarter: 1, value: 40 }] }));
    expect(wrong.issues[0]!.message).toContain('I квартал 2025 года: показатель собирается за год, не по кварталам');

    await saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, quarter: 1, numerator: 2, denominator: 5 }] });
    await saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, quarter: 3, numerator: 3, denominator: 5 }] });
    const rows = await valuesOf(quarterly, world.schoolA);
    expect(rows.map((r) => [r.quarter, r.value])).toEqual([
      [0, 60],
      [1, 40],
      [3, 60],
    ]);
    expect(rows[0]).toMatchObject({ numerator: 3, denominator: 5, enteredByName: 'Рассчитано по кварталам', comment: 'Рассчитано по кварталам (I, III): значение III квартала.' });

    await saveValues(coordinatorA, { values: [1, 2].map((q) => ({ indicatorId: quarterlySum.id, organisationId: world.munA.id, year: 2025, quarter: q, value: q * 3 })) });
    expect((await valuesOf(quarterlySum, world.munA)).map((r) => [r.quarter, r.value])).toEqual([
      [0, 9],
      [1, 3],
      [2, 6],
    ]);
    // The scorecard reads the year's figure.
    const card = await loadScorecard(coordinatorA, { year: 2025, level: 'municipality', organisationId: world.munA.id });
    expect(card.cells.find((c) => c.indicatorId === quarterlySum.id)!.value).toBe(9);
    // Both quarters in one save: the year derived once; two saves of К1: created, then updated.
    const sumAudit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, (await valuesOf(quarterlySum, world.munA))[0]!.id));
    expect(sumAudit.map((a) => [a.action, (a.after as { value: number }).value])).toEqual([['create', 9]]);
    const lastAudit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, rows[0]!.id));
    expect(lastAudit.map((a) => [a.action, (a.after as { value: number }).value]).sort()).toEqual([
      ['create', 40],
      ['update', 60],
    ]);
  });

  it('the entry grid of a quarter lists quarterly indicators; the year grid shows them derived; approval is per quarter, and an approved year keeps its quarters', async () => {
    const q2 = await loadEntryGrid(schoolTeamA, world.schoolA.id, 2025, 2);
    expect(q2.rows.map((r) => r.indicator.code)).toEqual(['К1']);
    const y = await loadEntryGrid(schoolTeamA, world.schoolA.id, 2025, 0);
    const derived = y.rows.find((r) => r.indicator.id === quarterly.id)!;
    expect(derived).toMatchObject({ derived: true, current: { value: 60 } });
    expect(y.rows.find((r) => r.indicator.id === schoolShare.id)!.derived).toBe(false);

    // Quarter I approved: locked; quarter II still open.
    await approvalAction(schoolTeamA, { organisationId: world.schoolA.id, year: 2025, quarter: 1, action: 'submit' });
    await approvalAction(coordinatorA, { organisationId: world.schoolA.id, year: 2025, quarter: 1, action: 'approve' });
    const locked = await failure(saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, quarter: 1, value: 45 }] }));
    expect(locked.code).toBe('conflict');
    expect(locked.message).toContain('за I квартал 2025 года утверждены и заблокированы');
    await saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, quarter: 2, value: 50 }] });
    // The year approved: no quarter of it changes (its figure would move under the approved year).
    await approvalAction(schoolTeamA, { organisationId: world.schoolA.id, year: 2025, action: 'submit' });
    await approvalAction(coordinatorA, { organisationId: world.schoolA.id, year: 2025, action: 'approve' });
    const yearLocked = await failure(saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2025, quarter: 4, value: 70 }] }));
    expect(yearLocked.code).toBe('conflict');
    expect(yearLocked.message).toContain('за 2025 год утверждены и заблокированы');
    const matrix = await loadEntryMatrix(coordinatorA, world.munA.id, 2025, { quarter: 4 });
    expect(matrix.rows.find((r) => r.organisation.id === world.schoolA.id)).toMatchObject({ editable: false, state: 'approved' });
    expect((await valuesOf(quarterly, world.schoolA)).find((r) => r.quarter === 0)!.value).toBe(60);
  });

  it('a campaign for «I квартал» asks quarterly indicators and counts the quarter\'s values', async () => {
    const campaign = await createCampaign(coordinatorA, { title: 'Кружки, I квартал 2026', year: 2026, quarter: 1, dueDate: '2026-04-15', indicatorIds: [quarterly.id], status: 'open' });
    await saveValues(schoolTeamA, { values: [{ indicatorId: quarterly.id, organisationId: world.schoolA.id, year: 2026, quarter: 1, value: 30 }] });
    const detail = await getCampaign(coordinatorA, campaign.id, new Date('2026-04-01'));
    expect(detail.rows.find((r) => r.organisation.id === world.schoolA.id)).toMatchObject({ valuesEntered: 1, indicatorCount: 1 });
    const refused = await failure(createCampaign(coordinatorA, { title: 'Не квартальный', year: 2026, quarter: 1, dueDate: '2026-04-15', indicatorIds: [schoolCount.id] }));
    expect(refused.issues[0]!.message).toContain('собирается за год, а не по кварталам');
  });

  it('import: a quarterly indicator needs a quarter; quarters imported derive the year; periodicity and rule do not change under values', async () => {
    const lines = (rows: string[][]) => [['Организация', 'Код показателя', 'Год', 'Квартал', 'Значение'], ...rows].map((l) => l.join(';')).join('\n');
    const upload = (rows: string[][], dryRun: boolean): ImportUpload<ValueMapping> => ({ file: { bytes: new TextEncoder().encode(lines(rows)), filename: 'q.csv', mimeType: 'text/csv' }, mapping: undefined, headerRow: undefined, sheetIndex: undefined, dryRun });
    const noQuarter = await importIndicatorValues(coordinatorA, upload([[world.munA.name, 'К2', '2027', '', '5']], true));
    expect(noQuarter.issues.map((i) => i.message)).toEqual(['Показатель К2 собирается по кварталам: укажите квартал (годовое значение рассчитывается из кварталов)']);
    await importIndicatorValues(coordinatorA, upload([[world.munA.name, 'К2', '2027', '1', '5'], [world.munA.name, 'К2', '2027', '2', '7']], false));
    expect((await valuesOf(quarterlySum, world.munA)).filter((r) => r.year === 2027).map((r) => [r.quarter, r.value])).toEqual([
      [0, 12],
      [1, 5],
      [2, 7],
    ]);
    const periodicity = await failure(updateIndicator(analyst, { id: quarterlySum.id, version: quarterlySum.version, periodicity: 'year' }));
    expect(periodicity.issues).toEqual([{ field: 'periodicity', message: 'Периодичность: у показателя уже есть значения — её нельзя изменить (заведите новый показатель)' }]);
    const rule = await failure(updateIndicator(analyst, { id: quarterlySum.id, version: quarterlySum.version, quarterRule: 'mean' }));
    expect(rule.code).toBe('validation');
    const unfit = await failure(createIndicator(analyst, { code: 'К3', name: 'Доля', unit: 'percent', level: 'school', kind: 'entered', periodicity: 'quarter', quarterRule: 'sum' }));
    expect(unfit.issues[0]).toMatchObject({ field: 'quarterRule' });
  });
});

describe('entry grid of rows × indicators', () => {
  it('a share cell takes numerator and denominator and a comment; bad cells all come back named, and nothing is saved', async () => {
    const matrix = await loadEntryMatrix(coordinatorA, world.munA.id, 2020);
    const c = matrix.indicators.findIndex((i) => i.id === schoolShare.id);
    const k = matrix.indicators.findIndex((i) => i.id === schoolCount.id);
    const r = matrix.rows.findIndex((row) => row.organisation.id === world.schoolA.id);
    const form: Record<string, string> = { year: '2020', [`ind.${c}`]: schoolShare.id, [`ind.${k}`]: schoolCount.id, [`org.${r}`]: world.schoolA.id };
    const cell = (col: number, texts: { c: string; n?: string; d?: string; k?: string }) => {
      form[`o.${r}.${col}`] = JSON.stringify(cellTexts(null, true));
      form[`c.${r}.${col}`] = texts.c;
      form[`n.${r}.${col}`] = texts.n ?? '';
      form[`d.${r}.${col}`] = texts.d ?? '';
      form[`k.${r}.${col}`] = texts.k ?? '';
    };
    cell(c, { c: '', n: '5', d: '4' });
    cell(k, { c: '2,5', k: 'уточнить' });
    const bad = matrixCells(form, 2020);
    const refused = onMatrixCells(await saveValues(coordinatorA, { values: bad.cells }).catch((e: unknown) => e), bad.names, bad.erased) as AppError;
    expect(refused.issues).toEqual([
      { field: `c.${r}.${c}`, message: `Показатель Д1, ${world.schoolA.name}, 2020 год: числитель (5) больше знаменателя (4)` },
      { field: `c.${r}.${k}`, message: `Показатель Д2, ${world.schoolA.name}, 2020 год: количество — целое неотрицательное число, указано 2,5` },
    ]);
    expect((await valuesOf(schoolShare, world.schoolA)).filter((v) => v.year === 2020)).toEqual([]);

    cell(c, { c: '', n: '3', d: '4', k: 'по данным ОО-1' });
    cell(k, { c: '2', k: 'уточнить' });
    const good = matrixCells(form, 2020);
    await saveValues(coordinatorA, { values: good.cells });
    expect((await valuesOf(schoolShare, world.schoolA)).find((v) => v.year === 2020)).toMatchObject({ value: 75, numerator: 3, denominator: 4, comment: 'по данным ОО-1' });
    expect((await valuesOf(schoolCount, world.schoolA)).find((v) => v.year === 2020)).toMatchObject({ value: 2, comment: 'уточнить' });
  });

  it('one organisation × indicators × years: a row per year, each with its own period state', async () => {
    const matrix = await loadEntryMatrix(schoolTeamA, world.schoolA.id, 2025, { view: 'years' });
    expect(matrix.rows.map((r) => r.year)).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(matrix.rows.every((r) => r.organisation.id === world.schoolA.id)).toBe(true);
    expect(matrix.rows.find((r) => r.year === 2025)).toMatchObject({ state: 'approved', editable: false });
    expect(matrix.rows.find((r) => r.year === 2024)).toMatchObject({ state: 'open', editable: true });
    const c = matrix.indicators.findIndex((i) => i.id === schoolShare.id);
    expect(matrix.rows.find((r) => r.year === 2024)!.cells[c]).toMatchObject({ current: { value: 75 }, file: { fileName: 'акт сверки.pdf' } });
    // A row's year travels with the form.
    const form = { year: '2025', 'ind.0': schoolCount.id, 'org.0': world.schoolA.id, 'y.0': '2023', 'c.0.0': '6', 'k.0.0': '', 'o.0.0': '' };
    const { cells } = matrixCells(form, 2025);
    await saveValues(schoolTeamA, { values: cells });
    expect((await valuesOf(schoolCount, world.schoolA)).find((v) => v.year === 2023)!.value).toBe(6);
  });
});
