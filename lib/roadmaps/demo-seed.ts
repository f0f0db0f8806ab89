/**
 * Demo road maps, imported from the seed tables through the real importer: seed 000 (municipal, 2021–2023) of
 * Берёзовский район's УО, both tables of seed 001 (УМЦ plan for 2021) as two road maps of the УМЦ, seed 002
 * (regional, 2021) of ЗОИРО, and a school road map of the Осиновская ООШ on review, whose deadlines are set
 * relative to today so that it always has done, running and overdue items. Idempotent by `external_key`.
 * No 'server-only' anywhere below: this runs under tsx, outside Next.
 */
import { eq } from 'drizzle-orm';
import { roadmapItems, roadmapProgressReports, roadmapReviewEvents, roadmaps, type Roadmap } from '@/db/schema';
import type { Executor } from '@/lib/db/client';
import { fictionalise } from '@/lib/demo/fictional';
import type { DemoContext } from '@/lib/demo/seed';
import { importIntoRoadmap } from './import-write';
import type { ItemStatus } from './status';
import { SEED_000_TSV, SEED_001_DIRECTIONS_TSV, SEED_001_ROADMAP_TSV, SEED_002_TSV } from './demo/tables';
import { schoolRoadmapTable } from './demo/school';
import { parsePastedText } from './table/paste';
import { parseRoadmapTable } from './table/parse';
import { changeItemStatusIn, createRoadmapIn } from './write-core';

interface DemoRoadmap {
  key: string;
  owner: string;
  level: Roadmap['level'];
  title: string;
  startYear: number;
  endYear: number;
  approvalDocument: string | null;
  table: string;
  /** Item status by position in the road map (0-based); a repeating pattern gives a mix. */
  statusPattern: readonly ItemStatus[];
  status: Roadmap['status'];
}

const MIXED: readonly ItemStatus[] = ['done', 'done', 'in_progress', 'planned', 'done', 'planned'];

function demoRoadmaps(today: Date, keyPrefix: string): DemoRoadmap[] {
  const year = today.getFullYear();
  const list: DemoRoadmap[] = [
    {
      key: 'demo-seed-000',
      owner: 'ber-uo',
      level: 'municipality',
      title: 'Дорожная карта проекта повышения качества образования в школах Берёзовского района с низкими результатами обучения и школах, функционирующих в неблагоприятных социальных условиях, на 2021–2023 годы',
      startYear: 2021,
      endYear: 2023,
      approvalDocument: 'Приказ УО № 112 от 15.10.2021',
      table: SEED_000_TSV,
      statusPattern: MIXED,
      status: 'approved',
    },
    {
      key: 'demo-seed-001-directions',
      owner: 'ber-umc',
      level: 'municipality',
      title: 'Основные направления деятельности УМЦ по поддержке школ с низкими результатами на 2021 год',
      startYear: 2021,
      endYear: 2021,
      approvalDocument: 'Приказ МКУ «УМЦ» № 17 от 21.01.2021',
      table: SEED_001_DIRECTIONS_TSV,
      statusPattern: ['done', 'done', 'done', 'in_progress', 'planned'],
      status: 'approved',
    },
    {
      key: 'demo-seed-001-roadmap',
      owner: 'ber-umc',
      level: 'municipality',
      title: 'Дорожная карта УМЦ: переход школ в эффективный режим работы, 2021 год',
      startYear: 2021,
      endYear: 2021,
      approvalDocument: 'Приказ МКУ «УМЦ» № 17 от 21.01.2021',
      table: SEED_001_ROADMAP_TSV,
      statusPattern: ['done', 'in_progress', 'done', 'planned'],
      status: 'approved',
    },
    {
      key: 'demo-seed-002',
      owner: 'zar-zoiro',
      level: 'region',
      title: 'Региональная дорожная карта проекта поддержки школ с низкими результатами обучения на 2021 год',
      startYear: 2021,
      endYear: 2021,
      approvalDocument: 'Распоряжение министерства образования № 45-р от 01.02.2021',
      table: SEED_002_TSV,
      statusPattern: ['done', 'done', 'in_progress', 'planned', 'cancelled', 'done'],
      status: 'approved',
    },
    {
      key: 'demo-school-osinovka',
      owner: 'ber-osinovka-oosh',
      level: 'school',
      title: 'Программа перехода МКОУ «Осиновская ООШ» в эффективный режим работы',
      startYear: year - 1,
      endYear: year + 1,
      approvalDocument: null,
      table: schoolRoadmapTable(today),
      statusPattern: ['done', 'planned', 'in_progress', 'in_progress', 'planned', 'planned'],
      status: 'on_review',
    },
  ];
  return list.map((demo) => ({ ...demo, key: demo.key.replace(/^demo/, keyPrefix) }));
}

/** Sets the demo statuses through the one status-change write, so each item's history shows how it got there. */
async function applyStatuses(tx: Executor, roadmap: Roadmap, pattern: readonly ItemStatus[]): Promise<void> {
  const items = await tx.select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id)).orderBy(roadmapItems.position);
  for (const [index, item] of items.entries()) {
    const status = pattern[index % pattern.length]!;
    if (status !== item.status) await changeItemStatusIn(tx, null, roadmap, item, status);
  }
}

async function addSchoolReview(tx: Executor, context: DemoContext, roadmap: Roadmap, today: Date): Promise<void> {
  const authorId = context.userIds.get('school@opora.demo') ?? null;
  const authorName = 'Команда МКОУ «Осиновская ООШ»';
  const [first] = await tx.select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id)).orderBy(roadmapItems.position).limit(1);
  if (first) {
    const reportedOn = new Date(today.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
    await tx.insert(roadmapProgressReports).values({ roadmapId: roadmap.id, itemId: first.id, reportedOn, text: 'Самодиагностика проведена, результаты обсуждены на педагогическом совете.', authorId, authorName });
  }
  await tx.insert(roadmapReviewEvents).values({ roadmapId: roadmap.id, kind: 'submit', text: 'Направляем программу на согласование.', authorId, authorName });
}

export interface DemoRoadmapOptions {
  today?: Date;
  /** Namespace of the external keys («demo»); tests seed into their own. */
  keyPrefix?: string;
}

/** Demo road maps (seeds 000, 001, 002 and a school road map on review). Returns how many were created. */
export async function seedDemoRoadmaps(context: DemoContext, options: DemoRoadmapOptions = {}): Promise<number> {
  const { tx } = context;
  const today = options.today ?? new Date();
  let created = 0;
  for (const demo of demoRoadmaps(today, options.keyPrefix ?? 'demo')) {
    const ownerOrganisationId = context.organisationIds.get(demo.owner);
    if (!ownerOrganisationId) continue;
    const [existing] = await tx.select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.externalKey, demo.key));
    if (existing) continue;
    const roadmap = await createRoadmapIn(tx, null, {
      level: demo.level,
      ownerOrganisationId,
      title: demo.title,
      periodStartYear: demo.startYear,
      periodEndYear: demo.endYear,
      approvalDocument: demo.approvalDocument,
      status: demo.status,
      externalKey: demo.key,
    });
    await importIntoRoadmap(tx, null, roadmap, parseRoadmapTable(parsePastedText(fictionalise(demo.table))), false);
    await applyStatuses(tx, roadmap, demo.statusPattern);
    if (demo.level === 'school') await addSchoolReview(tx, context, roadmap, today);
    created += 1;
  }
  return created;
}
