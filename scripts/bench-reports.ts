/**
 * Benchmark of the monitoring report (issue 15, «Speed»): a synthetic region of 2,000 schools in 100
 * municipalities with three years of results and contexts, published classification runs of the last two years
 * (full explanations), a road map per municipality and per school, indicators with approved values and decisions;
 * then the region's monitoring report in every format the portal offers (`reportFormats()`), each built — read,
 * document, file — in a fresh child process, so that its time and peak memory are that format's own. Targets: ≤ 5 s
 * and ≤ 500 MB each. Figures only, not a test.
 *
 * DATABASE_URL — use that database; otherwise a scratch database is created on 127.0.0.1:5432 (TEST_POSTGRES_URL
 * overrides the admin URL) and dropped at the end.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { classifyLazily } from '@/lib/classification/classify';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { copyIn } from '@/lib/classification/server/copy';
import { loadInput } from '@/lib/classification/server/load';
import { insertRun } from '@/lib/classification/server/store';
import { generateDataset } from '@/lib/classification/synthetic';
import { closeDb, getDb, getPool } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { inTransaction } from '@/lib/db/transaction';
import { reportTables } from '@/lib/reports/document/model';
import { reportFormats, type ReportFormat } from '@/lib/reports/document/render';
import { reportFile } from '@/lib/reports/jobs/file';
import { buildMonitoringReport } from '@/lib/reports/monitoring/build';
import { loadMonitoringData } from '@/lib/reports/monitoring/load';
import { createScratchDatabase } from '@/tests/support/database';

const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 100);
const SCHOOLS_PER_MUNICIPALITY = 20;
const YEARS = [2024, 2025, 2026] as const;
const YEAR = 2026;
const TARGET_SECONDS = 5;
const TARGET_MB = 500;

async function bulkInsert(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await copyIn(client, table, columns, rows);
  } finally {
    await client.end();
  }
}

function* lazyMap<T>(items: readonly T[], row: (item: T) => unknown[]): Generator<unknown[]> {
  for (const item of items) yield row(item);
}

/** The synthetic region: organisations, results and contexts (as the classification benchmark loads them). */
async function loadRegion(regionId: string) {
  const data = generateDataset({ municipalities: MUNICIPALITIES, schoolsPerMunicipality: SCHOOLS_PER_MUNICIPALITY, years: YEARS });
  const ids = new Map<string, string>();
  const municipalities = new Map<string, string>();
  for (const s of data.schools) {
    if (!municipalities.has(s.municipalityId)) municipalities.set(s.municipalityId, randomUUID());
    ids.set(s.id, randomUUID());
  }
  await bulkInsert('organisations', ['id', 'kind', 'name', 'parent_id', 'region_id', 'municipality_id'],
    [...municipalities].map(([key, id]) => [id, 'municipality', `Муниципалитет ${key}`, regionId, regionId, id]));
  await bulkInsert('organisations', ['id', 'kind', 'name', 'ogrn', 'parent_id', 'region_id', 'municipality_id', 'settlement'],
    data.schools.map((s, i) => { const m = municipalities.get(s.municipalityId)!; return [ids.get(s.id), 'school', s.name, `7${String(i).padStart(12, '0')}`, m, regionId, m, i % 3 === 0 ? 'rural' : 'urban']; }));
  const place = (schoolId: string) => [ids.get(schoolId), regionId, municipalities.get(schoolId.slice(0, schoolId.indexOf('-s')))];
  await bulkInsert('assessment_results',
    ['school_id', 'region_id', 'municipality_id', 'year', 'exam', 'subject', 'grade', 'participants', 'mean_score', 'below_minimum', 'marks_2', 'marks_3', 'marks_4', 'marks_5'],
    lazyMap(data.results, (r) => [...place(r.schoolId), r.year, r.exam, r.subject, r.grade ?? 0, r.participants, r.meanScore, r.belowMinimum, r.marks?.m2 ?? null, r.marks?.m3 ?? null, r.marks?.m4 ?? null, r.marks?.m5 ?? null]));
  const contextColumns = ['pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome', 'shareParentsHigherEd', 'shareNonNativeRussian', 'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35', 'shareTeachers60plus', 'internetMbps', 'hasPsychologist', 'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition'] as const;
  const snake: Record<string, string> = { continuationShare9to10: 'continuation_share_9_to_10', shareTeachersUnder35: 'share_teachers_under_35', shareTeachers60plus: 'share_teachers_60_plus' };
  await bulkInsert('school_contexts', ['school_id', 'region_id', 'municipality_id', 'year', ...contextColumns.map((c) => snake[c] ?? c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`))],
    lazyMap(data.contexts, (c) => [...place(c.schoolId), c.year, ...contextColumns.map((k) => c[k] ?? null)]));
  return { schools: data.schools.length, results: data.results.length, municipalityIds: [...municipalities.values()], schoolIds: [...ids.values()], schoolMunicipality: new Map(data.schools.map((s) => [ids.get(s.id)!, municipalities.get(s.municipalityId)!])) };
}

/** A road map per municipality (3 sections × 10 items) and per school (8 items), statuses and deadlines spread. */
async function loadRoadmaps(regionId: string, region: Awaited<ReturnType<typeof loadRegion>>) {
  const maps: unknown[][] = [];
  const sections: unknown[][] = [];
  const items: unknown[][] = [];
  const statuses = ['done', 'done', 'in_progress', 'planned', 'cancelled'];
  const addMap = (level: 'municipality' | 'school', owner: string, municipalityId: string, schoolId: string | null, sectionCount: number, perSection: number) => {
    const mapId = randomUUID();
    maps.push([mapId, level, owner, regionId, municipalityId, schoolId, `Дорожная карта ${level === 'school' ? 'школы' : 'муниципалитета'} ${mapId.slice(0, 8)}`, 2025, 2027, 'approved']);
    for (let s = 0; s < sectionCount; s++) {
      const sectionId = randomUUID();
      sections.push([sectionId, mapId, s + 1, `Раздел ${s + 1}. Кадровые условия и методическая поддержка`]);
      for (let i = 0; i < perSection; i++) {
        const n = items.length;
        const month = 1 + (n % 12);
        items.push([mapId, sectionId, i + 1, `${s + 1}.${i + 1}`, `Мероприятие ${s + 1}.${i + 1}: семинар-практикум для учителей по формированию функциональной грамотности обучающихся`,
          `до ${String(month).padStart(2, '0')}.${YEAR}`, `${YEAR}-${String(month).padStart(2, '0')}-28`, true, statuses[n % statuses.length], 'Руководитель ОО, заместитель директора по УВР']);
      }
    }
  };
  for (const m of region.municipalityIds) addMap('municipality', m, m, null, 3, 10);
  for (const s of region.schoolIds) addMap('school', s, region.schoolMunicipality.get(s)!, s, 1, 8);
  await bulkInsert('roadmaps', ['id', 'level', 'owner_organisation_id', 'region_id', 'municipality_id', 'school_id', 'title', 'period_start_year', 'period_end_year', 'status'], maps);
  await bulkInsert('roadmap_sections', ['id', 'roadmap_id', 'position', 'title'], sections);
  await bulkInsert('roadmap_items', ['roadmap_id', 'section_id', 'position', 'number', 'activity', 'deadline_text', 'period_end', 'can_be_overdue', 'status', 'responsible_text'], items);
  return items.length;
}

/** 17 entered indicators with programme targets, municipal values of the year, approved and locked for every other municipality; decisions. */
async function loadIndicatorsAndDecisions(regionId: string) {
  const pool = getPool();
  await pool.query(`INSERT INTO indicators (region_id, owner_organisation_id, code, name, unit, level, kind, status)
    SELECT $1, $1, g::text, 'Показатель ' || g || ': доля школ с положительной динамикой результатов', 'percent', 'municipality', 'entered', 'active' FROM generate_series(1, 17) g`, [regionId]);
  await pool.query(`INSERT INTO indicator_targets (indicator_id, kind, year, value)
    SELECT id, k, y, v FROM indicators, (VALUES ('baseline', 2024, 40.0), ('target', 2027, 80.0)) t(k, y, v) WHERE region_id = $1`, [regionId]);
  await pool.query(`INSERT INTO indicator_values (indicator_id, organisation_id, region_id, municipality_id, year, value, entered_by_name)
    SELECT i.id, m.id, $1, m.id, $2, 30 + (abs(hashtext(i.id::text || m.id::text)) % 60), 'Бенчмарк'
      FROM indicators i CROSS JOIN organisations m WHERE i.region_id = $1 AND m.kind = 'municipality' AND m.region_id = $1`, [regionId, YEAR]);
  await pool.query(`INSERT INTO indicator_approvals (organisation_id, region_id, municipality_id, year, state, locked_at)
    SELECT id, $1, id, $2, 'approved', now() FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations WHERE kind = 'municipality' AND region_id = $1) m WHERE n % 2 = 0`, [regionId, YEAR]);
  await pool.query(`INSERT INTO management_decisions (organisation_id, region_id, municipality_id, decided_on, title, document, responsible, due_date, finding)
    SELECT id, $1, id, make_date($2, 1 + (row_number() OVER (ORDER BY id))::int % 12, 10), 'Закрепить кураторов за школами из перечня ШНОР', 'Приказ № ' || row_number() OVER (ORDER BY id), 'Управление образования', make_date($2, 12, 20), 'Рост числа школ в перечне'
      FROM organisations WHERE kind = 'municipality' AND region_id = $1`, [regionId, YEAR]);
}

async function publishedRun(regionId: string, methodologyId: string, year: number) {
  const input = await loadInput({ regionId, municipalityId: null, year }, DEFAULT_METHODOLOGY);
  const result = classifyLazily(input, { explain: true });
  const run = await inTransaction((tx) => insertRun(tx, { regionId, municipalityId: null, year, methodologyId, createdBy: null }, result, false));
  await getPool().query(`UPDATE classification_runs SET status = 'published', published_at = now() WHERE id = $1`, [run.id]);
  return result.counts;
}

interface Figures {
  format: string;
  ms: number;
  readMs: number;
  buildMs: number;
  /** Processor time (user + system) of the child for the whole report: what the wall time is when the machine is idle. */
  cpuMs: number;
  peakMb: number;
  bytes: number;
  tables: number;
  rows: number;
}

/** One format, measured in a fresh child process: read, document, file. */
function measureInChild(regionId: string, format: ReportFormat): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [], { execArgv: process.execArgv, env: { ...process.env, BENCH_CHILD: JSON.stringify({ regionId, format }) } });
    let figures: Figures | undefined;
    child.on('message', (message) => (figures = message as Figures));
    child.on('error', reject);
    child.on('exit', (code) => (figures && code === 0 ? resolve(figures) : reject(new Error(`Дочерний процесс отчёта ${format} завершился с кодом ${code}`))));
  });
}

async function childMain(): Promise<void> {
  const { regionId, format } = JSON.parse(process.env.BENCH_CHILD!) as { regionId: string; format: ReportFormat };
  try {
    const [region] = (await getPool().query(`SELECT id, kind, name, short_name AS "shortName", region_id AS "regionId", municipality_id AS "municipalityId" FROM organisations WHERE id = $1`, [regionId])).rows;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const data = await loadMonitoringData(getDb(), region, YEAR, `${YEAR}-12-31`);
    const readMs = performance.now() - start;
    const document = buildMonitoringReport(data);
    const buildMs = performance.now() - start - readMs;
    const file = await reportFile(document, format);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const tables = reportTables(document);
    process.send!({ format, ms, readMs, buildMs, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6), bytes: file.bytes.length, tables: tables.length, rows: tables.reduce((n, t) => n + t.rows.length, 0) } satisfies Figures);
  } finally {
    await closeDb();
  }
}

async function main() {
  const scratch = process.env.DATABASE_URL ? null : await createScratchDatabase('opora_bench_reports');
  if (scratch) process.env.DATABASE_URL = scratch.url;
  try {
    await migrateDatabase(process.env.DATABASE_URL!);
    const regionId = randomUUID();
    await getPool().query(`INSERT INTO organisations (id, kind, name, region_id) VALUES ($1, 'region', 'Синтетическая область', $1)`, [regionId]);
    const setupStart = performance.now();
    const region = await loadRegion(regionId);
    const itemCount = await loadRoadmaps(regionId, region);
    await loadIndicatorsAndDecisions(regionId);
    await getPool().query('ANALYZE');
    const [{ id: methodologyId }] = (await getPool().query(
      `INSERT INTO methodologies (region_id, name, version_number, status, params) VALUES ($1, 'По умолчанию', 1, 'active', $2) RETURNING id`,
      [regionId, JSON.stringify(DEFAULT_METHODOLOGY)])).rows as [{ id: string }];
    await publishedRun(regionId, methodologyId, YEAR - 1);
    const counts = await publishedRun(regionId, methodologyId, YEAR);
    console.log(`Данные: ${region.schools} школ в ${region.municipalityIds.length} муниципалитетах, ${region.results} строк результатов, ${itemCount} мероприятий дорожных карт; подготовка ${((performance.now() - setupStart) / 1000).toFixed(1)} с`);
    console.log(`Опубликованные расчёты ${YEAR - 1} и ${YEAR} годов; категории ${YEAR}: ${JSON.stringify(counts)}`);
    console.log(`Загрузка машины (load average за 1 мин): ${loadavg()[0]!.toFixed(1)} на ${cpus().length} ядрах — при занятой машине время по часам больше процессорного`);
    console.log(`Мониторинговый отчёт региона за ${YEAR} год (цель: не больше ${TARGET_SECONDS} с и ${TARGET_MB} МБ на формат):`);
    let failed = false;
    for (const format of reportFormats()) {
      const f = await measureInChild(regionId, format);
      const ok = f.ms <= TARGET_SECONDS * 1000 && f.peakMb <= TARGET_MB;
      failed ||= !ok;
      console.log(`  ${format.toUpperCase()}: ${(f.ms / 1000).toFixed(2)} с (чтение из базы ${(f.readMs / 1000).toFixed(2)} с, документ ${(f.buildMs / 1000).toFixed(2)} с, файл ${((f.ms - f.readMs - f.buildMs) / 1000).toFixed(2)} с; процессорное время отчёта ${(f.cpuMs / 1000).toFixed(2)} с), пиковая память процесса ${f.peakMb} МБ, файл ${(f.bytes / 1e6).toFixed(2)} МБ; ${f.tables} таблиц, ${f.rows} строк — ${ok ? 'в пределах цели' : 'ЦЕЛЬ НЕ ДОСТИГНУТА'}`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    await closeDb();
    await scratch?.drop();
  }
}

(process.env.BENCH_CHILD ? childMain() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
