import { randomUUID } from 'node:crypto';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { IDLE } from '@/lib/action-state';
import { createIndicator, getIndicator, saveValues, setTarget } from '@/lib/indicators/queries';
import { createWorld, type World } from './fixtures';

/** The indicator pages rendered on the server as a signed-in user sees them. */
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({
  getActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new Error('no actor');
    return session.actor;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));

let world: World;
let analyst: Actor;
let coordinatorA: Actor;

async function actor(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  return a;
}

async function render(page: (props: never) => Promise<ReactElement>, params: Record<string, string>, search: Record<string, string | string[]> = {}) {
  const element = await page({ params: Promise.resolve(params), searchParams: Promise.resolve(search) } as never);
  return renderToStaticMarkup(element);
}

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
});

describe('indicator page', () => {
  it('shows the description, targets, values by year with baseline and target lines, the trace of a computed value and the history', async () => {
    const entered = await createIndicator(analyst, { code: 'П1', name: 'Доля педагогов с повышением квалификации', description: 'Что измеряем', method: 'Числитель / знаменатель × 100', unit: 'percent', level: 'school', kind: 'entered', source: 'ОО, УМЦ', status: 'active' });
    await setTarget(analyst, { indicatorId: entered.id, kind: 'baseline', year: 2020, value: 20 });
    await setTarget(analyst, { indicatorId: entered.id, kind: 'target', year: 2022, value: 90 });
    await saveValues(coordinatorA, { values: [
      { indicatorId: entered.id, organisationId: world.schoolA.id, year: 2020, value: 25.5 },
      { indicatorId: entered.id, organisationId: world.schoolA.id, year: 2021, numerator: 3, denominator: 4 },
    ] });
    session.actor = analyst;
    const { default: IndicatorPage } = await import('@/app/(staff)/indicators/[id]/page');
    const html = await render(IndicatorPage, { id: entered.id });
    for (const text of ['П1. Доля педагогов с повышением квалификации', 'Что измеряем', 'Числитель / знаменатель × 100', 'ОО, УМЦ', 'вводимый', 'школа', 'Базовое значение', 'Целевое значение', '25,5', '3 / 4', 'Изменить показатель', 'История изменений']) {
      expect(html).toContain(text);
    }
    expect(html).toContain(world.schoolA.name);
    expect(html).not.toContain('Из чего сложилось');

    const computed = await createIndicator(analyst, { code: 'В1', name: 'Среднее по школам', unit: 'percent', level: 'municipality', kind: 'computed', status: 'active', expression: { type: 'entered_ratio', numerator: 'П1' } });
    const traced = await render(IndicatorPage, { id: computed.id }, { trace: world.munA.id, year: '2021' });
    expect(traced).toContain('Из чего сложилось вычисленное значение');
    expect(traced).toContain(`/schools/${world.schoolA.id}`);
  });

  it('a coordinator reads without the edit link', async () => {
    const ind = await createIndicator(analyst, { code: 'П2', name: 'Другое', unit: 'count', level: 'school', kind: 'entered', status: 'active' });
    session.actor = coordinatorA;
    const { default: IndicatorPage } = await import('@/app/(staff)/indicators/[id]/page');
    const html = await render(IndicatorPage, { id: ind.id });
    expect(html).toContain('П2. Другое');
    expect(html).not.toContain('Изменить показатель');
  });
});

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

function isNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404');
}

describe('indicator forms', () => {
  it('the edit form saves with the version it read, refuses a stale one, and names bad fields in Russian', async () => {
    const ind = await createIndicator(analyst, { code: 'Ф1', name: 'Для формы', unit: 'percent', level: 'school', kind: 'entered', status: 'draft' });
    session.actor = analyst;
    const { updateIndicatorAction, setTargetAction } = await import('@/app/(staff)/indicators/actions');
    const base = { id: ind.id, version: ind.version, code: 'Ф1', name: 'Новое имя', description: '', method: '', unit: 'percent', direction: 'higher', source: 'УМЦ', level: 'school', kind: 'entered', periodicity: 'year', expression: '', roadmapId: '', status: 'active', outlierJump: '', minValue: '0', maxValue: '100', closeShare: '0,7' };
    expect(await updateIndicatorAction(IDLE, form(base))).toEqual({ status: 'success', message: 'Изменения сохранены.' });
    expect((await getIndicator(analyst, ind.id)).indicator).toMatchObject({ name: 'Новое имя', status: 'active', closeShare: 0.7, maxValue: 100, version: 2 });
    const stale = await updateIndicatorAction(IDLE, form({ ...base, name: 'Поздно' }));
    expect(stale).toMatchObject({ status: 'error', code: 'conflict' });
    const bad = await updateIndicatorAction(IDLE, form({ ...base, version: 2, name: '', minValue: '10', maxValue: '5', closeShare: 'много' }));
    expect(bad).toMatchObject({ status: 'error', code: 'validation' });
    const errors = (bad as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(errors.name).toBe('Наименование: обязательное поле');
    expect(errors.closeShare).toMatch(/^«Близко к цели», доля пути: /);
    const computedWithoutFormula = await updateIndicatorAction(IDLE, form({ ...base, version: 2, kind: 'computed' }));
    expect((computedWithoutFormula as { fieldErrors: Record<string, string> }).fieldErrors.expression).toBe('Формула: обязательна для вычисляемого показателя');
    expect(await setTargetAction(IDLE, form({ indicatorId: ind.id, kind: 'target', year: 2024, value: '95,5' }))).toEqual({ status: 'success', message: 'Целевое значение 2024 года сохранено.' });
    expect((await getIndicator(analyst, ind.id)).targets).toMatchObject([{ kind: 'target', year: 2024, value: 95.5 }]);
    expect((await setTargetAction(IDLE, form({ indicatorId: ind.id, kind: 'target', year: 'двадцать', value: '1' })) as { fieldErrors: Record<string, string> }).fieldErrors.year).toMatch(/^Год: /);
  });

  it('a coordinator may not define: the action answers forbidden, the new and edit pages are not found', async () => {
    const ind = await createIndicator(analyst, { code: 'Ф2', name: 'Чужое', unit: 'count', level: 'school', kind: 'entered' });
    session.actor = coordinatorA;
    const { updateIndicatorAction } = await import('@/app/(staff)/indicators/actions');
    expect(await updateIndicatorAction(IDLE, form({ id: ind.id, version: 1, name: 'x' }))).toMatchObject({ status: 'error', code: 'forbidden' });
    const { default: EditPage } = await import('@/app/(staff)/indicators/[id]/edit/page');
    const { default: NewPage } = await import('@/app/(staff)/indicators/new/page');
    await expect(render(EditPage, { id: ind.id }).then(() => 'rendered', (e: unknown) => (isNotFound(e) ? 'not found' : e))).resolves.toBe('not found');
    await expect(render(NewPage, {}).then(() => 'rendered', (e: unknown) => (isNotFound(e) ? 'not found' : e))).resolves.toBe('not found');
    session.actor = analyst;
    const html = await render(EditPage, { id: ind.id });
    expect(html).toContain('Правка показателя Ф2');
    expect(html).toContain('name="version" value="1"');
    expect(await render(NewPage, {})).toContain('Создать показатель');
  });
});

describe('data entry grid', () => {
  it('shows target and last year beside each cell, saves filled rows, puts a bad cell\'s message on its row, and walks the period through submit, approve and unlock', async () => {
    const share = await createIndicator(analyst, { code: 'Г1', name: 'Доля с интернетом', unit: 'percent', level: 'municipality', kind: 'entered', status: 'active', outlierJump: 30 });
    const count = await createIndicator(analyst, { code: 'Г2', name: 'Число семинаров', unit: 'count', level: 'municipality', kind: 'entered', status: 'active' });
    await createIndicator(analyst, { code: 'Г3', name: 'Школьный', unit: 'count', level: 'school', kind: 'entered', status: 'active' });
    await setTarget(analyst, { indicatorId: share.id, kind: 'target', year: 2026, value: 95 });
    await saveValues(coordinatorA, { values: [{ indicatorId: share.id, organisationId: world.munA.id, year: 2024, value: 41.5 }] });
    session.actor = coordinatorA;
    const { default: EntryPage } = await import('@/app/(staff)/indicators/entry/page');
    const html = await render(EntryPage, {}, { org: world.munA.id, year: '2025' });
    expect(html).toContain('Г1.');
    expect(html).toContain('Г2.');
    expect(html).not.toContain('Г3.');
    expect(html).toContain('95 (2026)');
    expect(html).toContain('41,5');
    expect(html).toContain('не представлены');
    expect(html).toContain('Представить на утверждение');

    const { saveEntryAction, approvalFormAction } = await import('@/app/(staff)/indicators/actions');
    const rowOf = (id: string) => (html.indexOf(`value="${share.id}"`) < html.indexOf(`value="${count.id}"`) ? (id === share.id ? 0 : 1) : id === share.id ? 1 : 0);
    const s = rowOf(share.id);
    const c = rowOf(count.id);
    const bad = await saveEntryAction(IDLE, form({ organisationId: world.munA.id, year: 2025, [`indicatorId.${s}`]: share.id, [`value.${s}`]: '80', [`indicatorId.${c}`]: count.id, [`value.${c}`]: '2,5' }));
    expect(bad).toMatchObject({ status: 'error', code: 'validation' });
    expect((bad as { fieldErrors: Record<string, string> }).fieldErrors[`row.${c}`]).toMatch(/^Показатель Г2, .*: количество — целое неотрицательное число, указано 2,5$/);
    expect((bad as { values: Record<string, string> }).values[`value.${c}`]).toBe('2,5');
    const ok = await saveEntryAction(IDLE, form({ organisationId: world.munA.id, year: 2025, [`indicatorId.${s}`]: share.id, [`numerator.${s}`]: '4', [`denominator.${s}`]: '5', [`indicatorId.${c}`]: count.id, [`value.${c}`]: '' }));
    expect(ok).toEqual({ status: 'success', message: 'Сохранено: 1 значение.' });
    const after = await render(EntryPage, {}, { org: world.munA.id, year: '2025' });
    expect(after).toContain('Проверьте: изменение за год +38,5 больше 30');

    expect(await approvalFormAction(IDLE, form({ organisationId: world.munA.id, year: 2025, action: 'submit' }))).toEqual({ status: 'success', message: 'Значения представлены на утверждение.' });
    const locked = await saveEntryAction(IDLE, form({ organisationId: world.munA.id, year: 2025, [`indicatorId.${s}`]: share.id, [`value.${s}`]: '10', [`version.${s}`]: '1' }));
    expect(locked).toMatchObject({ status: 'error', code: 'conflict' });
    expect((locked as { message: string }).message).toContain('представлены на утверждение');
    expect(await approvalFormAction(IDLE, form({ organisationId: world.munA.id, year: 2025, action: 'approve', version: 2 }))).toMatchObject({ status: 'error', code: 'forbidden' });

    session.actor = analyst;
    const forAnalyst = await render(EntryPage, {}, { org: world.munA.id, year: '2025' });
    expect(forAnalyst).toContain('Утвердить и заблокировать');
    expect(forAnalyst).toContain('Вернуть на доработку');
    expect(await approvalFormAction(IDLE, form({ organisationId: world.munA.id, year: 2025, action: 'approve', version: 2 }))).toEqual({ status: 'success', message: 'Значения утверждены и заблокированы.' });
    const approved = await render(EntryPage, {}, { org: world.munA.id, year: '2025' });
    expect(approved).toContain('утверждены, заблокированы');
    expect(approved).toContain('Разблокировать');
    expect(approved).not.toContain('Сохранить значения');
    const noReason = await approvalFormAction(IDLE, form({ organisationId: world.munA.id, year: 2025, action: 'unlock', version: 3 }));
    expect((noReason as { fieldErrors: Record<string, string> }).fieldErrors.comment).toBe('Причина разблокировки: обязательное поле');
    expect(await approvalFormAction(IDLE, form({ organisationId: world.munA.id, year: 2025, action: 'unlock', version: 3, comment: 'Ошибка в числителе' }))).toEqual({ status: 'success', message: 'Период разблокирован.' });
  });

  it('an organisation out of reach or a malformed id is not found', async () => {
    session.actor = coordinatorA;
    const { default: EntryPage } = await import('@/app/(staff)/indicators/entry/page');
    for (const org of [world.munB.id, world.centerA.id, 'abc', '6f1c1a52-0000-4000-8000-000000000000']) {
      await expect(render(EntryPage, {}, { org }).then(() => 'rendered', (e: unknown) => (isNotFound(e) ? 'not found' : e))).resolves.toBe('not found');
    }
  });

  it('a user of an organisation that reports no values (a ministry, a methodical centre) is asked to choose one, not shown an error', async () => {
    session.actor = await actor('ministry_analyst', world.centerA);
    const { default: EntryPage } = await import('@/app/(staff)/indicators/entry/page');
    expect(await render(EntryPage, {}, {})).toContain('Выберите организацию и год.');
  });
});
