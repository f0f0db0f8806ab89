// No 'server-only' here: the demo seed runs the write core under tsx, outside Next (see lib/demo/seed.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { practiceReviews, practices, type Practice } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { can, reachOf } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import type { Participant, PracticeState } from './workflow';

/** The scope of a practice: its author school (owner) in its municipality and region. */
export function practiceScope(p: Pick<Practice, 'regionId' | 'municipalityId' | 'schoolId'>): ResourceScope {
  return { regionId: p.regionId, municipalityId: p.municipalityId, schoolId: p.schoolId, ownerOrganisationId: p.schoolId };
}

export function stateOf(p: Pick<Practice, 'status' | 'publishedVersion'>): PracticeState {
  return { status: p.status, hasPublishedVersion: p.publishedVersion !== null };
}

/** Everyone of the region with `practice.read` reads its published practices (the bank is shared by all schools). */
export function readsPublished(actor: Actor, regionId: string): boolean {
  const reach = reachOf(actor, 'practice.read');
  if (reach === 'any') return true;
  if (reach === null) return false;
  return actor.scope.regionId === regionId;
}

/** Who `actor` is to `practice`; `openReview` says whether the actor holds an unsubmitted review of the current version. */
export function participantOf(actor: Actor, practice: Practice, openReview: boolean): Participant {
  const scope = practiceScope(practice);
  const schoolId = actor.scope.schoolId;
  return {
    author: can(actor, 'practice.submit', scope),
    coordinator: actor.role !== 'expert' && can(actor, 'practice.review', scope),
    assignedExpert: openReview,
    sameSchool: schoolId !== null && schoolId === practice.schoolId,
    otherSchool: actor.role === 'school_team' && schoolId !== null && schoolId !== practice.schoolId && readsPublished(actor, practice.regionId),
  };
}

export async function openReviewOf(executor: Executor, actor: Actor, practice: Practice) {
  const [row] = await executor
    .select()
    .from(practiceReviews)
    .where(and(eq(practiceReviews.practiceId, practice.id), eq(practiceReviews.practiceVersion, practice.revision), eq(practiceReviews.expertId, actor.id), isNull(practiceReviews.submittedAt)))
    .limit(1);
  return row ?? null;
}

/** True when the actor may see the practice at all (its drafts: the scope's readers and its assigned experts). */
export async function canSee(executor: Executor, actor: Actor, practice: Practice): Promise<boolean> {
  if (practice.status === 'published' || practice.publishedVersion !== null) {
    if (readsPublished(actor, practice.regionId)) return true;
  }
  if (can(actor, 'practice.read', practiceScope(practice))) return true;
  if (actor.role === 'expert' || actor.role === 'methodologist') {
    if (can(actor, 'practice.review', practiceScope(practice))) return true;
    const [assigned] = await executor.select({ id: practiceReviews.id }).from(practiceReviews).where(and(eq(practiceReviews.practiceId, practice.id), eq(practiceReviews.expertId, actor.id))).limit(1);
    return Boolean(assigned);
  }
  return false;
}

/** The practice for the actor, or 404 (a malformed id, a missing row, a draft the actor may not see). */
export async function practiceFor(executor: Executor, actor: Actor, id: string, forUpdate = false): Promise<Practice> {
  if (!isId(id)) throw new AppError('not_found', 'Практика не найдена.');
  const query = executor.select().from(practices).where(eq(practices.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row || !(await canSee(executor, actor, row))) throw new AppError('not_found', 'Практика не найдена.');
  return row;
}

/** Fields of a practice as the audit and the version history keep them. */
export function practiceSnapshot(p: Practice) {
  return {
    title: p.title,
    summary: p.summary,
    problem: p.problem,
    riskFactors: p.riskFactors,
    grades: p.grades,
    subjects: p.subjects,
    body: p.body,
    resources: p.resources,
    costBand: p.costBand,
    claimedResults: p.claimedResults,
    tags: p.tags,
    startedOn: p.startedOn,
    evidenceLevel: p.evidenceLevel,
    evidenceReason: p.evidenceReason,
    status: p.status,
  };
}
export type PracticeSnapshot = ReturnType<typeof practiceSnapshot>;
