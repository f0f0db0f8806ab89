import { ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@/lib/roadmaps/status';
import type { RoadmapStatus } from '@/db/schema/roadmaps';

/** Badge colours by label, shared with the tables (DataTable `badges` take label → classes). */
export const ROADMAP_STATUS_BADGES: Record<string, string> = {
  черновик: 'bg-slate-200 text-slate-900',
  'на согласовании': 'bg-amber-100 text-amber-900',
  'на доработке': 'bg-orange-100 text-orange-900',
  утверждена: 'bg-green-100 text-green-900',
  архив: 'bg-slate-100 text-slate-700',
};

export const ITEM_STATUS_BADGES: Record<string, string> = {
  запланировано: 'bg-slate-200 text-slate-900',
  'в работе': 'bg-blue-100 text-blue-900',
  выполнено: 'bg-green-100 text-green-900',
  отменено: 'bg-slate-100 text-slate-700 line-through',
  просрочено: 'bg-red-100 text-red-900',
};

function Badge({ label, classes }: { label: string; classes?: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${classes ?? ''}`}>{label}</span>;
}

export function RoadmapStatusBadge({ status }: { status: RoadmapStatus }) {
  const label = ROADMAP_STATUS_LABELS[status];
  return <Badge label={label} classes={ROADMAP_STATUS_BADGES[label]} />;
}

export function ItemStatusBadge({ status, overdue }: { status: ItemStatus; overdue?: boolean }) {
  const label = ITEM_STATUS_LABELS[status];
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge label={label} classes={ITEM_STATUS_BADGES[label]} />
      {overdue && <Badge label="просрочено" classes={ITEM_STATUS_BADGES['просрочено']} />}
    </span>
  );
}
