/**
 * Validation of one entered value (one grid cell) and the outlier rule. Pure; messages in Russian name the
 * indicator and the organisation, so a grid or an import can show them beside the cell.
 */
import type { IndicatorUnit } from '@/db/schema/indicators';
import { formatNumber as fmt } from '@/lib/format/ru';

export interface CellInput {
  unit: IndicatorUnit;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface CellCheck {
  /** The value to store (computed from numerator/denominator when only they were given). */
  value: number | null;
  errors: string[];
}

const SHARE_TOLERANCE = 0.05;

/**
 * Percent 0–100; numerator and denominator not negative, numerator ≤ denominator, denominator above zero; a count
 * is a whole number ≥ 0; yes/no is 0 or 1. A percent given with numerator and denominator must agree with them
 * (to 0,05); given only them, the percent is computed.
 */
export function checkCell(input: CellInput, label = 'Значение'): CellCheck {
  const errors: string[] = [];
  const { unit } = input;
  const num = input.numerator ?? null;
  const den = input.denominator ?? null;
  let value = input.value;
  if ((num === null) !== (den === null)) errors.push(`${label}: укажите и числитель, и знаменатель`);
  if (num !== null && den !== null) {
    if (!Number.isFinite(num) || !Number.isFinite(den)) errors.push(`${label}: числитель и знаменатель — числа`);
    else {
      if (num < 0) errors.push(`${label}: числитель не может быть отрицательным`);
      if (den <= 0) errors.push(`${label}: знаменатель должен быть больше нуля`);
      if (num > den) errors.push(`${label}: числитель (${fmt(num)}) больше знаменателя (${fmt(den)})`);
      if (unit === 'count' || unit === 'percent') {
        if (!Number.isInteger(num)) errors.push(`${label}: числитель — целое число`);
        if (!Number.isInteger(den)) errors.push(`${label}: знаменатель — целое число`);
      }
      if (den > 0 && num >= 0 && num <= den) {
        const share = unit === 'percent' ? (num / den) * 100 : num / den;
        if (value === null) value = round(share, 4);
        else if (Math.abs(value - share) > (unit === 'percent' ? SHARE_TOLERANCE : SHARE_TOLERANCE / 100)) {
          errors.push(`${label}: ${fmt(value)} не равно ${fmt(num)} из ${fmt(den)} (${fmt(round(share, 2))})`);
        }
      }
    }
  }
  if (value === null) {
    if (errors.length === 0) errors.push(`${label}: укажите значение`);
    return { value: null, errors };
  }
  if (!Number.isFinite(value)) errors.push(`${label}: должно быть числом`);
  else if (unit === 'percent' && (value < 0 || value > 100)) errors.push(`${label}: процент от 0 до 100, указано ${fmt(value)}`);
  else if (unit === 'count' && (!Number.isInteger(value) || value < 0)) errors.push(`${label}: количество — целое неотрицательное число, указано ${fmt(value)}`);
  else if (unit === 'boolean' && value !== 0 && value !== 1) errors.push(`${label}: «да» (1) или «нет» (0)`);
  return { value, errors };
}

export interface OutlierRule {
  /** Largest believable change from last year, in the indicator's unit. */
  jump: number | null;
  min: number | null;
  max: number | null;
}

/** Why a value looks wrong (a warning, not an error), or null. */
export function outlierReason(value: number, lastYear: number | null, rule: OutlierRule): string | null {
  if (rule.min !== null && value < rule.min) return `меньше допустимого минимума ${fmt(rule.min)}`;
  if (rule.max !== null && value > rule.max) return `больше допустимого максимума ${fmt(rule.max)}`;
  if (rule.jump !== null && lastYear !== null) {
    const change = value - lastYear;
    if (Math.abs(change) > rule.jump) return `изменение за год ${change > 0 ? '+' : '−'}${fmt(Math.abs(change))} больше ${fmt(rule.jump)}`;
  }
  return null;
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
