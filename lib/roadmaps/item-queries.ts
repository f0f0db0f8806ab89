import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { roadmapItems, roadmapSections, type Roadmap, type RoadmapItem, type RoadmapSection } from '@/db/schema';
import { entityHistory, type AuditRow } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { getDb, type Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { assertVersion, itemFor, roadmapFor, roadmapScope, snapshot } from './access';
import { deadlineColumns, loadNameIndex, writeResponsibles } from './item-fields';
import { guardPlanChange } from './review-guard';
import { changeItemStatusIn, insertSection, nextItemPosition } from './write-core';
import {
  createItemSchema,
  createSectionSchema,
  setItemsStatusSchema,
  updateItemSchema,
  updateSectionSchema,
  type CreateItemInput,
  type CreateSectionInput,
  type SetItemsStatusInput,
  type UpdateItemInput,
  type UpdateSectionInput,
} from './schemas';

async function sectionOf(tx: Executor, roadmapId: string, sectionId: string): Promise<RoadmapSection> {
  const [section] = await tx.select().from(roadmapSections).where(and(eq(roadmapSections.id, sectionId), eq(roadmapSections.roadmapId, roadmapId)));
  if (!section) throw new AppError('validation', 'Раздел не найден в этой дорожной карте', [{ field: 'sectionId', message: 'Раздел не найден в этой дорожной карте' }]);
  return section;
}

export async function createSection(actor: Actor, input: CreateSectionInput): Promise<RoadmapSection> {
  const values = parseInput(createSectionSchema, input);
  return inTransaction(async (tx) => {
    const roadmap = await guardPlanChange(tx, actor, await roadmapFor(tx, actor, 'roadmap.write', values.roadmapId), { kind: 'content', what: `добавлен раздел «${values.title}»` });
    return insertSection(tx, actor, roadmap, { number: values.number ?? null, title: values.title });
  });
}

export async function updateSection(actor: Actor, input: UpdateSectionInput): Promise<RoadmapSection> {
  const { id, version, ...changes } = parseInput(updateSectionSchema, input);
  return inTransaction(async (tx) => {
    const [before] = await tx.select().from(roadmapSections).where(eq(roadmapSections.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'Раздел не найден.');
    const roadmap = await roadmapFor(tx, actor, 'roadmap.write', before.roadmapId);
    assertVersion(before, version);
    await guardPlanChange(tx, actor, roadmap, { kind: 'content', what: `изменён раздел «${before.title ?? ''}»` });
    const after = await updateVersioned(tx, roadmapSections, id, version, changes);
    await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap_section', entityId: id, scope: roadmapScope(roadmap), before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

const overrideOf = (values: { periodStart?: string | null; periodEnd?: string | null }) =>
  values.periodStart && values.periodEnd ? { start: values.periodStart, end: values.periodEnd } : null;

export async function createItem(actor: Actor, input: CreateItemInput): Promise<RoadmapItem> {
  const values = parseInput(createItemSchema, input);
  return inTransaction(async (tx) => {
    const roadmap = await guardPlanChange(tx, actor, await roadmapFor(tx, actor, 'roadmap.write', values.roadmapId), { kind: 'content', what: `добавлено мероприятие «${values.activity}»` });
    await sectionOf(tx, roadmap.id, values.sectionId);
    const deadlineText = values.deadlineText ?? '';
    const [created] = await tx
      .insert(roadmapItems)
      .values({
        roadmapId: roadmap.id,
        sectionId: values.sectionId,
        position: await nextItemPosition(tx, roadmap.id),
        number: values.number ?? null,
        activity: values.activity,
        deadlineText,
        responsibleText: values.responsibleText ?? '',
        plannedResult: values.plannedResult ?? '',
        expectedDocument: values.expectedDocument ?? null,
        status: values.status ?? 'planned',
        ...deadlineColumns(deadlineText, roadmap, overrideOf(values)),
      })
      .returning();
    if (!created) throw new AppError('internal');
    await writeResponsibles(tx, roadmap, await loadNameIndex(tx, roadmap), [created]);
    await recordAudit(tx, actor, { action: 'create', entityType: 'roadmap_item', entityId: created.id, scope: roadmapScope(roadmap), after: snapshot(created) });
    return created;
  });
}

/** Deadline columns after an edit: a new hand-set period, the override dropped, or the text normalised again. */
function deadlineAfterEdit(before: RoadmapItem, roadmap: Roadmap, values: ReturnType<typeof updateItemSchema.parse>) {
  const text = values.deadlineText ?? before.deadlineText;
  const override = overrideOf(values);
  if (override) return deadlineColumns(text, roadmap, override);
  if (values.clearOverride || (!before.periodOverridden && text !== before.deadlineText)) return deadlineColumns(text, roadmap, null);
  return {};
}

export async function updateItem(actor: Actor, input: UpdateItemInput): Promise<RoadmapItem> {
  const values = parseInput(updateItemSchema, input);
  const { id, version, clearOverride: _clear, periodStart: _start, periodEnd: _end, ...changes } = values;
  return inTransaction(async (tx) => {
    const { item: before, roadmap } = await itemFor(tx, actor, 'roadmap.write', id, true);
    assertVersion(before, version);
    const content = Object.entries(changes).some(([field, value]) => field !== 'status' && value !== undefined && value !== before[field as keyof typeof before]);
    const override = overrideOf(values);
    const periodChanged = override
      ? !before.periodOverridden || override.start !== before.periodStart || override.end !== before.periodEnd
      : Boolean(values.clearOverride && before.periodOverridden);
    const planChange = content || periodChanged ? { kind: 'content' as const, what: `изменено мероприятие «${before.activity}»` } : { kind: 'status' as const };
    await guardPlanChange(tx, actor, roadmap, planChange);
    if (changes.sectionId) await sectionOf(tx, roadmap.id, changes.sectionId);
    const after = await updateVersioned(tx, roadmapItems, id, version, { ...changes, ...deadlineAfterEdit(before, roadmap, values) });
    if (after.responsibleText !== before.responsibleText) {
      await writeResponsibles(tx, roadmap, await loadNameIndex(tx, roadmap), [after]);
    }
    await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap_item', entityId: id, scope: roadmapScope(roadmap), before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export async function deleteItem(actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(async (tx) => {
    const { item: before, roadmap } = await itemFor(tx, actor, 'roadmap.write', id, true);
    assertVersion(before, version);
    await guardPlanChange(tx, actor, roadmap, { kind: 'content', what: `удалено мероприятие «${before.activity}»` });
    const after = await updateVersioned(tx, roadmapItems, id, version, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'delete', entityType: 'roadmap_item', entityId: id, scope: roadmapScope(roadmap), before: snapshot(before), after: snapshot(after) });
  });
}

/** Bulk status change: every item must belong to the road map and carry its current version, or nothing changes. */
export async function setItemsStatus(actor: Actor, input: SetItemsStatusInput): Promise<number> {
  const values = parseInput(setItemsStatusSchema, input);
  return inTransaction(async (tx) => {
    const roadmap = await roadmapFor(tx, actor, 'roadmap.write', values.roadmapId);
    await guardPlanChange(tx, actor, roadmap, { kind: 'status' });
    let changed = 0;
    for (const { id, version } of values.items) {
      const [before] = await tx
        .select()
        .from(roadmapItems)
        .where(and(eq(roadmapItems.id, id), eq(roadmapItems.roadmapId, roadmap.id), isNull(roadmapItems.deletedAt)))
        .for('update');
      if (!before) throw new AppError('not_found', 'Мероприятие не найдено в этой дорожной карте.');
      assertVersion(before, version);
      if (before.status === values.status) continue;
      await changeItemStatusIn(tx, actor, roadmap, before, values.status);
      changed += 1;
    }
    return changed;
  });
}

/** The audit history of one item (edits, status changes, progress reports). */
export async function itemHistory(actor: Actor, itemId: string): Promise<AuditRow[]> {
  await itemFor(getDb(), actor, 'roadmap.read', itemId);
  return entityHistory(actor, 'roadmap_item', itemId);
}
