/**
 * The scorecard as a table file: one row per indicator and organisation (or per indicator and year), the value,
 * the target and baseline with their years, the status in words — never colour alone — and the notes (outlier,
 * «Мероприятия выполняются, а показатель не меняется»). A title block says what the file is: the period, the
 * organisation and the date the figures are as of. Pure: no database.
 */
import type { Indicator } from '@/db/schema';
import type { XlsxColumn, XlsxSheet, XlsxTitleBlock } from '@/lib/export/xlsx';
import { formatDate } from '@/lib/format/ru';
import { UNIT_LABELS } from './schemas';
import { STATUS_LABELS, type IndicatorStatusWord } from './status';
import { WARNING_TITLES, type WarningResult } from './warning';

export interface ScorecardCellLike {
  indicatorId: string;
  /** The organisation's name, or the year, as the row's place. */
  place: string;
  value: number | null;
  target: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  status: IndicatorStatusWord;
  outlier: string | null;
  warning: WarningResult | null;
}

export interface ScorecardExportRow {
  code: string;
  name: string;
  unit: string;
  place: string;
  value: number | '';
  target: number | '';
  targetYear: number | '';
  baseline: number | '';
  baselineYear: number | '';
  status: string;
  note: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function scorecardExportRows(indicators: readonly Pick<Indicator, 'id' | 'code' | 'name' | 'unit'>[], cells: readonly ScorecardCellLike[]): ScorecardExportRow[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return cells.map((c) => {
    const ind = byId.get(c.indicatorId)!;
    return {
      code: ind.code,
      name: ind.name,
      unit: UNIT_LABELS[ind.unit],
      place: c.place,
      value: c.value === null ? '' : round(c.value),
      target: c.target ? c.target.value : '',
      targetYear: c.target ? c.target.year : '',
      baseline: c.baseline ? c.baseline.value : '',
      baselineYear: c.baseline ? c.baseline.year : '',
      status: STATUS_LABELS[c.status],
      note: [c.outlier ? `Проверьте: ${c.outlier}` : '', c.warning?.kind ? (c.warning.message ?? WARNING_TITLES[c.warning.kind]) : ''].filter(Boolean).join('; '),
    };
  });
}

export function scorecardColumns(placeHeader: string): XlsxColumn[] {
  return [
    { key: 'code', header: '№', width: 8 },
    { key: 'name', header: 'Показатель', width: 60 },
    { key: 'unit', header: 'Единица', width: 12 },
    { key: 'place', header: placeHeader, width: 32 },
    { key: 'value', header: 'Значение', type: 'number', width: 12 },
    { key: 'target', header: 'Цель', type: 'number', width: 10 },
    { key: 'targetYear', header: 'Год цели', type: 'number', width: 10 },
    { key: 'baseline', header: 'Базовое значение', type: 'number', width: 12 },
    { key: 'baselineYear', header: 'Год базового', type: 'number', width: 10 },
    { key: 'status', header: 'Статус', width: 16 },
    { key: 'note', header: 'Замечания', width: 60 },
  ];
}

export function scorecardTitle(period: string, organisation: string, asOf: Date): XlsxTitleBlock {
  return {
    heading: 'Достижение показателей',
    facts: [
      ['Период', period],
      ['Организация', organisation],
      ['Данные на', formatDate(asOf)],
    ],
  };
}

export function scorecardSheet(rows: ScorecardExportRow[], placeHeader: string, title: XlsxTitleBlock): XlsxSheet {
  return { name: 'Показатели', columns: scorecardColumns(placeHeader), rows: rows as unknown as Record<string, unknown>[], title };
}

/** «Показатели — Берёзовский район — 2022.xlsx». */
export function scorecardFileName(organisation: string, period: string, extension: string): string {
  return `Показатели — ${organisation} — ${period}.${extension}`;
}
