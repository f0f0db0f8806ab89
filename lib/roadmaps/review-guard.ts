// No 'server-only' here: the road-map import (also run by the demo seed under tsx) calls it.
import { and, eq, gt, inArray, or } from 'drizzle-orm';
import { auditLog, roadmapItems, roadmapReviewEvents, roadmaps, roadmapSections, type Roadmap } from '@/db/schema';
import { diffSnapshots, type FieldChange } from '@/lib/audit/diff';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { authorIdOf, roadmapScope, snapshot } from './access';

/**
 * Edits of a school road map under review or approved (issue: an approved map stayed editable with its status
 * unchanged). The rule:
 * - on review (`on_review`): nothing of its items and sections changes — no edit, no new item, no status mark, no
 *   deletion — until the curator approves or returns it;
 * - approved: marking items' progress (status) is carrying the plan out and stays allowed; any change of the plan
 *   itself (items, sections, the map's title or period, an import) returns the map to draft, with a «reopen» entry
 *   in the review conversation saying what changed, so it has to be submitted and approved again — and the curator
 *   sees the changes since the approval (`changesSinceApproval`);
 * - the whole map deleted (`removal`): refused under review, like any change of its plan; otherwise it simply leaves.
 * Region and municipality maps have no review and are not affected.
 */
export type PlanChange = { kind: 'content'; what: string } | { kind: 'status' } | { kind: 'removal' };

export const UNDER_REVIEW_MESSAGE =
  'Дорожная карта на согласовании: её и её мероприятия нельзя менять, добавлять, отмечать выполненными или удалять до решения куратора.';

/** A school road map under review: its plan is frozen until the curator decides. Writes refuse; pages offer no plan edits. */
export function planFrozen(roadmap: Pick<Roadmap, 'level' | 'status'>): boolean {
  return roadmap.level === 'school' && roadmap.status === 'on_review';
}

/** Checks a write to a school road map's plan and reopens an approved map; returns the road map as it now is. */
export async function guardPlanChange(tx: Executor, actor: Actor | null, roadmap: Roadmap, change: PlanChange): Promise<Roadmap> {
  if (roadmap.level !== 'school') return roadmap;
  // Locked, so a concurrent submission or approval is decided before or after this write, never beside it.
  const [current] = await tx.select().from(roadmaps).where(eq(roadmaps.id, roadmap.id)).for('update');
  if (!current) throw new AppError('not_found', 'Дорожная карта не найдена.');
  if (planFrozen(current)) throw new AppError('conflict', UNDER_REVIEW_MESSAGE);
  if (current.status !== 'approved' || change.kind !== 'content') return current;
  const reopened = await updateVersioned(tx, roadmaps, current.id, current.version, { status: 'draft' });
  const text = `Изменена после утверждения: ${change.what}. Карта возвращена в черновик; отправьте её на согласование снова.`;
  await tx.insert(roadmapReviewEvents).values({ roadmapId: current.id, kind: 'reopen', text, authorId: await authorIdOf(tx, actor), authorName: actor?.name ?? 'Система' });
  await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap', entityId: current.id, scope: roadmapScope(current), before: snapshot(current), after: snapshot(reopened) });
  return reopened;
}

export interface PlanChangeView {
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The item's activity or the section's title as recorded, so a deleted item is named too. */
  subject: string | null;
  changes: FieldChange[];
}

function subjectOf(before: unknown, after: unknown): string | null {
  for (const snapshot of [after, before]) {
    const record = (snapshot ?? {}) as Record<string, unknown>;
    const text = record.activity ?? record.title;
    if (typeof text === 'string' && text) return text;
  }
  return null;
}

/**
 * What changed in a school road map's plan since its last approval (items, sections and the map itself), oldest
 * first; empty when it was never approved. For the curator deciding on the resubmitted map.
 */
export async function changesSinceApproval(executor: Executor, roadmapId: string): Promise<{ approvedAt: Date | null; changes: PlanChangeView[] }> {
  const approvals = await executor
    .select({ at: roadmapReviewEvents.createdAt })
    .from(roadmapReviewEvents)
    .where(and(eq(roadmapReviewEvents.roadmapId, roadmapId), eq(roadmapReviewEvents.kind, 'approve')));
  const approvedAt = approvals.map((a) => a.at).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  if (!approvedAt) return { approvedAt: null, changes: [] };
  const items = await executor.select({ id: roadmapItems.id }).from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmapId));
  const sections = await executor.select({ id: roadmapSections.id }).from(roadmapSections).where(eq(roadmapSections.roadmapId, roadmapId));
  const ofPlan = [
    and(eq(auditLog.entityType, 'roadmap'), eq(auditLog.entityId, roadmapId)),
    items.length > 0 ? and(eq(auditLog.entityType, 'roadmap_item'), inArray(auditLog.entityId, items.map((i) => i.id))) : undefined,
    sections.length > 0 ? and(eq(auditLog.entityType, 'roadmap_section'), inArray(auditLog.entityId, sections.map((s) => s.id))) : undefined,
  ];
  const rows = await executor.select().from(auditLog).where(and(gt(auditLog.at, approvedAt), or(...ofPlan))).orderBy(auditLog.id).limit(500);
  const changes = rows
    .map((row) => ({ at: row.at, actorName: row.actorName, action: row.action, entityType: row.entityType, entityId: row.entityId, subject: subjectOf(row.before, row.after), changes: diffSnapshots(row.before, row.after) }))
    // The map's own status moves (reopen, submit) are in the review conversation already.
    .filter((row) => !(row.entityType === 'roadmap' && row.changes.every((c) => c.field === 'status')));
  return { approvedAt, changes };
}
