/**
 * Progress of a road map or of one of its sections: how many items there are, the share done and how many are
 * overdue. Cancelled items do not count against progress: the done share is done ÷ (total − cancelled), and 0
 * when nothing is left to do. `overdue` comes from `isOverdue` (derived from the deadline and today, never
 * stored), so the caller passes it in. Shares are formatted the Russian way: «41,2 %».
 */
import { formatPercent } from '@/lib/format/ru';
import { ITEM_STATUSES, type ItemStatus } from './status';

export interface ProgressItem {
  status: ItemStatus;
  overdue: boolean;
}

export interface ProgressSummary {
  total: number;
  done: number;
  /** 0…1; done ÷ (total − cancelled), 0 when that is 0. */
  doneShare: number;
  /** «41,2 %». */
  doneShareLabel: string;
  overdue: number;
  byStatus: Record<ItemStatus, number>;
}

export function summariseProgress(items: readonly ProgressItem[]): ProgressSummary {
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
  let overdue = 0;
  for (const item of items) {
    byStatus[item.status] += 1;
    if (item.overdue) overdue += 1;
  }
  const countable = items.length - byStatus.cancelled;
  const doneShare = countable > 0 ? byStatus.done / countable : 0;
  return {
    total: items.length,
    done: byStatus.done,
    doneShare,
    doneShareLabel: formatPercent(doneShare),
    overdue,
    byStatus,
  };
}
