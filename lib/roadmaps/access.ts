// No 'server-only' here: the demo seed runs this under tsx, outside Next (see lib/demo/seed.ts).
import { and, eq, exists, isNull, or, type SQL, sql } from 'drizzle-orm';
import { organisations, roadmapItemResponsibles, roadmapItems, roadmaps, users, type Roadmap, type RoadmapItem } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize, can, type Action } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { RoadmapPermissions } from './views';

/** The permission scope of a road map: its region / municipality / school and its owner organisation. */
export function roadmapScope(roadmap: Pick<Roadmap, 'regionId' | 'municipalityId' | 'schoolId' | 'ownerOrganisationId'>): ResourceScope {
  return {
    regionId: roadmap.regionId,
    municipalityId: roadmap.municipalityId,
    schoolId: roadmap.schoolId,
    ownerOrganisationId: roadmap.ownerOrganisationId,
  };
}

export const ROADMAP_SCOPE_COLUMNS = {
  regionId: roadmaps.regionId,
  municipalityId: roadmaps.municipalityId,
  schoolId: roadmaps.schoolId,
  ownerOrganisationId: roadmaps.ownerOrganisationId,
};

/** A live (not deleted) road map, or `not_found`. */
async function findRoadmap(executor: Executor, id: string, forUpdate = false): Promise<Roadmap> {
  const query = executor
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.id, id), isNull(roadmaps.deletedAt)))
    .limit(1);
  const [roadmap] = forUpdate ? await query.for('update') : await query;
  if (!roadmap) throw new AppError('not_found', 'Дорожная карта не найдена.');
  return roadmap;
}

/**
 * True (as SQL over `roadmaps`) when a live item of the road map names the actor as responsible: the actor
 * itself, its organisation, or — for a user of a municipality — the municipality or an organisation in it. Such
 * a user may read the map even outside its scope (a coordinator named in the regional map), never change it.
 */
export function namesActorResponsible(actor: Actor): SQL {
  const { scope } = actor;
  const named = [eq(roadmapItemResponsibles.userId, actor.id), eq(roadmapItemResponsibles.organisationId, scope.organisationId)];
  if (scope.level === 'municipality' && scope.municipalityId) {
    named.push(eq(roadmapItemResponsibles.organisationId, scope.municipalityId), eq(organisations.municipalityId, scope.municipalityId));
  }
  return exists(
    sql`(${sql`select 1 from ${roadmapItemResponsibles}
      join ${roadmapItems} on ${roadmapItems.id} = ${roadmapItemResponsibles.itemId}
      left join ${organisations} on ${organisations.id} = ${roadmapItemResponsibles.organisationId}
      where ${roadmapItems.roadmapId} = ${roadmaps.id} and ${roadmapItems.deletedAt} is null and ${or(...named)}`})`,
  );
}

async function isNamedResponsible(executor: Executor, actor: Actor, roadmapId: string): Promise<boolean> {
  if (!can(actor, 'roadmap.read')) return false;
  const [row] = await executor.select({ id: roadmaps.id }).from(roadmaps).where(and(eq(roadmaps.id, roadmapId), namesActorResponsible(actor))).limit(1);
  return Boolean(row);
}

/** Loads a road map and checks the actor's right on it. A road map the actor may not read does not exist for it. */
export async function roadmapFor(executor: Executor, actor: Actor, action: Action, id: string, forUpdate = false): Promise<Roadmap> {
  const roadmap = await findRoadmap(executor, id, forUpdate);
  if (!can(actor, 'roadmap.read', roadmapScope(roadmap))) {
    if (!(await isNamedResponsible(executor, actor, roadmap.id))) throw new AppError('not_found', 'Дорожная карта не найдена.');
    // Named responsible outside its scope: reading only.
    if (action !== 'roadmap.read') throw new AppError('forbidden');
    return roadmap;
  }
  authorize(actor, action, roadmapScope(roadmap));
  return roadmap;
}

/** A live item with its road map, the actor's right checked on the road map. */
export async function itemFor(
  executor: Executor,
  actor: Actor,
  action: Action,
  itemId: string,
  forUpdate = false,
): Promise<{ item: RoadmapItem; roadmap: Roadmap }> {
  const query = executor
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.id, itemId), isNull(roadmapItems.deletedAt)))
    .limit(1);
  const [item] = forUpdate ? await query.for('update') : await query;
  if (!item) throw new AppError('not_found', 'Мероприятие не найдено.');
  const roadmap = await roadmapFor(executor, actor, action, item.roadmapId);
  return { item, roadmap };
}

/** Stale version → `conflict`, the newer data untouched. */
export function assertVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) throw new AppError('conflict');
}

/** What the actor may do with a road map; the same rules the writes enforce. */
export function roadmapPermissions(actor: Actor, roadmap: Roadmap): RoadmapPermissions {
  const scope = roadmapScope(roadmap);
  const canEdit = can(actor, 'roadmap.write', scope);
  const isSchool = roadmap.level === 'school';
  return {
    canEdit,
    canDelete: canEdit,
    canSubmit: isSchool && canEdit && (roadmap.status === 'draft' || roadmap.status === 'needs_revision'),
    canReview: isSchool && roadmap.status === 'on_review' && can(actor, 'roadmap.review', scope),
  };
}

/** The actor's user id when it is a stored user (authors link to users; system and test actors are not). */
export async function authorIdOf(executor: Executor, actor: Actor | null): Promise<string | null> {
  if (!actor) return null;
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).limit(1);
  return row?.id ?? null;
}

export async function organisationName(executor: Executor, id: string): Promise<string> {
  const [row] = await executor
    .select({ name: organisations.name, shortName: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row ? (row.shortName ?? row.name) : '';
}

/** Audit snapshot without bookkeeping columns. */
export function snapshot<T extends { createdAt?: Date; updatedAt?: Date }>(row: T) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}
