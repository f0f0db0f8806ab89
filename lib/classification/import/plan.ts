/**
 * What committing an assessment or context import will do, computed before anything is written: the school of
 * each row (by ОГРН, or by exact name among the schools the user may import into), the natural key, and
 * whether the record is new, changed or unchanged. Re-importing the same file therefore changes nothing.
 * Cells left empty keep what is stored: an import never erases data.
 */
import type { Issue } from '@/lib/errors';
import { nameKey } from '@/lib/schools/import/values';
import { EXAM_NAMES } from '../subjects';
import { LEVEL_NAMES, levelHasExam, type SchoolLevel } from '../school-level';
import type { ExamCode } from '../types';
import type { ImportKind } from './fields';
import type { MappedRow } from './mapping';

export interface KnownSchool {
  id: string;
  name: string;
  ogrn: string | null;
  /** Which grades it teaches (from its name); decides which exams it can have. */
  level: SchoolLevel;
}

export interface SchoolDirectory {
  byOgrn: ReadonlyMap<string, KnownSchool>;
  /** Schools in the user's scope, by name key (short and full names); more than one entry means ambiguous. */
  byName: ReadonlyMap<string, KnownSchool[]>;
}

export type RecordValues = Record<string, string | number | boolean | null>;

export interface PlannedRecord { rowNumber: number; key: string; schoolId: string; schoolName: string; values: RecordValues }

export interface DataPlan {
  create: PlannedRecord[];
  /** `before` is the stored record and `version` its version when planned: the write is conditional on it. */
  update: (PlannedRecord & { id: string; changed: string[]; before: RecordValues; version: number })[];
  unchanged: PlannedRecord[];
  issues: Issue[];
}

const ASSESSMENT_VALUES = ['participants', 'meanScore', 'maxScore', 'belowMinimum', 'marks2', 'marks3', 'marks4', 'marks5', 'highScorers'];
const CONTEXT_VALUES = [
  'pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome', 'shareParentsHigherEd', 'shareNonNativeRussian',
  'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35', 'shareTeachers60plus', 'internetMbps', 'hasPsychologist',
  'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition',
];

export function valueFields(kind: ImportKind): string[] {
  return kind === 'assessments' ? ASSESSMENT_VALUES : CONTEXT_VALUES;
}

/** school + year (+ exam + subject + grade): the one identity of a stored record. */
export function naturalKey(kind: ImportKind, v: RecordValues): string {
  return kind === 'assessments' ? `${v.schoolId}|${v.year}|${v.exam}|${v.subject}|${v.grade ?? 0}` : `${v.schoolId}|${v.year}`;
}

function findSchool(row: MappedRow, directory: SchoolDirectory): KnownSchool | string {
  const { ogrn, schoolName } = row.values;
  if (typeof ogrn === 'string') return directory.byOgrn.get(ogrn) ?? `Школа с ОГРН ${ogrn} не найдена в справочнике или недоступна`;
  const found = directory.byName.get(nameKey(String(schoolName)));
  if (!found || found.length === 0) return `Школа «${schoolName}» не найдена среди доступных вам школ; укажите ОГРН`;
  if (found.length > 1) return `Наименование «${schoolName}» носят несколько школ; укажите ОГРН`;
  return found[0]!;
}

/** An exam the school's level cannot have: ЕГЭ without grade 11, ОГЭ without grade 9, ВПР in a grade it does not teach. */
function levelProblem(school: KnownSchool, v: RecordValues): string | null {
  const exam = v.exam as ExamCode;
  const grade = typeof v.grade === 'number' && v.grade > 0 ? v.grade : null;
  if (levelHasExam(school.level, exam, grade)) return null;
  const what = exam === 'VPR' ? `ВПР в ${grade} классе` : `результатов ${EXAM_NAMES[exam]}`;
  return `Школа «${school.name}» — ${LEVEL_NAMES[school.level]}: ${what} у неё быть не может; проверьте школу или экзамен`;
}

function rowProblem(kind: ImportKind, v: RecordValues): string | null {
  if (kind !== 'assessments') return null;
  if (v.exam === 'VPR' && !v.grade) return 'Для ВПР укажите класс (4–8)';
  const participants = Number(v.participants ?? 0);
  for (const field of ['belowMinimum', 'marks2', 'highScorers'] as const) {
    if (v[field] !== undefined && v[field] !== null && Number(v[field]) > participants) return 'Число «2», ниже минимума или высокобалльников больше числа участников';
  }
  return null;
}

export function planDataImport(
  kind: ImportKind,
  rows: readonly MappedRow[],
  directory: SchoolDirectory,
  stored: ReadonlyMap<string, { id: string; values: RecordValues }>,
): DataPlan {
  const plan: DataPlan = { create: [], update: [], unchanged: [], issues: [] };
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const school = findSchool(row, directory);
    if (typeof school === 'string') {
      plan.issues.push({ row: row.rowNumber, message: school });
      continue;
    }
    const { ogrn: _o, schoolName: _n, ...rest } = row.values;
    const values: RecordValues = { ...rest, schoolId: school.id };
    if (kind === 'assessments') values.grade = values.exam === 'VPR' ? (values.grade ?? null) : 0;
    const problem = rowProblem(kind, values);
    if (problem) {
      plan.issues.push({ row: row.rowNumber, message: problem });
      continue;
    }
    const impossible = kind === 'assessments' ? levelProblem(school, values) : null;
    if (impossible) {
      plan.issues.push({ row: row.rowNumber, column: 'Экзамен', message: impossible });
      continue;
    }
    const key = naturalKey(kind, values);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      plan.issues.push({ row: row.rowNumber, message: `Запись для той же школы, года${kind === 'assessments' ? ', экзамена, предмета и класса' : ''} уже есть в строке ${earlier}` });
      continue;
    }
    firstRow.set(key, row.rowNumber);
    const existing = stored.get(key);
    const planned: PlannedRecord = { rowNumber: row.rowNumber, key, schoolId: school.id, schoolName: school.name, values };
    if (!existing) {
      plan.create.push(planned);
      continue;
    }
    const changed = valueFields(kind).filter((f) => values[f] !== undefined && values[f] !== existing.values[f]);
    if (changed.length === 0) plan.unchanged.push(planned);
    else plan.update.push({ ...planned, values: { ...existing.values, ...values }, id: existing.id, changed, before: existing.values, version: Number(existing.values.version) });
  }
  return plan;
}
