/**
 * What an import would do to a road map, pure: each parsed item gets its identity (sha256 of `itemKey`, per road
 * map), is compared with the item already holding that identity, and becomes `create`, `update` or `unchanged`.
 * Sections are matched by title (case, ё and spacing ignored). An item repeated inside the table (the parser
 * warns) is imported once.
 */
import { createHash } from 'node:crypto';
import type { RoadmapItem, RoadmapSection } from '@/db/schema/roadmaps';
import { deadlineWarning, normaliseDeadline, type RoadmapPeriod } from './deadline';
import type { Issue } from '@/lib/errors';
import type { ParsedItem, ParsedRoadmapTable } from './table/parse';
import { itemKey } from './table/key';
import type { ImportAction, ImportPreviewItem, ImportPreviewSection, RoadmapImportResult } from './views';

export type ExistingItem = Pick<
  RoadmapItem,
  'id' | 'sectionId' | 'number' | 'activity' | 'deadlineText' | 'responsibleText' | 'plannedResult' | 'importKey' | 'deletedAt' | 'version'
>;

export interface PlannedItem extends ImportPreviewItem {
  parsed: ParsedItem;
  importKey: string;
  existing: ExistingItem | null;
}

export interface PlannedSection extends ImportPreviewSection {
  existingId: string | null;
  items: PlannedItem[];
}

export function importKeyOf(sectionTitle: string | null, item: { number: string; activity: string }): string {
  return createHash('sha256').update(itemKey(sectionTitle, item)).digest('hex');
}

export function sectionKey(title: string | null): string {
  return (title ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function actionFor(parsed: ParsedItem, existing: ExistingItem | null, sectionId: string | null): ImportAction {
  if (!existing) return 'create';
  const same =
    existing.deletedAt === null &&
    existing.sectionId === sectionId &&
    (existing.number ?? '') === parsed.number &&
    existing.activity === parsed.activity &&
    existing.deadlineText === parsed.deadlineText &&
    existing.responsibleText === parsed.responsibleText &&
    existing.plannedResult === parsed.resultText;
  return same ? 'unchanged' : 'update';
}

export function planImport(
  parsed: ParsedRoadmapTable,
  period: RoadmapPeriod,
  sections: readonly Pick<RoadmapSection, 'id' | 'title'>[],
  items: readonly ExistingItem[],
): PlannedSection[] {
  const sectionIds = new Map(sections.map((section) => [sectionKey(section.title), section.id]));
  const itemsByKey = new Map(items.filter((item) => item.importKey).map((item) => [item.importKey!, item]));
  const seen = new Set<string>();
  return parsed.sections.map((section) => {
    const existingId = sectionIds.get(sectionKey(section.title)) ?? null;
    const planned: PlannedItem[] = [];
    for (const item of section.items) {
      const importKey = importKeyOf(section.title, item);
      if (seen.has(importKey)) continue;
      seen.add(importKey);
      const existing = itemsByKey.get(importKey) ?? null;
      planned.push({
        number: item.number,
        activity: item.activity,
        deadlineText: item.deadlineText,
        responsibleText: item.responsibleText,
        resultText: item.resultText,
        deadline: normaliseDeadline(item.deadlineText, period),
        action: actionFor(item, existing, existingId),
        sourceRows: item.sourceRows,
        parsed: item,
        importKey,
        existing,
      });
    }
    return { title: section.title, ...(section.number ? { number: section.number } : {}), existing: existingId !== null, existingId, items: planned };
  });
}

/** The preview / result the caller sees (no internal fields). */
export function importResult(parsed: ParsedRoadmapTable, plan: readonly PlannedSection[], committed: boolean): RoadmapImportResult {
  const all = plan.flatMap((section) => section.items);
  const count = (action: ImportAction) => all.filter((item) => item.action === action).length;
  return {
    committed,
    headers: parsed.headers,
    mapping: parsed.mapping,
    sections: plan.map((section) => ({
      title: section.title,
      ...(section.number ? { number: section.number } : {}),
      existing: section.existing,
      items: section.items.map(({ parsed: _parsed, importKey: _key, existing: _existing, ...view }) => view),
    })),
    counts: { sections: plan.length, create: count('create'), update: count('update'), unchanged: count('unchanged') },
    warnings: [...parsed.warnings, ...deadlineWarnings(parsed, all)],
    errors: parsed.errors,
  };
}

/** A warning naming the row and the deadline column for every item whose deadline holds a date the calendar lacks. */
export function deadlineWarnings(parsed: Pick<ParsedRoadmapTable, 'headers' | 'mapping'>, items: readonly Pick<ImportPreviewItem, 'deadlineText' | 'sourceRows'>[]): Issue[] {
  const index = parsed.mapping.deadline;
  const column = (index !== undefined && parsed.headers[index]) || 'Сроки';
  return items.flatMap((item) => {
    const message = deadlineWarning(item.deadlineText);
    return message ? [{ row: item.sourceRows[0], column, message }] : [];
  });
}
