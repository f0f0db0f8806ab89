import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createIndicator, saveValues, setTarget } from '@/lib/indicators/queries';
import { exportScorecard, exportYearsScorecard, loadYearsScorecard } from '@/lib/indicators/scorecard-views';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
const TODAY = new Date('2026-12-05T09:00:00Z');

async function actor(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  return a;
}

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    rows.push(values);
  });
  return rows;
}

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  coordinatorB = await actor('municipal_coordinator', world.munB);
  schoolTeamA = await actor('school_team', world.schoolA);
  const ind = await createIndicator(analyst, { code: '3', name: 'Доля ШНОР с программой максимум', unit: 'percent', level: 'municipality', kind: 'entered', status: 'active' });
  await setTarget(analyst, { indicatorId: ind.id, kind: 'target', year: 2025, value: 25 });
  await setTarget(analyst, { indicatorId: ind.id, kind: 'baseline', year: 2021, value: 5 });
  await saveValues(analyst, {
    values: [
      { indicatorId: ind.id, organisationId: world.munA.id, year: 2024, value: 20 },
      { indicatorId: ind.id, organisationId: world.munA.id, year: 2025, value: 25 },
      { indicatorId: ind.id, organisationId: world.munB.id, year: 2025, value: 7 },
    ],
  });
});

describe('scorecard export', () => {
  it('XLSX of a year: title block (period, organisation, as-of date), one row per indicator and municipality, statuses in words', async () => {
    const file = await exportScorecard(analyst, { year: 2025 }, 'xlsx', TODAY);
    expect(file.fileName).toBe('Показатели — муниципалитеты региона — 2025.xlsx');
    const rows = await sheetRows(file.bytes);
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual(['Достижение показателей', 'Период: 2025 год', 'Организация: муниципалитеты региона', 'Данные на: 05.12.2026']);
    const header = rows.findIndex((r) => r[0] === '№');
    expect(rows[header]).toEqual(['№', 'Показатель', 'Единица', 'Муниципалитет', 'Значение', 'Цель', 'Год цели', 'Базовое значение', 'Год базового', 'Статус', 'Замечания']);
    const body = rows.slice(header + 1).map((r) => [r[3], r[4], r[5], r[9]]);
    expect(body).toEqual([
      [world.munA.name, '25', '25', 'достигнуто'],
      [world.munB.name, '7', '25', 'отстаёт'],
    ]);
  });

  it('CSV of a municipality\'s own scorecard shows only what its scope reads', async () => {
    const csv = new TextDecoder().decode((await exportScorecard(coordinatorA, { year: 2025 }, 'csv', TODAY)).bytes);
    expect(csv).toContain('Период;2025 год');
    expect(csv).toContain(`${world.munA.name};25;25;2025;5;2021;достигнуто`);
    expect(csv).not.toContain(world.munB.name);
  });

  it('indicators × years of one organisation; another municipality or a foreign school is a 404', async () => {
    const card = await loadYearsScorecard(coordinatorA, world.munA.id, 2025, TODAY);
    expect(card.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(card.cells.map((c) => [c.year, c.value, c.status])).toEqual([
      [2021, null, 'no_data'],
      [2022, null, 'no_data'],
      [2023, null, 'no_data'],
      [2024, 20, 'behind'], // 5 short of 25; «близко» allows (1 − 0,8) × (25 − 5) = 4
      [2025, 25, 'achieved'],
    ]);
    const file = await exportYearsScorecard(coordinatorA, world.munA.id, 2025, 'xlsx', TODAY);
    expect(file.fileName).toBe(`Показатели — ${world.munA.name} — 2021–2025.xlsx`);
    const rows = await sheetRows(file.bytes);
    expect(rows[1]![0]).toBe('Период: 2021–2025 годы');
    expect(await code(loadYearsScorecard(coordinatorB, world.munA.id, 2025, TODAY))).toBe('not_found');
    expect(await code(exportScorecard(coordinatorB, { year: 2025, municipalityId: world.munA.id }, 'csv', TODAY))).toBe('not_found');
    expect(await code(loadYearsScorecard(schoolTeamA, world.schoolB.id, 2025, TODAY))).toBe('not_found');
    expect(await code(loadYearsScorecard(schoolTeamA, world.schoolA.id, 2025, TODAY))).toBe('ok');
  });
});
