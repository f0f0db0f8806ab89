/**
 * Quarterly indicators: values are entered per quarter (year + quarter 1–4); the year's figure (quarter 0) is never
 * typed but derived from the quarters by the indicator's rule and stored, so every reader of yearly figures (the
 * scorecard, charts, reports, public pages, computed indicators) sees it. Pure.
 */
import type { IndicatorUnit, QuarterRule } from '@/db/schema/indicators';

export const QUARTER_RULE_LABELS: Record<QuarterRule, string> = {
  last: 'последний введённый квартал',
  sum: 'сумма кварталов',
  mean: 'среднее по кварталам',
};

/** The rule in a sentence, for the entry grid and the indicator page. */
export const QUARTER_RULE_SENTENCES: Record<QuarterRule, string> = {
  last: 'Годовое значение — значение последнего введённого квартала года.',
  sum: 'Годовое значение — сумма введённых кварталов года (для долей — сумма числителей и знаменателей).',
  mean: 'Годовое значение — среднее введённых кварталов года.',
};

/** Which rules make sense for a unit: a percent or a score is not summed, a yes/no is only the latest state. */
export function quarterRulesFor(unit: IndicatorUnit): QuarterRule[] {
  if (unit === 'boolean') return ['last'];
  if (unit === 'count') return ['last', 'sum'];
  if (unit === 'number') return ['last', 'sum', 'mean'];
  return ['last', 'mean'];
}

export const ROMAN_QUARTERS = ['', 'I', 'II', 'III', 'IV'] as const;

/** «I квартал 2026 года», or «2026 год». */
export function periodTitle(year: number, quarter: number): string {
  return quarter === 0 ? `${year} год` : `${ROMAN_QUARTERS[quarter]} квартал ${year} года`;
}

export interface QuarterValue {
  quarter: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface YearFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** The quarters it was made from, ascending. */
  quarters: number[];
  /** Stored as the year value's comment: how it was made, in words. */
  comment: string;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The year's figure from the quarters entered so far (quarters 1–4; others ignored), or null when none is. */
export function yearFromQuarters(rule: QuarterRule, unit: IndicatorUnit, values: readonly QuarterValue[]): YearFigure | null {
  const quarters = values.filter((v) => v.quarter >= 1 && v.quarter <= 4).sort((a, b) => a.quarter - b.quarter);
  if (quarters.length === 0) return null;
  const used = quarters.map((q) => q.quarter);
  const list = used.map((q) => ROMAN_QUARTERS[q]).join(', ');
  const comment = (how: string) => `Рассчитано по кварталам (${list}): ${how}.`;
  if (rule === 'last') {
    const last = quarters[quarters.length - 1]!;
    return { value: last.value, numerator: last.numerator, denominator: last.denominator, quarters: used, comment: comment(`значение ${ROMAN_QUARTERS[last.quarter]} квартала`) };
  }
  if (rule === 'sum') {
    const shares = quarters.every((q) => q.numerator !== null && q.denominator !== null);
    if (shares) {
      const numerator = quarters.reduce((s, q) => s + q.numerator!, 0);
      const denominator = quarters.reduce((s, q) => s + q.denominator!, 0);
      if (denominator > 0) {
        const share = unit === 'percent' ? (numerator / denominator) * 100 : numerator / denominator;
        return { value: round(share), numerator, denominator, quarters: used, comment: comment('сумма числителей и знаменателей') };
      }
    }
    return { value: round(quarters.reduce((s, q) => s + q.value, 0)), numerator: null, denominator: null, quarters: used, comment: comment('сумма') };
  }
  const mean = quarters.reduce((s, q) => s + q.value, 0) / quarters.length;
  return { value: round(mean), numerator: null, denominator: null, quarters: used, comment: comment('среднее') };
}

/** The quarter of a date (1–4). */
export function quarterOf(date: Date): number {
  return Math.floor(date.getMonth() / 3) + 1;
}
