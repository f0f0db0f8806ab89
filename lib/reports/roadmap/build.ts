/**
 * The execution report of one road map (seed 002 item 25) as a `ReportDocument`: every item with its status, its
 * reports and evidence, and the deviations with their reasons. Pure: load.ts reads the data.
 */
import { formatDate, plural } from '@/lib/format/ru';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@/lib/roadmaps/status';
import type { ReportDocument, ReportTable } from '@/lib/reports/document/model';

export interface ExecutionItem {
  section: string;
  number: string;
  activity: string;
  deadline: string;
  /** ISO date or null. */
  periodEnd: string | null;
  canBeOverdue: boolean;
  status: ItemStatus;
  responsible: string;
  plannedResult: string;
  reports: readonly { reportedOn: string; text: string; author: string; evidence: readonly string[] }[];
  /** Review comments on the item (returns, remarks), oldest first. */
  comments: readonly string[];
}

export interface ExecutionData {
  roadmap: { id: string; title: string; owner: string; level: string; period: string; approvalDocument: string; status: string };
  /** ISO date deadlines are judged at. */
  onDate: string;
  items: readonly ExecutionItem[];
}

const DAY = 86_400_000;
const isoDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LEVEL_WORDS: Record<string, string> = { region: 'региональная', municipality: 'муниципальная', school: 'школьная' };
const ROADMAP_STATUS_WORDS: Record<string, string> = { draft: 'черновик', on_review: 'на согласовании', needs_revision: 'на доработке', approved: 'утверждена', archived: 'в архиве' };

/** Days an item is overdue at `onDate` (0 when it is not). */
export function overdueDays(item: Pick<ExecutionItem, 'periodEnd' | 'canBeOverdue' | 'status'>, onDate: string): number {
  if (!item.canBeOverdue || item.periodEnd === null || item.status === 'done' || item.status === 'cancelled') return 0;
  return Math.max(0, Math.round((isoDate(onDate).getTime() - isoDate(item.periodEnd).getTime()) / DAY));
}

/** The deviation of an item in words, and its reason (the latest report or review comment), or '' when on track. */
export function deviation(item: ExecutionItem, onDate: string): { text: string; reason: string } {
  const late = overdueDays(item, onDate);
  const lastReport = item.reports.at(-1)?.text ?? '';
  const lastComment = item.comments.at(-1) ?? '';
  const reason = lastReport || lastComment || 'причина не указана';
  if (late > 0) return { text: `просрочено на ${late} ${plural(late, ['день', 'дня', 'дней'])}`, reason };
  if (item.status === 'cancelled') return { text: 'отменено', reason };
  if (item.status === 'done' && item.reports.length === 0) return { text: 'выполнено без отчёта', reason: lastComment };
  return { text: '', reason: '' };
}

export function buildExecutionReport(data: ExecutionData): ReportDocument {
  const { roadmap, onDate, items } = data;
  const rows = items.map((item) => {
    const d = deviation(item, onDate);
    return {
      section: item.section,
      number: item.number,
      activity: item.activity,
      deadline: item.deadline,
      status: overdueDays(item, onDate) > 0 ? `${ITEM_STATUS_LABELS[item.status]}, просрочено` : ITEM_STATUS_LABELS[item.status],
      responsible: item.responsible,
      plannedResult: item.plannedResult,
      report: item.reports.map((r) => `${formatDate(isoDate(r.reportedOn))} — ${r.author}: ${r.text}`).join('\n'),
      evidence: item.reports.flatMap((r) => r.evidence).join('\n'),
      deviation: d.text,
      reason: d.reason,
    };
  });
  const count = (predicate: (i: ExecutionItem) => boolean) => items.filter(predicate).length;
  const overdue = count((i) => overdueDays(i, onDate) > 0);
  const summary: ReportTable = {
    id: 'summary',
    title: 'Итоги исполнения',
    columns: [{ key: 'what', header: 'Мероприятия', width: 40 }, { key: 'count', header: 'Количество', type: 'number', width: 14 }],
    rows: [
      { what: 'Всего', count: items.length },
      { what: 'Выполнено', count: count((i) => i.status === 'done') },
      { what: 'В работе', count: count((i) => i.status === 'in_progress') },
      { what: 'Запланировано', count: count((i) => i.status === 'planned') },
      { what: 'Отменено', count: count((i) => i.status === 'cancelled') },
      { what: 'Просрочено', count: overdue },
      { what: 'С отчётом о выполнении', count: count((i) => i.reports.length > 0) },
    ],
  };
  const table: ReportTable = {
    id: 'items',
    title: 'Мероприятия',
    columns: [
      { key: 'section', header: 'Раздел', width: 30 },
      { key: 'number', header: '№', width: 8 },
      { key: 'activity', header: 'Мероприятие', width: 60 },
      { key: 'deadline', header: 'Срок', width: 20 },
      { key: 'status', header: 'Статус', width: 22 },
      { key: 'responsible', header: 'Ответственные', width: 30 },
      { key: 'plannedResult', header: 'Планируемый результат', width: 40 },
      { key: 'report', header: 'Отчёт о выполнении', width: 60 },
      { key: 'evidence', header: 'Подтверждающие материалы', width: 40 },
      { key: 'deviation', header: 'Отклонение', width: 22 },
      { key: 'reason', header: 'Причина отклонения', width: 50 },
    ],
    rows,
  };
  const deviations: ReportTable = {
    id: 'deviations',
    title: 'Отклонения и причины',
    columns: table.columns.filter((c) => ['section', 'number', 'activity', 'deadline', 'deviation', 'reason'].includes(c.key)),
    rows: rows.filter((r) => r.deviation !== ''),
  };
  return {
    title: `Отчёт об исполнении дорожной карты «${roadmap.title}»`,
    parameters: [
      ['Дорожная карта', roadmap.title],
      ['Владелец', roadmap.owner],
      ['Уровень', LEVEL_WORDS[roadmap.level] ?? roadmap.level],
      ['Период', roadmap.period],
      ['Утверждена', roadmap.approvalDocument || '—'],
      ['Статус карты', ROADMAP_STATUS_WORDS[roadmap.status] ?? roadmap.status],
      ['Сроки оценены на', formatDate(isoDate(onDate))],
    ],
    asOf: isoDate(onDate),
    blocks: [
      { kind: 'heading', level: 1, text: 'Итоги' },
      { kind: 'paragraph', text: `Из ${items.length} ${plural(items.length, ['мероприятия', 'мероприятий', 'мероприятий'])} выполнено ${summary.rows[1]!.count}, просрочено ${overdue} на ${formatDate(isoDate(onDate))}.` },
      { kind: 'table', table: summary },
      { kind: 'heading', level: 1, text: 'Мероприятия' },
      { kind: 'table', table },
      { kind: 'heading', level: 1, text: 'Отклонения и причины' },
      { kind: 'table', table: deviations },
    ],
  };
}
