/**
 * Benchmark of the monitoring report (issue 15, «Speed»): a synthetic region of 2,000 schools in 100
 * municipalities with three years of results and contexts, published classification runs of the last two years
 * (full explanations), a road map per municipality and per school, indicators with approved values and decisions;
 * then the region's monitoring report in every format the portal offers (`reportFormats()`), each built — read,
 * document, file — in a fresh child process, so that its time and peak memory are that format's own. Targets: ≤ 5 s
 * and ≤ 500 MB each. Beside them, the floor of the DOCX library for the same tables (a bare document). Figures only, not a test.
 *
 * DATABASE_URL — use that database; otherwise a scratch database is created on 127.0.0.1:5432 (TEST_POSTGRES_URL
 * overrides the admin URL) and dropped at the end.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { closeDb, getDb, getPool } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { cellText } from '@/lib/reports/document/cells';
import { reportTables } from '@/lib/reports/document/model';
import { reportFormats, type ReportFormat } from '@/lib/reports/document/render';
import { reportFile } from '@/lib/reports/jobs/file';
import { buildMonitoringReport } from '@/lib/reports/monitoring/build';
import { loadMonitoringData } from '@/lib/reports/monitoring/load';
import { createScratchDatabase } from '@/tests/support/database';
import { loadIndicatorsAndDecisions, loadRegion, loadRoadmaps, publishedRun, YEAR } from './bench-region';

const TARGET_SECONDS = 5;
const TARGET_MB = 500;

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
function measureInChild(regionId: string, format: ReportFormat | 'docx-floor'): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [], { execArgv: process.execArgv, env: { ...process.env, BENCH_CHILD: JSON.stringify({ regionId, format }) } });
    let figures: Figures | undefined;
    child.on('message', (message) => (figures = message as Figures));
    child.on('error', reject);
    child.on('exit', (code) => (figures && code === 0 ? resolve(figures) : reject(new Error(`Дочерний процесс отчёта ${format} завершился с кодом ${code}`))));
  });
}

/**
 * The floor of DOCX with the docx package: the report's tables alone — the same cell texts, each cell a paragraph
 * with one run, no widths, styles, headings, charts or page numbers — as one document packed by `Packer.toBuffer`.
 */
async function bareDocx(document: ReturnType<typeof buildMonitoringReport>): Promise<Uint8Array> {
  const children = reportTables(document).map((table) => new Table({
    rows: [table.columns.map((column) => column.header), ...table.rows.map((row) => table.columns.map((column) => cellText(column, row[column.key])))].map(
      (texts) => new TableRow({ children: texts.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] })) }),
    ),
  }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function childMain(): Promise<void> {
  const { regionId, format } = JSON.parse(process.env.BENCH_CHILD!) as { regionId: string; format: ReportFormat | 'docx-floor' };
  try {
    const [region] = (await getPool().query(`SELECT id, kind, name, short_name AS "shortName", region_id AS "regionId", municipality_id AS "municipalityId" FROM organisations WHERE id = $1`, [regionId])).rows;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const data = await loadMonitoringData(getDb(), region, YEAR, `${YEAR}-12-31`);
    const readMs = performance.now() - start;
    const document = buildMonitoringReport(data);
    const buildMs = performance.now() - start - readMs;
    const file = format === 'docx-floor' ? { bytes: await bareDocx(document) } : await reportFile(document, format);
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
    // What the docx package itself takes for these tables: the DOCX figures above are to be read against it.
    const floor = await measureInChild(regionId, 'docx-floor');
    console.log(`  Для сравнения — пакет docx, голые таблицы отчёта одним документом (без ширин, стилей, графиков, колонтитулов; Packer.toBuffer): файл ${((floor.ms - floor.readMs - floor.buildMs) / 1000).toFixed(2)} с, всего ${(floor.ms / 1000).toFixed(2)} с (процессорное время ${(floor.cpuMs / 1000).toFixed(2)} с), пиковая память процесса ${floor.peakMb} МБ`);
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
