/**
 * Status of a value against its target, in words and never by colour alone: «достигнуто», «близко к цели»,
 * «отстаёт», «нет данных». Pure; no database or framework import.
 */
import type { IndicatorDirection } from '@/db/schema/indicators';

export type IndicatorStatusWord = 'achieved' | 'close' | 'behind' | 'no_data';

export const STATUS_LABELS: Record<IndicatorStatusWord, string> = {
  achieved: 'достигнуто',
  close: 'близко к цели',
  behind: 'отстаёт',
  no_data: 'нет данных',
};

export interface StatusInput {
  value: number | null;
  target: number | null;
  baseline: number | null;
  direction: IndicatorDirection;
  /** Share (0–1) of the way from baseline to target from which a value is «близко к цели». */
  closeShare: number;
}

/** How far the value still is from the target, in the direction that counts (≤ 0 = reached). */
export function shortfall(value: number, target: number, direction: IndicatorDirection): number {
  return direction === 'higher' ? target - value : value - target;
}

/**
 * The way from baseline to target: |target − baseline|; without a baseline (or when it equals the target) the
 * target's own size, so «близко» still means «within (1 − closeShare) of the target».
 */
export function expectedDistance(target: number, baseline: number | null): number {
  const d = baseline === null ? 0 : Math.abs(target - baseline);
  if (d > 0) return d;
  return Math.abs(target) > 0 ? Math.abs(target) : 1;
}

/**
 * Rules: no value or no target → «нет данных»; reached or passed the target → «достигнуто»; the remaining gap at
 * most (1 − closeShare) of the way from baseline to target → «близко к цели» (exactly on that boundary counts as
 * close); otherwise «отстаёт». Monotone: a value moved towards the target never gets a worse status.
 */
export function indicatorStatus(input: StatusInput): IndicatorStatusWord {
  const { value, target, baseline, direction, closeShare } = input;
  if (value === null || target === null || !Number.isFinite(value)) return 'no_data';
  const gap = shortfall(value, target, direction);
  if (gap <= 0) return 'achieved';
  const allowed = (1 - closeShare) * expectedDistance(target, baseline);
  // Rounded to tolerate binary fractions (80 % of 0→100 is exactly 80, not 79.99999).
  return round9(gap) <= round9(allowed) ? 'close' : 'behind';
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Order for sorting and for «never worse» comparisons: higher is better. */
export const STATUS_RANK: Record<IndicatorStatusWord, number> = { no_data: 0, behind: 1, close: 2, achieved: 3 };
