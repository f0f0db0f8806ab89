/** The late list of a campaign as a table (lib/export renders it to XLSX or CSV). Pure. */
import type { IndicatorCampaign } from '@/db/schema';
import type { XlsxColumn, XlsxSheet } from '@/lib/export';
import { safeFileName } from '@/lib/export';
import { formatDate, formatDateTime } from '@/lib/format/ru';
import { campaignPeriodLabel, COMPLETENESS_LABELS, type Completeness, type ReportingRate } from './completeness';
import { CAMPAIGN_STATUS_LABELS } from './schemas';

export const LATE_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Организация', key: 'organisation', width: 40 },
  { header: 'Состояние', key: 'status', width: 16 },
  { header: 'Срок прошёл', key: 'late', width: 14 },
  { header: 'Дней просрочки', key: 'daysLate', type: 'number', width: 16 },
  { header: 'Введено показателей', key: 'entered', type: 'number', width: 20 },
  { header: 'Запрошено показателей', key: 'asked', type: 'number', width: 22 },
  { header: 'Последнее напоминание', key: 'lastReminder', width: 22 },
];

interface Detail {
  campaign: IndicatorCampaign;
  askingName: string;
  rows: readonly {
    organisation: { name: string; shortName: string | null };
    valuesEntered: number;
    indicatorCount: number;
    completeness: Completeness;
    lastReminderAt: Date | null;
  }[];
  rate: ReportingRate;
}

/** Organisations that have not submitted: late ones first (longest late first), then the rest by name. */
export function lateSheet(detail: Detail, today: Date): XlsxSheet {
  const { campaign } = detail;
  const owing = detail.rows.filter((r) => !r.completeness.submitted).sort((a, b) => Number(b.completeness.late) - Number(a.completeness.late) || b.completeness.daysLate - a.completeness.daysLate);
  return {
    name: 'Не представили',
    columns: LATE_COLUMNS,
    title: {
      heading: `Не представили значения: ${campaign.title}`,
      facts: [
        ['Запрашивает', detail.askingName],
        ['Период', campaignPeriodLabel(campaign.year, campaign.quarter)],
        ['Срок представления', formatDate(campaign.dueDate)],
        ['Состояние кампании', CAMPAIGN_STATUS_LABELS[campaign.status]],
        ['Представили', `${detail.rate.submitted} из ${detail.rate.expected}, в срок — ${detail.rate.onTime}`],
        ['На дату', formatDate(today)],
      ],
    },
    rows: owing.map((r) => ({
      organisation: r.organisation.shortName ?? r.organisation.name,
      status: COMPLETENESS_LABELS[r.completeness.status],
      late: r.completeness.late ? 'да' : 'нет',
      daysLate: r.completeness.late ? r.completeness.daysLate : null,
      entered: r.valuesEntered,
      asked: r.indicatorCount,
      lastReminder: r.lastReminderAt ? formatDateTime(r.lastReminderAt) : '',
    })),
  };
}

export function lateFileName(campaign: Pick<IndicatorCampaign, 'title' | 'year'>, extension: string): string {
  return `${safeFileName(`Не представили — ${campaign.title} ${campaign.year}`, 120)}.${extension}`;
}
