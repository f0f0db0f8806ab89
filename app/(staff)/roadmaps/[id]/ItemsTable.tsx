'use client';

import { useActionState, useState } from 'react';
import { ITEM_STATUS_BADGES } from '@/components/roadmaps/StatusBadge';
import { DataTable, type FilterSpec, type Row } from '@/components/ui/DataTable';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Rows carry `id`, `version` and `label` besides the visible columns. */
export function ItemsTable({
  rows,
  filters,
  statuses,
  roadmapId,
  bulkAction,
  initialFilters,
}: {
  rows: Row[];
  filters: FilterSpec[];
  statuses: Option[];
  roadmapId: string;
  /** Present when the user may change statuses: adds row selection and the bulk form. */
  bulkAction?: Action;
  /** Filters to open with, from the page's URL. */
  initialFilters?: Record<string, string>;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const versions = new Map(rows.map((row) => [String(row.id), String(row.version)]));
  const stillThere = selected.filter((id) => versions.has(id));
  return (
    <div className="space-y-3">
      {bulkAction && <BulkStatusForm action={bulkAction} roadmapId={roadmapId} statuses={statuses} items={stillThere.map((id) => `${id}:${versions.get(id)}`)} />}
      <DataTable
        caption="Мероприятия дорожной карты"
        rows={rows}
        columns={[
          { key: 'number', header: '№' },
          { key: 'activity', header: 'Мероприятие', kind: 'link', hrefKey: 'href' },
          { key: 'deadlineText', header: 'Сроки' },
          { key: 'periodEnd', header: 'Срок окончания', kind: 'date' },
          { key: 'responsible', header: 'Ответственные' },
          { key: 'status', header: 'Статус', badges: ITEM_STATUS_BADGES },
          { key: 'overdue', header: 'Просрочено', badges: ITEM_STATUS_BADGES },
        ]}
        filters={filters}
        groupBy="section"
        searchLabel="Поиск по мероприятиям"
        emptyText="Мероприятий пока нет: добавьте их ниже или импортируйте таблицу."
        pageSize={50}
        selectable={bulkAction ? { idKey: 'id', labelKey: 'label' } : undefined}
        onSelectionChange={setSelected}
        initialFilters={initialFilters}
      />
    </div>
  );
}

function BulkStatusForm({ action, roadmapId, statuses, items }: { action: Action; roadmapId: string; statuses: Option[]; items: string[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm" aria-label="Смена статуса выбранных мероприятий">
      <input type="hidden" name="roadmapId" value={roadmapId} />
      {items.map((item) => (
        <input key={item} type="hidden" name="items" value={item} />
      ))}
      <label htmlFor="bulk-status" className="flex flex-col">
        Новый статус выбранных
        <select id="bulk-status" name="status" className="mt-1 rounded border border-slate-400 px-2 py-1">
          {statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </select>
      </label>
      <p aria-live="polite">Выбрано: {items.length}</p>
      <SubmitButton variant="secondary">Изменить статус</SubmitButton>
      <div className="basis-full empty:hidden">
        <FormStatus state={state.status === 'error' && state.fieldErrors.items ? { ...state, message: state.fieldErrors.items } : state} />
      </div>
    </form>
  );
}
