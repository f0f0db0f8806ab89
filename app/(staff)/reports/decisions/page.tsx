import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/ru';
import { requireRight } from '@/lib/page-guard';
import { listDecisions } from '@/lib/reports/decisions/queries';

export const metadata: Metadata = { title: 'Управленческие решения' };

export default async function DecisionsPage() {
  const actor = await requireActor();
  requireRight(actor, 'report.export');
  const decisions = await listDecisions(actor);
  const rows = decisions.map((d) => ({
    decidedOn: formatDate(d.decidedOn),
    title: d.title,
    href: `/reports/decisions/${d.id}/edit`,
    organisation: d.organisationName,
    document: d.document || '—',
    responsible: d.responsible || '—',
    dueDate: d.dueDate ? formatDate(d.dueDate) : '—',
    finding: [d.finding, d.findingSchoolName ? `школа: ${d.findingSchoolName}` : ''].filter(Boolean).join('; ') || '—',
    concerned: d.concerned.map((c) => c.name).join(', ') || '—',
    items: d.items.length,
  }));
  return (
    <>
      <PageHeader
        title="Управленческие решения"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Отчёты', href: '/reports' }, { label: 'Управленческие решения' }]}
        actions={<Link href="/reports/decisions/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Записать решение</Link>}
      >
        <p>Решения, принятые по результатам мониторинга: документ, ответственный, срок и мероприятия дорожных карт. Решения года входят в мониторинговый отчёт.</p>
      </PageHeader>
      <DataTable
        caption="Управленческие решения"
        emptyText="Решений пока не записано."
        columns={[
          { key: 'decidedOn', header: 'Дата' },
          { key: 'title', header: 'Решение', kind: 'link', hrefKey: 'href' },
          { key: 'organisation', header: 'Кто принял' },
          { key: 'document', header: 'Документ' },
          { key: 'responsible', header: 'Ответственный' },
          { key: 'dueDate', header: 'Срок' },
          { key: 'finding', header: 'Результат мониторинга' },
          { key: 'concerned', header: 'Организации' },
          { key: 'items', header: 'Мероприятий', kind: 'number' },
        ]}
        rows={rows}
      />
    </>
  );
}
