/**
 * National-scale benchmark of the classification (issue 4, «Scale»): generates 40,000 schools in 2,000
 * municipalities over 3 years (≈ 2.4 M assessment rows + contexts), loads them into PostgreSQL, and prints the
 * import time, the classification time (read + decide + explain and write results in one transaction), peak memory, a
 * bare SQL aggregate over the same rows, their ratio, what reading those rows costs before any rule runs, and —
 * in a region of 1,500 schools — a municipality of 300 schools' run, its what-if preview and the whole region's
 * run. Figures only, not a test.
 * Each national run goes in a fresh child process, so its peak memory and GC time are the classification's own;
 * the import's peak is printed separately. BENCH_NATIONAL_RUNS (default 3) national runs are measured.
 *
 * DATABASE_URL — use that database (its classification tables get the synthetic rows); otherwise a scratch
 * database is created on 127.0.0.1:5432 (TEST_POSTGRES_URL overrides the admin URL) and dropped at the end.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { classifyLazily } from '@/lib/classification/classify';
import { reportedSchools } from '@/lib/classification/dataset';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { copyIn, copyOut } from '@/lib/classification/server/copy';
import { loadInput, resultsQuery } from '@/lib/classification/server/load';
import { FULL_EXPLANATION_LIMIT, insertRun } from '@/lib/classification/server/store';
import { generateDataset } from '@/lib/classification/synthetic';
import { whatIf } from '@/lib/classification/whatif';
import { closeDb, getPool } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { inTransaction } from '@/lib/db/transaction';
import { createScratchDatabase } from '@/tests/support/database';

const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 2_000);
const SCHOOLS_PER_MUNICIPALITY = 20;
const BIG_REGION_MUNICIPALITIES = 5;
const YEARS = [2024, 2025, 2026] as const;
const YEAR = 2026;
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 3);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

let peakRss = 0;
/** The phase of the run being measured, and the highest sampled memory in each. */
let phase = 'старт';
const phasePeaks = new Map<string, number>();
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  phasePeaks.set(phase, Math.max(phasePeaks.get(phase) ?? 0, rss));
  return rss;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} с`;

/** Two warm-up calls, then five timed ones: the last value and «median (min–max) ms». */
async function repeated<T>(fn: () => Promise<T>): Promise<[T, string]> {
  await fn();
  await fn();
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 5; i++) {
    const [result, ms] = await timed(fn);
    value = result;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return [value!, `${Math.round(times[2]!)} мс (медиана пяти; от ${Math.round(times[0]!)} до ${Math.round(times[4]!)})`];
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** COPY FROM STDIN: one stream per table, on its own connection (the pool's timeouts guard requests, not a bulk load). */
async function bulkInsert(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await copyIn(client, table, columns, rows);
  } finally {
    await client.end();
  }
  sampleRss();
}

/** Rows encoded one by one as COPY consumes them, not 2.4 M arrays at once. */
function* lazyMap<T>(items: readonly T[], row: (item: T) => unknown[]): Generator<unknown[]> {
  for (const item of items) yield row(item);
}

/** A full collection, so that the classification's peak memory does not include the generated import data. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

async function load(regionId: string, municipalityCount = MUNICIPALITIES, schoolsPerMunicipality = SCHOOLS_PER_MUNICIPALITY, ogrnPrefix = '9') {
  const data = generateDataset({ municipalities: municipalityCount, schoolsPerMunicipality, years: YEARS });
  const ids = new Map<string, string>();
  const municipalities = new Map<string, string>();
  for (const s of data.schools) {
    if (!municipalities.has(s.municipalityId)) municipalities.set(s.municipalityId, randomUUID());
    ids.set(s.id, randomUUID());
  }
  const ogrn = (i: number) => `${ogrnPrefix}${String(i).padStart(12, '0')}`;
  await bulkInsert('organisations', ['id', 'kind', 'name', 'parent_id', 'region_id', 'municipality_id'],
    [...municipalities].map(([key, id]) => [id, 'municipality', `Муниципалитет ${key}`, regionId, regionId, id]));
  await bulkInsert('organisations', ['id', 'kind', 'name', 'ogrn', 'parent_id', 'region_id', 'municipality_id'],
    data.schools.map((s, i) => { const m = municipalities.get(s.municipalityId)!; return [ids.get(s.id), 'school', s.name, ogrn(i), m, regionId, m]; }));
  const place = (schoolId: string) => [ids.get(schoolId), regionId, municipalities.get(schoolId.slice(0, schoolId.indexOf('-s')))];
  await bulkInsert('assessment_results',
    ['school_id', 'region_id', 'municipality_id', 'year', 'exam', 'subject', 'grade', 'participants', 'mean_score', 'below_minimum', 'marks_2', 'marks_3', 'marks_4', 'marks_5'],
    lazyMap(data.results, (r) => [...place(r.schoolId), r.year, r.exam, r.subject, r.grade ?? 0, r.participants, r.meanScore, r.belowMinimum, r.marks?.m2 ?? null, r.marks?.m3 ?? null, r.marks?.m4 ?? null, r.marks?.m5 ?? null]));
  const contextColumns = ['pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome', 'shareParentsHigherEd', 'shareNonNativeRussian', 'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35', 'shareTeachers60plus', 'internetMbps', 'hasPsychologist', 'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition'] as const;
  const snake: Record<string, string> = { continuationShare9to10: 'continuation_share_9_to_10', shareTeachersUnder35: 'share_teachers_under_35', shareTeachers60plus: 'share_teachers_60_plus' };
  await bulkInsert('school_contexts', ['school_id', 'region_id', 'municipality_id', 'year', ...contextColumns.map((c) => snake[c] ?? c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`))],
    lazyMap(data.contexts, (c) => [...place(c.schoolId), c.year, ...contextColumns.map((k) => c[k] ?? null)]));
  return { results: data.results.length, contexts: data.contexts.length, schools: data.schools.length, firstMunicipality: municipalities.values().next().value! };
}

const megabytes = () => `${Math.round(sampleRss() / 1e6)} МБ`;

/** Read and classify as `createRun` does: decisions first, then each school's result built as it is written. */
async function classificationRun(regionId: string, methodologyId: string, municipalityId: string | null, report = true) {
  phase = 'чтение';
  const [input, readMs] = await timed(() => loadInput({ regionId, municipalityId, year: YEAR }, DEFAULT_METHODOLOGY));
  const afterRead = megabytes();
  const compact = reportedSchools(input).length > FULL_EXPLANATION_LIMIT;
  phase = 'решения';
  const [result, classifyMs] = await timed(async () => classifyLazily(input, { explain: !compact }));
  const afterClassify = megabytes();
  phase = 'запись';
  const [, writeMs] = await timed(() => inTransaction((tx) => insertRun(tx, { regionId, municipalityId, year: YEAR, methodologyId, createdBy: null }, result, compact)));
  const afterWrite = megabytes();
  phase = 'после';
  if (report) {
    console.log(`  чтение ${seconds(readMs)}, решения по всем школам ${seconds(classifyMs)}, объяснения и запись результатов ${seconds(writeMs)}`);
    console.log(`  память процесса после чтения ${afterRead}, после решений ${afterClassify}, после записи ${afterWrite}`);
    console.log(`  наибольшая замеренная между синхронными шагами (раз в 50 мс) по фазам: ${['чтение', 'решения', 'запись'].map((p) => `${p} ${Math.round((phasePeaks.get(p) ?? 0) / 1e6)} МБ`).join(', ')}`);
  }
  // Only the figures leave: the national result must not weigh on the next measurement.
  return { schoolCount: result.schoolCount, counts: result.counts };
}

interface NationalFigures {
  schoolCount: number;
  counts: Record<string, number>;
  runMs: number;
  startRss: number;
  peakRss: number;
  /** Time spent in garbage collection during the run. */
  gcMs: number;
  /** Opening one school's card of the national (compact) run: read, decide, word that school. */
  cardMs: number;
  /** The process's peak by the end of the card (the run's result may not yet be collected meanwhile). */
  cardPeakRss: number;
}

/**
 * The national run in a fresh child process (same tsx loader), so that its peak memory is the classification's
 * own — not the generated import data still held by this process — and the parent's heap cannot slow it down.
 */
function classifyInChild(regionId: string, methodologyId: string): Promise<NationalFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [], { execArgv: process.execArgv, env: { ...process.env, BENCH_CHILD: JSON.stringify({ regionId, methodologyId }) } });
    let figures: NationalFigures | undefined;
    child.on('message', (message) => (figures = message as NationalFigures));
    child.on('error', reject);
    child.on('exit', (code) => (figures && code === 0 ? resolve(figures) : reject(new Error(`Дочерний процесс классификации завершился с кодом ${code}`))));
  });
}

async function childMain(): Promise<void> {
  const { regionId, methodologyId } = JSON.parse(process.env.BENCH_CHILD!) as { regionId: string; methodologyId: string };
  const timer = setInterval(sampleRss, 50);
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (gcMs += entry.duration)));
  gcObserver.observe({ entryTypes: ['gc'] });
  try {
    const startRss = (peakRss = process.memoryUsage().rss);
    const [result, runMs] = await timed(() => classificationRun(regionId, methodologyId, null));
    // The run's own figures, taken before the card is measured. The kernel's high-water mark catches what the
    // sampler cannot: it does not run while the engine computes synchronously.
    const runPeakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    const runGcMs = gcMs;
    const [, cardMs] = await timed(async () => {
      const input = await loadInput({ regionId, municipalityId: null, year: YEAR }, DEFAULT_METHODOLOGY);
      const schoolId = input.schools[0]!.id;
      return classifyLazily(input, { explain: (id) => id === schoolId }).school(schoolId);
    });
    const cardPeakRss = process.resourceUsage().maxRSS * 1024;
    process.send!({ ...result, runMs, startRss, peakRss: runPeakRss, gcMs: runGcMs, cardMs, cardPeakRss } satisfies NationalFigures);
  } finally {
    gcObserver.disconnect();
    clearInterval(timer);
    await closeDb();
  }
}

/**
 * What reading the run's rows costs before any rule runs — the floor under the ratio above: the same query
 * streamed to this process undecoded, and (when the role may write server files) copied to /dev/null on the server.
 */
async function printReadFloor(regionId: string, aggregateMs: number): Promise<void> {
  const query = resultsQuery({ regionId, municipalityId: null, year: YEAR }, [DEFAULT_METHODOLOGY]);
  let rows = 0;
  const [, streamMs] = await timed(() => copyOut(getPool(), query, () => void rows++));
  console.log(`  из них только передача ${rows} строк запуска с сервера, без разбора: ${seconds(streamMs)} (${(streamMs / aggregateMs).toFixed(1)}× агрегата)`);
  try {
    const [, serverMs] = await timed(() => getPool().query(`COPY (${query}) TO '/dev/null' (FORMAT binary)`));
    console.log(`  выгрузка тех же строк на самом сервере в /dev/null: ${seconds(serverMs)} (${(serverMs / aggregateMs).toFixed(1)}× агрегата)`);
  } catch (error) {
    console.log(`  выгрузку на самом сервере замерить нельзя: ${(error as Error).message}`);
  }
}

async function main() {
  const scratch = process.env.DATABASE_URL ? null : await createScratchDatabase('opora_bench');
  if (scratch) process.env.DATABASE_URL = scratch.url;
  const timer = setInterval(sampleRss, 50);
  try {
    await migrateDatabase(process.env.DATABASE_URL!);
    const regionId = randomUUID();
    await getPool().query(`INSERT INTO organisations (id, kind, name, region_id) VALUES ($1, 'region', 'Синтетическая страна', $1)`, [regionId]);
    const [loaded, importMs] = await timed(() => load(regionId));
    await getPool().query('ANALYZE assessment_results; ANALYZE school_contexts; ANALYZE organisations');
    const [{ id: methodologyId }] = (await getPool().query(
      `INSERT INTO methodologies (region_id, name, version_number, status, params) VALUES ($1, 'По умолчанию', 1, 'active', $2) RETURNING id`,
      [regionId, JSON.stringify(DEFAULT_METHODOLOGY)])).rows as [{ id: string }];
    console.log(`Данные: ${loaded.schools} школ, ${loaded.results} строк результатов, ${loaded.contexts} строк контекста`);
    console.log(`Импорт (COPY FROM STDIN): ${seconds(importMs)}; пиковая память процесса импорта ${Math.round(peakRss / 1e6)} МБ`);

    collectGarbage();
    console.log(`Память процесса импорта после сборки мусора: ${Math.round(process.memoryUsage().rss / 1e6)} МБ`);
    // This VM's speed drifts between minutes (the same server-side COPY took 1.8 s and 3.2 s within an hour), so
    // the national run and the aggregate are each measured NATIONAL_RUNS times, alternately, and the medians compared.
    const runs: NationalFigures[] = [];
    const aggregates: number[] = [];
    for (let i = 1; i <= NATIONAL_RUNS; i++) {
      console.log(`Классификация страны, замер ${i} из ${NATIONAL_RUNS}:`);
      const national = await classifyInChild(regionId, methodologyId);
      runs.push(national);
      console.log(`  всего (чтение + расчёт + запись ${national.schoolCount} результатов): ${seconds(national.runMs)}; пиковая память ${Math.round(national.peakRss / 1e6)} МБ (при старте ${Math.round(national.startRss / 1e6)} МБ); сборка мусора ${seconds(national.gcMs)}`);
      console.log(`  карточка школы этого запуска (чтение, решения по всем школам, формулировки одной): ${seconds(national.cardMs)}; пиковая память к концу карточки ${Math.round(national.cardPeakRss / 1e6)} МБ`);
      const [, aggregateMs] = await timed(() => getPool().query(
        `SELECT r.municipality_id, r.subject, r.year, sum(r.mean_score * r.participants) / nullif(sum(r.participants), 0) AS mean, sum(r.participants)
           FROM assessment_results r JOIN organisations s ON s.id = r.school_id
          WHERE s.region_id = $1 AND r.year BETWEEN $2 - 9 AND $2 GROUP BY 1, 2, 3`, [regionId, YEAR]));
      aggregates.push(aggregateMs);
      console.log(`  голый SQL-агрегат по тем же строкам сразу после: ${seconds(aggregateMs)}`);
    }
    const runMs = median(runs.map((r) => r.runMs));
    const aggregateMs = median(aggregates);
    console.log(`Классификация страны: медиана ${seconds(runMs)} (от ${seconds(Math.min(...runs.map((r) => r.runMs)))} до ${seconds(Math.max(...runs.map((r) => r.runMs)))}); наибольшая пиковая память ${Math.round(Math.max(...runs.map((r) => r.peakRss)) / 1e6)} МБ`);
    console.log(`  категории: ${JSON.stringify(runs[0]!.counts)}`);
    console.log(`Голый SQL-агрегат: медиана ${seconds(aggregateMs)}; отношение медиан ${(runMs / aggregateMs).toFixed(1)}×`);
    await printReadFloor(regionId, aggregateMs);

    // The 300 ms target speaks of municipalities of up to 300 schools. A municipal run reads its whole region
    // (the social index, clusters and partners are the region's), so it is measured in a region of realistic
    // size: 5 municipalities of 300 schools, 1,500 schools in all.
    const bigRegionId = randomUUID();
    await getPool().query(`INSERT INTO organisations (id, kind, name, region_id) VALUES ($1, 'region', 'Крупный регион', $1)`, [bigRegionId]);
    const big = await load(bigRegionId, BIG_REGION_MUNICIPALITIES, 300, '8');
    const [{ id: bigMethodologyId }] = (await getPool().query(
      `INSERT INTO methodologies (region_id, name, version_number, status, params) VALUES ($1, 'По умолчанию', 1, 'active', $2) RETURNING id`,
      [bigRegionId, JSON.stringify(DEFAULT_METHODOLOGY)])).rows as [{ id: string }];
    // A running portal has its engine compiled: two warm-up calls, then the median of five.
    const [bigRun, bigMs] = await repeated(() => classificationRun(bigRegionId, bigMethodologyId, big.firstMunicipality, false));
    console.log(`Муниципалитет из ${bigRun.schoolCount} школ в регионе из ${big.schools} (с формулировками, запуск с записью): ${bigMs}`);

    // What the 300 ms target is for: the what-if preview — read, classify with the active and a draft
    // methodology, compare and word the schools that change (as previewWhatIf does); nothing is written.
    const draft = { ...DEFAULT_METHODOLOGY, r1: { gapPoints: 15 } };
    const [diff, whatIfMs] = await repeated(async () => {
      const input = await loadInput({ regionId: bigRegionId, municipalityId: big.firstMunicipality, year: YEAR }, DEFAULT_METHODOLOGY, [draft]);
      return whatIf(input, draft).diff;
    });
    console.log(`Предпросмотр «что если» для того же муниципалитета (чтение региона, два расчёта, сравнение): ${whatIfMs}; входят в ШНОР ${diff.entering.lowResults.length}, выходят ${diff.leaving.lowResults.length}`);
    const [regionRun, regionMs] = await repeated(() => classificationRun(bigRegionId, bigMethodologyId, null, false));
    console.log(`Весь регион из ${regionRun.schoolCount} школ (с формулировками, запуск с записью): ${regionMs}`);
  } finally {
    clearInterval(timer);
    await closeDb();
    await scratch?.drop();
  }
}

(process.env.BENCH_CHILD ? childMain() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
