import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { users, type Indicator, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { loadEntryMatrix } from '@/lib/indicators/entry';
import { cellText, matrixCells, onMatrixCells } from '@/lib/indicators/matrix-form';
import { approvalAction, createIndicator, saveValues, setTarget } from '@/lib/indicators/queries';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
let expert: Actor;
let own: Indicator;
let schoolShare: Indicator;

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

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  coordinatorB = await actor('municipal_coordinator', world.munB);
  schoolTeamA = await actor('school_team', world.schoolA);
  expert = await actor('expert', world.region);
  own = await createIndicator(analyst, { code: 'М1', name: 'Доля школ района с программами', unit: 'percent', level: 'municipality', kind: 'entered', status: 'active' });
  schoolShare = await createIndicator(analyst, { code: 'Ш1', name: 'Доля учителей с повышением квалификации', unit: 'percent', level: 'school', kind: 'entered', status: 'active', outlierJump: 10 });
  await setTarget(analyst, { indicatorId: schoolShare.id, kind: 'target', year: 2024, value: 90 });
});

/** What the grid form would send for the given cells typed into the matrix (r, c → text). */
async function submit(who: Actor, orgId: string, year: number, typed: Record<string, string>) {
  const matrix = await loadEntryMatrix(who, orgId, year);
  const form: Record<string, string> = { year: String(year) };
  matrix.indicators.forEach((i, c) => (form[`ind.${c}`] = i.id));
  matrix.rows.forEach((r, i) => {
    form[`org.${i}`] = r.organisation.id;
    r.cells.forEach((cell, c) => {
      if (!cell) return;
      form[`o.${i}.${c}`] = cellText(cell.current);
      form[`v.${i}.${c}`] = cell.current ? String(cell.current.version) : '';
      form[`c.${i}.${c}`] = typed[`${i}.${c}`] ?? cellText(cell.current);
    });
  });
  const { cells, names } = matrixCells(form, year);
  try {
    return await saveValues(who, { values: cells });
  } catch (error) {
    throw onMatrixCells(error, names);
  }
}

describe('organisations × indicators entry grid', () => {
  it('a municipality sees itself and its schools, each cell of its level only, with target, last year and outlier', async () => {
    await saveValues(schoolTeamA, { values: [{ indicatorId: schoolShare.id, organisationId: world.schoolA.id, year: 2023, value: 50 }] });
    const matrix = await loadEntryMatrix(coordinatorA, world.munA.id, 2024);
    expect(matrix.rows.map((r) => r.organisation.id)).toEqual([world.munA.id, world.schoolA.id]);
    const c = matrix.indicators.findIndex((i) => i.id === schoolShare.id);
    const m = matrix.indicators.findIndex((i) => i.id === own.id);
    expect(matrix.rows[0]!.cells[c]).toBeNull();
    expect(matrix.rows[1]!.cells[m]).toBeNull();
    expect(matrix.rows[1]!.cells[c]).toMatchObject({ current: null, lastYear: 50, target: { year: 2024, value: 90 } });
    expect(matrix.rows.every((r) => r.editable)).toBe(true);

    const saved = await submit(coordinatorA, world.munA.id, 2024, { [`1.${c}`]: '3/4', [`0.${m}`]: '40' });
    expect(saved.map((v) => [v.organisationId, v.value, v.numerator, v.denominator]).sort()).toEqual([[world.munA.id, 40, null, null], [world.schoolA.id, 75, 3, 4]].sort());
    const after = await loadEntryMatrix(coordinatorA, world.munA.id, 2024);
    expect(cellText(after.rows[1]!.cells[c]!.current)).toBe('3/4');
    expect(after.rows[1]!.cells[c]!.outlier).toBe('изменение за год +25 больше 10');
  });

  it('a bad cell comes back on that cell in Russian, and nothing of the batch is written', async () => {
    const matrix = await loadEntryMatrix(coordinatorA, world.munA.id, 2025);
    const c = matrix.indicators.findIndex((i) => i.id === schoolShare.id);
    const m = matrix.indicators.findIndex((i) => i.id === own.id);
    const result = await failure(submit(coordinatorA, world.munA.id, 2025, { [`0.${m}`]: '55', [`1.${c}`]: '5/4' }));
    expect(result.code).toBe('validation');
    expect(result.issues).toEqual([{ field: `c.1.${c}`, message: `Показатель Ш1, ${world.schoolA.name}, 2025 год: числитель (5) больше знаменателя (4)` }]);
    expect((await loadEntryMatrix(coordinatorA, world.munA.id, 2025)).rows[0]!.cells[m]!.current).toBeNull();
  });

  it('scope and role: another municipality and a school do not open it; an expert reads it without editing; the region sees its municipalities', async () => {
    expect((await failure(loadEntryMatrix(coordinatorB, world.munA.id, 2024))).code).toBe('forbidden');
    expect((await failure(loadEntryMatrix(schoolTeamA, world.munA.id, 2024))).code).toBe('forbidden');
    expect((await failure(loadEntryMatrix(coordinatorA, 'не-id', 2024))).code).toBe('not_found');
    const read = await loadEntryMatrix(expert, world.munA.id, 2024);
    expect(read.rows.map((r) => r.editable)).toEqual([false, false]);
    const region = await loadEntryMatrix(analyst, world.region.id, 2024);
    // The region first, then its municipalities by name («Район А …» before «Район Б …»).
    expect(region.rows.map((r) => r.organisation.id)).toEqual([world.region.id, world.munA.id, world.munB.id]);
    expect(region.indicators.map((i) => i.code)).toEqual(['М1']);
    // A school's team writing through the grid's write path into another school: refused.
    expect((await failure(saveValues(schoolTeamA, { values: [{ indicatorId: schoolShare.id, organisationId: world.schoolB.id, year: 2024, value: 1 }] }))).code).toBe('forbidden');
  });

  it('a submitted or approved period makes its row read-only, and the write path refuses it with the reason', async () => {
    await approvalAction(schoolTeamA, { organisationId: world.schoolA.id, year: 2026, action: 'submit' });
    await approvalAction(coordinatorA, { organisationId: world.schoolA.id, year: 2026, action: 'approve' });
    const matrix = await loadEntryMatrix(coordinatorA, world.munA.id, 2026);
    expect(matrix.rows.map((r) => [r.state, r.editable])).toEqual([['open', true], ['approved', false]]);
    const c = matrix.indicators.findIndex((i) => i.id === schoolShare.id);
    const refused = await failure(submit(coordinatorA, world.munA.id, 2026, { [`1.${c}`]: '10' }));
    expect(refused).toMatchObject({ code: 'conflict', message: `Значения «${world.schoolA.name}» за 2026 год утверждены и заблокированы; правка возможна после разблокировки с указанием причины.` });
  });
});
