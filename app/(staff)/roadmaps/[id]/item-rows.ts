import { itemLabel, sectionTitle } from '@/components/roadmaps/labels';
import type { FilterSpec, Row } from '@/components/ui/DataTable';
import { awaitsReport } from '@/lib/home/start-page';
import { EXPECTED_DOCUMENT_LABELS } from '@/lib/roadmaps/table/document';
import { ITEM_STATUS_LABELS } from '@/lib/roadmaps/status';
import type { RoadmapDetail } from '@/lib/roadmaps/views';
import { compareRussian } from '@/lib/format/ru';
import { RESPONSIBLE_SEPARATOR, responsibleLabel, responsibleNames } from '@/lib/roadmaps/responsible-label';


/** Values of the «Просрочка» and «Отчёт» filters; a start-page link opens the list filtered by them. */
export const OVERDUE_VALUE = 'просрочено';
export const AWAITING_REPORT_VALUE = 'ждёт отчёта';

/** Filter values a link may open the item list with (`?overdue=1`, `?report=awaiting`). */
export function itemFiltersFromQuery(query: { overdue?: string; report?: string }): Record<string, string> {
  return {
    ...(query.overdue === '1' ? { overdue: OVERDUE_VALUE } : {}),
    ...(query.report === 'awaiting' ? { report: AWAITING_REPORT_VALUE } : {}),
  };
}

/** The items of a road map as DataTable rows (plus id, version and label for the selection). */
export function itemRows(detail: RoadmapDetail, today: Date = new Date()): Row[] {
  return detail.sections.flatMap((section) =>
    section.items.map((item) => ({
      id: item.id,
      version: item.version,
      label: itemLabel(item),
      number: item.number,
      activity: item.activity,
      href: `/roadmaps/${detail.roadmap.id}/items/${item.id}`,
      section: sectionTitle(section),
      deadlineText: item.deadlineText,
      periodEnd: item.periodEnd,
      responsible: responsibleLabel(item),
      status: ITEM_STATUS_LABELS[item.status],
      overdue: item.overdue ? OVERDUE_VALUE : null,
      report: awaitsReport({ ...item, reportCount: item.reports.length }, today) ? AWAITING_REPORT_VALUE : null,
    })),
  );
}

function distinct(values: string[]) {
  return [...new Set(values.filter(Boolean))].sort(compareRussian).map((value) => ({ value, label: value }));
}

export function itemFilters(detail: RoadmapDetail): FilterSpec[] {
  const items = detail.sections.flatMap((section) => section.items);
  return [
    { key: 'section', label: 'Раздел', options: detail.sections.map((s) => ({ value: sectionTitle(s), label: sectionTitle(s) })) },
    { key: 'status', label: 'Статус', options: Object.values(ITEM_STATUS_LABELS).map((v) => ({ value: v, label: v })) },
    { key: 'responsible', label: 'Ответственный', options: distinct(items.flatMap(responsibleNames)), separator: RESPONSIBLE_SEPARATOR },
    { key: 'overdue', label: 'Просрочка', options: [{ value: OVERDUE_VALUE, label: 'только просроченные' }] },
    { key: 'report', label: 'Отчёт', options: [{ value: AWAITING_REPORT_VALUE, label: 'ждут отчёта' }] },
  ];
}

export const STATUS_OPTIONS = Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }));
export const DOCUMENT_OPTIONS = Object.entries(EXPECTED_DOCUMENT_LABELS).map(([value, label]) => ({ value, label }));
export const sectionOptions = (detail: RoadmapDetail) => detail.sections.map((s) => ({ value: s.id, label: sectionTitle(s) }));
