/**
 * «Мероприятия выполняются, а показатель не меняется» and its reverse «Показатель достигнут, а мероприятия
 * отстают». Pure: the caller passes the linked road-map items' states and the indicator's figures.
 */
import type { IndicatorDirection } from '@/db/schema/indicators';
import { formatNumber, formatPercent } from '@/lib/format/ru';
import { shortfall } from './status';

export interface LinkedItemState {
  /** Done by its deadline (or done, where the item has no deadline). */
  doneOnTime: boolean;
  /** Left out of the share: cancelled, or neither done nor overdue yet. */
  cancelled: boolean;
}

export interface WarningInput {
  items: readonly LinkedItemState[];
  direction: IndicatorDirection;
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number } | null;
  current: { year: number; value: number } | null;
  /** Share of items done on time from which activities count as «выполняются» (default 0,8). */
  doneThreshold?: number;
  /** Share of the progress expected for the elapsed time below which the indicator «не меняется» (default 0,5). */
  progressShare?: number;
}

export type WarningKind = 'activities_done_not_moving' | 'met_while_activities_lag';

export interface WarningResult {
  kind: WarningKind | null;
  /** The «activities done» half on its own. */
  activitiesDone: boolean;
  doneItems: number;
  totalItems: number;
  doneShare: number | null;
  /** Share (0–1) of the way from baseline to target expected by the current year. */
  expectedProgress: number | null;
  /** Share of the way actually covered (negative = moved away). */
  actualProgress: number | null;
  message: string | null;
}

export const WARNING_TITLES: Record<WarningKind, string> = {
  activities_done_not_moving: 'Мероприятия выполняются, а показатель не меняется',
  met_while_activities_lag: 'Показатель достигнут, а мероприятия отстают',
};

export function indicatorWarning(input: WarningInput): WarningResult {
  const doneThreshold = input.doneThreshold ?? 0.8;
  const progressShare = input.progressShare ?? 0.5;
  const counted = input.items.filter((i) => !i.cancelled);
  const doneItems = counted.filter((i) => i.doneOnTime).length;
  const totalItems = counted.length;
  const doneShare = totalItems === 0 ? null : doneItems / totalItems;
  const activitiesDone = doneShare !== null && doneShare >= doneThreshold;
  const { baseline, target, current, direction } = input;
  let expectedProgress: number | null = null;
  let actualProgress: number | null = null;
  if (baseline && target && current && target.year > baseline.year && target.value !== baseline.value) {
    expectedProgress = clamp((current.year - baseline.year) / (target.year - baseline.year), 0, 1);
    actualProgress = (current.value - baseline.value) / (target.value - baseline.value);
  }
  const met = target !== null && current !== null && shortfall(current.value, target.value, direction) <= 0;
  let kind: WarningKind | null = null;
  if (activitiesDone && !met && expectedProgress !== null && actualProgress !== null && expectedProgress > 0 && actualProgress < progressShare * expectedProgress) {
    kind = 'activities_done_not_moving';
  } else if (met && doneShare !== null && !activitiesDone) {
    kind = 'met_while_activities_lag';
  }
  const result: WarningResult = { kind, activitiesDone, doneItems, totalItems, doneShare, expectedProgress, actualProgress, message: null };
  if (kind === 'activities_done_not_moving') {
    result.message = `${WARNING_TITLES[kind]}: выполнено в срок ${doneItems} из ${totalItems} мероприятий (${formatPercent(doneShare)}), а показатель прошёл ${formatPercent(Math.max(actualProgress!, 0))} пути от ${formatNumber(baseline!.value)} (${baseline!.year}) к ${formatNumber(target!.value)} (${target!.year}) при ожидаемых ${formatPercent(expectedProgress)} к ${current!.year} году.`;
  } else if (kind === 'met_while_activities_lag') {
    result.message = `${WARNING_TITLES[kind]}: значение ${formatNumber(current!.value)} достигло цели ${formatNumber(target!.value)}, а выполнено в срок только ${doneItems} из ${totalItems} мероприятий (${formatPercent(doneShare)}).`;
  }
  return result;
}

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}
