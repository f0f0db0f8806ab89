import { type AnyColumn, type SQL, eq, sql } from 'drizzle-orm';
import type { Actor } from './actor';
import { type Action, reachOf } from './policy';

export interface ScopeColumns {
  regionId: AnyColumn;
  municipalityId: AnyColumn;
  schoolId: AnyColumn;
  ownerOrganisationId?: AnyColumn;
}

/**
 * The SQL twin of `can()` for list queries: a WHERE condition keeping only the rows the actor may see.
 * Returns `undefined` when the actor may see every row, and a false condition when it may see none.
 */
export function scopeFilter(actor: Actor, action: Action, columns: ScopeColumns): SQL | undefined {
  const reach = reachOf(actor, action);
  if (reach === 'any') return undefined;
  if (reach === null) return sql`false`;
  const { scope } = actor;
  if (reach === 'own') {
    return columns.ownerOrganisationId ? eq(columns.ownerOrganisationId, scope.organisationId) : sql`false`;
  }
  switch (scope.level) {
    case 'region':
      return scope.regionId ? eq(columns.regionId, scope.regionId) : sql`false`;
    case 'municipality':
      return scope.municipalityId ? eq(columns.municipalityId, scope.municipalityId) : sql`false`;
    case 'school':
      return scope.schoolId ? eq(columns.schoolId, scope.schoolId) : sql`false`;
    case 'none':
      return columns.ownerOrganisationId ? eq(columns.ownerOrganisationId, scope.organisationId) : sql`false`;
  }
}
