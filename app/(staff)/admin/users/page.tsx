import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { ROLE_LABELS } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { listUsers } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Пользователи' };

export default async function UsersPage() {
  const actor = await requireActor();
  requireRight(actor, 'user.read');
  const users = await listUsers(actor);
  const rows = users.map((u) => ({
    name: u.name,
    href: `/admin/users/${u.id}`,
    login: u.login,
    role: ROLE_LABELS[u.role],
    organisation: u.organisationName,
    status: u.isActive ? 'активна' : 'отключена',
  }));
  return (
    <>
      <PageHeader
        title="Пользователи"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Администрирование', href: '/admin' }, { label: 'Пользователи' }]}
        actions={
          can(actor, 'user.write') ? (
            <Link href="/admin/users/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              Добавить пользователя
            </Link>
          ) : null
        }
      />
      <DataTable
        caption="Пользователи"
        rows={rows}
        columns={[
          { key: 'name', header: 'ФИО', kind: 'link', hrefKey: 'href' },
          { key: 'login', header: 'Логин' },
          { key: 'role', header: 'Роль' },
          { key: 'organisation', header: 'Организация' },
          { key: 'status', header: 'Статус', badges: { отключена: 'bg-slate-200 text-slate-800', активна: 'bg-green-100 text-green-900' } },
        ]}
        filters={[{ key: 'role', label: 'Роль', options: Object.values(ROLE_LABELS).map((v) => ({ value: v, label: v })) }]}
      />
    </>
  );
}
