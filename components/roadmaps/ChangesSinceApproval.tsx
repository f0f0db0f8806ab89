import { shownChanges } from '@/components/history/present';
import type { AuditRow } from '@/lib/audit/queries';
import { formatDate, formatDateTime } from '@/lib/format/ru';
import type { RoadmapDetail } from '@/lib/roadmaps/views';
import { ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS } from './history-labels';

const WHAT: Record<string, string> = { roadmap: 'карта', roadmap_section: 'раздел', roadmap_item: 'мероприятие' };
const ACTIONS: Record<string, string> = { create: 'добавлено', update: 'изменено', delete: 'удалено', import: 'из таблицы' };

/** What changed in a school map's plan since its last approval: for the curator deciding on it again. */
export function ChangesSinceApproval({
  since,
  entityLabel,
  names,
}: {
  since: NonNullable<RoadmapDetail['sinceApproval']>;
  entityLabel: (type: string, id: string) => string | null;
  /** Names of the map's records a change may point at (its sections), read as the history reads them. */
  names: AuditRow['names'];
}) {
  return (
    <section aria-labelledby="since-approval-title" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <h3 id="since-approval-title" className="font-semibold">
        Изменения после утверждения {formatDate(since.approvedAt)}
      </h3>
      <ol className="mt-2 space-y-2" data-testid="changes-since-approval">
        {since.changes.map((row, index) => (
          <li key={index}>
            <p>
              <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time> · {row.actorName} · {WHAT[row.entityType] ?? row.entityType}{' '}
              {entityLabel(row.entityType, row.entityId) ?? (row.subject ? `«${row.subject}»` : '')} · {ACTIONS[row.action] ?? row.action}
            </p>
            {row.action !== 'create' && <ChangeList changes={shownChanges({ changes: row.changes, names }, ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS)} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ChangeList({ changes }: { changes: ReturnType<typeof shownChanges> }) {
  if (changes.length === 0) return null;
  return (
    <ul className="list-disc pl-5 text-slate-700">
      {changes.map((change) => (
        <li key={change.field}>
          {change.label}: {change.before.text} → {change.after.text}
        </li>
      ))}
    </ul>
  );
}
