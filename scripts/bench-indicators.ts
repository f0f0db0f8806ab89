/**
 * Benchmark of the indicators part (issue 12, «Scale and speed»): a region of 2,000 schools in 60 municipalities,
 * 25 indicators (10 computed), 5 years. Prints:
 * - the import of 250,000 entered values through the portal's own import (CSV read by the shared reader, mapped,
 *   checked, planned against the stored values and locks, written with audit, all or nothing) — ten files of
 *   25,000 rows, two per year (the record import takes at most 50,000 rows a file, header included): 10 yearly
 *   indicators and 5 quarterly ones (three quarters each) for every school;
 * - the region-wide scorecard of one year: the server time to the data the /indicators page renders (its catalogue,
 *   years and the municipalities' scorecard, computed indicators included) — target ≤ 300 ms; and, for comparison,
 *   the scorecard of all 2,000 schools;
 * - computing all computed indicators for the region for a year (region, every municipality, every school) —
 *   target ≤ 2 s;
 * - peak memory; and a bare SQL aggregate over the same values as a reference.
 * Figures only, not a test.
 *
 * DATABASE_URL — use that database; otherwise a scratch database is created on 127.0.0.1:5432 (TEST_POSTGRES_URL
 * overrides the admin URL) and dropped at the end. Runs with the react-server condition (package.json), so the
 * page's own server-only queries are what is measured.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { organisations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/actor-store';
import { copyIn } from '@/lib/classification/server/copy';
import { closeDb, getDb, getPool } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { inTransaction } from '@/lib/db/transaction';
import { computeRegionIn } from '@/lib/indicators/compute-region';
import { loadSchoolFacts } from '@/lib/indicators/facts';
import { importValueGridIn } from '@/lib/indicators/import/core';
import { listIndicators, valueYears } from '@/lib/indicators/queries';
import { loadScorecard } from '@/lib/indicators/scorecard';
import type { CreateIndicatorInput, IndicatorExpression } from '@/lib/indicators/schemas';
import { createIndicatorIn, setTargetIn } from '@/lib/indicators/write-core';
import { makeValidOgrn } from '@/lib/organisations/identifiers';
import { readTableFile, RECORD_IMPORT_LIMITS } from '@/lib/tabular';
import { createScratchDatabase } from '@/tests/support/database';

const MUNICIPALITIES = 60;
const SCHOOLS = 2_000;
const YEARS = [2022, 2023, 2024, 2025, 2026] as const;
const YEAR = 2026;
const TODAY = new Date('2026-12-01T00:00:00Z');

let peakRss = 0;
let overallPeak = 0;
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  overallPeak = Math.max(overallPeak, rss);
};
const ms = (n: number) => `${Math.round(n)} мс`;
const mb = (n: number) => `${Math.round(n / 1e6)} МБ`;
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Two warm-up calls, then five timed ones: the last value and the times. */
async function repeated<T>(fn: () => Promise<T>): Promise<[T, number[]]> {
  await fn();
  await fn();
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 5; i++) {
    const [v, t] = await timed(fn);
    value = v;
    times.push(t);
  }
  return [value!, times];
}
const spread = (times: number[]) => `${ms(median(times))} (медиана пяти; от ${ms(Math.min(...times))} до ${ms(Math.max(...times))})`;

/** A deterministic generator, so every run imports the same figures. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ENTERED: (CreateIndicatorInput & { quarterly?: boolean })[] = [
  { code: 'В1', name: 'Доля учителей, прошедших повышение квалификации', unit: 'percent', level: 'school', kind: 'entered' },
  { code: 'В2', name: 'Число обучающихся в кружках и секциях', unit: 'count', level: 'school', kind: 'entered' },
  { code: 'В3', name: 'Доля обучающихся, охваченных дополнительным образованием', unit: 'percent', level: 'school', kind: 'entered', outlierJump: 30 },
  { code: 'В4', name: 'Средний балл самооценки школы', unit: 'score', level: 'school', kind: 'entered' },
  { code: 'В5', name: 'Число педагогов — участников сообществ', unit: 'count', level: 'school', kind: 'entered' },
  { code: 'В6', name: 'Доля родителей, удовлетворённых качеством', unit: 'percent', level: 'school', kind: 'entered' },
  { code: 'В7', name: 'Сетевая программа реализуется', unit: 'boolean', level: 'school', kind: 'entered' },
  { code: 'В8', name: 'Доля обучающихся с ОВЗ в инклюзивных классах', unit: 'percent', level: 'school', kind: 'entered' },
  { code: 'В9', name: 'Число педагогических работников', unit: 'count', level: 'school', kind: 'entered' },
  { code: 'В10', name: 'Расходы на обновление МТБ, тыс. руб.', unit: 'number', level: 'school', kind: 'entered' },
  ...[1, 2, 3, 4, 5].map((n) => ({ code: `К${n}`, name: `Квартальный показатель ${n}`, unit: (n % 2 ? 'percent' : 'count') as 'percent' | 'count', level: 'school' as const, kind: 'entered' as const, periodicity: 'quarter' as const, quarterly: true })),
];

const computed = (code: string, name: string, unit: 'percent' | 'number' | 'count', expression: IndicatorExpression): CreateIndicatorInput => ({ code, name, unit, level: 'municipality', kind: 'computed', expression });
const COMPUTED: CreateIndicatorInput[] = [
  computed('Р1', 'Доля школ с интернетом не менее 1 Мбит/с', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'internetMbps', operator: '>=', value: 1 }] }),
  computed('Р2', 'Доля школ с педагогом-психологом', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'hasPsychologist', operator: 'is_true' }] }),
  computed('Р3', 'Доля школ, где учителей до 35 лет не меньше 20 %', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'shareTeachersUnder35', operator: '>=', value: 20 }] }),
  computed('Р4', 'Средняя численность обучающихся', 'number', { type: 'mean_of_schools', set: 'all', of: { source: 'context', variable: 'pupils' } }),
  computed('Р5', 'Доля школ с сетевой программой', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'entered', variable: 'value', code: 'В7', operator: '=', value: 1 }] }),
  computed('Р6', 'Обучающихся в кружках, всего', 'count', { type: 'entered_ratio', numerator: 'В2' }),
  computed('Р7', 'Доля педагогов — участников сообществ', 'percent', { type: 'entered_ratio', numerator: 'В5', denominator: 'В9' }),
  computed('Р8', 'Средняя доля учителей с повышением квалификации', 'percent', { type: 'mean_of_schools', set: 'all', of: { source: 'entered', variable: 'value', code: 'В1' } }),
  computed('Р9', 'Доля школ с участниками олимпиад', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'olympiadParticipants', operator: '>=', value: 1 }] }),
  computed('Р10', 'Доля школ, где в 10 класс переходит не меньше половины', 'percent', { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'continuationShare9to10', operator: '>=', value: 50 }] }),
];

async function bulkInsert(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await copyIn(client, table, columns, rows);
  } finally {
    await client.end();
  }
}

interface School {
  id: string;
  ogrn: string;
  municipalityId: string;
}

async function loadRegion(regionId: string): Promise<School[]> {
  const municipalities = Array.from({ length: MUNICIPALITIES }, () => randomUUID());
  await bulkInsert('organisations', ['id', 'kind', 'name', 'parent_id', 'region_id', 'municipality_id'], municipalities.map((id, i) => [id, 'municipality', `Муниципальный район ${i + 1}`, regionId, regionId, id]));
  const schools: School[] = Array.from({ length: SCHOOLS }, (_, i) => ({ id: randomUUID(), ogrn: makeValidOgrn(`1${String(i + 1).padStart(11, '0')}`), municipalityId: municipalities[i % MUNICIPALITIES]! }));
  await bulkInsert(
    'organisations',
    ['id', 'kind', 'name', 'ogrn', 'parent_id', 'region_id', 'municipality_id'],
    schools.map((s, i) => [s.id, 'school', `МБОУ «Школа № ${i + 1}»`, s.ogrn, s.municipalityId, regionId, s.municipalityId]),
  );
  const random = lcg(7);
  await bulkInsert(
    'school_contexts',
    ['school_id', 'region_id', 'municipality_id', 'year', 'pupils', 'continuation_share_9_to_10', 'olympiad_participants', 'share_teachers_under_35', 'internet_mbps', 'has_psychologist'],
    schools.flatMap((s) => YEARS.map((y) => [s.id, regionId, s.municipalityId, y, 40 + Math.floor(random() * 900), Math.round(random() * 1000) / 10, Math.floor(random() * 5), Math.round(random() * 400) / 10, Math.round(random() * 200) / 10, random() < 0.6])),
  );
  return schools;
}

/** An import file of a year: the schools × 10 yearly values and 5 quarterly indicators × quarters 1–3 (25 rows a school). */
function yearFile(schools: readonly School[], year: number): Uint8Array {
  const random = lcg(year);
  const lines = ['ОГРН;Код показателя;Год;Квартал;Значение'];
  const value = (unit: string) =>
    unit === 'percent' ? String(Math.round(random() * 1000) / 10).replace('.', ',') : unit === 'boolean' ? (random() < 0.5 ? 'да' : 'нет') : unit === 'count' ? String(Math.floor(random() * 120)) : String(Math.round(random() * 500) / 10).replace('.', ',');
  for (const s of schools) {
    for (const ind of ENTERED) {
      if (ind.quarterly) for (const q of [1, 2, 3]) lines.push(`${s.ogrn};${ind.code};${year};${q};${value(ind.unit)}`);
      else lines.push(`${s.ogrn};${ind.code};${year};;${ind.code === 'В9' ? String(60 + Math.floor(random() * 40)) : value(ind.unit)}`);
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

async function main() {
  const scratch = process.env.DATABASE_URL ? null : await createScratchDatabase('opora_bench_ind');
  if (scratch) process.env.DATABASE_URL = scratch.url;
  const timer = setInterval(sampleRss, 50);
  try {
    await migrateDatabase(process.env.DATABASE_URL!);
    const db = getDb();
    const regionId = randomUUID();
    const [region] = await db.insert(organisations).values({ id: regionId, kind: 'region', name: 'Синтетическая область', regionId }).returning();
    const [schools, setupMs] = await timed(() => loadRegion(regionId));
    const analyst: Actor = { id: randomUUID(), name: 'Аналитик региона', role: 'ministry_analyst', scope: scopeOf(region!) };
    await db.insert(users).values({ id: analyst.id, login: `${analyst.id}@bench`, name: analyst.name, passwordHash: 'x', role: 'ministry_analyst', organisationId: regionId });
    await inTransaction(async (tx) => {
      for (const input of [...ENTERED, ...COMPUTED]) {
        const { quarterly: _q, ...fields } = input as CreateIndicatorInput & { quarterly?: boolean };
        const ind = await createIndicatorIn(tx, analyst, { ...fields, status: 'active' });
        await setTargetIn(tx, analyst, { indicatorId: ind.id, kind: 'baseline', year: YEARS[0], value: ind.unit === 'boolean' ? 0 : 20 });
        await setTargetIn(tx, analyst, { indicatorId: ind.id, kind: 'target', year: YEAR, value: ind.unit === 'boolean' ? 1 : 60 });
      }
    });
    console.log(`Регион: ${SCHOOLS} школ в ${MUNICIPALITIES} муниципалитетах, ${ENTERED.length + COMPUTED.length} показателей (${COMPUTED.length} вычисляемых), ${YEARS.length} лет; справочник и социальные данные загружены за ${ms(setupMs)}`);

    // ——— Import ———
    let imported = 0;
    let readMs = 0;
    let planWriteMs = 0;
    const importStart = performance.now();
    for (const year of YEARS) {
      for (const half of [schools.slice(0, SCHOOLS / 2), schools.slice(SCHOOLS / 2)]) {
        const bytes = yearFile(half, year);
        const [file, tRead] = await timed(() => readTableFile({ bytes, filename: `values-${year}.csv`, mimeType: 'text/csv' }, RECORD_IMPORT_LIMITS));
        const sheet = file.sheets[0]!;
        const [result, tWrite] = await timed(() => inTransaction((tx) => importValueGridIn(tx, analyst, { rows: sheet.rows, sheets: [sheet.name], dryRun: false })));
        if (result.issues.length > 0 || !result.committed) throw new Error(`Импорт ${year}: ${result.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
        imported += result.counts.create + result.counts.update;
        readMs += tRead;
        planWriteMs += tWrite;
        sampleRss();
        console.log(`  ${year}: ${result.counts.create} значений из ${sheet.rows.length - 1} строк (${(bytes.length / 1e6).toFixed(1)} МБ CSV): чтение ${ms(tRead)}, проверка, план и запись с журналом ${ms(tWrite)}`);
      }
    }
    const importMs = performance.now() - importStart;
    console.log(`Импорт ${imported} значений десятью файлами по 25 000 строк: ${(importMs / 1000).toFixed(1)} с, ${Math.round(imported / (importMs / 1000))} строк/с (чтение файлов ${(readMs / 1000).toFixed(1)} с, проверка и запись ${(planWriteMs / 1000).toFixed(1)} с); пиковая память ${mb(peakRss)}`);
    const [{ n: auditRows }] = (await getPool().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'indicator_value'`)).rows as [{ n: number }];
    console.log(`  записей журнала об импорте значений: ${auditRows}`);
    const [again, againMs] = await timed(() =>
      readTableFile({ bytes: yearFile(schools.slice(0, SCHOOLS / 2), YEAR), filename: 'again.csv', mimeType: 'text/csv' }, RECORD_IMPORT_LIMITS).then((f) =>
        inTransaction((tx) => importValueGridIn(tx, analyst, { rows: f.sheets[0]!.rows, sheets: ['again'], dryRun: false })),
      ),
    );
    console.log(`Повторный импорт первого файла ${YEAR} года (25 000 строк): ${ms(againMs)}; без изменений ${again.counts.unchanged}, добавлено ${again.counts.create}, изменено ${again.counts.update}`);
    await getPool().query('ANALYZE indicator_values; ANALYZE organisations; ANALYZE school_contexts; ANALYZE audit_log');

    // ——— Scorecard ———
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const [page, pageTimes] = await repeated(async () => {
      const years = await valueYears(analyst);
      const [catalogue, card] = [await listIndicators(analyst), await loadScorecard(analyst, { year: years[0]!, level: 'municipality' }, TODAY)];
      return { catalogue: catalogue.length, cells: card.cells.length, noData: card.cells.filter((c) => c.status === 'no_data').length };
    });
    console.log(`Сводная таблица региона за ${YEAR} год (данные страницы /indicators: годы, каталог, ${MUNICIPALITIES} муниципалитетов × ${page.catalogue} показателей = ${page.cells} ячеек, вычисляемые включены): ${spread(pageTimes)} — цель ≤ 300 мс; пиковая память ${mb(peakRss)}`);
    // Where the page's time goes.
    const [, yearsTimes] = await repeated(() => valueYears(analyst));
    const [, catalogueTimes] = await repeated(() => listIndicators(analyst));
    const codes = ['В1', 'В2', 'В5', 'В7', 'В9'];
    const [facts, factsTimes] = await repeated(() => loadSchoolFacts(getDb(), { id: regionId, kind: 'region' }, YEAR, TODAY, codes));
    console.log(`  из них: годы ${ms(median(yearsTimes))}, каталог ${ms(median(catalogueTimes))}, факты ${facts.length} школ региона для вычисляемых ${ms(median(factsTimes))}`);
    const [schoolCard, schoolTimes] = await repeated(() => loadScorecard(analyst, { year: YEAR, level: 'school' }, TODAY));
    console.log(`  для сравнения — все ${SCHOOLS} школ × ${schoolCard.indicators.length} показателей (${schoolCard.cells.length} ячеек): ${spread(schoolTimes)}`);

    // ——— Computed indicators ———
    peakRss = process.memoryUsage().rss;
    const [computedAll, computeTimes] = await repeated(() => computeRegionIn(getDb(), regionId, YEAR, TODAY));
    console.log(`Все ${computedAll.values.size} вычисляемых показателей региона за ${YEAR} год для ${computedAll.organisations} организаций (регион, муниципалитеты, школы; ${computedAll.evaluations} значений): ${spread(computeTimes)} — цель ≤ 2 с; пиковая память ${mb(peakRss)}`);

    // ——— Reference ———
    const [, sqlTimes] = await repeated(() =>
      getPool().query(
        `SELECT v.indicator_id, v.municipality_id, avg(v.value), count(*) FROM indicator_values v WHERE v.region_id = $1 AND v.year = $2 AND v.quarter = 0 GROUP BY 1, 2`,
        [regionId, YEAR],
      ),
    );
    const [, sqlAllTimes] = await repeated(() => getPool().query(`SELECT v.indicator_id, v.year, v.quarter, avg(v.value), count(*) FROM indicator_values v WHERE v.region_id = $1 GROUP BY 1, 2, 3`, [regionId]));
    console.log(`Голый SQL-агрегат по значениям ${YEAR} года (показатель × муниципалитет): ${spread(sqlTimes)}; по всем 250 000 значениям: ${spread(sqlAllTimes)}`);
    console.log(`Отношение: сводная таблица / агрегат года ${(median(pageTimes) / median(sqlTimes)).toFixed(1)}×`);
    console.log(`Пиковая память процесса за весь замер: ${mb(overallPeak)}`);
  } finally {
    clearInterval(timer);
    await closeDb();
    await scratch?.drop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
