/**
 * A road map as export rows, pure: the seeds' column layout (№ п/п, Мероприятия, Сроки, Ответственные,
 * Планируемый результат) plus the normalised Начало and Окончание dates, Статус, Просрочено, «Выполнение /
 * последний отчёт» and «Выполнено, %». A section is a row of its own (number and title, its done share as a
 * number); a last row totals the road map. Above the table, a title block says which road map, whose, for which
 * period, in which status and as of which date. «Ответственные» reads as on the screen (the recognised
 * organisations).
 */
import { safeFileName } from '@/lib/export/file';
import type { XlsxColumn, XlsxRowStyle, XlsxSheet, XlsxTitleBlock } from '@/lib/export/xlsx';
import { formatDate } from '@/lib/format/ru';
import { formatYears } from './deadline-label';
import { responsibleLabel } from './responsible-label';
import { ROADMAP_LEVEL_LABELS, ROADMAP_STATUS_LABELS } from './schemas';
import { ITEM_STATUS_LABELS } from './status';
import type { RoadmapDetail } from './views';

export const EXPORT_COLUMNS = [
  { key: 'number', header: '№ п/п', width: 8 },
  { key: 'activity', header: 'Мероприятия', width: 60 },
  { key: 'deadline', header: 'Сроки', width: 22 },
  { key: 'start', header: 'Начало', width: 12, type: 'date' },
  { key: 'end', header: 'Окончание', width: 12, type: 'date' },
  { key: 'responsible', header: 'Ответственные', width: 30 },
  { key: 'result', header: 'Планируемый результат', width: 40 },
  { key: 'status', header: 'Статус', width: 16 },
  { key: 'overdue', header: 'Просрочено', width: 12 },
  { key: 'report', header: 'Выполнение / последний отчёт', width: 40 },
  { key: 'donePercent', header: 'Выполнено, %', width: 14, type: 'number' },
] as const satisfies readonly XlsxColumn[];

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];
export type ExportRow = Partial<Record<ExportColumnKey, string | number>> & { style?: XlsxRowStyle };

/** Sections and the total stand out in the sheet. */
export const exportRowStyle = (row: Record<string, unknown>): XlsxRowStyle | undefined => (row as ExportRow).style;

/** What the file is: the road map, its owner, period, status, approval and the date its figures are as of. */
export function roadmapTitleBlock(detail: RoadmapDetail, today: Date): XlsxTitleBlock {
  const { roadmap } = detail;
  return {
    heading: roadmap.title,
    facts: [
      ['Уровень', ROADMAP_LEVEL_LABELS[roadmap.level]],
      ['Организация', roadmap.ownerName],
      ['Период', formatYears(roadmap.periodStartYear, roadmap.periodEndYear)],
      ['Статус', ROADMAP_STATUS_LABELS[roadmap.status]],
      ['Утверждающий документ', roadmap.approvalDocument || 'не указан'],
      ['Сведения на', formatDate(today)],
    ],
  };
}

const percent = (share: number) => Math.round(share * 1000) / 10;

export function roadmapExportRows(detail: RoadmapDetail): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const section of detail.sections) {
    if (section.title !== null) {
      rows.push({ number: section.number ?? '', activity: section.title, donePercent: percent(section.progress.doneShare), style: 'section' });
    }
    for (const item of section.items) {
      const last = item.reports[0];
      rows.push({
        number: item.number ?? '',
        activity: item.activity,
        deadline: item.deadlineText,
        start: item.periodStart ?? '',
        end: item.periodEnd ?? '',
        responsible: responsibleLabel(item),
        result: item.plannedResult,
        status: ITEM_STATUS_LABELS[item.status],
        overdue: item.overdue ? 'да' : 'нет',
        report: last ? `${formatDate(`${last.reportedOn}T12:00:00Z`)}: ${last.text}` : '',
        donePercent: item.status === 'done' ? 100 : 0,
      });
    }
  }
  rows.push({ activity: 'Итого по дорожной карте', status: `${detail.progress.done} из ${detail.progress.total}`, overdue: String(detail.progress.overdue), donePercent: percent(detail.progress.doneShare), style: 'total' });
  return rows;
}

/** The road map's sheet: title block, columns, styled section and total rows. */
export function roadmapSheet(detail: RoadmapDetail, today: Date): XlsxSheet {
  return { name: 'Дорожная карта', title: roadmapTitleBlock(detail, today), columns: EXPORT_COLUMNS, rows: roadmapExportRows(detail), rowStyle: exportRowStyle };
}

const FILE_NAME_LENGTH = 100;

/**
 * «Дорожная карта — <название>.xlsx» without characters file systems refuse; a title that already says
 * «Дорожная карта…» is not prefixed again, and a long one is cut at the end of a word.
 */
export function exportFileName(title: string, extension: string): string {
  const clean = safeFileName(title, FILE_NAME_LENGTH);
  if (!clean) return `Дорожная карта — без названия.${extension}`;
  return /^дорожн\S* карт/i.test(clean) ? `${clean}.${extension}` : `Дорожная карта — ${clean}.${extension}`;
}
