import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roadmapItems, roadmapReviewEvents, roadmaps } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { DEMO_DATA } from '@/lib/demo/data';
import { buildXlsx } from '@/lib/export';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { uploadsDir } from '@/lib/roadmaps/evidence-store';
import { addProgressReport, createItem, createRoadmap, createSection, getRoadmap, readEvidenceFile } from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

let world: World;
const previousDataDir = process.env.OPORA_DATA_DIR;
const dataDir = mkdtempSync(path.join(tmpdir(), 'opora-evidence-'));
beforeAll(async () => {
  process.env.OPORA_DATA_DIR = dataDir;
  world = await createWorld();
});
afterAll(async () => {
  if (previousDataDir === undefined) delete process.env.OPORA_DATA_DIR;
  else process.env.OPORA_DATA_DIR = previousDataDir;
  await rm(dataDir, { recursive: true, force: true });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%…\n');

async function schoolItem() {
  const team = world.actor('school_team', world.schoolA);
  const roadmap = await createRoadmap(team, { level: 'school', ownerOrganisationId: world.schoolA.id, title: 'Отчёты', periodStartYear: 2025, periodEndYear: 2026 });
  const section = await createSection(team, { roadmapId: roadmap.id, title: 'Раздел' });
  const item = await createItem(team, { roadmapId: roadmap.id, sectionId: section.id, activity: 'Педсовет' });
  return { team, roadmap, item };
}

const storedFiles = async () => readdir(uploadsDir()).catch(() => [] as string[]);

describe('progress reports and evidence', () => {
  it('stores checked files under generated names and serves them by id to readers of the road map only', async () => {
    const { team, roadmap, item } = await schoolItem();
    const xlsx = await buildXlsx([{ name: 'Лист', columns: [{ header: 'А', key: 'a' }], rows: [{ a: 1 }] }]);
    const reportId = await addProgressReport(team, {
      itemId: item.id,
      reportedOn: '2025-10-01',
      text: 'Педсовет проведён',
      links: ['https://school.example/news/1'],
      files: [
        { bytes: PNG, filename: 'фото.png', mimeType: 'image/png' },
        { bytes: PDF, filename: 'протокол.pdf', mimeType: 'application/octet-stream' },
        { bytes: xlsx, filename: 'таблица.xlsx', mimeType: '' },
      ],
    });
    const report = (await getRoadmap(team, roadmap.id)).sections[0]!.items[0]!.reports[0]!;
    expect(report.id).toBe(reportId);
    expect(report.evidence.map((e) => [e.kind, e.fileName ?? e.url, e.mimeType])).toEqual([
      ['link', 'https://school.example/news/1', null],
      ['file', 'фото.png', 'image/png'],
      ['file', 'протокол.pdf', 'application/pdf'],
      ['file', 'таблица.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const photo = report.evidence[1]!;
    expect(await readEvidenceFile(team, photo.id)).toEqual({ bytes: PNG, fileName: 'фото.png', mimeType: 'image/png' });
    expect(await readEvidenceFile(world.actor('municipal_coordinator', world.munA), photo.id)).toMatchObject({ fileName: 'фото.png' });
    await expect(readEvidenceFile(world.actor('school_team', world.schoolB), photo.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readEvidenceFile(team, report.evidence[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(uploadsDir()).toBe(path.join(dataDir, 'uploads'));
    const files = await storedFiles();
    expect(files).toHaveLength(3);
    expect(files.every((name) => /^[0-9a-f-]{36}$/.test(name))).toBe(true);
  });

  it('refuses a wrong type, a disguised file, an oversized file and a foreign writer, writing nothing', async () => {
    const { team, item } = await schoolItem();
    const before = await storedFiles();
    const report = (files: { bytes: Uint8Array; filename: string; mimeType: string }[], actor = team) =>
      addProgressReport(actor, { itemId: item.id, reportedOn: '2025-10-01', text: 'Отчёт', links: [], files });
    await expect(report([{ bytes: new Uint8Array([0x4d, 0x5a]), filename: 'программа.exe', mimeType: 'application/octet-stream' }])).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/допустимы PDF/) });
    await expect(report([{ bytes: new Uint8Array([0x4d, 0x5a, 0x90]), filename: 'фото.png', mimeType: 'image/png' }])).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/не соответствует/) });
    await expect(report([{ bytes: new Uint8Array(10 * 1024 * 1024 + 1), filename: 'большой.txt', mimeType: 'text/plain' }])).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(report([{ bytes: PDF, filename: 'а.pdf', mimeType: 'application/pdf' }], world.actor('expert', world.region))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addProgressReport(team, { itemId: item.id, reportedOn: '2025-10-01', text: 'Отчёт', links: ['javascript:alert(1)'], files: [] })).rejects.toMatchObject({ code: 'validation' });
    expect(await storedFiles()).toEqual(before);
    const count = await getDb().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM roadmap_progress_reports WHERE item_id = ${item.id}`);
    expect(count.rows[0]!.n).toBe(0);
  });
});

describe('demo road maps', () => {
  it('imports seeds 000, 001 and 002 and a school road map on review, once', async () => {
    const organisationIds = new Map([
      ['ber-uo', world.munA.id],
      ['ber-umc', world.centerA.id],
      ['zar-zoiro', world.region.id],
      ['ber-osinovka-oosh', world.schoolA.id],
    ]);
    const keyPrefix = `test-${world.region.id.slice(0, 8)}`;
    const today = new Date();
    const seed = () => getDb().transaction((tx) => seedDemoRoadmaps({ tx, organisationIds, userIds: new Map() }, { today, keyPrefix }));
    expect(await seed()).toBe(5);
    expect(await seed()).toBe(0);
    const rows = await getDb().select().from(roadmaps).where(sql`${roadmaps.externalKey} LIKE ${`${keyPrefix}%`}`);
    const coordinator = world.actor('admin', world.region);
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.externalKey!.slice(keyPrefix.length)] = (await getDb().select().from(roadmapItems).where(eq(roadmapItems.roadmapId, row.id))).length;
    expect(counts).toEqual({ '-seed-000': 21, '-seed-001-directions': 22, '-seed-001-roadmap': 19, '-seed-002': 30, '-school-osinovka': 6 });
    const school = rows.find((row) => row.level === 'school')!;
    expect(school.status).toBe('on_review');
    const detail = await getRoadmap(coordinator, school.id, today);
    const items = detail.sections.flatMap((section) => section.items);
    expect(items.some((item) => item.status === 'done')).toBe(true);
    expect(items.some((item) => item.status === 'in_progress')).toBe(true);
    expect(items.some((item) => item.overdue)).toBe(true);
    const nextYear = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate());
    expect((await getRoadmap(coordinator, school.id, nextYear)).progress.overdue).toBeGreaterThan(0);
    expect((await getDb().select().from(roadmapReviewEvents).where(eq(roadmapReviewEvents.roadmapId, school.id))).map((e) => e.kind)).toEqual(['submit']);
    const municipal = rows.find((row) => row.externalKey === `${keyPrefix}-seed-000`)!;
    expect(municipal).toMatchObject({ ownerOrganisationId: world.munA.id, periodStartYear: 2021, periodEndYear: 2023 });
    expect(DEMO_DATA.organisations.some((o) => o.key === 'ber-umc')).toBe(true);
  });
});
