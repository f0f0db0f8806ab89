import type { Role } from '@/db/schema/users';

export type { Role };

export type ScopeLevel = 'region' | 'municipality' | 'school' | 'none';

/** Where a user sits: the organisation it is bound to, and the region / municipality / school above it. */
export interface Scope {
  organisationId: string;
  organisationName: string;
  level: ScopeLevel;
  regionId: string | null;
  municipalityId: string | null;
  schoolId: string | null;
}

/** The signed-in user as the data layer sees it. Built fresh from the database on every request. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  scope: Scope;
}

/** The scope of a record being read or written. */
export interface ResourceScope {
  regionId: string | null;
  municipalityId: string | null;
  schoolId: string | null;
  /** The organisation that owns the record (a road map's owner, a user's organisation). */
  ownerOrganisationId?: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  ministry_analyst: 'Аналитик регионального министерства',
  municipal_coordinator: 'Муниципальный координатор',
  methodologist: 'Методист / куратор',
  expert: 'Эксперт',
  school_team: 'Команда школы',
};
