/** Statuses of a road-map item and their Russian labels. «Просрочено» is not a status: see `isOverdue`. */
export const ITEM_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;

export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  planned: 'запланировано',
  in_progress: 'в работе',
  done: 'выполнено',
  cancelled: 'отменено',
};

/** Statuses after which an item can no longer become overdue. */
export const CLOSED_ITEM_STATUSES: ReadonlySet<ItemStatus> = new Set<ItemStatus>(['done', 'cancelled']);
