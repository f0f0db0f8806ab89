import { eq } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import type { Actor, Scope, ScopeLevel } from './actor';

/**
 * Loads the actor behind a session token. Returns null when the user is gone, deactivated, or its sessions
 * were ended (session version bumped) — which is how deactivation ends a session at its next request.
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const [row] = await getDb()
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.user.isActive || row.user.sessionVersion !== sessionVersion) return null;
  return { id: row.user.id, name: row.user.name, role: row.user.role, scope: scopeOf(row.organisation) };
}

/** The scope a user bound to this organisation works in. */
export function scopeOf(organisation: typeof organisations.$inferSelect): Scope {
  const level: ScopeLevel =
    organisation.kind === 'school'
      ? 'school'
      : organisation.municipalityId
        ? 'municipality'
        : organisation.regionId
          ? 'region'
          : 'none';
  return {
    organisationId: organisation.id,
    organisationName: organisation.shortName ?? organisation.name,
    level,
    regionId: organisation.regionId,
    municipalityId: organisation.municipalityId,
    schoolId: organisation.kind === 'school' ? organisation.id : null,
  };
}
