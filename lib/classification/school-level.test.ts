import { describe, expect, it } from 'vitest';
import { levelHasExam, schoolLevel } from './school-level';

describe('school level from the name', () => {
  it('reads НШ – ДС, ООШ and СОШ as Russian school names write them', () => {
    expect(schoolLevel('МКОУ «Ключевская НШ – ДС»')).toBe('primary');
    expect(schoolLevel('Муниципальное казённое общеобразовательное учреждение «Ключевская начальная школа – детский сад»')).toBe('primary');
    expect(schoolLevel('МКОУ «Осиновская ООШ»')).toBe('basic');
    expect(schoolLevel('Муниципальное казённое общеобразовательное учреждение «Осиновская основная общеобразовательная школа»')).toBe('basic');
    expect(schoolLevel('МБОУ СОШ № 3')).toBe('secondary');
    expect(schoolLevel('МАОУ «Лицей № 2»')).toBe('secondary');
    // Letters inside a word are not an abbreviation.
    expect(schoolLevel('МБОУ «Гимназия Коношская»')).toBe('secondary');
  });

  it('allows ЕГЭ only with grade 11, ОГЭ only with grade 9 and ВПР only in taught grades', () => {
    expect(levelHasExam('basic', 'EGE')).toBe(false);
    expect(levelHasExam('basic', 'OGE')).toBe(true);
    expect(levelHasExam('primary', 'OGE')).toBe(false);
    expect(levelHasExam('primary', 'VPR', 4)).toBe(true);
    expect(levelHasExam('primary', 'VPR', 5)).toBe(false);
    expect(levelHasExam('secondary', 'EGE')).toBe(true);
  });
});
