// No 'server-only' here: the demo seed runs this under tsx, outside Next (see lib/demo/seed.ts).
import { eq } from 'drizzle-orm';
import { roadmapItems, roadmapSections, type Roadmap } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { roadmapScope, snapshot } from './access';
import { deadlineColumns, loadNameIndex, writeResponsibles } from './item-fields';
import { importResult, planImport, type PlannedSection } from './import-plan';
import { guessExpectedDocument } from './table/document';
import type { ParsedRoadmapTable } from './table/parse';
import type { RoadmapImportResult } from './views';
import { insertSection, nextItemPosition } from './write-core';

/** planImport, or the same run elsewhere (the portal runs it in the table worker: lib/tabular/pool.ts). */
export type ImportPlanner = (...args: Parameters<typeof planImport>) => PlannedSection[] | Promise<PlannedSection[]>;

async function planFor(executor: Executor, roadmap: Roadmap, parsed: ParsedRoadmapTable, planner: ImportPlanner): Promise<PlannedSection[]> {
  const sections = await executor.select({ id: roadmapSections.id, title: roadmapSections.title }).from(roadmapSections).where(eq(roadmapSections.roadmapId, roadmap.id));
  const items = await executor.select().from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id));
  return planner(parsed, { startYear: roadmap.periodStartYear, endYear: roadmap.periodEndYear }, sections, items);
}

/** Writes the plan: new sections, new and changed items, their responsible parties, one audit entry each. */
async function writePlan(tx: Executor, actor: Actor | null, roadmap: Roadmap, plan: readonly PlannedSection[]): Promise<void> {
  const scope = roadmapScope(roadmap);
  const index = await loadNameIndex(tx, roadmap);
  const touched: { id: string; responsibleText: string }[] = [];
  for (const section of plan) {
    const sectionId = section.existingId ?? (await insertSection(tx, actor, roadmap, { number: section.number ?? null, title: section.title })).id;
    for (const item of section.items) {
      if (item.action === 'unchanged') continue;
      const text = {
        sectionId,
        number: item.number,
        activity: item.activity,
        deadlineText: item.deadlineText,
        responsibleText: item.responsibleText,
        plannedResult: item.resultText,
        expectedDocument: guessExpectedDocument(item.parsed.documentText || item.resultText),
      };
      if (item.existing) {
        // The row as planned, changed only if nobody changed it since: a concurrent edit makes the import a conflict.
        const [before] = await tx.select().from(roadmapItems).where(eq(roadmapItems.id, item.existing.id));
        if (!before) throw new AppError('conflict');
        const deadline = before.periodOverridden ? {} : deadlineColumns(item.deadlineText, roadmap, null);
        const after = await updateVersioned(tx, roadmapItems, item.existing.id, item.existing.version, { ...text, ...deadline, deletedAt: null });
        await recordAudit(tx, actor, { action: 'import', entityType: 'roadmap_item', entityId: after.id, scope, before: snapshot(before), after: snapshot(after) });
        touched.push(after);
      } else {
        const [created] = await tx
          .insert(roadmapItems)
          .values({ roadmapId: roadmap.id, position: await nextItemPosition(tx, roadmap.id), importKey: item.importKey, ...text, ...deadlineColumns(item.deadlineText, roadmap, null) })
          .returning();
        await recordAudit(tx, actor, { action: 'import', entityType: 'roadmap_item', entityId: created!.id, scope, after: snapshot(created!) });
        touched.push(created!);
      }
    }
  }
  await writeResponsibles(tx, roadmap, index, touched);
}

/**
 * Parses, plans and — unless `dryRun` — writes an import, all in the caller's executor. With errors in the table
 * nothing is written and a `validation` error lists them (row and column). `actor` null = the system (demo seed).
 */
export async function importIntoRoadmap(
  executor: Executor,
  actor: Actor | null,
  roadmap: Roadmap,
  parsed: ParsedRoadmapTable,
  dryRun: boolean,
  planner: ImportPlanner = planImport,
  /** The imported file's name, for the history («импортировано из таблицы „…“»); null: pasted text or the system. */
  source: string | null = null,
): Promise<RoadmapImportResult> {
  const plan = await planFor(executor, roadmap, parsed, planner);
  if (dryRun) return importResult(parsed, plan, false);
  if (parsed.errors.length > 0) {
    throw new AppError('validation', `Импорт не выполнен: ошибок в таблице — ${parsed.errors.length}. Ничего не записано.`, parsed.errors);
  }
  await writePlan(executor, actor, roadmap, plan);
  const result = importResult(parsed, plan, true);
  const items = result.counts.create + result.counts.update;
  // One summary entry on the road map: the history shows the import as one event with its table and size.
  if (items > 0) {
    const after = { source, items, created: result.counts.create, updated: result.counts.update };
    await recordAudit(executor, actor, { action: 'import', entityType: 'roadmap', entityId: roadmap.id, scope: roadmapScope(roadmap), after });
  }
  return result;
}

