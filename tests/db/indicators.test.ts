import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  classificationResults,
  classificationRuns,
  indicatorValues,
  methodologies,
  organisations,
  schoolContexts,
  users,
  type Organisation,
} from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb, type Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { loadSchoolFacts } from '@/lib/indicators/facts';
import {
  approvalAction,
  computeIndicator,
  createIndicator,
  getIndicator,
  listIndicators,
  listValues,
  saveValues,
  setTarget,
  updateIndicator,
} from '@/lib/indicators/queries';
import { createWorld, uniqueOgrn, type World } from './fixtures';

let world: World;
const actors = new Map<string, Actor>();

/** An actor that exists as a user (values and approvals name who entered and decided). */
async function actor(role: Role, org: Organisation): Promise<Actor> {
  const key = `${role}:${org.id}`;
  const known = actors.get(key);
  if (known) return known;
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  actors.set(key, a);
  return a;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'ok', message: '', issues: [] as AppError['issues'] }),
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message, issues: error.issues } : { code: String(error), message: '', issues: [] }),
  );

let analyst: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
let expert: Actor;

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  coordinatorB = await actor('municipal_coordinator', world.munB);
  schoolTeamA = await actor('school_team', world.schoolA);
  expert = await actor('expert', world.region);
});

async function enteredIndicator(code: string) {
  return createIndicator(analyst, { code, name: `Доля педагогов, прошедших повышение квалификации ${code}`, unit: 'percent', level: 'school', kind: 'entered', source: 'ОО, УМЦ', status: 'active' });
}

describe('catalogue', () => {
  it('the region defines indicators; a municipality, a school and an expert may not; everyone in the region reads', async () => {
    const created = await enteredIndicator('9');
    expect(created).toMatchObject({ regionId: world.region.id, ownerOrganisationId: world.region.id, version: 1, closeShare: 0.8 });
    for (const who of [coordinatorA, schoolTeamA, expert]) {
      expect((await failure(createIndicator(who, { code: 'x', name: 'x', unit: 'count', level: 'school', kind: 'entered' }))).code).toBe('forbidden');
    }
    expect((await listIndicators(schoolTeamA)).map((i) => i.code)).toContain('9');
    expect((await getIndicator(expert, created.id)).canDefine).toBe(false);
    expect((await failure(getIndicator(expert, 'не-идентификатор'))).code).toBe('not_found');
    expect((await failure(getIndicator(expert, randomUUID()))).code).toBe('not_found');
    const outsider = await actor('school_team', (await createWorld()).schoolA);
    expect((await failure(getIndicator(outsider, created.id))).code).toBe('not_found');
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ action: 'create', actorId: analyst.id });
  });

  it('a computed indicator needs a valid expression, checked when saved; stale versions are refused', async () => {
    const bad = await failure(createIndicator(analyst, { code: 'c1', name: 'x', unit: 'percent', level: 'school', kind: 'computed', expression: { type: 'entered_ratio', numerator: 'нет-такого' } }));
    expect(bad).toMatchObject({ code: 'validation', message: 'Формула: нет вводимого показателя с кодом «нет-такого»' });
    const none = await failure(createIndicator(analyst, { code: 'c1', name: 'x', unit: 'percent', level: 'school', kind: 'computed' }));
    expect(none.issues).toContainEqual({ field: 'expression', message: 'Формула: обязательна для вычисляемого показателя' });
    const ok = await createIndicator(analyst, { code: 'c1', name: 'x', unit: 'percent', level: 'school', kind: 'computed', expression: JSON.stringify({ type: 'entered_ratio', numerator: '9' }) });
    const renamed = await updateIndicator(analyst, { id: ok.id, version: 1, name: 'Сумма по иерархии' });
    expect(renamed).toMatchObject({ name: 'Сумма по иерархии', version: 2, kind: 'computed' });
    expect((await failure(updateIndicator(analyst, { id: ok.id, version: 1, name: 'поздно' }))).code).toBe('conflict');
  });

  it('an update changes only the fields it names: the others keep their values, not the defaults of a new indicator', async () => {
    const full = await createIndicator(analyst, { code: 'p1', name: 'x', unit: 'count', level: 'school', kind: 'entered', status: 'active', direction: 'lower', periodicity: 'quarter', description: 'Описание', method: 'Методика', source: 'РИС ГИА' });
    const renamed = await updateIndicator(analyst, { id: full.id, version: 1, name: 'Новое имя' });
    expect(renamed).toMatchObject({ name: 'Новое имя', status: 'active', direction: 'lower', periodicity: 'quarter', description: 'Описание', method: 'Методика', source: 'РИС ГИА', version: 2 });
  });

  it('targets are versioned and their change after values exist is audited as such', async () => {
    const ind = await enteredIndicator('t1');
    const t = await setTarget(analyst, { indicatorId: ind.id, kind: 'target', year: 2022, value: 100 });
    await saveValues(schoolTeamA, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 50 }] });
    const changed = await setTarget(analyst, { indicatorId: ind.id, kind: 'target', year: 2022, value: 90, version: t.version });
    expect(changed).toMatchObject({ value: 90, version: 2 });
    expect((await failure(setTarget(analyst, { indicatorId: ind.id, kind: 'target', year: 2022, value: 80, version: 1 }))).code).toBe('conflict');
    expect((await failure(setTarget(coordinatorA, { indicatorId: ind.id, kind: 'target', year: 2022, value: 1 }))).code).toBe('forbidden');
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, changed.id), eq(auditLog.action, 'update')));
    expect(entry!.after).toMatchObject({ value: 90, valuesExisted: true });
  });
});

describe('entering values', () => {
  it('a school enters its own values, not another school\'s; a coordinator enters its schools\'; an expert only reads', async () => {
    const ind = await enteredIndicator('v1');
    const [saved] = await saveValues(schoolTeamA, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, numerator: '3', denominator: '4', comment: 'по ОО-1' }] });
    expect(saved).toMatchObject({ value: 75, numerator: 3, denominator: 4, enteredBy: schoolTeamA.id, municipalityId: world.munA.id, schoolId: world.schoolA.id, version: 1 });
    expect((await failure(saveValues(schoolTeamA, { values: [{ indicatorId: ind.id, organisationId: world.schoolB.id, year: 2021, value: 10 }] }))).code).toBe('forbidden');
    expect((await failure(saveValues(coordinatorB, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 10, version: 1 }] }))).code).toBe('forbidden');
    expect((await failure(saveValues(expert, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 10, version: 1 }] }))).code).toBe('forbidden');
    const [edited] = await saveValues(coordinatorA, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 80, version: 1 }] });
    expect(edited).toMatchObject({ value: 80, numerator: null, version: 2 });
    expect((await failure(saveValues(schoolTeamA, { values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 70, version: 1 }] }))).code).toBe('conflict');
    expect((await listValues(expert, ind.id, { year: 2021 })).map((v) => v.value)).toEqual([80]);
    expect(await listValues(coordinatorB, ind.id)).toEqual([]);
  });

  it('bad cells: a Russian message per cell naming indicator, school and period; nothing is written', async () => {
    const ind = await enteredIndicator('v2');
    const result = await failure(
      saveValues(schoolTeamA, {
        values: [
          { indicatorId: ind.id, organisationId: world.schoolA.id, year: 2020, value: 40 },
          { indicatorId: ind.id, organisationId: world.schoolA.id, year: 2021, value: 140 },
          { indicatorId: ind.id, organisationId: world.schoolA.id, year: 2022, numerator: 5, denominator: 4 },
        ],
      }),
    );
    expect(result.code).toBe('validation');
    expect(result.issues).toEqual([
      { field: 'values.1.value', message: `Показатель v2, ${world.schoolA.name}, 2021 год: процент от 0 до 100, указано 140` },
      { field: 'values.2.value', message: `Показатель v2, ${world.schoolA.name}, 2022 год: числитель (5) больше знаменателя (4)` },
    ]);
    expect(await getDb().select().from(indicatorValues).where(eq(indicatorValues.indicatorId, ind.id))).toEqual([]);
  });
  it('a batch reads its stored values at once; the same cell twice updates the row the batch wrote, and a stale version is refused', async () => {
    const ind = await enteredIndicator('v3');
    const cell = (value: string, version?: number) => ({ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2023, value, version });
    const twice = await saveValues(schoolTeamA, { values: [cell('10'), cell('20')] });
    expect(twice.map((v) => [v.value, v.version])).toEqual([[10, 1], [20, 2]]);
    expect(twice[0]!.id).toBe(twice[1]!.id);
    const stored = await listValues(schoolTeamA, ind.id, { year: 2023 });
    expect(stored.map((v) => v.value)).toEqual([20]);
    expect((await failure(saveValues(schoolTeamA, { values: [cell('30', 2), cell('40', 2)] }))).code).toBe('conflict');
    expect((await listValues(schoolTeamA, ind.id, { year: 2023 })).map((v) => v.value)).toEqual([20]);
  });
});

describe('approval and lock', () => {
  it('submit → (edits refused) → return with comment → submit → approve (locked, 409) → unlock with a reason → editable', async () => {
    const ind = await enteredIndicator('a1');
    const cell = (value: number, version?: number) => ({ values: [{ indicatorId: ind.id, organisationId: world.schoolA.id, year: 2023, value, version }] });
    await saveValues(schoolTeamA, cell(10));
    const period = { organisationId: world.schoolA.id, year: 2023 };
    expect((await failure(approvalAction(schoolTeamA, { ...period, action: 'approve' }))).code).toBe('forbidden');
    const submitted = await approvalAction(schoolTeamA, { ...period, action: 'submit' });
    expect(submitted).toMatchObject({ state: 'submitted', submittedBy: schoolTeamA.id });
    const whileSubmitted = await failure(saveValues(schoolTeamA, cell(11, 1)));
    expect(whileSubmitted).toMatchObject({ code: 'conflict', message: `Значения «${world.schoolA.name}» за 2023 год представлены на утверждение; правка возможна после возврата на доработку.` });
    expect((await failure(approvalAction(coordinatorB, { ...period, action: 'approve' }))).code).toBe('forbidden');
    expect((await failure(approvalAction(coordinatorA, { ...period, action: 'return' }))).issues).toContainEqual({ field: 'comment', message: 'Комментарий: напишите, что исправить' });
    await approvalAction(coordinatorA, { ...period, action: 'return', comment: 'Проверьте знаменатель' });
    await saveValues(schoolTeamA, cell(12, 1));
    await approvalAction(schoolTeamA, { ...period, action: 'submit' });
    const approved = await approvalAction(coordinatorA, { ...period, action: 'approve' });
    expect(approved.state).toBe('approved');
    expect(approved.lockedAt).not.toBeNull();
    const locked = await failure(saveValues(coordinatorA, cell(13, 2)));
    expect(locked).toMatchObject({ code: 'conflict', message: `Значения «${world.schoolA.name}» за 2023 год утверждены и заблокированы; правка возможна после разблокировки с указанием причины.` });
    expect((await failure(approvalAction(coordinatorA, { ...period, action: 'approve' }))).message).toContain('утверждены и заблокированы. Действие «утвердить» сейчас невозможно.');
    expect((await failure(approvalAction(coordinatorA, { ...period, action: 'unlock' }))).issues).toContainEqual({ field: 'comment', message: 'Причина разблокировки: обязательное поле' });
    const unlocked = await approvalAction(coordinatorA, { ...period, action: 'unlock', comment: 'Ошибка в численности', version: approved.version });
    expect(unlocked).toMatchObject({ state: 'open', lockedAt: null, unlockReason: 'Ошибка в численности' });
    expect((await saveValues(schoolTeamA, cell(13, 2)))[0]!.value).toBe(13);
    const events = await getDb().select().from(auditLog).where(eq(auditLog.entityId, approved.id));
    expect(events.map((e) => (e.after as { event: string }).event)).toEqual(['submit', 'return', 'submit', 'approve', 'unlock']);
  });

  it('a municipality does not approve itself; the region approves it', async () => {
    const period = { organisationId: world.munA.id, year: 2023 };
    await approvalAction(coordinatorA, { ...period, action: 'submit' });
    expect(await failure(approvalAction(coordinatorA, { ...period, action: 'approve' }))).toMatchObject({
      code: 'forbidden',
      message: 'Значения утверждает вышестоящий уровень: школы — муниципалитет, муниципалитета — регион.',
    });
    expect((await approvalAction(analyst, { ...period, action: 'approve' })).state).toBe('approved');
  });
});

describe('computed indicators', () => {
  it('share of ШНОР with internet ≥ 1 Мбит/с equals the hand count, traceable, frozen with the approved period', async () => {
    const w = await createWorld();
    const analystW = await actor('ministry_analyst', w.region);
    const coordinatorW = await actor('municipal_coordinator', w.munA);
    const db = getDb();
    const extra: Organisation[] = [];
    for (const name of ['Школа 3', 'Школа 4', 'Школа 5']) {
      const [row] = await db.insert(organisations).values({ kind: 'school', name, ogrn: uniqueOgrn(), parentId: w.munA.id, regionId: w.region.id, municipalityId: w.munA.id }).returning();
      extra.push(row!);
    }
    const [s3, s4, s5] = extra as [Organisation, Organisation, Organisation];
    // ШНОР: schoolA (low_results, 0,5 Мбит/с), s3 (both, 10 Мбит/с), s4 (low_results, no context); s5 not ШНОР (100 Мбит/с).
    const [m] = await db.insert(methodologies).values({ regionId: w.region.id, name: 'Тест', versionNumber: 1, status: 'active', params: {} }).returning();
    const [run] = await db.insert(classificationRuns).values({ regionId: w.region.id, year: 2022, methodologyId: m!.id, inputDigest: 'x', status: 'published', summary: {}, publishedAt: new Date() }).returning();
    const result = (schoolId: string, category: string) => ({ runId: run!.id, schoolId, municipalityId: w.munA.id, category, lowResults: 'no', stableLowResults: 'no', unfavourable: 'no', explanation: '{}' });
    await db.insert(classificationResults).values([result(w.schoolA.id, 'low_results'), result(s3.id, 'both'), result(s4.id, 'low_results'), result(s5.id, 'none')]);
    const ctx = (schoolId: string, internetMbps: number) => ({ schoolId, regionId: w.region.id, municipalityId: w.munA.id, year: 2022, internetMbps });
    await db.insert(schoolContexts).values([ctx(w.schoolA.id, 0.5), ctx(s3.id, 10), ctx(s5.id, 100)]);
    const ind = await createIndicator(analystW, {
      code: '11',
      name: 'Доля ШНОР, имеющих доступ Интернет не менее 1 Мбит/сек',
      unit: 'percent',
      level: 'municipality',
      kind: 'computed',
      status: 'active',
      expression: { type: 'share_of_schools', set: 'low_results', where: [{ source: 'context', variable: 'internetMbps', operator: '>=', value: 1 }] },
    });
    const computed = await computeIndicator(coordinatorW, ind.id, w.munA.id, 2022);
    expect(computed).toMatchObject({ numerator: 1, denominator: 3, frozen: false });
    expect(computed.value).toBeCloseTo(100 / 3, 6);
    const trace = new Map(computed.trace.map((t) => [t.schoolId, t]));
    expect(trace.get(s3.id)).toMatchObject({ inDenominator: true, inNumerator: true });
    expect(trace.get(s4.id)!.reasons).toContain('скорость Интернета, Мбит/с ≥ 1 — нет данных');
    expect(trace.get(s5.id)).toMatchObject({ inDenominator: false });
    // Approval freezes the figure; later changes of the inputs do not move it, and the change is visible.
    await approvalAction(coordinatorW, { organisationId: w.munA.id, year: 2022, action: 'submit' });
    await approvalAction(analystW, { organisationId: w.munA.id, year: 2022, action: 'approve' });
    await db.update(schoolContexts).set({ internetMbps: 5 }).where(and(eq(schoolContexts.schoolId, w.schoolA.id), eq(schoolContexts.year, 2022)));
    const frozen = await computeIndicator(coordinatorW, ind.id, w.munA.id, 2022);
    expect(frozen).toMatchObject({ numerator: 1, denominator: 3, frozen: true, inputsChanged: true, inputDigest: computed.inputDigest });
    // Another municipality's coordinator may not open it.
    const coordinatorWB = await actor('municipal_coordinator', w.munB);
    expect((await failure(computeIndicator(coordinatorWB, ind.id, w.munA.id, 2022))).code).toBe('not_found');
  });

  it('the facts are read one query at a time, so approval may freeze computed values inside its transaction', async () => {
    // A transaction is one connection: queries sent together would pile up on it (pg warns, and pg@9 refuses).
    let running = 0;
    let most = 0;
    const facts = await inTransaction(async (tx) => {
      const counted = new Proxy(tx, {
        get(target, key, receiver) {
          if (key !== 'execute') return Reflect.get(target, key, receiver);
          return async (...args: Parameters<Executor['execute']>) => {
            running += 1;
            most = Math.max(most, running);
            try {
              return await target.execute(...args);
            } finally {
              running -= 1;
            }
          };
        },
      });
      return loadSchoolFacts(counted, world.munA, 2022);
    });
    expect(facts.map((f) => f.schoolId)).toEqual([world.schoolA.id]);
    expect(most).toBe(1);
  });
});
