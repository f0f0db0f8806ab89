import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { listOrganisations } from '@/lib/organisations/queries';
import { KIND_LABELS } from '@/lib/organisations/schemas';

export const metadata: Metadata = { title: 'Организации' };

export default async function OrganisationsPage() {
  const actor = await requireActor();
  requireRight(actor, 'organisation.write');
  const all = await listOrganisations(actor, { includeInactive: true });
  const names = new Map(all.map((o) => [o.id, o.shortName ?? o.name]));
  const rows = all.map((o) => ({
    name: o.shortName ?? o.name,
    href: `/admin/organisations/${o.id}`,
    kind: KIND_LABELS[o.kind],
    parent: o.parentId ? (names.get(o.parentId) ?? '—') : '—',
    status: o.isActive ? 'активна' : 'отключена',
  }));
  return (
    <>
      <PageHeader
        title="Организации"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Администрирование', href: '/admin' }, { label: 'Организации' }]}
        actions={
          <Link href="/admin/organisations/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
            Добавить организацию
          </Link>
        }
      />
      <DataTable
        caption="Организации"
        rows={rows}
        columns={[
          { key: 'name', header: 'Наименование', kind: 'link', hrefKey: 'href' },
          { key: 'kind', header: 'Тип' },
          { key: 'parent', header: 'Вышестоящая' },
          { key: 'status', header: 'Статус', badges: { отключена: 'bg-slate-200 text-slate-800', активна: 'bg-green-100 text-green-900' } },
        ]}
        filters={[{ key: 'kind', label: 'Тип', options: Object.values(KIND_LABELS).map((v) => ({ value: v, label: v })) }]}
      />
    </>
  );
}
