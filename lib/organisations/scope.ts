import type { Organisation } from '@/db/schema';
import type { ResourceScope } from '@/lib/auth/actor';

/** The permission scope of an organisation record. */
export function organisationScope(org: Pick<Organisation, 'id' | 'kind' | 'regionId' | 'municipalityId'>): ResourceScope {
  return {
    regionId: org.regionId,
    municipalityId: org.municipalityId,
    schoolId: org.kind === 'school' ? org.id : null,
    ownerOrganisationId: org.id,
  };
}

/** Audit snapshot: the record's own fields, without bookkeeping columns. */
export function organisationSnapshot(org: Organisation) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = org;
  return rest;
}
