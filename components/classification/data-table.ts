/** The assessment results of one school and year for the shared DataTable on the data editing page. */
import type { ColumnSpec, Row } from '@/components/ui/DataTable';
import type { AssessmentResultRow } from '@/lib/classification/server/types';
import { EXAM_NAMES, subjectInfo } from '@/lib/classification/subjects';
import type { SubjectCode } from '@/lib/classification/types';
import type { EditedResult } from './ResultForm';
import { RESULT_VALUE_FIELDS } from './data-fields';

export const DATA_RESULT_COLUMNS: ColumnSpec[] = [
  { key: 'exam', header: 'Экзамен' },
  { key: 'subject', header: 'Предмет' },
  { key: 'grade', header: 'Класс' },
  { key: 'participants', header: 'Участников', kind: 'number' },
  { key: 'meanScore', header: 'Средний балл', kind: 'number', fractionDigits: 1 },
  { key: 'belowMinimum', header: 'Ниже минимума / «2»', kind: 'number' },
  { key: 'highScorers', header: 'Высокобалльников', kind: 'number' },
  { key: 'source', header: 'Источник' },
  { key: 'edit', header: 'Изменение', kind: 'link', hrefKey: 'editHref' },
];

export function resultTitle(r: AssessmentResultRow): string {
  const subject = subjectInfo(r.subject as SubjectCode).name;
  return `${EXAM_NAMES[r.exam]}, ${subject}${r.grade ? `, ${r.grade} класс` : ''}`;
}

export function dataResultRows(results: readonly AssessmentResultRow[], editHref: (id: string) => string): Row[] {
  return results.map((r) => ({
    exam: EXAM_NAMES[r.exam],
    subject: subjectInfo(r.subject as SubjectCode).name,
    grade: r.grade ? String(r.grade) : null,
    participants: r.participants,
    meanScore: r.meanScore,
    belowMinimum: r.belowMinimum,
    highScorers: r.highScorers,
    source: r.source,
    edit: `Изменить: ${resultTitle(r)}`,
    editHref: editHref(r.id),
  }));
}

export function editedResult(r: AssessmentResultRow): EditedResult {
  return {
    title: resultTitle(r),
    exam: r.exam,
    subject: r.subject,
    grade: r.grade,
    version: r.version,
    source: r.source,
    values: Object.fromEntries(RESULT_VALUE_FIELDS.map((f) => [f.name, r[f.name as keyof AssessmentResultRow] as number | null])),
  };
}
