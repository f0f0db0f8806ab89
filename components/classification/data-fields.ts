/** The editable fields of the assessment-result and school-context forms, labelled like the import columns. */
import { ASSESSMENT_FIELDS, CONTEXT_FIELDS } from '@/lib/classification/import/fields';
import { EXAM_NAMES, SUBJECTS } from '@/lib/classification/subjects';
import type { ExamCode } from '@/lib/classification/types';

export interface DataField {
  name: string;
  label: string;
  kind: 'number' | 'flag' | 'settlement';
  hint?: string;
}

const LABELS: Record<string, string> = Object.fromEntries([...Object.entries(ASSESSMENT_FIELDS), ...Object.entries(CONTEXT_FIELDS)].map(([key, spec]) => [key, spec.label]));

/** Field names of result and context records in the history panels (audit snapshots use the same names). */
export const DATA_FIELD_LABELS: Record<string, string> = { ...LABELS, source: 'Источник данных', year: 'Год' };

const numberField = (name: keyof typeof ASSESSMENT_FIELDS | keyof typeof CONTEXT_FIELDS, hint?: string): DataField => ({ name, label: LABELS[name]!, kind: 'number', hint });

export const RESULT_VALUE_FIELDS: DataField[] = [
  numberField('participants'),
  numberField('meanScore', 'ЕГЭ — тестовый балл 0–100, ОГЭ — первичный балл'),
  numberField('maxScore', 'Для ОГЭ, если отличается от справочника'),
  numberField('belowMinimum', 'ЕГЭ — ниже минимального балла, ОГЭ и ВПР — отметка «2»'),
  numberField('marks2'),
  numberField('marks3'),
  numberField('marks4'),
  numberField('marks5'),
  numberField('highScorers'),
];

const flag = (name: keyof typeof CONTEXT_FIELDS): DataField => ({ name, label: CONTEXT_FIELDS[name].label, kind: 'flag' });

export const CONTEXT_FORM_FIELDS: DataField[] = [
  numberField('pupils'),
  numberField('continuationShare9to10'),
  numberField('olympiadParticipants', 'Региональный и всероссийский этапы'),
  numberField('shareOvz'),
  numberField('shareLowIncome'),
  numberField('shareParentsHigherEd'),
  numberField('shareNonNativeRussian'),
  numberField('distanceKm'),
  { name: 'rural', label: 'Местность', kind: 'settlement' },
  numberField('teacherVacancyShare'),
  numberField('shareTeachersUnder35'),
  numberField('shareTeachers60plus'),
  numberField('internetMbps'),
  flag('hasPsychologist'),
  flag('hasSpeechTherapist'),
  flag('hasSocialPedagogue'),
  numberField('facilitiesCondition', '1 — аварийное, 5 — отличное'),
];

export const FLAG_OPTIONS = [
  { value: 'true', label: 'Есть' },
  { value: 'false', label: 'Нет' },
];

export const SETTLEMENT_OPTIONS = [
  { value: 'false', label: 'Городская' },
  { value: 'true', label: 'Сельская' },
];

export const EXAM_OPTIONS = (Object.keys(EXAM_NAMES) as ExamCode[]).map((code) => ({ value: code, label: EXAM_NAMES[code] }));

export const SUBJECT_OPTIONS = SUBJECTS.map((s) => ({ value: s.code, label: s.name }));

/** A stored value as the text of a form input: numbers with a decimal comma, flags as 'true'/'false'. */
export function inputValue(value: number | boolean | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}
