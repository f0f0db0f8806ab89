// No 'server-only': tests and scripts run jobs directly.
/**
 * The report job runner. A job is a row of `generated_reports`: any instance behind the balancer claims the oldest
 * queued job with FOR UPDATE SKIP LOCKED (two instances never take the same job), writes its progress as it goes,
 * and stores the file with «done» in one transaction; a job whose instance died (running for longer than
 * STALE_MINUTES) is claimed again. In-process: `wakeRunner()` starts one loop per instance when it is idle.
 */
import { eq, sql } from 'drizzle-orm';
import { generatedReportFiles, generatedReports, organisations, type GeneratedReport } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import type { ReportFormat } from '@/lib/reports/document/render';
import { reportFile } from './file';
import { reportKind } from './kinds';

export const STALE_MINUTES = 10;

/** Claims the oldest waiting job (or one abandoned by a dead instance); null when there is none. */
export async function claimNextJob(): Promise<GeneratedReport | null> {
  const { rows } = await getDb().execute<{ id: string }>(sql`
    UPDATE generated_reports SET status = 'running', started_at = now(), progress = 1, stage = 'Чтение данных', error = NULL
     WHERE id = (
       SELECT id FROM generated_reports
        WHERE status = 'queued' OR (status = 'running' AND started_at < now() - make_interval(mins => ${STALE_MINUTES}))
        ORDER BY created_at, id
        LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const id = rows[0]?.id;
  if (!id) return null;
  const [job] = await getDb().select().from(generatedReports).where(eq(generatedReports.id, id));
  return job ?? null;
}

async function setProgress(id: string, share: number, stage: string): Promise<void> {
  const progress = Math.max(1, Math.min(99, Math.round(share * 100)));
  await getDb().update(generatedReports).set({ progress, stage }).where(eq(generatedReports.id, id));
}

/** Builds, renders and stores one claimed job; a failure is written on the job in Russian, never thrown. */
export async function runJob(job: GeneratedReport): Promise<void> {
  try {
    const kind = reportKind(job.kind);
    if (!kind) throw new AppError('validation', `Неизвестный вид отчёта «${job.kind}».`);
    const [organisation] = job.organisationId ? await getDb().select().from(organisations).where(eq(organisations.id, job.organisationId)) : [];
    const document = await kind.build(getDb(), { organisation: organisation ?? null, year: job.year, roadmapId: job.roadmapId, onDate: job.onDate }, (share, stage) => setProgress(job.id, share * 0.9, stage));
    await setProgress(job.id, 0.7, `Файл ${job.format.toUpperCase()}`);
    const file = await reportFile(document, job.format as ReportFormat);
    await setProgress(job.id, 0.95, 'Сохранение');
    await inTransaction(async (tx) => {
      await tx.delete(generatedReportFiles).where(eq(generatedReportFiles.reportId, job.id));
      await tx.insert(generatedReportFiles).values({ reportId: job.id, bytes: file.bytes });
      await tx.update(generatedReports).set({
        status: 'done', progress: 100, stage: 'Готово', title: document.title, fileName: file.fileName, mimeType: file.mimeType,
        sizeBytes: file.bytes.length, digest: file.digest, finishedAt: new Date(),
      }).where(eq(generatedReports.id, job.id));
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'Не удалось сформировать отчёт: внутренняя ошибка. Попробуйте ещё раз или сообщите администратору.';
    if (!(error instanceof AppError)) console.error('[reports]', error);
    await getDb().update(generatedReports).set({ status: 'failed', stage: 'Ошибка', error: message, finishedAt: new Date() }).where(eq(generatedReports.id, job.id));
  }
}

/** Runs waiting jobs one after another until none is left; returns how many ran. */
export async function runPendingJobs(): Promise<number> {
  let ran = 0;
  for (let job = await claimNextJob(); job; job = await claimNextJob()) {
    await runJob(job);
    ran += 1;
  }
  return ran;
}

let loop: Promise<unknown> | null = null;

/** Starts this instance's loop over waiting jobs unless it is already running; never throws. */
export function wakeRunner(): void {
  if (loop) return;
  loop = runPendingJobs()
    .catch((error: unknown) => console.error('[reports] runner', error))
    .finally(() => {
      loop = null;
    });
}
