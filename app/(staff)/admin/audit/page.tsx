import type { Metadata } from 'next';
import { ACTION_LABELS, changeLine, collapseImports, ENTITY_LABELS, entityOf, eventSentence, shownChanges } from '@/components/history/present';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { listAudit } from '@/lib/audit/queries';
import { requireActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/ru';
import { auditFilterSchema } from '@/lib/audit/schemas';

export const metadata: Metadata = { title: 'Журнал аудита' };

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ACTION_OPTIONS = Object.fromEntries(Object.entries(ACTION_LABELS).map(([key, label]) => [key, capitalise(label)]));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const parsed = auditFilterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : {};
  const entries = await listAudit(actor, { ...filter, limit: 500 });
  const rows = collapseImports(entries).map((e) => {
    const entity = entityOf(e);
    const changes = e.action === 'create' || e.action === 'import' ? [] : shownChanges(e);
    return {
      at: formatDateTime(e.at),
      actor: e.actorName,
      action: capitalise(eventSentence(e)),
      entity: entity.kind,
      name: entity.name,
      href: entity.href,
      changes: changes.map((c) => changeLine(e, c)).join('; ') || null,
    };
  });
  return (
    <>
      <PageHeader title="Журнал аудита" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Администрирование', href: '/admin' }, { label: 'Журнал аудита' }]}>
        <p>Журнал только пополняется: записи нельзя изменить или удалить. Показаны последние 500 записей по фильтру.</p>
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
        <FilterSelect name="entityType" label="Объект" value={filter.entityType} options={ENTITY_LABELS} />
        <FilterSelect name="action" label="Действие" value={filter.action} options={ACTION_OPTIONS} />
        <label className="flex flex-col">
          С даты
          <input type="date" name="from" defaultValue={query.from ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          По дату
          <input type="date" name="to" defaultValue={query.to ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 font-medium text-white">
          Показать
        </button>
      </form>
      {!parsed.success && <p role="alert" className="mb-3 text-sm text-red-800">Фильтр не применён: проверьте даты.</p>}
      <DataTable
        caption="Журнал аудита"
        rows={rows}
        columns={[
          { key: 'at', header: 'Когда' },
          { key: 'actor', header: 'Кто' },
          { key: 'action', header: 'Действие' },
          { key: 'entity', header: 'Объект' },
          { key: 'name', header: 'Запись', kind: 'link', hrefKey: 'href' },
          { key: 'changes', header: 'Изменения' },
        ]}
      />
    </>
  );
}

function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: Record<string, string> }) {
  return (
    <label className="flex flex-col">
      {label}
      <select name={name} defaultValue={value ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1">
        <option value="">Все</option>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
