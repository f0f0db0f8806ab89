import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, generatedReports, roadmapItems, roadmapProgressReports, roadmaps, roadmapSections, users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { downloadReport, listReports, reportStatus, requestReport, type StoredReport } from '@/lib/reports/jobs/queries';
import { runPendingJobs } from '@/lib/reports/jobs/runner';
import { createWorld, type World } from './fixtures';

let world: World;
let analyst: Actor;
let roadmapId: string;

async function person(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: a.name, passwordHash: 'x', role, organisationId: org.id });
  return a;
}

/** Runs waiting jobs (the runner woken by the request may hold one) until the job is finished. */
async function finished(actor: Actor, job: StoredReport): Promise<StoredReport> {
  for (let i = 0; i < 300; i += 1) {
    await runPendingJobs();
    const state = await reportStatus(actor, job.id);
    if (state.status === 'done' || state.status === 'failed') return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the job did not finish');
}

beforeAll(async () => {
  world = await createWorld();
  analyst = await person('ministry_analyst', world.region);
  const [map] = await getDb().insert(roadmaps).values({
    level: 'municipality', ownerOrganisationId: world.munA.id, regionId: world.region.id, municipalityId: world.munA.id, title: 'Дорожная карта района А', periodStartYear: 2025, periodEndYear: 2026, status: 'approved',
  }).returning();
  roadmapId = map!.id;
  const [section] = await getDb().insert(roadmapSections).values({ roadmapId, position: 1, title: 'Кадры' }).returning();
  const [done, late] = await getDb().insert(roadmapItems).values([
    { roadmapId, sectionId: section!.id, position: 1, number: '1.1', activity: 'Семинар для учителей', deadlineText: 'до 01.03.2025', periodEnd: '2025-03-01', canBeOverdue: true, status: 'done' },
    { roadmapId, sectionId: section!.id, position: 2, number: '1.2', activity: '=Наставничество', deadlineText: 'до 01.04.2025', periodEnd: '2025-04-01', canBeOverdue: true, status: 'in_progress' },
  ]).returning();
  await getDb().insert(roadmapProgressReports).values([
    { roadmapId, itemId: done!.id, reportedOn: '2025-02-20', text: 'Проведён семинар, 40 участников', authorName: 'Иванова' },
    { roadmapId, itemId: late!.id, reportedOn: '2025-05-10', text: 'Нет наставников: вакансии не закрыты', authorName: 'Петров' },
  ]);
});

describe('stored reports', () => {
  it('queues a report, runs it as a job with progress, stores the file with its digest; the same request gives the same digest', async () => {
    const input = { kind: 'monitoring', organisationId: world.munA.id, year: 2025, format: 'xlsx' as const };
    const queued = await requestReport(analyst, input);
    expect(queued).toMatchObject({ status: 'queued', progress: 0, requestedByName: analyst.name, onDate: '2025-12-31', parameters: { organisation: world.munA.name, year: 2025 } });
    const first = await finished(analyst, queued);
    expect(first).toMatchObject({ status: 'done', progress: 100, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(first.fileName).toBe(`Мониторинговый отчёт о поддержке ШНОР и ШНСУ — ${world.munA.name}, 2025 год.xlsx`);
    const file = await downloadReport(analyst, first.id);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(first.digest);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.slice().buffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(first.title);
    const second = await finished(analyst, await requestReport(analyst, input));
    expect(second.id).not.toBe(first.id);
    expect(second.digest).toBe(first.digest);
    const entries = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'generated_report'), eq(auditLog.entityId, first.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'download']);
    expect(entries.find((e) => e.action === 'create')!.after).toMatchObject({ kind: 'Мониторинговый отчёт', organisation: world.munA.name, year: 2025, format: 'xlsx' });
  });

  it('CSV is an archive with one file per table, UTF-8 with BOM, formulas neutralised', async () => {
    const done = await finished(analyst, await requestReport(analyst, { kind: 'roadmap_execution', roadmapId, format: 'csv', onDate: '2025-06-01' }));
    expect(done).toMatchObject({ status: 'done', mimeType: 'application/zip' });
    const files = unzipSync((await downloadReport(analyst, done.id)).bytes);
    const names = Object.keys(files);
    expect(names).toEqual(['01 Итоги исполнения.csv', '02 Мероприятия.csv', '03 Отклонения и причины.csv']);
    expect([...files['02 Мероприятия.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const items = new TextDecoder().decode(files['02 Мероприятия.csv']);
    expect(items).toContain("'=Наставничество");
    const deviations = new TextDecoder().decode(files['03 Отклонения и причины.csv']);
    expect(deviations).toContain('просрочено на 61 день');
    expect(deviations).toContain('Нет наставников: вакансии не закрыты');
    expect(deviations).not.toContain('Семинар для учителей');
  });

  it('shows each place its own reports; refuses a school, another municipality, a coordinator asking for the region, a hidden road map', async () => {
    const coordinatorA = await person('municipal_coordinator', world.munA);
    const coordinatorB = await person('municipal_coordinator', world.munB);
    const regional = await requestReport(analyst, { kind: 'monitoring', organisationId: world.region.id, year: 2025, format: 'xlsx' });
    const municipal = await requestReport(coordinatorA, { kind: 'monitoring', organisationId: world.munA.id, year: 2025, format: 'xlsx' });
    await finished(analyst, regional);
    expect((await listReports(analyst)).map((r) => r.id)).toEqual(expect.arrayContaining([regional.id, municipal.id]));
    const own = (await listReports(coordinatorA)).map((r) => r.id);
    expect(own).toContain(municipal.id);
    expect(own).not.toContain(regional.id);
    expect(await listReports(coordinatorB)).toEqual([]);
    await expect(reportStatus(coordinatorB, municipal.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(downloadReport(coordinatorA, regional.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(requestReport(coordinatorA, { kind: 'monitoring', organisationId: world.region.id, year: 2025, format: 'xlsx' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestReport(coordinatorB, { kind: 'roadmap_execution', roadmapId, format: 'xlsx' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(requestReport(await person('school_team', world.schoolA), { kind: 'monitoring', organisationId: world.munA.id, year: 2025, format: 'xlsx' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(reportStatus(analyst, 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names the bad field; a report not yet done cannot be downloaded', async () => {
    await expect(requestReport(analyst, { kind: 'monitoring', organisationId: world.region.id, format: 'xlsx' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'year' }] });
    await expect(requestReport(analyst, { kind: 'нет такого', organisationId: world.region.id, year: 2025, format: 'xlsx' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'kind' }] });
    await expect(requestReport(analyst, { kind: 'monitoring', organisationId: world.region.id, year: 2025, format: 'odt' as 'xlsx' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'format' }] });
    const [queued] = await getDb().insert(generatedReports).values({ kind: 'monitoring', format: 'xlsx', regionId: world.region.id, onDate: '2025-12-31', parameters: {}, requestedByName: 'x', requestedByRole: 'ministry_analyst', status: 'running', startedAt: new Date() }).returning();
    await expect(downloadReport(analyst, queued!.id)).rejects.toMatchObject({ code: 'conflict' });
    await getDb().delete(generatedReports).where(eq(generatedReports.id, queued!.id));
  });
});
