import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeValidOgrn } from '@/lib/organisations/identifiers';
import type { SchoolImportRow, SchoolSnapshot } from './fields';
import { planImport, type ExistingDirectory, type PlannedSchool } from './plan';

const ogrn = (n: number) => makeValidOgrn(String(102770000000 + n));

function directoryAfter(existing: ExistingDirectory, planned: PlannedSchool[]): ExistingDirectory {
  const schools = new Map(existing.schools);
  for (const { rowNumber: _rowNumber, ...school } of planned) schools.set(school.ogrn, school);
  const municipalities = [...existing.municipalities];
  for (const school of planned) {
    if (!municipalities.some((m) => m.region === school.region && m.name === school.municipality)) {
      municipalities.push({ region: school.region, name: school.municipality });
    }
  }
  return { schools, regions: [...new Set([...existing.regions, ...planned.map((school) => school.region)])], municipalities };
}

const stored: SchoolSnapshot = {
  ogrn: ogrn(1),
  fullName: 'МБОУ «Школа № 1»',
  shortName: 'Школа № 1 (вручную)',
  inn: null,
  region: 'Москва',
  municipality: 'Район Аэропорт',
  address: 'ул. Часовая, 1',
  settlement: 'urban',
  distanceKm: null,
  pupils: 800,
  kind: 'school',
};
const existing: ExistingDirectory = {
  schools: new Map([[stored.ogrn, stored]]),
  regions: ['Москва'],
  municipalities: [{ region: 'Москва', name: 'Район Аэропорт' }],
};

describe('planImport', () => {
  it('creates, updates with a field diff and keeps values the file does not give', () => {
    const rows: SchoolImportRow[] = [
      { rowNumber: 2, ogrn: ogrn(1), fullName: 'МБОУ «Школа № 1»', region: 'москва', municipality: 'район  аэропорт', pupils: 812 },
      { rowNumber: 3, ogrn: ogrn(2), fullName: 'ГБПОУ «Колледж связи № 54»', municipality: 'Район Сокол' },
    ];
    const plan = planImport(rows, existing, { defaultRegion: 'Москва' });
    expect(plan.update).toEqual([
      {
        rowNumber: 2,
        ogrn: ogrn(1),
        changes: [{ field: 'pupils', label: 'Численность обучающихся', before: 800, after: 812 }],
        next: { ...stored, pupils: 812, rowNumber: 2 },
      },
    ]);
    expect(plan.create).toEqual([
      {
        rowNumber: 3, ogrn: ogrn(2), fullName: 'ГБПОУ «Колледж связи № 54»', shortName: 'Колледж связи № 54', inn: null,
        region: 'Москва', municipality: 'Район Сокол', address: null, settlement: null, distanceKm: null, pupils: null, kind: 'college',
      },
    ]);
    expect(plan.newRegions).toEqual([]);
    expect(plan.newMunicipalities).toEqual([{ region: 'Москва', name: 'Район Сокол' }]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.issues).toEqual([]);
  });

  it('moves a school to another municipality and reports a row without region', () => {
    const plan = planImport([{ rowNumber: 4, ogrn: ogrn(1), fullName: stored.fullName, region: 'Москва', municipality: 'Район Сокол' }], existing);
    expect(plan.update[0]?.changes).toEqual([{ field: 'municipality', label: 'Муниципалитет', before: 'Район Аэропорт', after: 'Район Сокол' }]);
    const orphan = planImport([{ rowNumber: 5, ogrn: ogrn(3), fullName: 'Школа', municipality: 'Район' }], existing);
    expect(orphan.issues).toEqual([{ row: 5, field: 'region', message: 'Не указан регион школы' }]);
    expect(orphan.create).toEqual([]);
  });

  it('re-importing what was just imported changes nothing', () => {
    const row = fc.record(
      {
        n: fc.integer({ min: 1, max: 50 }),
        fullName: fc.constantFrom('МБОУ «СОШ № 1»', 'ГБПОУ «Техникум»', 'Лицей'),
        municipality: fc.constantFrom('Район А', 'район а', 'Район Б'),
        region: fc.constantFrom('Регион', 'регион'),
        pupils: fc.integer({ min: 0, max: 2000 }),
        settlement: fc.constantFrom('urban' as const, 'rural' as const),
      },
      { requiredKeys: ['n', 'fullName', 'municipality'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.n, maxLength: 20 }), (generated) => {
        const rows: SchoolImportRow[] = generated.map(({ n, ...rest }, index) => ({ ...rest, ogrn: ogrn(n), rowNumber: index + 2 }));
        const first = planImport(rows, existing, { defaultRegion: 'Москва' });
        const afterFirst = directoryAfter(existing, [...first.create, ...first.update.map((update) => update.next)]);
        const second = planImport(rows, afterFirst, { defaultRegion: 'Москва' });
        expect(second.create).toEqual([]);
        expect(second.update).toEqual([]);
        expect(second.newRegions).toEqual([]);
        expect(second.newMunicipalities).toEqual([]);
        expect(second.unchanged).toHaveLength(rows.length);
      }),
    );
  });
});
