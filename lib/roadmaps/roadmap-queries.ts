import 'server-only';
import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { organisations, roadmapItems, roadmaps, type Roadmap } from '@/db/schema';
import { entityHistory, type AuditRow } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb, type Executor } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { assertVersion, namesActorResponsible, ROADMAP_SCOPE_COLUMNS, roadmapFor, roadmapScope, snapshot } from './access';
import { isOverdue } from './deadline';
import { deadlineColumns } from './item-fields';
import { guardPlanChange } from './review-guard';
import { createRoadmapIn } from './write-core';
import { summariseProgress } from './progress';
import {
  createRoadmapSchema,
  listRoadmapsFilterSchema,
  updateRoadmapSchema,
  type CreateRoadmapInput,
  type ListRoadmapsFilter,
  type UpdateRoadmapInput,
} from './schemas';
import type { RoadmapListRow } from './views';

/** Road maps the actor may read, with their progress and overdue counts as of `today`. */
export async function listRoadmaps(actor: Actor, filter: ListRoadmapsFilter = {}, today: Date = new Date()): Promise<RoadmapListRow[]> {
  authorize(actor, 'roadmap.read');
  const f = parseInput(listRoadmapsFilterSchema, filter);
  const conditions: (SQL | undefined)[] = [
    isNull(roadmaps.deletedAt),
    or(scopeFilter(actor, 'roadmap.read', ROADMAP_SCOPE_COLUMNS) ?? sql`true`, namesActorResponsible(actor)),
    f.level ? eq(roadmaps.level, f.level) : undefined,
    f.status ? eq(roadmaps.status, f.status) : undefined,
    f.organisationId ? eq(roadmaps.ownerOrganisationId, f.organisationId) : undefined,
    f.year !== undefined ? and(lte(roadmaps.periodStartYear, f.year), gte(roadmaps.periodEndYear, f.year)) : undefined,
  ];
  const rows = await getDb()
    .select({ roadmap: roadmaps, ownerName: organisations.name, ownerShortName: organisations.shortName })
    .from(roadmaps)
    .innerJoin(organisations, eq(organisations.id, roadmaps.ownerOrganisationId))
    .where(and(...conditions))
    .orderBy(roadmaps.level, ruOrder(roadmaps.title));
  const items = rows.length
    ? await getDb()
        .select({ roadmapId: roadmapItems.roadmapId, status: roadmapItems.status, canBeOverdue: roadmapItems.canBeOverdue, end: roadmapItems.periodEnd })
        .from(roadmapItems)
        .where(and(inArray(roadmapItems.roadmapId, rows.map((row) => row.roadmap.id)), isNull(roadmapItems.deletedAt)))
    : [];
  return rows.map(({ roadmap, ownerName, ownerShortName }) => {
    const progress = summariseProgress(
      items.filter((item) => item.roadmapId === roadmap.id).map((item) => ({ status: item.status, overdue: isOverdue(item, item.status, today) })),
    );
    return {
      id: roadmap.id,
      title: roadmap.title,
      level: roadmap.level,
      status: roadmap.status,
      ownerOrganisationId: roadmap.ownerOrganisationId,
      ownerName: ownerShortName ?? ownerName,
      periodStartYear: roadmap.periodStartYear,
      periodEndYear: roadmap.periodEndYear,
      approvalDocument: roadmap.approvalDocument,
      itemCount: progress.total,
      doneShare: progress.doneShare,
      overdueCount: progress.overdue,
      version: roadmap.version,
    };
  });
}

export async function createRoadmap(actor: Actor, input: CreateRoadmapInput): Promise<Roadmap> {
  const values = parseInput(createRoadmapSchema, input);
  return inTransaction(async (tx) => createRoadmapIn(tx, actor, values));
}

export async function updateRoadmap(actor: Actor, input: UpdateRoadmapInput): Promise<Roadmap> {
  const { id, version, ...changes } = parseInput(updateRoadmapSchema, input);
  return inTransaction(async (tx) => {
    const before = await roadmapFor(tx, actor, 'roadmap.write', id, true);
    assertVersion(before, version);
    const startYear = changes.periodStartYear ?? before.periodStartYear;
    const endYear = changes.periodEndYear ?? before.periodEndYear;
    if (startYear > endYear) {
      throw new AppError('validation', undefined, [{ field: 'periodEndYear', message: 'Окончание периода: не раньше начала' }]);
    }
    if (before.level === 'school' && changes.status && !schoolStatusChangeAllowed(before.status, changes.status)) {
      const message = 'Статус: школьная дорожная карта утверждается и возвращается через согласование';
      throw new AppError('validation', message, [{ field: 'status', message }]);
    }
    // A school map's plan details changed under review are refused; changed when approved, the map returns to draft.
    const content = (['title', 'periodStartYear', 'periodEndYear', 'approvalDocument'] as const).some((f) => changes[f] !== undefined && changes[f] !== before[f]);
    const current = content ? await guardPlanChange(tx, actor, before, { kind: 'content', what: 'изменены название, период или документ карты' }) : before;
    const reopened = current.version !== before.version;
    const { status: _status, ...details } = changes;
    const after = await updateVersioned(tx, roadmaps, id, current.version, reopened && changes.status === before.status ? details : changes);
    if (startYear !== before.periodStartYear || endYear !== before.periodEndYear) await renormaliseItems(tx, after);
    await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap', entityId: id, scope: roadmapScope(after), before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** A school road map is archived or taken out of the archive by hand; everything else goes through review. */
function schoolStatusChangeAllowed(from: Roadmap['status'], to: Roadmap['status']): boolean {
  return from === to || to === 'archived' || (from === 'archived' && to === 'draft');
}

/** A new period changes what yearless deadlines mean; hand-set periods stay. */
async function renormaliseItems(tx: Executor, roadmap: Roadmap): Promise<void> {
  const items = await tx
    .select({ id: roadmapItems.id, version: roadmapItems.version, deadlineText: roadmapItems.deadlineText })
    .from(roadmapItems)
    .where(and(eq(roadmapItems.roadmapId, roadmap.id), eq(roadmapItems.periodOverridden, false), isNull(roadmapItems.deletedAt)));
  for (const item of items) {
    await updateVersioned(tx, roadmapItems, item.id, item.version, deadlineColumns(item.deadlineText, roadmap, null));
  }
}

/** Soft delete: the road map leaves lists and pages, its rows stay for history. */
export async function deleteRoadmap(actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(async (tx) => {
    const before = await roadmapFor(tx, actor, 'roadmap.write', id, true);
    assertVersion(before, version);
    await guardPlanChange(tx, actor, before, { kind: 'removal' });
    const after = await updateVersioned(tx, roadmaps, id, version, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'delete', entityType: 'roadmap', entityId: id, scope: roadmapScope(after), before: snapshot(before), after: snapshot(after) });
  });
}

/** The audit history of a road map itself (its fields and review status), for readers of the road map. */
export async function roadmapHistory(actor: Actor, id: string): Promise<AuditRow[]> {
  await roadmapFor(getDb(), actor, 'roadmap.read', id);
  return entityHistory(actor, 'roadmap', id);
}
