import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/db/schema/users';
import type { Actor, ResourceScope, Scope } from '@/lib/auth/actor';
import { navigationFor } from '@/lib/auth/navigation';
import { type Action, ACTIONS, authorize, can } from '@/lib/auth/policy';

/**
 * The permission matrix: every role × every action × own / foreign scope. Each role is bound where it
 * naturally sits (a coordinator to municipality A, a school team to school A1 …); "own" is a record inside that
 * binding, "foreign" one in municipality B (or, for regional roles, in another region).
 */
const REGION = 'region-1';
const OTHER_REGION = 'region-2';
const MUN_A = 'mun-a';
const MUN_B = 'mun-b';
const SCHOOL_A1 = 'school-a1';
const CENTER_A = 'center-a';

const BINDINGS: Record<Role, Scope> = {
  admin: scope('region', REGION, null, null, REGION),
  ministry_analyst: scope('region', REGION, null, null, 'ministry'),
  municipal_coordinator: scope('municipality', REGION, MUN_A, null, MUN_A),
  methodologist: scope('municipality', REGION, MUN_A, null, CENTER_A),
  expert: scope('region', REGION, null, null, REGION),
  school_team: scope('school', REGION, MUN_A, SCHOOL_A1, SCHOOL_A1),
};

function scope(level: Scope['level'], regionId: string, municipalityId: string | null, schoolId: string | null, organisationId: string): Scope {
  return { level, regionId, municipalityId, schoolId, organisationId, organisationName: organisationId };
}

const actorFor = (role: Role): Actor => ({ id: `user-${role}`, name: role, role, scope: BINDINGS[role] });

/** A record owned by the actor's own organisation, inside its scope. */
function own(role: Role): ResourceScope {
  const s = BINDINGS[role];
  return {
    regionId: s.regionId,
    municipalityId: s.municipalityId ?? MUN_A,
    schoolId: s.schoolId ?? (s.level === 'school' ? SCHOOL_A1 : null),
    ownerOrganisationId: s.organisationId,
  };
}

/** A record of another organisation outside the actor's scope. */
function foreign(role: Role): ResourceScope {
  const regional = BINDINGS[role].level === 'region';
  return {
    regionId: regional ? OTHER_REGION : REGION,
    municipalityId: regional ? 'mun-z' : MUN_B,
    schoolId: 'school-b1',
    ownerOrganisationId: 'someone-else',
  };
}

/** Expected answers for own scope: the written-out policy. Foreign scope: only the administrator. */
const OWN: Record<Role, Action[]> = {
  admin: [...ACTIONS],
  ministry_analyst: [
    'organisation.read', 'organisation.write', 'school.import', 'audit.read', 'admin.access', 'roadmap.read', 'roadmap.write',
    'roadmap.review', 'indicator.read', 'indicator.write', 'indicator.define', 'indicator.approve', 'practice.read',
    'classification.read', 'classification.run', 'methodology.write', 'report.export',
  ],
  municipal_coordinator: [
    'organisation.read', 'organisation.write', 'school.import', 'user.read', 'audit.read', 'admin.access', 'roadmap.read',
    'roadmap.write', 'roadmap.review', 'indicator.read', 'indicator.write', 'indicator.approve', 'practice.read',
    'classification.read', 'classification.run', 'report.export',
  ],
  methodologist: [
    'organisation.read', 'audit.read', 'roadmap.read', 'roadmap.write', 'roadmap.review', 'indicator.read', 'practice.read',
    'practice.review', 'classification.read',
  ],
  expert: ['organisation.read', 'audit.read', 'roadmap.read', 'indicator.read', 'practice.read', 'practice.review', 'classification.read'],
  school_team: [
    'organisation.read', 'audit.read', 'roadmap.read', 'roadmap.write', 'indicator.read', 'indicator.write', 'practice.read',
    'practice.submit', 'classification.read',
  ],
};

describe('permission matrix', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expectedOwn = OWN[role].includes(action);
      it(`${role} × ${action}: own ${expectedOwn ? 'allowed' : 'denied'}, foreign ${role === 'admin' ? 'allowed' : 'denied'}`, () => {
        const actor = actorFor(role);
        expect(can(actor, action, own(role))).toBe(expectedOwn);
        expect(can(actor, action, foreign(role))).toBe(role === 'admin');
      });
    }
  }

  it('a coordinator of A may not touch a school of B, but may a school of A', () => {
    const coordinator = actorFor('municipal_coordinator');
    const schoolOfA = { regionId: REGION, municipalityId: MUN_A, schoolId: 'school-a2', ownerOrganisationId: 'school-a2' };
    const schoolOfB = { regionId: REGION, municipalityId: MUN_B, schoolId: 'school-b1', ownerOrganisationId: 'school-b1' };
    expect(can(coordinator, 'organisation.write', schoolOfA)).toBe(true);
    expect(can(coordinator, 'organisation.read', schoolOfB)).toBe(false);
    expect(can(coordinator, 'organisation.write', schoolOfB)).toBe(false);
  });

  it('a methodologist edits road maps of its own organisation only, even inside its municipality', () => {
    const methodologist = actorFor('methodologist');
    expect(can(methodologist, 'roadmap.write', { regionId: REGION, municipalityId: MUN_A, schoolId: null, ownerOrganisationId: CENTER_A })).toBe(true);
    expect(can(methodologist, 'roadmap.write', { regionId: REGION, municipalityId: MUN_A, schoolId: null, ownerOrganisationId: MUN_A })).toBe(false);
  });

  it('nobody without a session can do anything, and authorize() says why in Russian', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
    expect(() => authorize(null, 'organisation.read')).toThrow('Войдите в систему');
    expect(() => authorize(actorFor('expert'), 'user.write')).toThrow('Недостаточно прав');
  });

  it('the menu follows the rights of each role', () => {
    const menu = (role: Role) => navigationFor(actorFor(role)).map((item) => item.label);
    expect(menu('admin')).toContain('Администрирование');
    expect(menu('municipal_coordinator')).toContain('Отчёты');
    expect(menu('expert')).toEqual(['Мои задачи', 'Дорожные карты', 'Показатели', 'Банк практик', 'Школы', 'Классификация']);
    expect(navigationFor(null)).toEqual([]);
  });
});
