import { randomUUID } from 'node:crypto';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { createIndicator, saveValues, setTarget } from '@/lib/indicators/queries';
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
