import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '@/db/schema/users';
import {
  BEREZOVSKY_KEY,
  DEMO_MUNICIPALITIES,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_REGION,
  DEMO_SCHOOLS,
  DEMO_USERS,
  SVETLOGORSK_KEY,
  type DemoBindingType,
  type DemoUserRole,
} from './data';

/*
 * Local check-digit checks on purpose: lib/organisations/identifiers.ts is written in parallel and the demo data
 * must not depend on it. Once it lands, these two can be replaced by its isValidOgrn / isValidInn.
 */
function hasValidOgrnCheckDigit(ogrn: string): boolean {
  return /^\d{13}$/.test(ogrn) && (BigInt(ogrn.slice(0, 12)) % 11n) % 10n === BigInt(ogrn.slice(12));
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
function hasValidInn10CheckDigit(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  const sum = INN10_WEIGHTS.reduce((total, weight, index) => total + weight * Number(inn[index]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

const ALL_ROLES: readonly DemoUserRole[] = ROLES;

const town = DEMO_SCHOOLS.filter((school) => school.municipalityKey === SVETLOGORSK_KEY);
const district = DEMO_SCHOOLS.filter((school) => school.municipalityKey === BEREZOVSKY_KEY);

describe('check-digit helpers of this test', () => {
  it('accept a published pair (ПАО Сбербанк) and reject any other last digit', () => {
    expect(hasValidOgrnCheckDigit('1027700132195')).toBe(true);
    expect(hasValidInn10CheckDigit('7707083893')).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...DEMO_SCHOOLS), fc.integer({ min: 1, max: 9 }), (school, shift) => {
        const corrupt = (id: string) => id.slice(0, -1) + String((Number(id.at(-1)) + shift) % 10);
        expect(hasValidOgrnCheckDigit(corrupt(school.ogrn))).toBe(false);
        expect(hasValidInn10CheckDigit(corrupt(school.inn))).toBe(false);
      }),
    );
  });
});

describe('demo data', () => {
  it('uses one key space with no duplicates', () => {
    const keys = [
      DEMO_REGION.key,
      ...DEMO_MUNICIPALITIES.map((municipality) => municipality.key),
      ...DEMO_ORGANISATIONS.map((organisation) => organisation.key),
      ...DEMO_SCHOOLS.map((school) => school.key),
    ];
    expect(duplicates(keys)).toEqual([]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has about 30 schools, split between the town and the district', () => {
    expect(DEMO_SCHOOLS.length).toBeGreaterThanOrEqual(28);
    expect(DEMO_SCHOOLS.length).toBeLessThanOrEqual(32);
    expect(town.length).toBeGreaterThanOrEqual(10);
    expect(district.length).toBeGreaterThanOrEqual(15);
    expect(town.length + district.length).toBe(DEMO_SCHOOLS.length);
  });

  it('gives every school a well-formed, unique ОГРН and ИНН with valid check digits', () => {
    for (const school of DEMO_SCHOOLS) {
      expect(hasValidOgrnCheckDigit(school.ogrn), `${school.key} ОГРН ${school.ogrn}`).toBe(true);
      expect(hasValidInn10CheckDigit(school.inn), `${school.key} ИНН ${school.inn}`).toBe(true);
    }
    expect(duplicates(DEMO_SCHOOLS.map((school) => school.ogrn))).toEqual([]);
    expect(duplicates(DEMO_SCHOOLS.map((school) => school.inn))).toEqual([]);
  });

  it('gives every school unique names, a postal address in its settlement and a plausible size', () => {
    expect(duplicates(DEMO_SCHOOLS.map((school) => school.fullName))).toEqual([]);
    expect(duplicates(DEMO_SCHOOLS.map((school) => school.shortName))).toEqual([]);
    for (const school of DEMO_SCHOOLS) {
      expect(school.address).toMatch(/^\d{6}, Заречная область, /);
      expect(school.address).toContain(`${school.settlement}, `);
      expect(school.fullName).toMatch(/^Муниципальное (бюджетное|автономное|казённое) общеобразовательное/);
      expect(Number.isInteger(school.pupilCount)).toBe(true);
      expect(school.pupilCount).toBeGreaterThanOrEqual(12);
      expect(school.pupilCount).toBeLessThanOrEqual(1400);
    }
  });

  it('places town schools near the centre and district schools 5–140 km away, some of them remote', () => {
    for (const school of town) {
      expect(school.distanceToCentreKm).toBeGreaterThanOrEqual(0);
      expect(school.distanceToCentreKm).toBeLessThanOrEqual(5);
      expect(school.locality).toBe('urban');
    }
    for (const school of district) {
      expect(school.distanceToCentreKm).toBeGreaterThanOrEqual(5);
      expect(school.distanceToCentreKm).toBeLessThanOrEqual(140);
    }
    const remote = district.filter((school) => school.distanceToCentreKm > 50);
    expect(remote.length).toBeGreaterThanOrEqual(3);
    expect(district.filter((school) => school.locality === 'rural').length).toBeGreaterThanOrEqual(10);
    expect(DEMO_SCHOOLS.filter((school) => school.locality === 'urban').length).toBeGreaterThanOrEqual(10);
  });

  it('includes the kinds of school the seeds talk about', () => {
    const shortNames = DEMO_SCHOOLS.map((school) => school.shortName).join('\n');
    for (const kind of ['Гимназия', 'Лицей', 'ООШ', 'НШ – ДС', 'УИОП', 'СОШ']) expect(shortNames).toContain(kind);
  });

  it('keeps every municipality and organisation inside the demo region', () => {
    const municipalityKeys = new Set(DEMO_MUNICIPALITIES.map((municipality) => municipality.key));
    for (const municipality of DEMO_MUNICIPALITIES) expect(municipality.regionKey).toBe(DEMO_REGION.key);
    for (const school of DEMO_SCHOOLS) expect(municipalityKeys.has(school.municipalityKey)).toBe(true);
    for (const organisation of DEMO_ORGANISATIONS) {
      expect(organisation.regionKey).toBe(DEMO_REGION.key);
      if (organisation.municipalityKey !== null) {
        expect(municipalityKeys.has(organisation.municipalityKey)).toBe(true);
      }
    }
  });

  it('has a ministry, an institute and an education department in every municipality', () => {
    const regional = DEMO_ORGANISATIONS.filter((organisation) => organisation.municipalityKey === null);
    const regionalKinds = regional.map((organisation) => organisation.kind);
    expect(regionalKinds).toEqual(expect.arrayContaining(['ministry', 'institute']));
    for (const municipality of DEMO_MUNICIPALITIES) {
      const departments = DEMO_ORGANISATIONS.filter(
        (organisation) =>
          organisation.municipalityKey === municipality.key && organisation.kind === 'education_department',
      );
      expect(departments, municipality.key).toHaveLength(1);
    }
  });

  it('binds every user to an existing record of the declared type', () => {
    const keysByType: Record<DemoBindingType, Set<string>> = {
      region: new Set([DEMO_REGION.key]),
      municipality: new Set(DEMO_MUNICIPALITIES.map((municipality) => municipality.key)),
      organisation: new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.key)),
      school: new Set(DEMO_SCHOOLS.map((school) => school.key)),
    };
    for (const user of DEMO_USERS) {
      expect(keysByType[user.organisationType].has(user.organisationKey), user.login).toBe(true);
    }
  });

  it('covers every role with unique demo logins', () => {
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(new Set(ALL_ROLES));
    expect(duplicates(DEMO_USERS.map((user) => user.login))).toEqual([]);
    for (const user of DEMO_USERS) expect(user.login).toMatch(/^[a-z0-9]+@opora\.demo$/);
  });

  it('binds coordinators to their municipalities, the methodologist to a centre, the school team to a village', () => {
    const coordinators = DEMO_USERS.filter((user) => user.role === 'municipal_coordinator');
    expect(new Set(coordinators.map((user) => user.organisationKey))).toEqual(
      new Set(DEMO_MUNICIPALITIES.map((municipality) => municipality.key)),
    );
    const methodologist = DEMO_USERS.find((user) => user.role === 'methodologist');
    const centre = DEMO_ORGANISATIONS.find((organisation) => organisation.key === methodologist?.organisationKey);
    expect(centre?.kind).toBe('methodical_center');
    const schoolTeam = DEMO_USERS.find((user) => user.role === 'school_team');
    const school = DEMO_SCHOOLS.find((candidate) => candidate.key === schoolTeam?.organisationKey);
    expect(school?.locality).toBe('rural');
  });

  it('exposes a demo password that meets a basic strength rule', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD).toMatch(/[A-Z]/);
    expect(DEMO_PASSWORD).toMatch(/\d/);
  });
});
