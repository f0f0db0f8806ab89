import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roadmapEvidence, roadmapEvidenceFiles, roadmapItems, roadmapReviewEvents, roadmaps } from '@/db/schema';
import { getDb, getPool } from '@/lib/db/client';
import { moveEvidenceFilesToDatabase } from '@/lib/db/evidence-mover';
import type { Actor } from '@/lib/auth/actor';
import { DEMO_DATA } from '@/lib/demo/data';
import { buildXlsx } from '@/lib/export';
import { seedDemoRoadmaps } from '@/lib/roadmaps/demo-seed';
import { fileResponse } from '@/lib/export';
import { addProgressReport, createItem, createRoadmap, createSection, getRoadmap, openEvidenceFile } from '@/lib/roadmaps/queries';
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

const uploadsDir = () => path.join(dataDir, 'uploads');
const storedFiles = async () => readdir(uploadsDir()).catch(() => [] as string[]);
const fileRows = async () => Number((await getDb().execute<{ n: string }>(sql`SELECT count(*) AS n FROM roadmap_evidence_files`)).rows[0]!.n);

/** The bytes, name and type a download sends. */
async function download(actor: Actor, id: string) {
  const file = await openEvidenceFile(actor, id);
  return { bytes: new Uint8Array(await new Response(file.stream).arrayBuffer()), fileName: file.fileName, mimeType: file.mimeType, size: file.size };
}

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
    expect(await download(team, photo.id)).toEqual({ bytes: PNG, fileName: 'фото.png', mimeType: 'image/png', size: PNG.length });
    expect(await download(world.actor('municipal_coordinator', world.munA), photo.id)).toMatchObject({ fileName: 'фото.png' });
    await expect(openEvidenceFile(world.actor('school_team', world.schoolB), photo.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openEvidenceFile(team, report.evidence[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openEvidenceFile(team, 'не-идентификатор')).rejects.toMatchObject({ code: 'not_found' });
    // In the database, beside their rows — nothing on disk.
    const stored = await getDb().select({ id: roadmapEvidenceFiles.evidenceId }).from(roadmapEvidenceFiles).where(inArray(roadmapEvidenceFiles.evidenceId, report.evidence.map((e) => e.id)));
    expect(stored).toHaveLength(3);
    expect(await storedFiles()).toEqual([]);
    const response = fileResponse(await openEvidenceFile(team, photo.id));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
  });

  it('streams a large file out in slices, byte for byte', async () => {
    const { team, item } = await schoolItem();
    const text = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => 0x41 + (i % 26));
    await addProgressReport(team, { itemId: item.id, reportedOn: '2025-10-02', text: 'Большой протокол', links: [], files: [{ bytes: text, filename: 'протокол.txt', mimeType: 'text/plain' }] });
    const [row] = await getDb().select().from(roadmapEvidence).where(eq(roadmapEvidence.fileName, 'протокол.txt')).orderBy(sql`created_at DESC`).limit(1);
    const file = await openEvidenceFile(team, row!.id);
    const chunks: number[] = [];
    const reader = file.stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value.length);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(1024 * 1024);
    const received = (await download(team, row!.id)).bytes;
    expect(received.length).toBe(text.length);
    expect(Buffer.from(received).equals(text)).toBe(true);
  });

  it('stores names without control and bidi characters: «report\u202Egnp.pdf» cannot pose as a PNG', async () => {
    const { team, roadmap, item } = await schoolItem();
    await addProgressReport(team, {
      itemId: item.id, reportedOn: '2025-10-03', text: 'Имена', links: [],
      files: [
        { bytes: PDF, filename: 'report\u202Egnp.pdf', mimeType: 'application/pdf' },
        { bytes: PDF, filename: 'акт\u0000\u0007\r\n№\u00851.pdf', mimeType: 'application/pdf' },
      ],
    });
    const evidence = (await getRoadmap(team, roadmap.id)).sections[0]!.items[0]!.reports[0]!.evidence;
    expect(evidence.map((e) => e.fileName)).toEqual(['reportgnp.pdf', 'акт № 1.pdf']);
    expect(fileResponse(await openEvidenceFile(team, evidence[1]!.id)).headers.get('content-disposition')).toContain("filename*=UTF-8''");
  });

  it('refuses a wrong type, a disguised file, an oversized file and a foreign writer, writing nothing', async () => {
    const { team, item } = await schoolItem();
    const before = await storedFiles();
    const filesBefore = await fileRows();
    const report = (files: { bytes: Uint8Array; filename: string; mimeType: string }[], actor = team) =>
      addProgressReport(actor, { itemId: item.id, reportedOn: '2025-10-01', text: 'Отчёт', links: [], files });
    await expect(report([{ bytes: new Uint8Array([0x4d, 0x5a]), filename: 'программа.exe', mimeType: 'application/octet-stream' }])).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/допустимы PDF/) });
    await expect(report([{ bytes: new Uint8Array([0x4d, 0x5a, 0x90]), filename: 'фото.png', mimeType: 'image/png' }])).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/не соответствует/) });
    await expect(report([{ bytes: new Uint8Array(10 * 1024 * 1024 + 1), filename: 'большой.txt', mimeType: 'text/plain' }])).rejects.toMatchObject({ code: 'payload_too_large' });
    const six = new Uint8Array(6 * 1024 * 1024).fill(0x41);
    await expect(report([{ bytes: six, filename: 'а.txt', mimeType: 'text/plain' }, { bytes: six, filename: 'б.txt', mimeType: 'text/plain' }])).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/вместе 12,0 МБ, допустимо до 10 МБ всего/) });
    await expect(report([{ bytes: PDF, filename: 'а.pdf', mimeType: 'application/pdf' }], world.actor('expert', world.region))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addProgressReport(team, { itemId: item.id, reportedOn: '2025-10-01', text: 'Отчёт', links: ['javascript:alert(1)'], files: [] })).rejects.toMatchObject({ code: 'validation' });
    expect(await storedFiles()).toEqual(before);
    expect(await fileRows()).toBe(filesBefore);
    const count = await getDb().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM roadmap_progress_reports WHERE item_id = ${item.id}`);
    expect(count.rows[0]!.n).toBe(0);
  });
});

describe('evidence files are crash-safe', () => {
  /** A connection of its own, as a portal process writing an upload would hold. */
  async function writer() {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    client.on('error', () => {});
    return client;
  }
  const reportOf = async (itemId: string, roadmapId: string) =>
    (await getPool().query<{ id: string }>(`INSERT INTO roadmap_progress_reports (roadmap_id, item_id, reported_on, text, author_name) VALUES ($1, $2, '2025-10-01', 'Отчёт', 'Тест') RETURNING id`, [roadmapId, itemId])).rows[0]!.id;

  it('a writer killed mid-upload leaves no row without bytes and no bytes without a row', async () => {
    const { roadmap, item } = await schoolItem();
    const reportId = await reportOf(item.id, roadmap.id);
    const client = await writer();
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(`INSERT INTO roadmap_evidence (report_id, kind, file_name, mime_type, size_bytes) VALUES ($1, 'file', 'акт.pdf', 'application/pdf', $2) RETURNING id`, [reportId, PDF.length]);
    await client.query('INSERT INTO roadmap_evidence_files (evidence_id, bytes) VALUES ($1, $2)', [rows[0]!.id, Buffer.from(PDF)]);
    // The process dies before COMMIT: its connection drops.
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const evidence = await getPool().query('SELECT id FROM roadmap_evidence WHERE report_id = $1', [reportId]);
    expect(evidence.rows).toEqual([]);
    const bytes = await getPool().query('SELECT evidence_id FROM roadmap_evidence_files WHERE evidence_id = $1', [rows[0]!.id]);
    expect(bytes.rows).toEqual([]);
  });

  it('the database refuses a file row committed without its bytes, and bytes without a row', async () => {
    const { roadmap, item } = await schoolItem();
    const reportId = await reportOf(item.id, roadmap.id);
    const client = await writer();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO roadmap_evidence (report_id, kind, file_name) VALUES ($1, 'file', 'акт.pdf')`, [reportId]);
      await expect(client.query('COMMIT')).rejects.toThrow(/без содержимого/);
      await expect(client.query('INSERT INTO roadmap_evidence_files (evidence_id, bytes) VALUES (gen_random_uuid(), $1)', [Buffer.from(PDF)])).rejects.toThrow(/foreign key/);
    } finally {
      await client.end();
    }
    expect((await getPool().query('SELECT id FROM roadmap_evidence WHERE report_id = $1', [reportId])).rows).toEqual([]);
  });

  it('the migration step moves files of earlier versions from the uploads folder into the database', async () => {
    const { team, roadmap, item } = await schoolItem();
    await addProgressReport(team, { itemId: item.id, reportedOn: '2025-10-01', text: 'Старый отчёт', links: [], files: [{ bytes: PNG, filename: 'старое.png', mimeType: 'image/png' }] });
    const photo = (await getRoadmap(team, roadmap.id)).sections[0]!.items[0]!.reports[0]!.evidence[0]!;
    // As an earlier version left it: the row names a file on disk, the bytes are not in the database.
    const storedName = crypto.randomUUID();
    await getDb().delete(roadmapEvidenceFiles).where(eq(roadmapEvidenceFiles.evidenceId, photo.id));
    await getDb().update(roadmapEvidence).set({ storedName }).where(eq(roadmapEvidence.id, photo.id));
    await mkdir(uploadsDir(), { recursive: true });
    await writeFile(path.join(uploadsDir(), storedName), PNG);
    await expect(openEvidenceFile(team, photo.id)).rejects.toMatchObject({ code: 'not_found' });
    const client = await getPool().connect();
    try {
      const first = await moveEvidenceFilesToDatabase(client, uploadsDir());
      expect(first.moved).toBe(1);
      expect((await moveEvidenceFilesToDatabase(client, uploadsDir())).moved).toBe(0);
    } finally {
      client.release();
    }
    expect((await download(team, photo.id)).bytes).toEqual(PNG);
    expect(await storedFiles()).toEqual([]);
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
