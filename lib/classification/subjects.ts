/**
 * Subject reference data: names, ЕГЭ minimum test scores and ОГЭ primary-score maxima by year, and matching of
 * the many spellings of subject names found in regional files.
 */
import type { ExamCode, SubjectCode } from './types';

export interface SubjectInfo {
  code: SubjectCode;
  /** Nominative name: «Математика (профиль)». */
  name: string;
  /** Prepositional phrase after «по»: «по математике (профиль)». */
  dative: string;
}

export const SUBJECTS: readonly SubjectInfo[] = [
  { code: 'russian', name: 'Русский язык', dative: 'русскому языку' },
  { code: 'mathematics', name: 'Математика', dative: 'математике' },
  { code: 'mathematics_profile', name: 'Математика (профиль)', dative: 'математике (профиль)' },
  { code: 'mathematics_base', name: 'Математика (база)', dative: 'математике (база)' },
  { code: 'physics', name: 'Физика', dative: 'физике' },
  { code: 'chemistry', name: 'Химия', dative: 'химии' },
  { code: 'biology', name: 'Биология', dative: 'биологии' },
  { code: 'geography', name: 'География', dative: 'географии' },
  { code: 'history', name: 'История', dative: 'истории' },
  { code: 'social_studies', name: 'Обществознание', dative: 'обществознанию' },
  { code: 'informatics', name: 'Информатика', dative: 'информатике' },
  { code: 'literature', name: 'Литература', dative: 'литературе' },
  { code: 'foreign_language', name: 'Иностранный язык', dative: 'иностранному языку' },
  { code: 'surrounding_world', name: 'Окружающий мир', dative: 'окружающему миру' },
];

const SUBJECT_BY_CODE = new Map(SUBJECTS.map((s) => [s.code, s]));

/** The subject of a code, or null for a code the portal does not know (data loaded outside the import). */
export function findSubject(code: string): SubjectInfo | null {
  return SUBJECT_BY_CODE.get(code as SubjectCode) ?? null;
}

export function subjectInfo(code: SubjectCode): SubjectInfo {
  const info = SUBJECT_BY_CODE.get(code);
  if (!info) throw new Error(`Unknown subject ${code}`);
  return info;
}

export const EXAM_NAMES: Record<ExamCode, string> = { EGE: 'ЕГЭ', OGE: 'ОГЭ', VPR: 'ВПР' };

/** Reference scores valid from `fromYear` until the next entry. */
interface ScoreTable {
  fromYear: number;
  values: Partial<Record<SubjectCode, number>>;
}

/** ЕГЭ minimum test scores (the minimum for the certificate); unchanged since 2021, confirmed for 2026. */
const EGE_MINIMUMS: readonly ScoreTable[] = [
  {
    fromYear: 2021,
    values: {
      russian: 24,
      mathematics_profile: 27,
      social_studies: 42,
      informatics: 40,
      geography: 37,
      physics: 36,
      chemistry: 36,
      biology: 36,
      history: 32,
      literature: 32,
      foreign_language: 22,
    },
  },
];

/** ОГЭ maximum primary scores (ФИПИ specifications, 2024–2026). */
const OGE_MAXIMUMS: readonly ScoreTable[] = [
  {
    fromYear: 2024,
    values: {
      russian: 37,
      mathematics: 31,
      physics: 45,
      chemistry: 40,
      biology: 47,
      geography: 31,
      history: 37,
      social_studies: 37,
      informatics: 19,
      literature: 37,
      foreign_language: 68,
    },
  },
];

/** The table in force in `year`: the latest that starts no later, or the earliest one for older years. */
function lookup(tables: readonly ScoreTable[], subject: SubjectCode, year: number): number | null {
  let chosen = tables[0];
  for (const table of tables) if (table.fromYear <= year) chosen = table;
  return chosen?.values[subject] ?? null;
}

export function egeMinimumScore(subject: SubjectCode, year: number): number | null {
  return lookup(EGE_MINIMUMS, subject, year);
}

export function ogeMaxPrimaryScore(subject: SubjectCode, year: number): number | null {
  return lookup(OGE_MAXIMUMS, subject, year);
}

/** Lower-case, «ё» → «е», punctuation to spaces, single spaces. */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();
}

/** Patterns tried in order on the normalised name; the first match wins, so specific forms come first. */
const SYNONYMS: ReadonlyArray<[RegExp, SubjectCode]> = [
  [/^(математика|матем|мат)( уровень)? ?(профил\S*|профильн\S*|п|проф)( уровень)?$/, 'mathematics_profile'],
  [/^профильн\S* математика$/, 'mathematics_profile'],
  [/^(математика|матем|мат)( уровень)? ?(баз\S*|б)( уровень)?$/, 'mathematics_base'],
  [/^базов\S* математика$/, 'mathematics_base'],
  [/^(математика|матем|мат|алгебра)$/, 'mathematics'],
  [/^(русский язык|русский|рус яз|русск яз|рус язык|рус)$/, 'russian'],
  [/^(физика|физ)$/, 'physics'],
  [/^(химия|хим)$/, 'chemistry'],
  [/^(биология|био|биол)$/, 'biology'],
  [/^(география|геогр|гео)$/, 'geography'],
  [/^(история|ист)( россии)?$/, 'history'],
  [/^(обществознание|общество|обществ|общ)$/, 'social_studies'],
  [/^(информатика( и икт)?|информ|инф|икт)$/, 'informatics'],
  [/^(литература|лит)$/, 'literature'],
  [/^(иностранный язык|ин яз|иняз|английский язык|немецкий язык|французский язык|испанский язык|китайский язык|английский|немецкий|французский)( письменная часть| устная часть)?$/, 'foreign_language'],
  [/^(окружающий мир|окр мир)$/, 'surrounding_world'],
];

/** Subject code for a name as written in an import file, or null when it is not recognised. */
export function matchSubject(name: string): SubjectCode | null {
  const key = normalise(name);
  if (key === '') return null;
  for (const [pattern, code] of SYNONYMS) if (pattern.test(key)) return code;
  return null;
}
