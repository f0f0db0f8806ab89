import { AppError } from '@/lib/errors';
import type { Actor, ResourceScope, Role } from './actor';

/**
 * The one permission table of the portal. Every query and mutation in `lib/<domain>/queries.ts` calls
 * `authorize` (or filters with `scopeFilter`) before it touches data; pages, actions and route handlers never
 * decide permissions on their own.
 */
export const ACTIONS = [
  'organisation.read',
  'organisation.write',
  'school.import',
  'user.read',
  'user.write',
  'audit.read',
  'admin.access',
  'roadmap.read',
  'roadmap.write',
  'roadmap.review',
  'indicator.read',
  /** Enter and submit values of an organisation's indicators. */
  'indicator.write',
  /** Define indicators, their targets and campaigns (the region). */
  'indicator.define',
  /** Approve, return and unlock reported values (the level above the reporting organisation). */
  'indicator.approve',
  'practice.read',
  'practice.submit',
  'practice.review',
  'classification.read',
  'classification.run',
  'methodology.write',
  'report.export',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role's right reaches: `any` — everywhere; `scope` — inside the user's own region, municipality or
 * school (whichever it is bound to); `own` — only records owned by the user's own organisation.
 */
type Reach = 'any' | 'scope' | 'own';

const ALL_READS: Action[] = [
  'organisation.read',
  'roadmap.read',
  'indicator.read',
  'practice.read',
  'classification.read',
  'audit.read',
];

const RIGHTS: Record<Role, Partial<Record<Action, Reach>>> = {
  admin: Object.fromEntries(ACTIONS.map((a) => [a, 'any'])),
  ministry_analyst: {
    ...reads('scope'),
    'organisation.write': 'scope',
    'school.import': 'scope',
    'admin.access': 'scope',
    'indicator.write': 'scope',
    'indicator.define': 'scope',
    'indicator.approve': 'scope',
    'classification.run': 'scope',
    'methodology.write': 'scope',
    'report.export': 'scope',
    'roadmap.write': 'own',
    'roadmap.review': 'scope',
  },
  municipal_coordinator: {
    ...reads('scope'),
    'organisation.write': 'scope',
    'school.import': 'scope',
    'admin.access': 'scope',
    'user.read': 'scope',
    'roadmap.write': 'scope',
    'roadmap.review': 'scope',
    'indicator.write': 'scope',
    'indicator.approve': 'scope',
    'classification.run': 'scope',
    'report.export': 'scope',
  },
  methodologist: {
    ...reads('scope'),
    'roadmap.write': 'own',
    'roadmap.review': 'scope',
    'practice.review': 'scope',
  },
  expert: {
    ...reads('scope'),
    'practice.review': 'scope',
  },
  school_team: {
    ...reads('scope'),
    'roadmap.write': 'scope',
    'practice.submit': 'scope',
    'indicator.write': 'scope',
  },
};

function reads(reach: Reach): Partial<Record<Action, Reach>> {
  return Object.fromEntries(ALL_READS.map((a) => [a, reach]));
}

/** True when the resource lies inside the actor's region / municipality / school. */
function inScope(actor: Actor, resource: ResourceScope): boolean {
  const { scope } = actor;
  switch (scope.level) {
    case 'region':
      return scope.regionId !== null && resource.regionId === scope.regionId;
    case 'municipality':
      return scope.municipalityId !== null && resource.municipalityId === scope.municipalityId;
    case 'school':
      return scope.schoolId !== null && resource.schoolId === scope.schoolId;
    case 'none':
      return resource.ownerOrganisationId === scope.organisationId;
  }
}

/**
 * `resource` omitted asks whether the role has the right anywhere at all (menus, buttons); with a resource it
 * is the real check.
 */
export function can(actor: Actor | null, action: Action, resource?: ResourceScope): boolean {
  if (!actor) return false;
  const reach = RIGHTS[actor.role][action];
  if (!reach) return false;
  if (reach === 'any' || resource === undefined) return true;
  if (reach === 'own') {
    return resource.ownerOrganisationId != null && resource.ownerOrganisationId === actor.scope.organisationId;
  }
  return inScope(actor, resource);
}

/** Throws `unauthorized` without a user and `forbidden` when the right is missing. */
export function authorize(actor: Actor | null, action: Action, resource?: ResourceScope): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized');
  if (!can(actor, action, resource)) throw new AppError('forbidden');
}

/** The reach of a right, for list queries that filter instead of checking row by row. */
export function reachOf(actor: Actor, action: Action): Reach | null {
  return RIGHTS[actor.role][action] ?? null;
}
