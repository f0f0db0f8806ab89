/**
 * Benchmark of the practice bank (issue 13, «Scale and speed»): loads 20,000 synthetic practices with Russian text
 * generated from a word list into a database holding the demo region, then prints the search latency — median and
 * p95 over 200 queries of 1–3 words with filters, the whole catalogue call (rows, snippets, counts per filter) —
 * and the «for this school» suggestion time, on PostgreSQL and on PGlite. Figures only, not a test. Beside the
 * search figures, as the reference measured in the same run: the bare GIN-index match of the same queries (count
 * of the region's practices holding the words), the floor of any search that counts what it found.
 *
 * PostgreSQL: a scratch database on 127.0.0.1:5432 (TEST_POSTGRES_URL overrides the admin URL), dropped at the end.
 * PGlite: an in-memory embedded database served on a free loopback port, as `npm start` serves it.
 * BENCH_PRACTICES (default 20000) and BENCH_ENGINES (default «postgres,pglite») change the run.
 */
import { and, eq, sql } from 'drizzle-orm';
import { organisations, practices } from '@/db/schema';
import { RISK_FACTORS } from '@/lib/classification/risk';
import { closeDb, getDb } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemoData } from '@/lib/demo/seed';
import { suggestionsIn } from '@/lib/practices/suggest-query';
import { normaliseQuery, runSearch } from '@/lib/practices/search';
import { searchSchema } from '@/lib/practices/schemas';
import { createScratchDatabase, freePort } from '@/tests/support/database';

const COUNT = Number(process.env.BENCH_PRACTICES ?? 20_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const QUERIES = 200;

/** Words of school-improvement documents, several forms of each, so stemming has work to do. */
const WORDS = `наставничество наставника наставники молодых молодого учителей учителя учитель педагогов педагогические педагог
математика математике математики математическая русский русского языка язык чтение чтения читательской грамотности
физика физике химия химии биология лабораторные работы практикум практикума оборудование оснащение кабинета центра
родители родителей родительское собрание собрания семьи семей вовлечение вовлечённость ученики учеников обучающихся
школьники школа школы школами сельская сельской малокомплектная городская базовая базовой сетевое сетевой взаимодействие
подготовка подготовки экзамен экзамена экзаменам ОГЭ ЕГЭ ВПР диагностика диагностики диагностическая результаты
результатов успеваемость неуспеваемость трудности трудностями мотивация мотивации интерес интереса тревожность
психолог психолога сопровождение сопровождения консультации консультаций индивидуальные индивидуальный маршрут маршруты
урок уроки уроков занятия занятий кружок клуб клуба внеурочная деятельность проект проекты проектная командная
оценивание формирующее обратная связь самооценка критерии критериев методическое объединение методического
дистанционные дистанционное обучение платформа онлайн видеосвязь расписание график неделю четверть полугодие
адаптация адаптации инофоны мигрантов словарь терминов инклюзия ОВЗ логопед дефектолог тьютор тьютора
профилактика конфликтов медиация примирения служба классный руководитель классных руководителей завуч директор
повышение квалификации курсы стажировка стажировки взаимопосещение взаимопосещения анализ разбор банк заданий`.split(/\s+/);

const PREFIXES = ['Программа', 'Модель', 'Система', 'Опыт', 'Практика', 'Проект', 'Технология', 'Механизм'];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = random(13);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const sentence = (n: number) => {
  const s = words(n);
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (v: number) => `${v.toFixed(1).replace('.', ',')} мс`;

async function load(regionId: string, schools: { id: string; municipalityId: string | null; settlement: 'urban' | 'rural' | null }[]) {
  const db = getDb();
  const started = performance.now();
  // A bulk load, as PostgreSQL documents it for GIN: pending lists on while loading, merged once at the end.
  const gin = ['practices_search_idx', 'practices_title_trgm_idx', 'practices_risk_factors_idx'];
  for (const index of gin) await db.execute(sql.raw(`ALTER INDEX ${index} SET (fastupdate = on)`));
  const BATCH = 500;
  for (let i = 0; i < COUNT; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, COUNT - i) }, (_, k) => {
      const school = pick(schools);
      const risks = [...new Set([pick(RISK_FACTORS), pick(RISK_FACTORS), ...(rand() < 0.3 ? [pick(RISK_FACTORS)] : [])])];
      const published = rand() < 0.7;
      return {
        regionId,
        municipalityId: school.municipalityId,
        schoolId: school.id,
        title: `${pick(PREFIXES)}: ${words(3 + Math.floor(rand() * 5))}`,
        summary: `${sentence(12)} ${sentence(10)}`,
        problem: sentence(14),
        riskFactors: risks,
        settlement: school.settlement,
        socialCluster: 1 + Math.floor(rand() * 4),
        body: `## Шаги\n\n1. ${sentence(12)}\n2. ${sentence(14)}\n3. ${sentence(10)}\n\n${sentence(20)} ${sentence(18)} ${sentence(16)}`,
        costBand: pick(['none', 'low', 'moderate', 'significant'] as const),
        claimedResults: sentence(12),
        evidenceLevel: published ? pick(['experience', 'before_after', 'comparison', 'replicated'] as const) : null,
        status: published ? ('published' as const) : pick(['draft', 'submitted', 'under_review', 'returned'] as const),
        publishedVersion: published ? 1 : null,
        publishedAt: published ? new Date(Date.UTC(2025, 0, 1) + (i + k) * 60_000) : null,
        startedOn: '2025-01-01',
      };
    });
    await db.insert(practices).values(rows);
  }
  for (const index of gin) {
    await db.execute(sql.raw(`SELECT gin_clean_pending_list('${index}'::regclass)`));
    await db.execute(sql.raw(`ALTER INDEX ${index} SET (fastupdate = off)`));
  }
  await db.execute(sql`ANALYZE practices`);
  return performance.now() - started;
}

async function measure(engine: string) {
  await migrateDatabase(process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${process.env.OPORA_EMBEDDED_PORT}/postgres`);
  const seedStarted = performance.now();
  await seedDemoData();
  const seedMs = performance.now() - seedStarted;
  const db = getDb();
  const schools = await db.select({ id: organisations.id, municipalityId: organisations.municipalityId, settlement: organisations.settlement, regionId: organisations.regionId }).from(organisations).where(eq(organisations.kind, 'school'));
  const regionId = schools[0]!.regionId!;
  const loadMs = await load(regionId, schools);
  const visible = and(eq(practices.regionId, regionId), eq(practices.status, 'published'));
  const times: number[] = [];
  const floor: number[] = [];
  let found = 0;
  const queryRand = random(7);
  const qpick = <T>(list: readonly T[]): T => list[Math.floor(queryRand() * list.length)]!;
  for (let i = 0; i < QUERIES + 10; i++) {
    const n = 1 + Math.floor(queryRand() * 3);
    let q = Array.from({ length: n }, () => qpick(WORDS)).join(' ');
    // Every fifth query carries a typo (two letters swapped) in its first word.
    if (i % 5 === 0 && q.length > 5) q = `${q.slice(0, 2)}${q[3]}${q[2]}${q.slice(4)}`;
    const r = queryRand();
    const filters = searchSchema.parse({
      q,
      riskFactor: r < 0.5 ? qpick(RISK_FACTORS) : undefined,
      costBand: r >= 0.5 && r < 0.8 ? qpick(['none', 'low', 'moderate', 'significant']) : undefined,
      settlement: r >= 0.8 ? qpick(['urban', 'rural']) : undefined,
    });
    const started = performance.now();
    const result = await runSearch(db, filters, visible);
    const elapsed = performance.now() - started;
    // Reference, the floor of any search that counts its matches: the bare GIN-index match of the same words
    // (the practices of the region holding them, counted), alone, through the same index and in the same run.
    const floorStarted = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('enable_seqscan', 'off', true)`);
      await tx.execute(sql`SELECT count(*) FROM ${practices} WHERE ${practices.search} @@ websearch_to_tsquery('russian', ${normaliseQuery(q)}) AND coalesce(${visible}, false)`);
    });
    const floorElapsed = performance.now() - floorStarted;
    if (i >= 10) {
      times.push(elapsed);
      floor.push(floorElapsed);
      found += result.total;
    }
  }
  const suggestTimes: number[] = [];
  const candidateTimes: number[] = [];
  for (let i = 0; i < 40; i++) {
    const school = schools[i % schools.length]!;
    const profile = { riskFactors: [RISK_FACTORS[i % RISK_FACTORS.length]!, RISK_FACTORS[(i + 3) % RISK_FACTORS.length]!], cluster: 1 + (i % 4) };
    const started = performance.now();
    await suggestionsIn(db, regionId, school.id, profile);
    const elapsed = performance.now() - started;
    // Reference: counting the candidates alone (published practices of the region sharing a risk factor).
    const candidatesStarted = performance.now();
    await db.select({ n: sql`count(*)` }).from(practices).where(and(visible, sql`${practices.riskFactors} && ARRAY[${sql.join(profile.riskFactors.map((r) => sql`${r}`), sql`, `)}]::text[]`));
    if (i >= 5) {
      suggestTimes.push(elapsed);
      candidateTimes.push(performance.now() - candidatesStarted);
    }
  }
  console.log(`\n${engine}: ${COUNT.toLocaleString('ru-RU')} практик загружено за ${(loadMs / 1000).toFixed(1)} с (демо-данные региона — ${(seedMs / 1000).toFixed(1)} с)`);
  console.log(`  поиск (${QUERIES} запросов по 1–3 слова с фильтром; строки, фрагменты, количества по фильтрам): медиана ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}; в среднем найдено ${Math.round(found / QUERIES)}`);
  console.log(`  для сравнения — только совпадения по GIN-индексу (те же запросы, count): медиана ${ms(percentile(floor, 50))}, p95 ${ms(percentile(floor, 95))}`);
  console.log(`  «Практики для ваших рисков» (35 вызовов): медиана ${ms(percentile(suggestTimes, 50))}, p95 ${ms(percentile(suggestTimes, 95))}`);
  console.log(`  для сравнения — только подсчёт кандидатов (опубликованные практики региона с общим фактором риска): медиана ${ms(percentile(candidateTimes, 50))}, p95 ${ms(percentile(candidateTimes, 95))}`);
}

async function main() {
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      const scratch = await createScratchDatabase('opora_bench_practices');
      process.env.DATABASE_URL = scratch.url;
      try {
        await measure('PostgreSQL');
      } finally {
        await closeDb();
        delete process.env.DATABASE_URL;
        await scratch.drop();
      }
    } else if (engine === 'pglite') {
      const port = await freePort();
      process.env.OPORA_EMBEDDED_PORT = String(port);
      delete process.env.DATABASE_URL;
      const embedded = await startEmbeddedDatabase({ port });
      try {
        await measure('PGlite');
      } finally {
        await closeDb();
        await embedded.stop();
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
