/**
 * Which grades a school teaches, read from its name as Russian schools are named: «НШ», «начальная» (and
 * «НШ – ДС», a primary school with a kindergarten) teach grades 1–4; «ООШ», «основная» grades 1–9; every other
 * school (СОШ, гимназия, лицей, ЦО…) grades 1–11. The level decides which assessments the school can have: ЕГЭ
 * only with grade 11, ОГЭ only with grade 9, ВПР only in grades it teaches.
 */
import type { ExamCode } from './types';

export type SchoolLevel = 'primary' | 'basic' | 'secondary';

export const LAST_GRADE: Record<SchoolLevel, number> = { primary: 4, basic: 9, secondary: 11 };

export const LEVEL_NAMES: Record<SchoolLevel, string> = {
  primary: 'начальная школа (1–4 классы)',
  basic: 'основная школа (1–9 классы)',
  secondary: 'средняя школа (1–11 классы)',
};

const PRIMARY = /(^|[^а-яё])(НШ|НОШ)([^а-яё]|$)|начальн/i;
const BASIC = /(^|[^а-яё])ООШ([^а-яё]|$)|основн(ая|ой) общеобразовательн/i;

export function schoolLevel(name: string): SchoolLevel {
  if (PRIMARY.test(name)) return 'primary';
  if (BASIC.test(name)) return 'basic';
  return 'secondary';
}

/** Whether a school of this level can have a result of this exam (and ВПР grade). */
export function levelHasExam(level: SchoolLevel, exam: ExamCode, grade?: number | null): boolean {
  const last = LAST_GRADE[level];
  if (exam === 'EGE') return last >= 11;
  if (exam === 'OGE') return last >= 9;
  return grade === null || grade === undefined || grade <= last;
}
