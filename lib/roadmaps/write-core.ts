// No 'server-only' here: the demo seed runs this under tsx, outside Next (see lib/demo/seed.ts).
import { eq, max } from 'drizzle-orm';
import { organisations, roadmapItems, roadmaps, roadmapSections, type Organisation, type Roadmap, type RoadmapItem } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { roadmapScope, snapshot } from './access';
import type { createRoadmapSchema } from './schemas';

/** Writes shared by the domain functions and the demo seed; callers check permissions (or pass actor null = system). */

/** Where a road map of `level` owned by `owner` sits. */
function ownerScope(owner: Organisation, level: Roadmap['level']): ResourceScope {
  const wrong = (message: string) => new AppError('validation', message, [{ field: 'level', message }]);
  if (owner.kind === 'school' && level !== 'school') throw wrong('Уровень: дорожная карта школы — школьная');
  if (level === 'school' && owner.kind !== 'school') throw wrong('Уровень: школьную дорожную карту ведёт школа');
  if (level === 'municipality' && !owner.municipalityId) throw wrong('Уровень: организация не относится к муниципалитету');
  if (level === 'region' && owner.municipalityId) throw wrong('Уровень: муниципальная организация ведёт муниципальную дорожную карту');
  return {
    regionId: owner.regionId,
    municipalityId: level === 'region' ? null : owner.municipalityId,
    schoolId: level === 'school' ? owner.id : null,
    ownerOrganisationId: owner.id,
  };
}

async function findOwner(executor: Executor, id: string): Promise<Organisation> {
  const [owner] = await executor.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!owner) throw new AppError('validation', 'Организация-владелец не найдена', [{ field: 'ownerOrganisationId', message: 'Организация-владелец не найдена' }]);
  return owner;
}

/** The insert itself, for callers that hold a transaction (demo seed). `actor` null = the system. */
export async function createRoadmapIn(
  tx: Executor,
  actor: Actor | null,
  values: ReturnType<typeof createRoadmapSchema.parse> & { status?: Roadmap['status']; externalKey?: string },
): Promise<Roadmap> {
  const owner = await findOwner(tx, values.ownerOrganisationId);
  const scope = ownerScope(owner, values.level);
  if (actor) authorize(actor, 'roadmap.write', scope);
  const [created] = await tx
    .insert(roadmaps)
    .values({ ...values, approvalDocument: values.approvalDocument ?? null, regionId: scope.regionId, municipalityId: scope.municipalityId, schoolId: scope.schoolId })
    .returning();
  if (!created) throw new AppError('internal');
  await recordAudit(tx, actor, { action: 'create', entityType: 'roadmap', entityId: created.id, scope, after: snapshot(created) });
  return created;
}

export function nextItemPosition(tx: Executor, roadmapId: string): Promise<number> {
  return nextPosition(tx, roadmapItems.position, roadmapId);
}

async function nextPosition(tx: Executor, column: typeof roadmapItems.position | typeof roadmapSections.position, roadmapId: string) {
  const table = column === roadmapItems.position ? roadmapItems : roadmapSections;
  const [row] = await tx.select({ last: max(column) }).from(table).where(eq(table.roadmapId, roadmapId));
  return (row?.last ?? 0) + 1;
}

/** Appends a section; for callers holding a transaction (import). */
export async function insertSection(tx: Executor, actor: Actor | null, roadmap: Roadmap, values: { number: string | null; title: string | null }) {
  const [created] = await tx
    .insert(roadmapSections)
    .values({ roadmapId: roadmap.id, position: await nextPosition(tx, roadmapSections.position, roadmap.id), ...values })
    .returning();
  if (!created) throw new AppError('internal');
  await recordAudit(tx, actor, { action: 'create', entityType: 'roadmap_section', entityId: created.id, scope: roadmapScope(roadmap), after: snapshot(created) });
  return created;
}

/**
 * One item's status change, audited as every status change is (the item's history shows it): the one write behind
 * `setItemsStatus` and the demo seed. The caller holds the row (locked) and has checked permission and version.
 */
export async function changeItemStatusIn(tx: Executor, actor: Actor | null, roadmap: Roadmap, before: RoadmapItem, status: RoadmapItem['status']): Promise<RoadmapItem> {
  const after = await updateVersioned(tx, roadmapItems, before.id, before.version, { status });
  await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap_item', entityId: before.id, scope: roadmapScope(roadmap), before: snapshot(before), after: snapshot(after) });
  return after;
}
