import 'server-only';
/**
 * Who may see and change what in classification. Methodologies belong to a region; runs to a region and
 * optionally one municipality. Reads of the region's methodology are open to everyone in the region with
 * `classification.read`; draft runs only to those who may run the classification (staff), published runs to
 * every reader in scope.
 */
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';


/** The region whose methodology and runs the actor works with. */
export function regionOf(actor: Actor): string {
  if (!actor.scope.regionId) throw new AppError('forbidden', 'Пользователь не привязан к региону: методика и классификация ведутся по регионам.');
  return actor.scope.regionId;
}

/** The actor's own place: what «in my region» means for reading the region's methodology. */
function ownScope(actor: Actor): ResourceScope {
  return { regionId: actor.scope.regionId, municipalityId: actor.scope.municipalityId, schoolId: actor.scope.schoolId };
}

export function authorizeMethodologyRead(actor: Actor): string {
  authorize(actor, 'classification.read', ownScope(actor));
  return regionOf(actor);
}

/**
 * Reading one methodology by id: the actor's own region (as above), or any region the policy opens to the actor
 * (an administrator reads the methodology of any run it sees).
 */
export function mayReadMethodologyOf(actor: Actor, regionId: string): boolean {
  return can(actor, 'classification.read', { regionId, municipalityId: null, schoolId: null })
    || (regionId === actor.scope.regionId && can(actor, 'classification.read', ownScope(actor)));
}

export function authorizeMethodologyWrite(actor: Actor): string {
  const regionId = regionOf(actor);
  authorize(actor, 'methodology.write', { regionId, municipalityId: null, schoolId: null });
  return regionId;
}

/**
 * A run's scope: a municipal coordinator runs for its own municipality only (it is the default for it); a
 * regional analyst for the whole region or one municipality of it.
 */
function runScope(actor: Actor, municipalityId: string | undefined): ResourceScope {
  const regionId = regionOf(actor);
  const target = municipalityId ?? (actor.scope.level === 'municipality' ? actor.scope.municipalityId : null) ?? null;
  return { regionId, municipalityId: target, schoolId: null };
}

export function authorizeRun(actor: Actor, municipalityId: string | undefined): ResourceScope {
  const scope = runScope(actor, municipalityId);
  authorize(actor, 'classification.run', scope);
  return scope;
}

/** Staff see draft runs; everyone else only published ones. */
function seesDrafts(actor: Actor): boolean {
  return can(actor, 'classification.run');
}

/**
 * Whether a run is visible at all: same region, and for actors below the region its municipality or a
 * region-wide run (whose rows are then filtered to the actor's place).
 */
export function runVisible(actor: Actor, run: { regionId: string | null; municipalityId: string | null; status: string }): boolean {
  if (run.status !== 'published' && !seesDrafts(actor)) return false;
  if (can(actor, 'classification.read', { regionId: run.regionId, municipalityId: run.municipalityId, schoolId: null })) return true;
  if (!can(actor, 'classification.read')) return false;
  const { scope } = actor;
  if (scope.regionId !== run.regionId) return actor.role === 'admin';
  return run.municipalityId === null || run.municipalityId === scope.municipalityId;
}

/** Which schools of a visible run the actor may see: null — all of them. */
export function visibleSchoolFilter(actor: Actor): { municipalityId?: string; schoolId?: string } | null {
  if (actor.role === 'admin') return null;
  const { scope } = actor;
  if (scope.level === 'school' && scope.schoolId) return { schoolId: scope.schoolId };
  if (scope.level === 'municipality' && scope.municipalityId) return { municipalityId: scope.municipalityId };
  return null;
}
