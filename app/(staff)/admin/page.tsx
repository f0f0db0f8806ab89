import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { type Action, can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';

export const metadata: Metadata = { title: 'Администрирование' };

const TOOLS: { href: string; title: string; text: string; action: Action }[] = [
  { href: '/admin/organisations', title: 'Организации', text: 'Регионы, муниципалитеты, школы, методические центры.', action: 'organisation.write' },
  { href: '/admin/import', title: 'Импорт справочника школ', text: 'Загрузка CSV или XLSX с сопоставлением столбцов и предпросмотром.', action: 'school.import' },
  { href: '/admin/users', title: 'Пользователи', text: 'Учётные записи, роли, привязка к организациям, отключение.', action: 'user.read' },
  { href: '/admin/audit', title: 'Журнал аудита', text: 'Кто, когда и что изменил.', action: 'audit.read' },
];

export default async function AdminPage() {
  const actor = await requireActor();
  requireRight(actor, 'admin.access');
  const tools = TOOLS.filter((tool) => can(actor, tool.action));
  return (
    <>
      <PageHeader title="Администрирование" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Администрирование' }]} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {tools.map((tool) => (
          <li key={tool.href} className="rounded border border-slate-200 bg-white p-4">
            <Link href={tool.href} className="text-lg font-medium">
              {tool.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{tool.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
