import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorValues, users, type Indicator, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { ImportUpload } from '@/lib/api/upload';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { importIndicatorValues } from '@/lib/indicators/import/queries';
import type { ValueMapping } from '@/lib/indicators/import/plan';
import { approvalAction, createIndicator } from '@/lib/indicators/queries';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let coordinatorA: Actor;
let schoolTeamA: Actor;
let expert: Actor;
let share: Indicator;
let schools: Indicator;

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

function upload(lines: string[][], dryRun: boolean, mapping?: ValueMapping): ImportUpload<ValueMapping> {
  const text = lines.map((l) => l.join(';')).join('\n');
  return { file: { bytes: new TextEncoder().encode(text), filename: 'values.csv', mimeType: 'text/csv' }, mapping, headerRow: undefined, sheetIndex: undefined, dryRun };
}

const HEADER = ['Организация', 'Код показателя', 'Год', 'Значение', 'Числитель', 'Знаменатель', 'Комментарий'];
const stored = async (ind: Indicator) =>
  (await getDb().select().from(indicatorValues).where(eq(indicatorValues.indicatorId, ind.id))).map((v) => [v.organisationId, v.year, v.value, v.version]).sort();

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  schoolTeamA = await actor('school_team', world.schoolA);
  expert = await actor('expert', world.region);
  share = await createIndicator(analyst, { code: 'И1', name: 'Доля школ с сетевыми программами', unit: 'percent', level: 'municipality', kind: 'entered', status: 'active', outlierJump: 10 });
  schools = await createIndicator(analyst, { code: 'И2', name: 'Число школ с психологом', unit: 'count', level: 'school', kind: 'entered', status: 'active' });
});

describe('indicator value import', () => {
  it('previews without writing, refuses a file with one bad row whole, then writes all rows with audit; a re-import changes nothing', async () => {
    const good = [
      HEADER,
      [world.munA.name, 'И1', '2022', '10', '', '', ''],
      [world.munA.name, 'И1', '2023', '', '3', '4', 'по ОО-1'],
      [world.schoolA.name, 'И2', '2023', '2', '', '', ''],
    ];
    const preview = await importIndicatorValues(coordinatorA, upload(good, true));
    expect(preview).toMatchObject({ committed: false, counts: { create: 3, update: 0, unchanged: 0, warnings: 1 }, issues: [] });
    expect(preview.warnings).toEqual([{ row: 3, column: 'Значение', message: `Проверьте значение показателя И1 для «${world.munA.name}» (75): изменение за год +65 больше 10` }]);
    expect(await stored(share)).toEqual([]);

    const bad = [...good, [world.munA.name, 'И1', '2024', '120', '', '', ''], [world.schoolA.name, 'И2', '2024', '1,5', '', '', '']];
    const refused = await failure(importIndicatorValues(coordinatorA, upload(bad, false)));
    expect(refused.code).toBe('validation');
    expect(refused.message).toBe('Импорт не выполнен: 2 ошибки в файле. Ничего не записано.');
    expect(refused.issues).toEqual([
      { row: 5, column: 'Значение', message: 'Значение показателя И1: процент от 0 до 100, указано 120' },
      { row: 6, column: 'Значение', message: 'Значение показателя И2: количество — целое неотрицательное число, указано 1,5' },
    ]);
    expect(await stored(share)).toEqual([]);
    expect(await stored(schools)).toEqual([]);

    const done = await importIndicatorValues(coordinatorA, upload(good, false));
    expect(done).toMatchObject({ committed: true, counts: { create: 3 } });
    expect(await stored(share)).toEqual([[world.munA.id, 2022, 10, 1], [world.munA.id, 2023, 75, 1]].sort());
    expect(await stored(schools)).toEqual([[world.schoolA.id, 2023, 2, 1]]);
    const [value] = await getDb().select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, share.id), eq(indicatorValues.year, 2023)));
    expect(value).toMatchObject({ numerator: 3, denominator: 4, comment: 'по ОО-1', enteredBy: coordinatorA.id, municipalityId: world.munA.id });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.actorId, coordinatorA.id)));
    expect(audits.map((a) => a.action)).toEqual(['import', 'import', 'import']);

    const again = await importIndicatorValues(coordinatorA, upload(good, false));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, warnings: 1 });
    expect(await stored(share)).toEqual([[world.munA.id, 2022, 10, 1], [world.munA.id, 2023, 75, 1]].sort());

    const changed = await importIndicatorValues(coordinatorA, upload([HEADER, [world.munA.name, 'И1', '2022', '12', '', '', '']], false));
    expect(changed.counts).toMatchObject({ create: 0, update: 1 });
    expect(await stored(share)).toEqual([[world.munA.id, 2022, 12, 2], [world.munA.id, 2023, 75, 1]].sort());
    const history = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.actorId, coordinatorA.id)));
    const updateEntry = history.find((h) => h.before !== null);
    expect(updateEntry).toMatchObject({ action: 'import', before: { value: 10, version: 1 }, after: { value: 12, version: 2 } });
  });

  it('rows outside the importer\'s scope are refused by row; an expert may not import', async () => {
    const file = [HEADER, [world.munB.name, 'И1', '2023', '10', '', '', ''], [world.munA.name, 'И1', '2019', '10', '', '', '']];
    const preview = await importIndicatorValues(coordinatorA, upload(file, true));
    expect(preview.issues).toEqual([
      { row: 2, column: 'Организация', message: `Организация «${world.munB.name}» не найдена среди организаций, за которые вы вводите значения; проверьте наименование или укажите ОГРН` },
    ]);
    const school = await importIndicatorValues(schoolTeamA, upload([HEADER, [world.munA.name, 'И1', '2023', '10', '', '', ''], [world.schoolA.name, 'И2', '2021', '1', '', '', '']], true));
    expect(school.issues.map((i) => i.row)).toEqual([2]);
    expect(school.counts.create).toBe(1);
    expect((await failure(importIndicatorValues(expert, upload(file, true)))).code).toBe('forbidden');
    // The region enters every organisation's values.
    expect((await importIndicatorValues(analyst, upload(file, true))).issues).toEqual([]);
  });

  it('refuses the values of an approved period with the reason, and imports them after an unlock', async () => {
    const period = { organisationId: world.munA.id, year: 2020 };
    const file = [HEADER, [world.munA.name, 'И1', '2020', '40', '', '', '']];
    await importIndicatorValues(coordinatorA, upload(file, false));
    await approvalAction(coordinatorA, { ...period, action: 'submit' });
    const approved = await approvalAction(analyst, { ...period, action: 'approve' });
    const changed = [HEADER, [world.munA.name, 'И1', '2020', '45', '', '', '']];
    const refused = await failure(importIndicatorValues(coordinatorA, upload(changed, false)));
    expect(refused.issues).toEqual([
      { row: 2, column: 'Год', message: `Значения «${world.munA.name}» за 2020 год утверждены и заблокированы; правка возможна после разблокировки с указанием причины` },
    ]);
    await approvalAction(analyst, { ...period, action: 'unlock', comment: 'Уточнены данные', version: approved.version });
    expect((await importIndicatorValues(coordinatorA, upload(changed, false))).counts.update).toBe(1);
  });

  it('the endpoint of one indicator fixes the indicator; an unknown or malformed id is a 404', async () => {
    const file = [['Организация', 'Год', 'Значение'], [world.munA.name, '2021', '33']];
    const result = await importIndicatorValues(coordinatorA, upload(file, true), share.id);
    expect(result).toMatchObject({ issues: [], counts: { create: 1 } });
    expect(result.sample[0]).toMatchObject({ indicator: 'И1', period: '2021 год', value: 33 });
    expect((await failure(importIndicatorValues(coordinatorA, upload(file, true), 'не-id'))).code).toBe('not_found');
    expect((await failure(importIndicatorValues(coordinatorA, upload(file, true), randomUUID()))).code).toBe('not_found');
  });

  it('a file longer than the record import limit is refused before it is planned', async () => {
    const lines = [HEADER, ...Array.from({ length: 50_001 }, () => [world.munA.name, 'И1', '2021', '1', '', '', ''])];
    const refused = await failure(importIndicatorValues(coordinatorA, upload(lines, true)));
    expect(refused.code).toBe('payload_too_large');
  });
});
