import { describe, expect, it } from 'vitest';
import { schoolLevel } from '../school-level';
import { planDataImport, type KnownSchool, type SchoolDirectory } from './plan';

const school = (id: string, name: string, ogrn: string): KnownSchool => ({ id, name, ogrn, level: schoolLevel(name) });
const oosh = school('a', 'МКОУ «Осиновская ООШ»', '1000000000001');
const nsh = school('b', 'МКОУ «Ключевская НШ – ДС»', '1000000000002');
const sosh = school('c', 'МКОУ «Сосновская СОШ»', '1000000000003');
const directory: SchoolDirectory = {
  byOgrn: new Map([oosh, nsh, sosh].map((s) => [s.ogrn!, s])),
  byName: new Map(),
};

const row = (rowNumber: number, s: KnownSchool, exam: string, grade?: number) => ({
  rowNumber,
  values: { ogrn: s.ogrn!, year: 2026, exam, subject: 'russian', participants: 10, meanScore: 60, ...(grade ? { grade } : {}) },
});

describe('assessment import against the school’s level', () => {
  it('refuses ЕГЭ for a school without grade 11, naming the row, the column and the school', () => {
    const plan = planDataImport('assessments', [row(2, sosh, 'EGE'), row(3, oosh, 'EGE'), row(4, oosh, 'OGE')], directory, new Map());
    expect(plan.issues).toEqual([{ row: 3, column: 'Экзамен', message: expect.stringMatching(/^Школа «МКОУ «Осиновская ООШ»» — основная школа \(1–9 классы\): результатов ЕГЭ у неё быть не может/) }]);
    expect(plan.create.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('refuses ОГЭ and ВПР above grade 4 for a primary school, and keeps its ВПР of grade 4', () => {
    const plan = planDataImport('assessments', [row(2, nsh, 'OGE'), row(3, nsh, 'VPR', 5), row(4, nsh, 'VPR', 4)], directory, new Map());
    expect(plan.issues.map((i) => i.row)).toEqual([2, 3]);
    expect(plan.issues[1]!.message).toContain('ВПР в 5 классе');
    expect(plan.create.map((r) => r.rowNumber)).toEqual([4]);
  });
});
