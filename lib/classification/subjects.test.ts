import { describe, expect, it } from 'vitest';
import { egeMinimumScore, matchSubject, ogeMaxPrimaryScore } from './subjects';

describe('subject reference data', () => {
  it('matches the spellings found in regional files', () => {
    const cases: Array<[string, string | null]> = [
      ['Математика (профильная)', 'mathematics_profile'],
      ['математика профиль', 'mathematics_profile'],
      ['Математика П', 'mathematics_profile'],
      ['Математика (профильный уровень)', 'mathematics_profile'],
      ['Математика (базовая)', 'mathematics_base'],
      ['Математика Б', 'mathematics_base'],
      ['Математика', 'mathematics'],
      ['Русский язык', 'russian'],
      ['рус. яз.', 'russian'],
      ['  РУССКИЙ  ЯЗЫК ', 'russian'],
      ['Обществознание', 'social_studies'],
      ['Информатика и ИКТ', 'informatics'],
      ['Английский язык (письменная часть)', 'foreign_language'],
      ['Окружающий мир', 'surrounding_world'],
      ['Химия', 'chemistry'],
      ['Астрономия', null],
      ['', null],
    ];
    for (const [name, code] of cases) expect([name, matchSubject(name)]).toEqual([name, code]);
  });

  it('knows the 2026 ЕГЭ minimums and ОГЭ maxima', () => {
    expect(egeMinimumScore('russian', 2026)).toBe(24);
    expect(egeMinimumScore('mathematics_profile', 2026)).toBe(27);
    expect(egeMinimumScore('social_studies', 2026)).toBe(42);
    expect(egeMinimumScore('informatics', 2026)).toBe(40);
    expect(egeMinimumScore('geography', 2026)).toBe(37);
    for (const s of ['physics', 'chemistry', 'biology'] as const) expect(egeMinimumScore(s, 2026)).toBe(36);
    for (const s of ['history', 'literature'] as const) expect(egeMinimumScore(s, 2026)).toBe(32);
    expect(egeMinimumScore('mathematics_base', 2026)).toBeNull();
    expect(ogeMaxPrimaryScore('mathematics', 2026)).toBe(31);
    expect(ogeMaxPrimaryScore('russian', 2020)).toBe(37);
  });
});
