/**
 * A road map as export rows, pure: the seeds' column layout (№ п/п, Мероприятия, Сроки, Ответственные,
 * Планируемый результат) plus Статус, Просрочено, «Выполнение / последний отчёт» and «Выполнено, %». A section is
 * a row of its own (number and title, its done share as a number); a last row totals the road map.
 */
import { safeFileName } from '@/lib/export/file';
import type { XlsxColumn } from '@/lib/export/xlsx';
import { formatDate } from '@/lib/format/ru';
import { ITEM_STATUS_LABELS } from './status';
import type { RoadmapDetail } from './views';

export const EXPORT_COLUMNS = [
  { key: 'number', header: '№ п/п', width: 8 },
  { key: 'activity', header: 'Мероприятия', width: 60 },
  { key: 'deadline', header: 'Сроки', width: 22 },
  { key: 'responsible', header: 'Ответственные', width: 30 },
  { key: 'result', header: 'Планируемый результат', width: 40 },
  { key: 'status', header: 'Статус', width: 16 },
  { key: 'overdue', header: 'Просрочено', width: 12 },
  { key: 'report', header: 'Выполнение / последний отчёт', width: 40 },
  { key: 'donePercent', header: 'Выполнено, %', width: 14, type: 'number' },
] as const satisfies readonly XlsxColumn[];

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];
export type ExportRow = Partial<Record<ExportColumnKey, string | number>>;

const percent = (share: number) => Math.round(share * 1000) / 10;

export function roadmapExportRows(detail: RoadmapDetail): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const section of detail.sections) {
    if (section.title !== null) {
      rows.push({ number: section.number ?? '', activity: section.title, donePercent: percent(section.progress.doneShare) });
    }
    for (const item of section.items) {
      const last = item.reports[0];
      rows.push({
        number: item.number ?? '',
        activity: item.activity,
        deadline: item.deadlineText,
        responsible: item.responsibleText,
        result: item.plannedResult,
        status: ITEM_STATUS_LABELS[item.status],
        overdue: item.overdue ? 'да' : 'нет',
        report: last ? `${formatDate(`${last.reportedOn}T12:00:00Z`)}: ${last.text}` : '',
        donePercent: item.status === 'done' ? 100 : 0,
      });
    }
  }
  rows.push({ activity: 'Итого по дорожной карте', status: `${detail.progress.done} из ${detail.progress.total}`, overdue: String(detail.progress.overdue), donePercent: percent(detail.progress.doneShare) });
  return rows;
}

/** «Дорожная карта — <название>.xlsx» without characters file systems refuse. */
export function exportFileName(title: string, extension: string): string {
  const clean = safeFileName(title, 120);
  return `Дорожная карта — ${clean || 'без названия'}.${extension}`;
}
