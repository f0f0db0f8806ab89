import Link from 'next/link';
import type { AuditRow } from '@/lib/audit/queries';
import { formatDateTime } from '@/lib/format/ru';
import { eventSentence, type ShownValue, shownChanges, type ValueLabels } from './present';

export { FIELD_LABELS, type ValueLabels } from './present';

function Value({ value }: { value: ShownValue }) {
  return value.href ? <Link href={value.href}>{value.text}</Link> : <>{value.text}</>;
}

/**
 * The history of one record, from the audit log: who changed what and when, worded by `./present` (Russian
 * names, names with links instead of ids, dd.mm.yyyy dates, an import as one sentence). A domain may add its own
 * field names (`fieldLabels`) and value labels (`valueLabels`) on top of the common ones.
 */
export function HistoryPanel({
  rows,
  fieldLabels,
  valueLabels,
  title = 'История изменений',
  headingId = 'history-title',
}: {
  rows: AuditRow[];
  fieldLabels?: Record<string, string>;
  valueLabels?: ValueLabels;
  /** A page with several panels names each and gives each its own heading id. */
  title?: string;
  headingId?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Изменений пока нет.</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {rows.map((row) => {
            const changes = row.action === 'create' || (row.action === 'import' && row.changes.every((c) => c.before === null)) ? [] : shownChanges(row, fieldLabels, valueLabels);
            return (
              <li key={row.id} className="border-l-4 border-brand-100 pl-3">
                <p>
                  <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time> · {row.actorName} · {eventSentence(row)}
                </p>
                {changes.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-slate-700">
                    {changes.map((change) => (
                      <li key={change.field}>
                        {change.label}: <Value value={change.before} /> → <Value value={change.after} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
